using System.Text;

namespace Raumnetz.Infrastructure.Data;

/// <summary>
/// The texts a forward reader (<see cref="SqliteForwardReader"/>, <see cref="PostgreSqlForwardReader"/>) hands out: a
/// text cell's UTF-8 bytes decoded into one reused buffer, and the string taken from a bounded table of the texts its
/// column has had (periods, statuses, sources repeat from row to row), so a repeated text allocates nothing. Bounded per
/// column, so odd data cannot make it grow without end.
/// </summary>
internal sealed class ColumnTexts(int columns)
{
    private const int TextsPerColumn = 4096;
    private readonly Dictionary<string, string>?[] texts = new Dictionary<string, string>?[columns];
    private char[] chars = new char[256];

    /// <summary>The characters of <paramref name="utf8"/>, valid until the next call.</summary>
    public ReadOnlySpan<char> Decode(ReadOnlySpan<byte> utf8)
    {
        if (chars.Length < utf8.Length) chars = new char[Math.Max(utf8.Length, chars.Length * 2)]; // never more chars than bytes
        return chars.AsSpan(0, Encoding.UTF8.GetChars(utf8, chars));
    }

    /// <summary>The text of <paramref name="utf8"/>, the same string as before when column <paramref name="ordinal"/> had it.</summary>
    public string Get(int ordinal, ReadOnlySpan<byte> utf8)
    {
        var value = Decode(utf8);
        var known = texts[ordinal] ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (known.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(value, out var same)) return same;
        var s = value.ToString();
        if (known.Count < TextsPerColumn) known[s] = s;
        return s;
    }
}
