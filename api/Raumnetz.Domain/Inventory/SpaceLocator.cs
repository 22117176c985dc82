using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.IO.Converters;

namespace Raumnetz.Domain.Inventory;

/// <summary>A space that may contain locations: its id, code, level (1 = largest) and GeoJSON geometry.</summary>
public sealed record LocatableSpace(Guid Id, string Code, int Level, string Geometry);

/// <summary>
/// Point in space: the social space a WGS 84 coordinate lies in, from the spaces' GeoJSON polygons (planar, in degrees,
/// which is exact for containment). A point on a boundary lies in the space (covers, not contains). Of several spaces
/// containing the point the finest level wins, then the smallest code (so a point on the edge between two neighbours
/// gets one answer every time). Geometries that cannot be read are skipped.
/// </summary>
public static class SpaceLocator
{
    private static readonly JsonSerializerOptions Options = CreateOptions();
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory(Factory));
        return options;
    }

    public static Guid? Locate(double latitude, double longitude, IEnumerable<LocatableSpace> spaces)
    {
        var point = Factory.CreatePoint(new Coordinate(longitude, latitude));
        LocatableSpace? best = null;
        foreach (var space in spaces)
        {
            if (Read(space.Geometry) is not { } geometry) continue;
            if (!geometry.EnvelopeInternal.Covers(point.Coordinate)) continue;
            if (!PreparedGeometryFactory.Prepare(geometry).Covers(point)) continue;
            if (best is null || space.Level > best.Level
                || (space.Level == best.Level && string.CompareOrdinal(space.Code, best.Code) < 0)) best = space;
        }
        return best?.Id;
    }

    private static Geometry? Read(string geoJson)
    {
        try
        {
            var geometry = JsonSerializer.Deserialize<Geometry>(geoJson, Options);
            return geometry switch
            {
                Polygon or MultiPolygon when geometry.IsValid => geometry,
                Polygon or MultiPolygon => geometry.Buffer(0), // repairs self-intersections drawn by hand
                _ => null,
            };
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }
}
