using System.Runtime.CompilerServices;
using CsvHelper;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.InventoryImport;

/// <summary>A row of a spreadsheet as read: its line (1 for the header) and its cells as text (empty cells null).</summary>
public sealed record SheetRow(int Line, IReadOnlyList<string?> Cells)
{
    /// <summary>How the row's text cells write numbers: German in a ';'-separated CSV, else not known
    /// (<see cref="ImportNumbers"/>).</summary>
    public NumberNotation Notation { get; init; }

    /// <summary>Which cells the file stores as numbers (XLSX number cells, in invariant form); null when the format has no
    /// types (CSV).</summary>
    public IReadOnlyList<bool>? NumberCells { get; init; }
}

/// <summary>
/// A spreadsheet format the inventory import reads (strategy): chosen once at the edge from <c>?format=</c> or the
/// Content-Type through <see cref="ISpreadsheetReaders"/>. CSV is read here; XLSX lives in Infrastructure/Imports.
/// </summary>
public interface ISpreadsheetReader
{
    /// <summary>The name in <c>?format=</c>: csv or xlsx.</summary>
    string Name { get; }

    /// <summary>Whether a body of this Content-Type is in this format.</summary>
    bool Accepts(string contentType);

    /// <summary>
    /// The rows of the first sheet in order, the header first. Problems with the file itself (malformed CSV, not an XLSX
    /// workbook) go to <paramref name="bad"/> with the line (null for the whole file) and a message.
    /// </summary>
    IAsyncEnumerable<SheetRow> ReadAsync(Stream body, SpreadsheetOptions options, Action<int?, string> bad, CancellationToken ct);
}

/// <summary>Options of a CSV import: the field separator (detected from the header when null).</summary>
public sealed record SpreadsheetOptions(string? Delimiter);

/// <summary>The spreadsheet formats by name, for the edge to choose from.</summary>
public interface ISpreadsheetReaders
{
    IReadOnlyList<string> Names { get; }

    /// <summary>The reader named <paramref name="format"/> (any case), else the one that accepts <paramref name="contentType"/>; null when
    /// none.</summary>
    ISpreadsheetReader? Find(string? format, string? contentType);
}

public sealed class SpreadsheetReaders(IEnumerable<ISpreadsheetReader> readers) : ISpreadsheetReaders
{
    private readonly List<ISpreadsheetReader> all = readers.ToList();

    public IReadOnlyList<string> Names => all.Select(r => r.Name).ToList();

    public ISpreadsheetReader? Find(string? format, string? contentType) =>
        !string.IsNullOrWhiteSpace(format)
            ? all.FirstOrDefault(r => r.Name.Equals(format.Trim(), StringComparison.OrdinalIgnoreCase))
            : contentType is null ? null : all.FirstOrDefault(r => r.Accepts(contentType));
}

/// <summary>
/// CSV as it streams in, read as the indicator import reads it (<see cref="ImportCsv"/>): UTF-8 with or without BOM, the
/// separator detected from the header (comma, semicolon, tab) unless given, cells trimmed, blank lines skipped, and each
/// record numbered by its first line. A file separated by ';' is German (as German Excel writes CSV, and as the exports
/// write it with <c>decimal=comma</c>): its numbers have a decimal comma and may group thousands with '.'. With ',' or a
/// tab the file does not show how it writes numbers.
/// </summary>
public sealed class CsvSpreadsheetReader : ISpreadsheetReader
{
    public string Name => "csv";

    public bool Accepts(string contentType) =>
        contentType.Contains("csv", StringComparison.OrdinalIgnoreCase) || contentType.StartsWith("text/plain",
            StringComparison.OrdinalIgnoreCase);

    public async IAsyncEnumerable<SheetRow> ReadAsync(Stream body, SpreadsheetOptions options, Action<int?, string> bad,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var config = ImportCsv.Configuration(options.Delimiter, (line, message, _) => bad(line, message));
        using var reader = ImportCsv.Reader(body);
        using var parser = new CsvParser(reader, config);
        while (await parser.ReadAsync())
        {
            ct.ThrowIfCancellationRequested();
            var line = ImportCsv.FirstLine(parser);
            var notation = parser.Delimiter == ";" ? NumberNotation.German : NumberNotation.Unknown;
            var cells = parser.Record!.Select(c => string.IsNullOrEmpty(c) ? null : c).ToList();
            yield return new SheetRow(line, cells) { Notation = notation };
        }
    }
}
