using System.Globalization;
using System.Text;
using CsvHelper.Configuration;
using Raumnetz.Application.Exports;

namespace Raumnetz.Infrastructure.Exports;

/// <summary>
/// Long CSV (one row per value): indicator_code, space_code, space_name, period, value, numerator, denominator, unit,
/// status, source, suppressed (with ?headers=de in German: Indikator, Sozialraum, Sozialraumname, Zeitraum, Wert, Zähler, Nenner, Einheit,
/// Status, Quelle, gesperrt, with German status words and ja/nein; ?withNames=true adds the indicator's name after its code).
/// With a decimal comma (German Excel) the file starts with a UTF-8 BOM.
/// Written straight as UTF-8 into a pooled buffer that goes out in large chunks: numbers are formatted in place, the
/// texts of indicators and spaces (which repeat on every row) are encoded and quoted once. Text cells are neutralised
/// against formula injection (<see cref="TextCell"/>). A field is quoted when it
/// holds the delimiter, a quote, a line break or starts or ends with a space; quotes inside are doubled (RFC 4180).
/// </summary>
internal sealed class CsvExport : IExportFormat
{
    public string Name => "csv";
    public string ContentType => ExportText.CsvContentType;
    public string FileExtension => "csv";
    public string FileNameSuffix => "";
    public ExportRowOrder RowOrder => ExportRowOrder.ByIndicator;
    public bool NeedsPeriods => false;
    public bool NeedsGeometry => false;

    private const int FlushAt = 1 << 16;

    /// <summary>CsvHelper's settings for the wide table (<see cref="WideCsvExport"/>).</summary>
    public static CsvConfiguration Configuration(CsvOptions options) => new(ExportText.Culture(options.DecimalComma))
    {
        Delimiter = options.Delimiter.ToString(),
        NewLine = "\r\n",
        HasHeaderRecord = false,
    };

    /// <summary>
    /// A text cell as a spreadsheet may read it without running it (OWASP's rule against CSV/formula injection): a text
    /// that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a single quote in front.
    /// Every CSV writer passes its text cells (names, codes, units, sources, periods) through here; numbers are
    /// formatted on their own and never come here, so a negative value stays -3.5.
    /// </summary>
    public static string TextCell(string? text) =>
        string.IsNullOrEmpty(text) || text[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r') ? text ?? "" : "'" + text;

    public static StreamWriter Writer(Stream output, CsvOptions options) =>
        new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: options.DecimalComma), bufferSize: 1 << 16, leaveOpen: true);

    public async Task WriteAsync(ExportDocument document, IAsyncEnumerable<ExportRow> rows, Stream output, CancellationToken ct)
    {
        var culture = ExportText.Culture(document.Csv.DecimalComma);
        var buffer = new CsvBuffer(document.Csv.Delimiter, culture, FlushAt * 2);
        try
        {
            if (document.Csv.DecimalComma) buffer.Raw(Encoding.UTF8.Preamble);
            var header = ExportText.LongHeaderOf(document.Columns);
            for (var i = 0; i < header.Length; i++)
            {
                if (i > 0) buffer.Delimiter();
                buffer.Text(header[i]);
            }
            buffer.NewLine();
            var indicators = new Dictionary<ExportIndicator, (byte[] Code, byte[] Unit)>(ReferenceEqualityComparer.Instance);
            var spaces = new Dictionary<ExportSpace, byte[]>(ReferenceEqualityComparer.Instance);
            await foreach (var r in rows.WithCancellation(ct))
            {
                WriteRow(buffer, r, indicators, spaces, document.Csv.Delimiter, document.Columns);
                if (buffer.Length >= FlushAt) await buffer.FlushAsync(output, ct);
            }
            await buffer.FlushAsync(output, ct);
            await output.FlushAsync(ct);
        }
        finally
        {
            buffer.Return();
        }
    }

    /// <summary>One row (a method of its own: called per row it is compiled fully optimised early, unlike the loop of an async method).</summary>
    private static void WriteRow(CsvBuffer buffer, ExportRow r, Dictionary<ExportIndicator, (byte[] Code, byte[] Unit)> indicators,
        Dictionary<ExportSpace, byte[]> spaces, char delimiter, ExportColumns columns)
    {
        if (!indicators.TryGetValue(r.Indicator, out var ind))
        {
            // with the name: code, delimiter and name as one piece
            var code = buffer.Encode(r.Indicator.Code);
            if (columns.WithNames)
            {
                var name = buffer.Encode(r.Indicator.Name);
                code = [.. code, (byte)delimiter, .. name];
            }
            indicators[r.Indicator] = ind = (code, buffer.Encode(r.Indicator.Unit ?? ""));
        }
        if (!spaces.TryGetValue(r.Space, out var space))
        {
            // code and name with the delimiter between them: one copy per row
            var code = buffer.Encode(r.Space.Code);
            var name = buffer.Encode(r.Space.Name);
            space = new byte[code.Length + 1 + name.Length];
            code.CopyTo(space, 0);
            space[code.Length] = (byte)delimiter;
            name.CopyTo(space, code.Length + 1);
            spaces[r.Space] = space;
        }
        buffer.Raw(ind.Code);
        buffer.Delimiter();
        buffer.Raw(space);
        buffer.Delimiter();
        buffer.Text(r.Period);
        buffer.Delimiter();
        buffer.Value(r.Value, r.Indicator.Decimals);
        buffer.Delimiter();
        buffer.Number(r.Numerator);
        buffer.Delimiter();
        buffer.Number(r.Denominator);
        buffer.Delimiter();
        buffer.Raw(ind.Unit);
        buffer.Delimiter();
        if (columns.German) buffer.Text(ExportText.Status(r.Status, german: true));
        else buffer.Raw(Status(r.Status));
        buffer.Delimiter();
        buffer.Text(r.Source);
        buffer.Delimiter();
        if (columns.German) buffer.Raw(r.Suppressed ? "ja"u8 : "nein"u8);
        else buffer.Raw(r.Suppressed ? "true"u8 : "false"u8);
        buffer.NewLine();
    }

    private static ReadOnlySpan<byte> Status(Domain.Indicators.ObservationStatus? status) => status switch
    {
        Domain.Indicators.ObservationStatus.Provisional => "provisional"u8,
        Domain.Indicators.ObservationStatus.Final => "final"u8,
        Domain.Indicators.ObservationStatus.Estimated => "estimated"u8,
        _ => ""u8,
    };
}
