using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Raumnetz.Application.Exports;

namespace Raumnetz.Infrastructure.Exports;

/// <summary>
/// XLSX with DocumentFormat.OpenXml: sheet "Daten" with the long table (numbers as numbers, texts inline), written with
/// the streaming OpenXmlWriter into a temporary file (the package format needs a seekable stream), then copied to the
/// response. The temporary file is deleted when closed.
/// </summary>
internal sealed class XlsxExport : IExportFormat
{
    public string Name => "xlsx";
    public string ContentType => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public string FileExtension => "xlsx";
    public string FileNameSuffix => "";
    public ExportRowOrder RowOrder => ExportRowOrder.ByIndicator;
    public bool NeedsPeriods => false;
    public bool NeedsGeometry => false;

    public async Task WriteAsync(ExportDocument document, IAsyncEnumerable<ExportRow> rows, Stream output, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"raumnetz-export-{Guid.NewGuid():N}.xlsx");
        try
        {
            using (var package = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook))
            {
                var workbook = package.AddWorkbookPart();
                var sheet = workbook.AddNewPart<WorksheetPart>();
                using (var w = OpenXmlWriter.Create(sheet))
                {
                    w.WriteStartElement(new Worksheet());
                    w.WriteStartElement(new SheetData());
                    uint row = 1;
                    Row(w, row++, ExportText.LongHeaderOf(document.Columns).Select(h => (object?)h));
                    var (german, withNames) = (document.Columns.German, document.Columns.WithNames);
                    await foreach (var r in rows.WithCancellation(ct))
                    {
                        object?[] cells = [r.Indicator.Code, r.Space.Code, r.Space.Name, r.Period,
                            r.Value is { } v ? Math.Round(v, Math.Clamp(r.Indicator.Decimals, 0, 6), MidpointRounding.AwayFromZero) : null,
                            r.Numerator, r.Denominator, r.Indicator.Unit, ExportText.Status(r.Status, german), r.Source,
                            german ? ExportText.Suppressed(r.Suppressed, german) : r.Suppressed];
                        Row(w, row++, withNames ? [cells[0], r.Indicator.Name, .. cells[1..]] : cells);
                    }
                    w.WriteEndElement();
                    w.WriteEndElement();
                }
                workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Daten" }));
            }
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
            await file.CopyToAsync(output, ct);
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal static void Row(OpenXmlWriter w, uint index, IEnumerable<object?> cells)
    {
        w.WriteStartElement(new Row { RowIndex = index });
        foreach (var c in cells)
        {
            switch (c)
            {
                case null:
                    w.WriteElement(new Cell());
                    break;
                case double d:
                    w.WriteElement(new Cell { CellValue = new CellValue(d), DataType = CellValues.Number });
                    break;
                case bool b:
                    w.WriteElement(new Cell { CellValue = new CellValue(b ? "1" : "0"), DataType = CellValues.Boolean });
                    break;
                default:
                    w.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(c.ToString() ?? "")) });
                    break;
            }
        }
        w.WriteEndElement();
    }
}
