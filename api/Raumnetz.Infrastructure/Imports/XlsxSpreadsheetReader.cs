using System.Globalization;
using System.IO.Packaging;
using System.Runtime.CompilerServices;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Raumnetz.Application.InventoryImport;

namespace Raumnetz.Infrastructure.Imports;

/// <summary>
/// The first worksheet of an XLSX workbook (Office Open XML): one row per sheet row with its row number as line, cells
/// placed by their column letters (gaps stay empty), shared and inline strings as text, numbers in invariant form (a date
/// cell arrives as its Excel serial number, which the import's date columns accept). The body is buffered first, as
/// the format needs random access; the endpoint's body limit bounds it.
/// </summary>
public sealed class XlsxSpreadsheetReader : ISpreadsheetReader
{
    public string Name => "xlsx";

    public bool Accepts(string contentType) =>
        contentType.Contains("spreadsheetml", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("ms-excel", StringComparison.OrdinalIgnoreCase);

    public async IAsyncEnumerable<SheetRow> ReadAsync(Stream body, SpreadsheetOptions options, Action<int?, string> bad,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        var rows = Read(buffer, bad);
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            yield return row;
        }
    }

    private static List<SheetRow> Read(MemoryStream buffer, Action<int?, string> bad)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(buffer, false);
            var workbook = document.WorkbookPart;
            var sheet = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || sheet?.Id?.Value is not { } relation)
            {
                bad(null, "The workbook has no worksheet.");
                return [];
            }
            var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList()
                ?? [];
            var part = (WorksheetPart)workbook.GetPartById(relation);
            var result = new List<SheetRow>();
            var next = 1;
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var line = row.RowIndex?.Value is { } index ? (int)index : next;
                next = line + 1;
                var cells = new List<string?>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                    while (cells.Count < column) cells.Add(null);
                    var text = Text(cell, strings);
                    cells.Add(string.IsNullOrWhiteSpace(text) ? null : text.Trim());
                }
                if (cells.All(c => c is null)) continue;
                result.Add(new SheetRow(line, cells));
            }
            return result;
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or InvalidOperationException
            or ArgumentOutOfRangeException or System.Xml.XmlException)
        {
            bad(null, "The body is not an XLSX workbook (Office Open XML spreadsheet).");
            return [];
        }
    }

    private static string? Text(Cell cell, List<string> strings)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString) return cell.InlineString?.InnerText;
        var value = cell.CellValue?.Text;
        if (value is null) return null;
        if (type == CellValues.SharedString)
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture,
                out var i) && i >= 0 && i < strings.Count ? strings[i] : null;
        if (type == CellValues.Boolean) return value == "1" ? "true" : "false";
        return value;
    }

    /// <summary>"C7" → 2 (column letters counted from A = 0).</summary>
    private static int ColumnIndex(string reference)
    {
        var n = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetterUpper(c)) break;
            n = n * 26 + (c - 'A' + 1);
        }
        return Math.Max(n - 1, 0);
    }
}
