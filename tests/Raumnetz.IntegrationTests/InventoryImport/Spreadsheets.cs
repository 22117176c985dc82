using System.IO.Compression;
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

    private const string Ns = "http://schemas.openxmlformats.org";

    /// <summary>
    /// A workbook written entry by entry with System.IO.Compression, for files no spreadsheet program writes: its one sheet
    /// holds <paramref name="sheetData"/> (the rows of sheetData), its shared strings one string of
    /// <paramref name="sharedChars"/> letters, streamed in so that only the compressed bytes are held (a decompression
    /// bomb: 101 MiB take about 100 KB). With <paramref name="declaredSize"/>, the zip states that size for the shared
    /// strings instead of the true one (in the local header and the central directory).
    /// </summary>
    public static ByteArrayContent RawXlsx(string sheetData, long sharedChars = 0, uint? declaredSize = null)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Put(string name, string text)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
            Put("[Content_Types].xml", $"""
                <?xml version="1.0"?><Types xmlns="{Ns}/package/2006/content-types"><Default Extension="rels"
                ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml"
                ContentType="application/xml"/><Override PartName="/xl/workbook.xml"
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override
                PartName="/xl/worksheets/sheet1.xml"
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                <Override PartName="/xl/sharedStrings.xml"
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>
                """);
            Put("_rels/.rels", $"""
                <?xml version="1.0"?><Relationships xmlns="{Ns}/package/2006/relationships"><Relationship Id="rId1"
                Type="{Ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """);
            Put("xl/workbook.xml", $"""
                <?xml version="1.0"?><workbook xmlns="{Ns}/spreadsheetml/2006/main" xmlns:r="{Ns}/officeDocument/2006/relationships">
                <sheets><sheet name="Bestand" sheetId="1" r:id="rId1"/></sheets></workbook>
                """);
            Put("xl/_rels/workbook.xml.rels", $"""
                <?xml version="1.0"?><Relationships xmlns="{Ns}/package/2006/relationships"><Relationship Id="rId1"
                Type="{Ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2"
                Type="{Ns}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>
                """);
            Put("xl/worksheets/sheet1.xml", $"""
                <?xml version="1.0"?><worksheet xmlns="{Ns}/spreadsheetml/2006/main"><sheetData>{sheetData}</sheetData></worksheet>
                """);
            using var shared = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Fastest).Open();
            shared.Write(Encoding.UTF8.GetBytes($"""<?xml version="1.0"?><sst xmlns="{Ns}/spreadsheetml/2006/main"><si><t>"""));
            var block = new byte[1 << 16];
            Array.Fill(block, (byte)'a');
            for (var left = sharedChars; left > 0; left -= block.Length) shared.Write(block, 0, (int)Math.Min(left, block.Length));
            shared.Write("</t></si></sst>"u8);
        }
        var bytes = stream.ToArray();
        if (declaredSize is { } size) Declare(bytes, "xl/sharedStrings.xml", size);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(XlsxType);
        return content;
    }

    /// <summary>Writes <paramref name="size"/> as the uncompressed size of the entry <paramref name="name"/> (in its local
    /// header and in the central directory).</summary>
    private static void Declare(byte[] zip, string name, uint size)
    {
        var path = Encoding.ASCII.GetBytes(name);
        var patched = 0;
        for (var i = 0; i + 46 + path.Length <= zip.Length; i++)
        {
            if (zip[i] != 0x50 || zip[i + 1] != 0x4b) continue;
            if (zip[i + 2] == 3 && zip[i + 3] == 4 && zip.AsSpan(i + 30, path.Length).SequenceEqual(path))
                patched += BitConverter.TryWriteBytes(zip.AsSpan(i + 22, 4), size) ? 1 : 0;
            else if (zip[i + 2] == 1 && zip[i + 3] == 2 && zip.AsSpan(i + 46, path.Length).SequenceEqual(path))
                patched += BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), size) ? 1 : 0;
        }
        if (patched != 2) throw new InvalidOperationException($"{name}: {patched} headers found, expected 2");
    }
}
