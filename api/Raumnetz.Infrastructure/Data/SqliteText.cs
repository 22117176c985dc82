using System.Globalization;

namespace Raumnetz.Infrastructure.Data;

/// <summary>
/// The one text form of each value SQLite has no type for, used by every path that writes to it (the connection's
/// parameters, the prepared bulk command, the type handlers) and by migration 0022, which converted older databases:
/// <list type="bullet">
/// <item>an id (Guid) as lower-case canonical text, <c>0197a0b1-c2d3-7e4f-8a9b-abcdefabcdef</c>;</item>
/// <item>an instant (DateTimeOffset) in UTC, ISO 8601 with seven fraction digits, <c>2024-05-01T10:00:00.0000000Z</c>
/// (fixed width, so text order is time order).</item>
/// </list>
/// Dates (DateOnly) are <c>yyyy-MM-dd</c>, the form Microsoft.Data.Sqlite binds them in.
/// </summary>
public static class SqliteText
{
    public const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Id(Guid value) => value.ToString("D"); // "D" is lower-case hex

    public static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    /// <summary>A parameter value as SQLite stores it: ids and instants as their text, everything else unchanged.</summary>
    public static object? Stored(object? value) => value switch
    {
        Guid g => Id(g),
        DateTimeOffset t => Instant(t),
        _ => value,
    };
}
