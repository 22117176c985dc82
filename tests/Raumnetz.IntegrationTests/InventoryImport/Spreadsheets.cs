using System.Net.Http.Headers;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Raumnetz.IntegrationTests.InventoryImport;

/// <summary>Spreadsheet bodies for the import: CSV text, and XLSX workbooks written with Open XML (strings inline, numbers as
/// numbers).</summary>
public static class Spreadsheets
{
    public const string Url = "/api/v1/inventory/imports";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static StringContent Csv(params string[] lines)
    {
        var content = new StringContent(string.Join("\n", lines) + "\n", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>A workbook with one sheet; a cell that is a number (int or double) is written as a number cell.</summary>
    public static ByteArrayContent Xlsx(params object?[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    row.Append(rows[r][c] switch
                    {
                        null => new Cell { CellReference = reference },
                        int i => new Cell { CellReference = reference, CellValue = new CellValue(i), DataType = CellValues.Number },
                        double d => new Cell { CellReference = reference, CellValue = new CellValue(d), DataType = CellValues.Number },
                        var v => new Cell
                        {
                            CellReference = reference, DataType = CellValues.InlineString,
                            InlineString = new InlineString(new Text(Convert.ToString(v,
                                System.Globalization.CultureInfo.InvariantCulture)!)),
                        },
                    });
                }
                data.Append(row);
            }
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Bestand" }));
        }
        var content = new ByteArrayContent(stream.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(XlsxType);
        return content;
    }
}
