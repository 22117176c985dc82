using System.Buffers;
using System.Globalization;
using System.Text;

namespace Raumnetz.Infrastructure.Exports;

/// <summary>
/// A growable UTF-8 buffer from the shared pool for the long CSV (<see cref="CsvExport"/>): fields are encoded, quoted
/// and formatted straight into it. Give it back with <see cref="Return"/>.
/// </summary>
internal sealed class CsvBuffer(char delimiter, CultureInfo culture, int initialSize)
{
    private static readonly string[] Fixed = ["F0", "F1", "F2", "F3", "F4", "F5", "F6"];
    private byte[] bytes = ArrayPool<byte>.Shared.Rent(initialSize);
    private readonly byte delimiterByte = (byte)delimiter;

    public int Length { get; private set; }

    private Span<byte> Free(int size)
    {
        if (Length + size > bytes.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(bytes.Length * 2, Length + size));
            bytes.AsSpan(0, Length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(bytes);
            bytes = bigger;
        }
        return bytes.AsSpan(Length);
    }

    public void Raw(ReadOnlySpan<byte> b)
    {
        b.CopyTo(Free(b.Length));
        Length += b.Length;
    }

    public void Delimiter()
    {
        Free(1)[0] = delimiterByte;
        Length++;
    }

    public void NewLine()
    {
        var s = Free(2);
        s[0] = (byte)'\r';
        s[1] = (byte)'\n';
        Length += 2;
    }

    private bool NeedsQuotes(string s) =>
        s.Length > 0 && (s[0] == ' ' || s[^1] == ' ' || s.AsSpan().IndexOfAny(delimiter, '"', '\r') >= 0 || s.Contains('\n'));

    /// <summary>A text field, quoted when needed.</summary>
    public void Text(string? s)
    {
        if (string.IsNullOrEmpty(s)) return;
        s = CsvExport.TextCell(s);
        if (!NeedsQuotes(s))
        {
            var span = Free(Encoding.UTF8.GetMaxByteCount(s.Length));
            Length += Encoding.UTF8.GetBytes(s, span);
            return;
        }
        Raw(Quoted(s));
    }

    private static byte[] Quoted(string s) => Encoding.UTF8.GetBytes("\"" + s.Replace("\"", "\"\"") + "\"");

    /// <summary>A text field as bytes, quoted when needed (for texts that repeat).</summary>
    public byte[] Encode(string s)
    {
        s = CsvExport.TextCell(s);
        return NeedsQuotes(s) ? Quoted(s) : Encoding.UTF8.GetBytes(s);
    }

    /// <summary>A value with the indicator's decimals, as <see cref="ExportText.Value"/> writes it.</summary>
    public void Value(double? value, int decimals)
    {
        if (value is not { } v) return;
        var d = Math.Clamp(decimals, 0, 6);
        Format(Math.Round(v, d, MidpointRounding.AwayFromZero), Fixed[d]);
    }

    /// <summary>A numerator or denominator, as <see cref="ExportText.Number"/> writes it.</summary>
    public void Number(double? value)
    {
        if (value is { } v) Format(v, "G15");
    }

    private void Format(double v, string format)
    {
        var span = Free(64);
        if (!v.TryFormat(span, out var written, format, culture))
        {
            Raw(Encoding.UTF8.GetBytes(v.ToString(format, culture)));
            return;
        }
        // a German minus or grouping never appears with F/G formats, but the text must still be a plain field
        Length += written;
    }

    public async ValueTask FlushAsync(Stream output, CancellationToken ct)
    {
        if (Length == 0) return;
        await output.WriteAsync(bytes.AsMemory(0, Length), ct);
        Length = 0;
    }

    public void Return()
    {
        ArrayPool<byte>.Shared.Return(bytes);
        bytes = [];
    }
}
