using Raumnetz.Domain.Common;
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Raumnetz.Application.Common;

/// <summary>
/// How every CSV import reads its file (the indicator import's <c>ObservationCsvReader</c> and the inventory's
/// <c>CsvSpreadsheetReader</c>): UTF-8 with or without BOM, the separator detected from the header (comma, semicolon,
/// tab) unless given, cells trimmed, blank lines skipped, malformed records reported with their line, and each record
/// numbered by its first line.
/// </summary>
public static class ImportCsv
{
    /// <summary>
    /// The parser settings; <paramref name="bad"/> gets the line of a malformed record, a message and the text near the
    /// problem (shortened).
    /// </summary>
    public static CsvConfiguration Configuration(string? delimiter, Action<int?, string, string> bad) =>
        new(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            Delimiter = delimiter ?? ",",
            DetectDelimiter = delimiter is null,
            DetectDelimiterValues = [",", ";", "\t"],
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
            BadDataFound = args =>
            {
                var near = Shorten(args.RawRecord);
                bad(args.Context.Parser?.RawRow, Text.Format(Messages.Import_MalformedCsv, near), near);
            },
        };

    public static StreamReader Reader(Stream body) =>
        new(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);

    /// <summary>The first line of the parser's current record: RawRow is its last line, and a quoted field may span lines.</summary>
    public static int FirstLine(IParser parser)
    {
        var n = 0;
        foreach (var c in parser.RawRecord.AsSpan().TrimEnd("\r\n")) if (c == '\n') n++;
        return parser.RawRow - n;
    }

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s.TrimEnd('\r', '\n');
}
