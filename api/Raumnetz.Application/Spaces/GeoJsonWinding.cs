using System.Buffers;
using System.Text.Json;

namespace Raumnetz.Application.Spaces;

/// <summary>
/// The right-hand rule of RFC 7946 (section 3.1.6) for Polygon and MultiPolygon geometries: a polygon's exterior ring runs
/// counterclockwise, its holes clockwise. The orientation of a ring is the sign of its area by the shoelace formula
/// (longitude as x, latitude as y): positive is counterclockwise. A ring that runs the wrong way is reversed (its first
/// point stays first: a closed ring stays closed); a ring without area keeps its order. Everything else in the geometry
/// (foreign members, the text of every number) is kept as it is, and a geometry that follows the rule is returned as it
/// came, not rewritten.
/// </summary>
public static class GeoJsonWinding
{
    /// <summary>Whether every ring of <paramref name="geometry"/> runs as the rule says (true for anything that is no polygon).</summary>
    public static bool FollowsRightHandRule(JsonElement geometry) => !NeedsRewinding(geometry, out _, out _);

    /// <summary>The geometry with its rings wound by the rule: <paramref name="geometry"/> itself when it follows it already.</summary>
    public static JsonElement Rewind(JsonElement geometry)
    {
        if (!NeedsRewinding(geometry, out var coordinates, out var multi)) return geometry;
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer)) Write(json, geometry, coordinates, multi);
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>The GeoJSON text with its rings wound by the rule: <paramref name="json"/> itself when it follows it already.</summary>
    public static string Rewind(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (!NeedsRewinding(document.RootElement, out var coordinates, out var multi)) return json;
        var buffer = new ArrayBufferWriter<byte>(json.Length + 16);
        using (var writer = new Utf8JsonWriter(buffer)) Write(writer, document.RootElement, coordinates, multi);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Whether the geometry is a Polygon or MultiPolygon (<paramref name="multi"/>) with a ring that runs the wrong
    /// way.</summary>
    private static bool NeedsRewinding(JsonElement geometry, out JsonElement coordinates, out bool multi)
    {
        coordinates = default;
        multi = false;
        if (geometry.ValueKind != JsonValueKind.Object || !geometry.TryGetProperty("type", out var type)
            || !geometry.TryGetProperty("coordinates", out coordinates) || coordinates.ValueKind != JsonValueKind.Array)
            return false;
        if (type.ValueEquals("Polygon")) return PolygonIsWrong(coordinates);
        if (!type.ValueEquals("MultiPolygon")) return false;
        multi = true;
        foreach (var polygon in coordinates.EnumerateArray())
            if (PolygonIsWrong(polygon)) return true;
        return false;
    }

    private static bool PolygonIsWrong(JsonElement polygon)
    {
        if (polygon.ValueKind != JsonValueKind.Array) return false;
        var exterior = true;
        foreach (var ring in polygon.EnumerateArray())
        {
            if (IsWrong(ring, exterior)) return true;
            exterior = false;
        }
        return false;
    }

    /// <summary>Whether a ring runs against the rule: an exterior clockwise, a hole counterclockwise.</summary>
    private static bool IsWrong(JsonElement ring, bool exterior)
    {
        var area = SignedArea(ring);
        return exterior ? area < 0 : area > 0;
    }

    /// <summary>
    /// Twice the ring's signed area by the shoelace formula, measured from its first point (which keeps the products small);
    /// positive when the ring runs counterclockwise. 0 for anything that is no ring of points.
    /// </summary>
    public static double SignedArea(JsonElement ring)
    {
        if (ring.ValueKind != JsonValueKind.Array) return 0;
        double sum = 0, x0 = 0, y0 = 0, px = 0, py = 0;
        var n = 0;
        foreach (var point in ring.EnumerateArray())
        {
            if (!TryPoint(point, out var x, out var y)) return 0;
            if (n++ == 0)
            {
                (x0, y0) = (x, y);
                continue;
            }
            x -= x0;
            y -= y0;
            sum += px * y - x * py;
            (px, py) = (x, y);
        }
        return sum;
    }

    private static bool TryPoint(JsonElement point, out double x, out double y)
    {
        x = y = 0;
        return point.ValueKind == JsonValueKind.Array && point.GetArrayLength() >= 2
            && point[0].ValueKind == JsonValueKind.Number && point[1].ValueKind == JsonValueKind.Number
            && point[0].TryGetDouble(out x) && point[1].TryGetDouble(out y);
    }

    /// <summary>The geometry object with every member as it is, except that the coordinates' wrong rings are reversed.</summary>
    private static void Write(Utf8JsonWriter json, JsonElement geometry, JsonElement coordinates, bool multi)
    {
        json.WriteStartObject();
        foreach (var member in geometry.EnumerateObject())
        {
            if (!member.NameEquals("coordinates"))
            {
                member.WriteTo(json);
                continue;
            }
            json.WritePropertyName(member.Name);
            if (!multi) Polygon(json, coordinates);
            else
            {
                json.WriteStartArray();
                foreach (var polygon in coordinates.EnumerateArray()) Polygon(json, polygon);
                json.WriteEndArray();
            }
        }
        json.WriteEndObject();
    }

    private static void Polygon(Utf8JsonWriter json, JsonElement polygon)
    {
        if (polygon.ValueKind != JsonValueKind.Array)
        {
            polygon.WriteTo(json);
            return;
        }
        json.WriteStartArray();
        var index = 0;
        foreach (var ring in polygon.EnumerateArray())
        {
            if (!IsWrong(ring, index++ == 0))
            {
                ring.WriteTo(json);
                continue;
            }
            // reversed with the first point first: [a, b, c, d, a] becomes [a, d, c, b, a]
            var points = ring.EnumerateArray().ToArray();
            var closed = points.Length > 1 && TryPoint(points[0], out var x0, out var y0) && TryPoint(points[^1], out var x1, out var y1)
                && x0 == x1 && y0 == y1;
            json.WriteStartArray();
            points[0].WriteTo(json);
            for (var i = points.Length - (closed ? 2 : 1); i >= 1; i--) points[i].WriteTo(json);
            if (closed) points[^1].WriteTo(json);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }
}
