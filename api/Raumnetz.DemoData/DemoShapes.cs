using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Raumnetz.DemoData;

/// <summary>
/// Checks on the demo spaces' shapes before anything is seeded: a shape lies inside its nearest ancestor with a shape, and
/// shapes of siblings that are valid at the same time do not overlap (real boundaries are allowed slivers of 1 %).
/// </summary>
public static class DemoShapes
{
    private const double Tolerance = 0.01;
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);
    private static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory(Factory));
        return options;
    }

    private static Geometry? Read(DemoSpace space)
    {
        if (space.Geometry is not { } json) return null;
        var geometry = json.Deserialize<Geometry>(Options)!;
        return geometry.IsValid ? geometry : geometry.Buffer(0);
    }

    /// <summary>Whether the point lies in the space's shape or, where it has none, in its nearest ancestor's.</summary>
    public static bool Covers(DemoSpace space, IReadOnlyDictionary<string, DemoSpace> spaces, double latitude, double longitude)
    {
        for (DemoSpace? s = space; s is not null; s = s.ParentCode is { } p ? spaces.GetValueOrDefault(p) : null)
        {
            if (Read(s) is not { } shape) continue;
            // strictly inside: a point on the edge of two spaces is ambiguous
            return shape.Contains(Factory.CreatePoint(new Coordinate(longitude, latitude)));
        }
        return false;
    }

    public static IReadOnlyList<string> Problems(IReadOnlyList<DemoSpace> all)
    {
        var problems = new List<string>();
        var byCode = all.ToDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);
        var shapes = all.Select(s => (Space: s, Shape: Read(s))).Where(x => x.Shape is not null)
            .ToDictionary(x => x.Space.Code, x => x.Shape!, StringComparer.OrdinalIgnoreCase);
        foreach (var (code, shape) in shapes)
        {
            var space = byCode[code];
            for (var parent = space.ParentCode; parent is not null; parent = byCode[parent].ParentCode)
            {
                if (!shapes.TryGetValue(parent, out var outer)) continue;
                if (shape.Difference(outer).Area > Tolerance * shape.Area) problems.Add($"Space '{code}': shape outside '{parent}'.");
                break;
            }
        }
        foreach (var siblings in all.Where(s => shapes.ContainsKey(s.Code)).GroupBy(s => s.ParentCode ?? ""))
        {
            var list = siblings.ToList();
            for (var i = 0; i < list.Count; i++)
                for (var j = i + 1; j < list.Count; j++)
                {
                    var (a, b) = (list[i], list[j]);
                    var overlapInTime = a.ValidFrom <= (b.EndedOn ?? DateOnly.MaxValue) && b.ValidFrom <= (a.EndedOn ?? DateOnly.MaxValue);
                    if (!overlapInTime) continue;
                    var (sa, sb) = (shapes[a.Code], shapes[b.Code]);
                    if (sa.Intersection(sb).Area > Tolerance * Math.Min(sa.Area, sb.Area))
                        problems.Add($"Spaces '{a.Code}' and '{b.Code}': shapes overlap.");
                }
        }
        return problems;
    }
}
