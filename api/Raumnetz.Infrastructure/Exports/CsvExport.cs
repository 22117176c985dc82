using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Raumnetz.Application.Exports;

namespace Raumnetz.Infrastructure.Exports;

/// <summary>
/// Long CSV (one row per value) with CsvHelper: indicator_code, space_code, space_name, period, value, numerator,
/// denominator, unit, status, source, suppressed. With a decimal comma (German Excel) the file starts with a UTF-8 BOM.
/// </summary>
internal static class CsvExport
{
    public static CsvConfiguration Configuration(CsvOptions options) => new(ExportText.Culture(options.DecimalComma))
    {
        Delimiter = options.Delimiter.ToString(),
        NewLine = "\r\n",
        HasHeaderRecord = false,
    };

    public static StreamWriter Writer(Stream output, CsvOptions options) =>
        new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: options.DecimalComma), bufferSize: 1 << 16, leaveOpen: true);

    public static async Task WriteAsync(ExportDocument document, IAsyncEnumerable<ExportRow> rows, Stream output, CancellationToken ct)
    {
        var culture = ExportText.Culture(document.Csv.DecimalComma);
        await using var text = Writer(output, document.Csv);
        await using var csv = new CsvWriter(text, Configuration(document.Csv));
        foreach (var h in ExportText.LongHeader) csv.WriteField(h);
        await csv.NextRecordAsync();
        await foreach (var r in rows.WithCancellation(ct))
        {
            csv.WriteField(r.Indicator.Code);
            csv.WriteField(r.Space.Code);
            csv.WriteField(r.Space.Name);
            csv.WriteField(r.Period);
            csv.WriteField(ExportText.Value(r.Value, r.Indicator.Decimals, culture));
            csv.WriteField(ExportText.Number(r.Numerator, culture));
            csv.WriteField(ExportText.Number(r.Denominator, culture));
            csv.WriteField(r.Indicator.Unit ?? "");
            csv.WriteField(ExportText.Status(r.Status));
            csv.WriteField(r.Source ?? "");
            csv.WriteField(ExportText.Bool(r.Suppressed));
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
        await text.FlushAsync(ct);
    }
}
