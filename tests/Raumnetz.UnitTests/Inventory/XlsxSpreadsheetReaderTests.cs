using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Raumnetz.Application.Common;
using Raumnetz.Application.InventoryImport;
using Raumnetz.Infrastructure.Imports;

namespace Raumnetz.UnitTests.Inventory;

/// <summary>
/// The XLSX reader's limit on what a workbook unpacks to (<see cref="Limits.ImportUnpacked"/>) keeps every file the
/// inventory import takes: a sheet of its most rows, every column filled, is read whole.
/// </summary>
public sealed class XlsxSpreadsheetReaderTests
{
    [Fact]
    public async Task A_sheet_of_20000_rows_with_every_column_filled_is_read_whole_well_within_the_unpacked_limit()
    {
        var columns = InventoryImportColumns.All.Count;
        var workbook = Workbook(ImportInventoryHandler.MaxRows, columns, textLength: 30);
        using (var zip = new ZipArchive(new MemoryStream(workbook)))
        {
            var unpacked = zip.Entries.Sum(e => e.Length);
            Assert.InRange(unpacked, 30L * 1_048_576, Limits.ImportUnpacked / 2);
        }
        var problems = new List<string>();
        var rows = 0;
        var last = 0;
        await foreach (var row in new XlsxSpreadsheetReader().ReadAsync(new MemoryStream(workbook), new SpreadsheetOptions(null),
                           (line, message) => problems.Add($"{line}: {message}"), TestContext.Current.CancellationToken))
        {
            rows++;
            last = row.Line;
            Assert.Equal(columns, row.Cells.Count);
        }
        Assert.Empty(problems);
        Assert.Equal(ImportInventoryHandler.MaxRows + 1, rows);
        Assert.Equal(ImportInventoryHandler.MaxRows + 1, last);
    }

    /// <summary>A header and <paramref name="rows"/> rows of <paramref name="columns"/> cells, each a shared string of its own
    /// of <paramref name="textLength"/> letters (as a spreadsheet program writes text), written with Open XML.</summary>
    private static byte[] Workbook(int rows, int columns, int textLength)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            var table = new SharedStringTable();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var random = new Random(7);
            var index = 0;
            for (var r = 1; r <= rows + 1; r++)
            {
                var row = new Row { RowIndex = (uint)r };
                for (var c = 0; c < columns; c++)
                {
                    var text = r == 1 ? InventoryImportColumns.All[c].Column
                        : new string(Enumerable.Range(0, textLength).Select(_ => (char)('a' + random.Next(26))).ToArray());
                    table.Append(new SharedStringItem(new Text(text)));
                    row.Append(new Cell
                    {
                        CellReference = $"{(char)('A' + c)}{r}", DataType = CellValues.SharedString, CellValue = new CellValue(index++),
                    });
                }
                data.Append(row);
            }
            strings.SharedStringTable = table;
            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Bestand" }));
        }
        return stream.ToArray();
    }
}
