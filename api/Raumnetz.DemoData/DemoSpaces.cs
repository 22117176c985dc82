using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.DemoData;

/// <summary>
/// One space of the demo data set. <see cref="Code"/> doubles as the key other entries refer to (parent, predecessors,
/// actors' spaces). <see cref="EndedOn"/> is applied with an EndSpaceCommand right after the space is created.
/// </summary>
/// <param name="Box">Rough bounding box (west, south, east, north in WGS84 degrees) of a simple shape: an octagon inside the box
/// (corners cut), so that neighbours never overlap and nobody takes the shape for a real boundary.</param>
/// <param name="Shape">A real boundary as a GeoJSON geometry (the Berlin LOR, see <see cref="DemoLor"/>); wins over the box.</param>
public sealed record DemoSpace(
    string Code,
    string Name,
    SpaceLevel Level,
    string? ParentCode,
    int? Population,
    DateOnly ValidFrom,
    DateOnly? EndedOn = null,
    IReadOnlyList<string>? PredecessorCodes = null,
    (double West, double South, double East, double North)? Box = null,
    string? Shape = null)
{
    /// <summary>How much of the box's width and height each cut corner takes (spaces with smaller spaces drawn inside them
    /// cut less, so that the children stay inside).</summary>
    public double CornerCut { get; init; } = 0.2;

    /// <summary>The shape as a GeoJSON geometry, or null: the real boundary, else the octagon in the box (exterior ring
    /// counter-clockwise, closed).</summary>
    public JsonElement? Geometry => Shape is { } shape ? JsonDocument.Parse(shape).RootElement.Clone()
        : Box is { } b ? JsonDocument.Parse(Octagon(b, CornerCut)).RootElement.Clone()
        : null;

    private static string Octagon((double West, double South, double East, double North) b, double cut)
    {
        var dx = (b.East - b.West) * cut;
        var dy = (b.North - b.South) * cut;
        (double X, double Y)[] ring =
        [
            (b.West + dx, b.South), (b.East - dx, b.South), (b.East, b.South + dy), (b.East, b.North - dy),
            (b.East - dx, b.North), (b.West + dx, b.North), (b.West, b.North - dy), (b.West, b.South + dy), (b.West + dx, b.South),
        ];
        var inv = CultureInfo.InvariantCulture;
        var points = string.Join(",", ring.Select(p => string.Create(inv, $"[{Math.Round(p.X, 6)},{Math.Round(p.Y, 6)}]")));
        return $"{{\"type\":\"Polygon\",\"coordinates\":[[{points}]]}}";
    }
}

/// <summary>
/// The spaces of the demo data set: the places the seed documents talk about (Landkreis Potsdam-Mittelmark with its four
/// planning regions, Dortmund with its Stadtbezirke and Sozialräume, Landkreis Eichsfeld, Landkreis Meißen and the
/// Bezirk Marzahn-Hellersdorf in Berlin with its LOR grid, see <see cref="DemoLor"/>). Only Berlin has real boundaries; the
/// other spaces with a shape get a simple octagon (see <see cref="DemoSpace.Box"/>).
/// </summary>
/// <remarks>
/// Codes of states, counties and municipalities are the official keys (AGS/ARS, e.g. 12069616 for Teltow). Planning
/// regions, city districts and social spaces have no official key; their codes are built from the parent's key plus a
/// readable suffix ("12069-PR1", "05913-SB02", "05913-SR-HAFEN", "BE-10-MARZAHN-NORD"). Populations are rounded figures
/// of recent years (31 Dec 2022–2025), not an official table; small-area figures are estimates. ValidFrom is the start of
/// the territorial state used here, not the founding of a town: the reform that created the county or municipality in
/// its present form where known (Landkreis Meißen 1 Aug 2008, Leinefelde-Worbis 16 Mar 2004, Schwielowsee 31 Dec 2002),
/// otherwise the end of Brandenburg's municipal reform (26 Oct 2003); the planning regions' start (2016) is illustrative.
/// Two reorganisations are modelled: the real formation of the Landgemeinde Dingelstädt on 1 Jan 2019
/// (Thuringian territorial reform; the old town key 16061025 ends on 31 Dec 2018), and an illustrative split of the
/// Dortmund Sozialraum Nordmarkt into Nordmarkt-Nord and Nordmarkt-Süd on the same day (the two sub-areas exist in the
/// city's statistics; the date of the split is invented for the demo).
/// </remarks>
public static class DemoSpaces
{
    private static readonly DateOnly GermanUnity = new(1990, 10, 3);
    /// <summary>Brandenburg's municipal reform ended on 26 Oct 2003; most municipal borders in the county date from then.</summary>
    private static readonly DateOnly PmReform = new(2003, 10, 26);
    private static readonly DateOnly SplitEnd = new(2018, 12, 31);
    private static readonly DateOnly SplitStart = new(2019, 1, 1);

