using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Raumnetz.Domain.Inventory;

/// <summary>A WGS 84 coordinate in degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude);

/// <summary>
/// Straight-line distances on WGS 84 (haversine on a sphere of the mean Earth radius, 6,371.0088 km; the error against the
/// ellipsoid stays below 0.5 %) and the geometric centroid of a space's GeoJSON polygon.
/// </summary>
public static class GeoDistance
{
    /// <summary>The mean Earth radius (IUGG) in kilometres.</summary>
    public const double EarthRadiusKm = 6371.0088;

    private static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory(new GeometryFactory(new PrecisionModel(), 4326)));
        return options;
    }

    /// <summary>The great-circle distance in kilometres.</summary>
    public static double HaversineKm(GeoPoint a, GeoPoint b)
    {
        const double rad = Math.PI / 180;
        var dLat = (b.Latitude - a.Latitude) * rad;
        var dLon = (b.Longitude - a.Longitude) * rad;
        var sinLat = Math.Sin(dLat / 2);
        var sinLon = Math.Sin(dLon / 2);
        var h = (sinLat * sinLat) + (Math.Cos(a.Latitude * rad) * Math.Cos(b.Latitude * rad) * sinLon * sinLon);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>
    /// The centroid of a GeoJSON Polygon or MultiPolygon (planar in degrees: exact enough for spaces of a county); null when
    /// the geometry cannot be read or is empty.
    /// </summary>
    public static GeoPoint? Centroid(string? geoJson)
    {
        if (string.IsNullOrWhiteSpace(geoJson)) return null;
        try
        {
            var geometry = JsonSerializer.Deserialize<Geometry>(geoJson, Options);
            if (geometry is not (Polygon or MultiPolygon) || geometry.IsEmpty) return null;
            var c = geometry.Centroid;
            return c.IsEmpty || double.IsNaN(c.X) || double.IsNaN(c.Y) ? null : new GeoPoint(c.Y, c.X);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }
}
