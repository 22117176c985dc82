using System.Text.Json;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.DemoData;

/// <summary>
/// Berlin's social-space grid (Lebensweltlich orientierte Räume, LOR) for the Bezirk Marzahn-Hellersdorf with the official
/// boundaries (Geodata/berlin-lor, see its SOURCE.md: Amt für Statistik Berlin-Brandenburg via Open Data Product "Berlin LOR
/// Geodata", CC BY). Until 2020 the grid has four Prognoseräume, nine Bezirksregionen and 33 Planungsräume; on 1 Jan 2021
/// Berlin introduced a new grid, of which the demo carries the four new Prognoseräume as the successors of the old ones
/// (and of their Bezirksregionen and Planungsräume).
/// </summary>
/// <remarks>
/// Codes are the LOR keys behind a readable prefix: BE-10-PGR-1001 (Prognoseraum until 2020), BE-10-BZR-100101
/// (Bezirksregion), BE-10-PLR-10010101 (Planungsraum), BE-10-PGR-1010 (Prognoseraum from 2021). The old Prognoseräume are
/// planning regions, Bezirksregionen districts and Planungsräume neighbourhoods in Raumnetz's levels. Populations are
/// rounded estimates for the demo (the Bezirksregionen from published figures of recent years, the Planungsräume split
/// evenly from them), not an official table.
/// </remarks>
public static class DemoLor
{
    public const string DistrictCode = "BE-10";

    /// <summary>Shown under every map that draws these shapes (the README names the source too).</summary>
    public const string Attribution =
        "Grenzen: LOR Berlin, Amt für Statistik Berlin-Brandenburg (CC BY 3.0 DE), via Open Data Product Berlin LOR Geodata (CC BY 4.0)";

    public static readonly DateOnly GridStart = new(2006, 1, 1);
    public static readonly DateOnly OldGridEnd = new(2020, 12, 31);
    public static readonly DateOnly NewGridStart = new(2021, 1, 1);

    /// <summary>Rough population of the Bezirksregionen (the Prognoseräume are their sums) and their level of hardship
    /// (0 = city average, 1 = hardest hit), which shapes the demo figures.</summary>
    public static readonly IReadOnlyDictionary<string, (int Population, double Hardship)> Regions = new Dictionary<string, (int, double)>
    {
        ["100101"] = (38_000, 0.7), // Marzahn Nord
        ["100102"] = (56_000, 0.45), // Marzahn Mitte
        ["100103"] = (30_000, 0.3), // Marzahn Süd
        ["100204"] = (34_000, 0.6), // Hellersdorf Nord
        ["100205"] = (23_000, 0.4), // Hellersdorf Ost
        ["100206"] = (22_000, 0.35), // Hellersdorf Süd
        ["100307"] = (28_000, -0.1), // Biesdorf
        ["100408"] = (20_000, -0.15), // Kaulsdorf
        ["100409"] = (30_000, -0.25), // Mahlsdorf
    };

    /// <summary>The Prognoseraum from 2021 that succeeds each Prognoseraum until 2020.</summary>
    private static readonly Dictionary<string, string> NewForecastArea = new()
    {
        ["1001"] = "1010", ["1002"] = "1020", ["1003"] = "1030", ["1004"] = "1040",
    };

    public static string OldForecastAreaCode(string key) => $"BE-10-PGR-{key}";
    public static string NewForecastAreaCode(string oldKey) => $"BE-10-PGR-{NewForecastArea[oldKey]}";
    public static string DistrictRegionCode(string key) => $"BE-10-BZR-{key}";
    public static string PlanningAreaCode(string key) => $"BE-10-PLR-{key}";

    private sealed record Feature(string Key, string Name, string Geometry);

    private static readonly Dictionary<string, List<Feature>> Cache = new(StringComparer.Ordinal);