    private static DemoSpace S(string code, string name, SpaceLevel level, string? parent, int? population, DateOnly validFrom,
        (double, double, double, double)? box = null, DateOnly? endedOn = null, IReadOnlyList<string>? predecessors = null,
        double cut = 0.2)
        => new(code, name, level, parent, population, validFrom, endedOn, predecessors, box) { CornerCut = cut };

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>All demo spaces, every parent and predecessor before the spaces that refer to it.</summary>
    public static readonly IReadOnlyList<DemoSpace> All =
    [
        // ---- States (Länder), official keys -------------------------------------------------------------------
        S("12", "Brandenburg", SpaceLevel.State, null, 2_570_000, GermanUnity),
        S("05", "Nordrhein-Westfalen", SpaceLevel.State, null, 18_140_000, D(1946, 8, 23)),
        S("16", "Thüringen", SpaceLevel.State, null, 2_110_000, GermanUnity),
        S("14", "Sachsen", SpaceLevel.State, null, 4_050_000, GermanUnity),
        S("11", "Berlin", SpaceLevel.State, null, 3_760_000, GermanUnity),

        // ---- Brandenburg: Landkreis Potsdam-Mittelmark and its four planning regions (Regionalkoordination) ------
        S("12069", "Landkreis Potsdam-Mittelmark", SpaceLevel.County, "12", 221_000, D(1993, 12, 6), (12.25, 51.95, 13.35, 52.45),
            cut: 0.03),

        S("12069-PR1", "Planungsregion Teltow", SpaceLevel.PlanningRegion, "12069", 64_000, D(2016, 1, 1)),
        S("12069616", "Teltow", SpaceLevel.Municipality, "12069-PR1", 27_700, PmReform, (13.24, 52.38, 13.31, 52.41)),
        S("12069616-KERN", "Teltow Kernstadt", SpaceLevel.District, "12069616", 21_000, PmReform),
        S("12069616-RUHLSDORF", "Ruhlsdorf", SpaceLevel.District, "12069616", 2_900, PmReform),
        S("12069616-SEEHOF", "Seehof", SpaceLevel.District, "12069616", 3_800, PmReform),
        S("12069304", "Kleinmachnow", SpaceLevel.Municipality, "12069-PR1", 19_300, PmReform, (13.19, 52.39, 13.24, 52.42)),
        S("12069604", "Stahnsdorf", SpaceLevel.Municipality, "12069-PR1", 16_800, PmReform, (13.13, 52.35, 13.23, 52.39)),

        S("12069-PR2", "Planungsregion Werder (Havel)", SpaceLevel.PlanningRegion, "12069", 80_000, D(2016, 1, 1)),
        S("12069656", "Werder (Havel)", SpaceLevel.Municipality, "12069-PR2", 27_100, PmReform, (12.84, 52.33, 13.00, 52.43)),
        S("12069656-KERN", "Werder (Havel) Kernstadt", SpaceLevel.District, "12069656", 13_500, PmReform),
        S("12069656-GLINDOW", "Glindow", SpaceLevel.District, "12069656", 3_100, PmReform),
        S("12069656-TOEPLITZ", "Töplitz", SpaceLevel.District, "12069656", 2_200, PmReform),
        S("12069590", "Schwielowsee", SpaceLevel.Municipality, "12069-PR2", 10_900, D(2002, 12, 31)),
        S("12069397", "Michendorf", SpaceLevel.Municipality, "12069-PR2", 13_700, PmReform),
        S("12069454", "Nuthetal", SpaceLevel.Municipality, "12069-PR2", 9_300, PmReform),
        S("12069596", "Seddiner See", SpaceLevel.Municipality, "12069-PR2", 4_800, PmReform),
        S("12069017", "Beelitz", SpaceLevel.Municipality, "12069-PR2", 13_900, PmReform),

        S("12069-PR3", "Planungsregion Bad Belzig / Hoher Fläming", SpaceLevel.PlanningRegion, "12069", 38_000, D(2016, 1, 1)),
        S("12069020", "Bad Belzig", SpaceLevel.Municipality, "12069-PR3", 11_100, PmReform, (12.50, 52.08, 12.70, 52.20)),
        S("12069632", "Treuenbrietzen", SpaceLevel.Municipality, "12069-PR3", 7_500, PmReform),

        S("12069-PR4", "Planungsregion Brandenburg-Umland", SpaceLevel.PlanningRegion, "12069", 40_000, D(2016, 1, 1)),
        S("12069306", "Kloster Lehnin", SpaceLevel.Municipality, "12069-PR4", 11_400, D(2002, 4, 1), (12.62, 52.25, 12.86, 52.40)),
        S("12069249", "Groß Kreutz (Havel)", SpaceLevel.Municipality, "12069-PR4", 8_600, PmReform),

        // ---- Nordrhein-Westfalen: Dortmund (kreisfreie Stadt, on county level), 12 Stadtbezirke, Sozialräume ---
        S("05913", "Dortmund", SpaceLevel.County, "05", 595_000, D(1975, 1, 1), (7.30, 51.42, 7.64, 51.60), cut: 0.03),
        S("05913-SB01", "Innenstadt-West", SpaceLevel.District, "05913", 54_000, D(1975, 1, 1)),
        S("05913-SB02", "Innenstadt-Nord", SpaceLevel.District, "05913", 60_000, D(1975, 1, 1), (7.43, 51.515, 7.50, 51.545),
            cut: 0.03),
        S("05913-SB03", "Innenstadt-Ost", SpaceLevel.District, "05913", 57_000, D(1975, 1, 1)),
        S("05913-SB04", "Eving", SpaceLevel.District, "05913", 39_000, D(1975, 1, 1)),
        S("05913-SB05", "Scharnhorst", SpaceLevel.District, "05913", 46_000, D(1975, 1, 1)),
        S("05913-SB06", "Brackel", SpaceLevel.District, "05913", 57_000, D(1975, 1, 1)),
        S("05913-SB07", "Aplerbeck", SpaceLevel.District, "05913", 56_000, D(1975, 1, 1)),
        S("05913-SB08", "Hörde", SpaceLevel.District, "05913", 56_000, D(1975, 1, 1)),
        S("05913-SB09", "Hombruch", SpaceLevel.District, "05913", 57_000, D(1975, 1, 1)),
        S("05913-SB10", "Lütgendortmund", SpaceLevel.District, "05913", 49_000, D(1975, 1, 1)),
        S("05913-SB11", "Huckarde", SpaceLevel.District, "05913", 37_000, D(1975, 1, 1)),
        S("05913-SB12", "Mengede", SpaceLevel.District, "05913", 39_000, D(1975, 1, 1)),
        // Nordstadt (= Stadtbezirk Innenstadt-Nord): Hafen, Nordmarkt, Borsigplatz.
        S("05913-SR-HAFEN", "Sozialraum Hafen", SpaceLevel.Neighbourhood, "05913-SB02", 16_500, D(2008, 1, 1),
            (7.43, 51.52, 7.455, 51.545)),
        S("05913-SR-NORDMARKT", "Sozialraum Nordmarkt", SpaceLevel.Neighbourhood, "05913-SB02", 27_000, D(2008, 1, 1),
            (7.455, 51.52, 7.475, 51.54),
            endedOn: SplitEnd),
        S("05913-SR-NORDMARKT-NORD", "Sozialraum Nordmarkt-Nord", SpaceLevel.Neighbourhood, "05913-SB02", 13_000, SplitStart,
            (7.455, 51.53, 7.475, 51.54),
            predecessors: ["05913-SR-NORDMARKT"]),
        S("05913-SR-NORDMARKT-SUED", "Sozialraum Nordmarkt-Süd", SpaceLevel.Neighbourhood, "05913-SB02", 14_000, SplitStart,
            (7.455, 51.52, 7.475, 51.53),
            predecessors: ["05913-SR-NORDMARKT"]),
        S("05913-SR-BORSIGPLATZ", "Sozialraum Borsigplatz", SpaceLevel.Neighbourhood, "05913-SB02", 16_500, D(2008, 1, 1),
            (7.475, 51.515, 7.50, 51.535)),
        S("05913-SR-DORSTFELD", "Sozialraum Dorstfeld", SpaceLevel.Neighbourhood, "05913-SB01", 15_000, D(2008, 1, 1)),
        S("05913-SR-LINDENHORST", "Sozialraum Lindenhorst", SpaceLevel.Neighbourhood, "05913-SB04", 8_000, D(2008, 1, 1)),
        S("05913-SR-SCHARNHORST-OST", "Sozialraum Scharnhorst-Ost", SpaceLevel.Neighbourhood, "05913-SB05", 13_000, D(2008, 1, 1)),
        S("05913-SR-CLARENBERG", "Sozialraum Clarenberg", SpaceLevel.Neighbourhood, "05913-SB08", 3_500, D(2008, 1, 1)),
        S("05913-SR-MARTEN", "Sozialraum Marten", SpaceLevel.Neighbourhood, "05913-SB10", 9_000, D(2008, 1, 1)),
        S("05913-SR-WESTERFILDE", "Sozialraum Westerfilde", SpaceLevel.Neighbourhood, "05913-SB12", 9_500, D(2008, 1, 1)),

        // ---- Thüringen: Landkreis Eichsfeld ------------------------------------------------------------------
        S("16061", "Landkreis Eichsfeld", SpaceLevel.County, "16", 100_300, D(1994, 7, 1)),
        S("16061045", "Heilbad Heiligenstadt", SpaceLevel.Municipality, "16061", 18_700, D(1994, 7, 1), (10.08, 51.35, 10.20, 51.41)),
        S("16061115", "Leinefelde-Worbis", SpaceLevel.Municipality, "16061", 20_400, D(2004, 3, 16), (10.25, 51.35, 10.45, 51.43)),
        S("16061115-LEINEFELDE", "Leinefelde", SpaceLevel.District, "16061115", 8_500, D(2004, 3, 16)),
        S("16061115-SUEDSTADT", "Südstadt Leinefelde", SpaceLevel.Neighbourhood, "16061115-LEINEFELDE", 4_800, D(2004, 3, 16)),
        S("16061115-WORBIS", "Worbis", SpaceLevel.District, "16061115", 4_800, D(2004, 3, 16)),
        // Thuringian territorial reform: the town of Dingelstädt and four villages formed the Landgemeinde on 1 Jan 2019.
        S("16061025", "Stadt Dingelstädt (bis 2018)", SpaceLevel.Municipality, "16061", 4_300, D(1994, 7, 1), endedOn: SplitEnd),
        S("16061118", "Landgemeinde Stadt Dingelstädt", SpaceLevel.Municipality, "16061", 10_900, SplitStart, predecessors: ["16061025"]),

        // ---- Sachsen: Landkreis Meißen -----------------------------------------------------------------------
        S("14627", "Landkreis Meißen", SpaceLevel.County, "14", 241_200, D(2008, 8, 1)),
        S("14627140", "Meißen", SpaceLevel.Municipality, "14627", 29_000, D(2008, 8, 1), (13.42, 51.13, 13.52, 51.19)),
        S("14627140-COELLN", "Cölln", SpaceLevel.District, "14627140", null, D(2008, 8, 1)),
        S("14627140-TRIEBISCHTAL", "Triebischtal", SpaceLevel.District, "14627140", null, D(2008, 8, 1)),
        S("14627210", "Radebeul", SpaceLevel.Municipality, "14627", 33_800, D(2008, 8, 1), (13.60, 51.09, 13.70, 51.13)),
        S("14627010", "Coswig", SpaceLevel.Municipality, "14627", 20_600, D(2008, 8, 1), (13.52, 51.11, 13.60, 51.15)),
        S("14627230", "Riesa", SpaceLevel.Municipality, "14627", 29_600, D(2008, 8, 1), (13.23, 51.27, 13.35, 51.34)),
        S("14627230-WEIDA", "Riesa-Weida", SpaceLevel.District, "14627230", null, D(2008, 8, 1)),
        S("14627230-MERZDORF", "Riesa-Merzdorf", SpaceLevel.District, "14627230", null, D(2008, 8, 1)),
        S("14627230-GROEBA", "Riesa-Gröba", SpaceLevel.District, "14627230", null, D(2008, 8, 1)),

        // ---- Berlin: Bezirk Marzahn-Hellersdorf (Bezirk on county level) with the LOR grid and its real boundaries -----
        .. DemoLor.Spaces(),
    ];

