using CsvHelper;
using Raumnetz.Application.Exports;

namespace Raumnetz.Infrastructure.Exports;

/// <summary>
/// Wide CSV: one row per indicator and space (indicator_code, space_code, space_name, unit), one column per period.
/// A withheld value reads "suppressed"; an empty cell means no value. Rows arrive grouped by indicator and space.
/// </summary>
internal sealed class WideCsvExport : IExportFormat
{
    public string Name => "csv-wide";
    public string ContentType => ExportText.CsvContentType;
    public string FileExtension => "csv";
    public string FileNameSuffix => "-wide";
    public ExportRowOrder RowOrder => ExportRowOrder.ByIndicator;
    public bool NeedsPeriods => true;
    public bool NeedsGeometry => false;

    public async Task WriteAsync(ExportDocument document, IAsyncEnumerable<ExportRow> rows, Stream output, CancellationToken ct)
    {
        var culture = ExportText.Culture(document.Csv.DecimalComma);
        var suppressedCell = ExportText.SuppressedCellOf(document.Columns);
        var column = document.Periods.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        await using var text = CsvExport.Writer(output, document.Csv);
        await using var csv = new CsvWriter(text, CsvExport.Configuration(document.Csv));
        foreach (var h in ExportText.WideHeaderOf(document.Columns).Concat(document.Periods)) csv.WriteField(CsvExport.TextCell(h));
        await csv.NextRecordAsync();
        var cells = new string[document.Periods.Count];
        ExportRow? current = null;
        async Task FlushAsync()
        {
            if (current is not { } row) return;
            // text cells neutralised against formula injection; the period cells hold numbers and stay as they are
            csv.WriteField(CsvExport.TextCell(row.Indicator.Code));
            if (document.Columns.WithNames) csv.WriteField(CsvExport.TextCell(row.Indicator.Name));
            csv.WriteField(CsvExport.TextCell(row.Space.Code));
            csv.WriteField(CsvExport.TextCell(row.Space.Name));
            csv.WriteField(CsvExport.TextCell(row.Indicator.Unit));
            foreach (var c in cells) csv.WriteField(c ?? "");
            await csv.NextRecordAsync();
            Array.Clear(cells);
        }
        await foreach (var r in rows.WithCancellation(ct))
        {
            if (current is { } last && (last.Indicator.Id != r.Indicator.Id || last.Space.Id != r.Space.Id)) await FlushAsync();
            current = r;
            if (column.TryGetValue(r.Period, out var i))
                cells[i] = r.Suppressed ? suppressedCell : ExportText.Value(r.Value, r.Indicator.Decimals, culture);
        }
        await FlushAsync();
        await csv.FlushAsync();
        await text.FlushAsync(ct);
    }
}