    private static List<Feature> Read(string file)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(file, out var features)) Cache[file] = features = Load(file);
            return features;
        }
    }

    private static List<Feature> Load(string file)
    {
        var assembly = typeof(DemoLor).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Raumnetz.DemoData.Geodata.berlin-lor.{file}")
            ?? throw new InvalidOperationException($"Demo geodata '{file}' is not embedded.");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => new Feature(f.GetProperty("properties").GetProperty("id").GetString()!,
                f.GetProperty("properties").GetProperty("name").GetString()!, f.GetProperty("geometry").GetRawText()))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The Bezirk and its LOR spaces, parents and predecessors first.</summary>
    public static IReadOnlyList<DemoSpace> Spaces()
    {
        var district = Read("marzahn-hellersdorf-districts.geojson").Single();
        var oldForecast = Read("marzahn-hellersdorf-forecast-areas-until-2020.geojson");
        var regions = Read("marzahn-hellersdorf-district-regions-until-2020.geojson");
        var planning = Read("marzahn-hellersdorf-planning-areas-until-2020.geojson");
        var newForecast = Read("marzahn-hellersdorf-forecast-areas-from-2021.geojson").ToDictionary(f => f.Key);

        var spaces = new List<DemoSpace>
        {
            new(DistrictCode, "Bezirk Marzahn-Hellersdorf", SpaceLevel.County, "11", Regions.Values.Sum(r => r.Population),
                new DateOnly(2001, 1, 1), Shape: district.Geometry),
        };
        foreach (var forecast in oldForecast)
        {
            var ownRegions = regions.Where(r => r.Key.StartsWith(forecast.Key, StringComparison.Ordinal)).ToList();
            var ownPlanning = planning.Where(p => p.Key.StartsWith(forecast.Key, StringComparison.Ordinal)).ToList();
            var population = ownRegions.Sum(r => Regions[r.Key].Population);
            spaces.Add(new(OldForecastAreaCode(forecast.Key), $"Prognoseraum {forecast.Name} (bis 2020)", SpaceLevel.PlanningRegion,
                DistrictCode, population, GridStart, OldGridEnd, Shape: forecast.Geometry));
            foreach (var region in ownRegions)
            {
                var inRegion = ownPlanning.Where(p => p.Key.StartsWith(region.Key, StringComparison.Ordinal)).ToList();
                spaces.Add(new(DistrictRegionCode(region.Key), region.Name, SpaceLevel.District, OldForecastAreaCode(forecast.Key),
                    Regions[region.Key].Population, GridStart, OldGridEnd, Shape: region.Geometry));
                foreach (var area in inRegion)
                    spaces.Add(new(PlanningAreaCode(area.Key), area.Name, SpaceLevel.Neighbourhood, DistrictRegionCode(region.Key),
                        PlanningAreaPopulation(area.Key), GridStart, OldGridEnd, Shape: area.Geometry));
            }
            var successor = newForecast[NewForecastArea[forecast.Key]];
            spaces.Add(new(NewForecastAreaCode(forecast.Key), $"Prognoseraum {successor.Name}", SpaceLevel.PlanningRegion, DistrictCode,
                population, NewGridStart,
                PredecessorCodes: [OldForecastAreaCode(forecast.Key), .. ownRegions.Select(r => DistrictRegionCode(r.Key)),
                    .. ownPlanning.Select(p => PlanningAreaCode(p.Key))],
                Shape: successor.Geometry));
        }
        return spaces;
    }

    /// <summary>The LOR key of every Planungsraum with its Bezirksregion's key.</summary>
    public static IEnumerable<(string Key, string RegionKey)> PlanningAreas() =>
        Read("marzahn-hellersdorf-planning-areas-until-2020.geojson").Select(p => (p.Key, p.Key[..6]));

    /// <summary>The Bezirksregion's population split evenly over its Planungsräume (an estimate for the demo).</summary>
    public static int PlanningAreaPopulation(string key)
    {
        var siblings = Read("marzahn-hellersdorf-planning-areas-until-2020.geojson").Count(p => p.Key[..6] == key[..6]);
        return (int)Math.Round(Regions[key[..6]].Population / (double)siblings / 100) * 100;
    }
}