    private static readonly Regex CodePattern = new("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant);

    /// <summary>
    /// What would make the seed fail halfway (the commands validate each space on its own; this checks the set as a whole
    /// before anything is written): unknown or later parents, levels that do not descend, unknown predecessors, duplicates.
    /// </summary>
    public static IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var seen = new Dictionary<string, DemoSpace>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in All)
        {
            if (!CodePattern.IsMatch(s.Code) || s.Code.Length > Limits.Code) problems.Add($"Space '{s.Code}': invalid code.");
            if (string.IsNullOrWhiteSpace(s.Name) || s.Name.Length > Limits.Name) problems.Add($"Space '{s.Code}': invalid name.");
            if (s.ParentCode is { } parent)
            {
                if (!seen.TryGetValue(parent, out var p)) problems.Add($"Space '{s.Code}': parent '{parent}' is not defined before it.");
                else if (!SpaceRules.IsValidChildLevel(p.Level, s.Level)) problems.Add(
                    $"Space '{s.Code}': {s.Level} cannot lie inside {p.Level} '{parent}'.");
            }
            foreach (var predecessor in s.PredecessorCodes ?? [])
            {
                if (!seen.TryGetValue(predecessor, out var p)) problems.Add(
                    $"Space '{s.Code}': predecessor '{predecessor}' is not defined before it.");
                else if (p.EndedOn is not { } end || end >= s.ValidFrom) problems.Add(
                    $"Space '{s.Code}': predecessor '{predecessor}' must end before {s.ValidFrom:yyyy-MM-dd}.");
            }
            if (s.EndedOn is { } ended && ended < s.ValidFrom) problems.Add($"Space '{s.Code}': ends before it begins.");
            if (s.Box is { } b && (b.West >= b.East || b.South >= b.North)) problems.Add($"Space '{s.Code}': empty bounding box.");
            if (!seen.TryAdd(s.Code, s)) problems.Add($"Space '{s.Code}': duplicate code.");
        }
        problems.AddRange(DemoShapes.Problems(All));
        return problems;
    }
}
