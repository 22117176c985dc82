using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Raumnetz.Application.Hsds;

/// <summary>
/// Small helpers for writing HSDS 3.0 objects: properties whose value is null are left out (HSDS types its properties without
/// null), dates and instants in ISO 8601, and stable ids for the parts the inventory keeps without an id of their own (a phone,
/// a schedule, an address): a name-based UUID of the owner, the kind of part and its position.
/// </summary>
public static class HsdsJson
{
    public static JsonObject Put(this JsonObject obj, string name, string? value)
    {
        if (value is not null) obj[name] = value;
        return obj;
    }

    public static JsonObject Put(this JsonObject obj, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) obj[name] = v;
        return obj;
    }

    public static JsonObject Put(this JsonObject obj, string name, decimal? value)
    {
        if (value is not null) obj[name] = value.Value;
        return obj;
    }

    public static JsonObject Put(this JsonObject obj, string name, int? value)
    {
        if (value is not null) obj[name] = value.Value;
        return obj;
    }

    public static JsonObject Put(this JsonObject obj, string name, bool? value)
    {
        if (value is not null) obj[name] = value.Value;
        return obj;
    }

    public static JsonObject Put(this JsonObject obj, string name, Guid? value)
    {
        if (value is not null) obj[name] = value.Value.ToString();
        return obj;
    }

    public static JsonObject Put(this JsonObject obj, string name, DateOnly? value)
    {
        if (value is not null) obj[name] = Date(value.Value);
        return obj;
    }

    public static JsonObject Put(this JsonObject obj, string name, JsonNode? value)
    {
        if (value is not null) obj[name] = value;
        return obj;
    }

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An instant with millisecond accuracy in UTC (HSDS last_modified).</summary>
    public static string Instant(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonArray Array(IEnumerable<JsonNode> items) => new(items.ToArray());

    /// <summary>A stable UUID (version 5 layout, SHA-256) for part <paramref name="index"/> of <paramref name="kind"/> of an
    /// owner.</summary>
    public static Guid PartId(Guid owner, string kind, int index)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{owner:N}/{kind}/{index}")));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
