using Raumnetz.Domain.Common;
using System.Globalization;
using System.IO.Compression;
using System.IO.Packaging;
using System.Runtime.CompilerServices;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Raumnetz.Application.Common;
using Raumnetz.Application.InventoryImport;

namespace Raumnetz.Infrastructure.Imports;

/// <summary>
/// The first worksheet of an XLSX workbook (Office Open XML): one row per sheet row with its row number as line, cells
/// placed by their column letters (gaps stay empty), shared and inline strings as text, numbers in invariant form and
/// marked as numbers (<see cref="SheetRow.NumberCells"/>; a date cell arrives as its Excel serial number, which the
/// import's date columns accept). The body is buffered first, as
/// the format needs random access; the endpoint's body limit bounds it. A workbook is a zip, so what it unpacks to is
/// bounded too (<see cref="Limits.ImportUnpacked"/>): the sizes its entries declare are checked before anything is
/// unpacked, and no part is read beyond that many characters (the SDK's <see cref="OpenSettings.MaxCharactersInPart"/>,
/// whatever an entry declares). The sheet is read as a stream, one row at a time, so the rows the import does not take
/// (after its last) are never read, and a cell beyond column XFD (the last a worksheet has) is refused.
/// </summary>
public sealed class XlsxSpreadsheetReader : ISpreadsheetReader
{
    /// <summary>Columns a worksheet has at most (A to XFD).</summary>
    private const int MaxColumns = 16_384;

    public string Name => "xlsx";

    public bool Accepts(string contentType) =>
        contentType.Contains("spreadsheetml", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("ms-excel", StringComparison.OrdinalIgnoreCase);

    public async IAsyncEnumerable<SheetRow> ReadAsync(Stream body, SpreadsheetOptions options, Action<int?, string> bad,
        [EnumeratorCancellation] CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        using var sheet = FirstSheet.Open(buffer, bad);
        if (sheet is null) yield break;
        while (sheet.Next() is { } row)
        {
            ct.ThrowIfCancellationRequested();
            yield return row;
        }
    }

    /// <summary>The first worksheet as it is read; a problem with the file goes to the report and ends the reading.</summary>
    private sealed class FirstSheet : IDisposable
    {
        private readonly SpreadsheetDocument document;
        private readonly List<string> strings;
        private readonly OpenXmlReader reader;
        private readonly Action<int?, string> bad;
        private int next = 1;

        private FirstSheet(SpreadsheetDocument document, List<string> strings, OpenXmlReader reader, Action<int?, string> bad)
        {
            this.document = document;
            this.strings = strings;
            this.reader = reader;
            this.bad = bad;
        }

        public static FirstSheet? Open(MemoryStream buffer, Action<int?, string> bad)
        {
            SpreadsheetDocument? document = null;
            try
            {
                if (UnpacksTooLarge(buffer))
                {
                    bad(null, TooLarge);
                    return null;
                }
                buffer.Position = 0;
                document = SpreadsheetDocument.Open(buffer, false, new OpenSettings { MaxCharactersInPart = Limits.ImportUnpacked });
                var workbook = document.WorkbookPart;
                var first = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
                if (workbook is null || first?.Id?.Value is not { } relation)
                {
                    bad(null, Messages.Import_NoWorksheet);
                    document.Dispose();
                    return null;
                }
                var strings = SharedStrings(workbook);
                var part = (WorksheetPart)workbook.GetPartById(relation);
                return new FirstSheet(document, strings, OpenXmlReader.Create(part), bad);
            }
            catch (Exception e) when (IsMalformed(e))
            {
                bad(null, IsTooLarge(e) ? TooLarge : Messages.Import_NotXlsx);
                document?.Dispose();
                return null;
            }
        }

        /// <summary>The next row with a value, or null at the end of the sheet or at a problem (reported).</summary>
        public SheetRow? Next()
        {
            try
            {
                while (reader.Read())
                {
                    if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
                    var row = (Row)reader.LoadCurrentElement()!;
                    var line = row.RowIndex?.Value is { } index ? (int)index : next;
                    next = line + 1;
                    var cells = new List<string?>();
                    var numbers = new List<bool>();
                    foreach (var cell in row.Elements<Cell>())
                    {
                        var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                        if (column >= MaxColumns)
                        {
                            bad(line, Messages.Import_NotXlsx);
                            return null;
                        }
                        while (cells.Count < column)
                        {
                            cells.Add(null);
                            numbers.Add(false);
                        }
                        var text = Text(cell, strings);
                        cells.Add(string.IsNullOrWhiteSpace(text) ? null : text.Trim());
                        numbers.Add(IsNumber(cell));
                    }
                    if (cells.All(c => c is null)) continue;
                    return new SheetRow(line, cells) { NumberCells = numbers };
                }
                return null;
            }
            catch (Exception e) when (IsMalformed(e))
            {
                bad(null, IsTooLarge(e) ? TooLarge : Messages.Import_NotXlsx);
                return null;
            }
        }

        public void Dispose()
        {
            reader.Dispose();
            document.Dispose();
        }

        private static List<string> SharedStrings(WorkbookPart workbook)
        {
            var strings = new List<string>();
            if (workbook.SharedStringTablePart is not { } part) return strings;
            using var reader = OpenXmlReader.Create(part);
            while (reader.Read())
                if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                    strings.Add(reader.LoadCurrentElement()!.InnerText);
            return strings;
        }
    }

    private static string TooLarge => Domain.Common.Text.Format(Messages.Import_XlsxUnpackedTooLarge, Limits.ImportUnpacked / 1_048_576);

    /// <summary>
    /// Whether the workbook's entries declare more than <see cref="Limits.ImportUnpacked"/> bytes together (read from the
    /// zip's directory, nothing is unpacked); the parts are read with a character limit besides.
    /// </summary>
    private static bool UnpacksTooLarge(MemoryStream buffer)
    {
        using var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
        return Limits.UnpackBeyondImportLimit(zip.Entries);
    }

    private static bool IsMalformed(Exception e) => e is OpenXmlPackageException or FileFormatException or InvalidDataException
        or InvalidOperationException or ArgumentOutOfRangeException or XmlException;

    /// <summary>A part longer than <see cref="OpenSettings.MaxCharactersInPart"/> (the XML reader's character limit).</summary>
    private static bool IsTooLarge(Exception e) =>
        e is XmlException && e.Message.Contains(nameof(XmlReaderSettings.MaxCharactersInDocument), StringComparison.Ordinal);

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

    /// <summary>A number cell (no type or type n): its value is in invariant form ("2500", "52.41", "1E-05").</summary>
    private static bool IsNumber(Cell cell) => (cell.DataType?.Value ?? CellValues.Number) == CellValues.Number;

    /// <summary>"C7" → 2 (column letters counted from A = 0); a reference beyond column XFD gives <see cref="MaxColumns"/>.</summary>
    private static int ColumnIndex(string reference)
    {
        var n = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetterUpper(c)) break;
            n = n * 26 + (c - 'A' + 1);
            if (n > MaxColumns) return MaxColumns;
        }
        return Math.Max(n - 1, 0);
    }
}
