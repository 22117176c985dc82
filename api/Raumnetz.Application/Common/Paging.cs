using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Raumnetz.Application.Common;

/// <summary>One page of a list: the items and an opaque cursor for the next page (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>Keyset position: the sort key of the last row and its id. Encoded as an opaque base64url token.</summary>
public sealed record Cursor(string Key, Guid Id)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new[] { Key, Id.ToString() })));

    public static bool TryDecode(string? token, out Cursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(token)) return true;
        try
        {
            var parts = JsonSerializer.Deserialize<string[]>(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)));
            if (parts is not { Length: 2 } || parts[0] is null || !Guid.TryParse(parts[1], out var id)) return false;
            cursor = new Cursor(parts[0], id);
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return false;
        }
    }
}

public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <summary>Turns rows fetched with limit+1 into a page; <paramref name="key"/> gives the sort key of a row.</summary>
    public static Page<T> ToPage<T>(IReadOnlyList<T> rows, int limit, Func<T, (string Key, Guid Id)> key)
    {
        if (rows.Count <= limit) return new Page<T>(rows, null);
        var items = rows.Take(limit).ToList();
        var (k, id) = key(items[^1]);
        return new Page<T>(items, new Cursor(k, id).Encode());
    }
}
