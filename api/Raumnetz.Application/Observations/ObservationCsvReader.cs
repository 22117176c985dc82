using System.Runtime.CompilerServices;
using CsvHelper;
using Raumnetz.Domain.Common;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Observations;

/// <summary>
/// Reads a CSV import as it streams in: a header naming the columns (indicator, space, period, value, numerator,
/// denominator, status, source, note; indicator_code and space_code too, in any case; or in German: Indikator, Sozialraum,
/// Zeitraum, Wert, Zähler, Nenner, Status, Quelle, Notiz), then one row per value with
/// its line number (the first line of a record whose quoted field spans lines). The separator is detected from the
/// header unless given. Problems with the file itself (unknown, doubled or missing columns, malformed CSV, a line with
/// more fields than the header) go to the report; a bad header stops the reading, a line with too many fields is not
/// checked further. A line with fewer fields reads the missing ones as empty. The informative columns the long CSV export
/// writes (space_name, unit, suppressed; indicator_name; in German Sozialraumname, Einheit, gesperrt, Indikatorname) are
/// accepted and ignored, so an export re-imports as it is; a row the export marks as withheld (suppressed = true) carries
/// no value and is skipped.
/// </summary>
internal static class ObservationCsvReader
{
    /// <summary>The columns in their canonical names; the first three are required.</summary>
    public static readonly string[] Columns = ["indicator", "space", "period", "value", "numerator", "denominator", "status", "source", "note"];

    /// <summary>Columns the export writes for people, not for the import: read past (suppressed decides whether a row counts).</summary>
    public const string Informative = "";
    public const string Suppressed = "suppressed";

    /// <summary>The canonical name of a header ("Indicator_Code" → indicator, "Zähler" → numerator), <see cref="Informative"/>
    /// for a column the export writes for readers, or null for an unknown column.</summary>
    public static string? Canonical(string header)
    {
        var h = header.Trim().TrimStart('\uFEFF').Replace("_", "").Replace("-", "").Replace(" ", "").ToLowerInvariant();
        return h switch
        {
            "indicator" or "indicatorcode" or "indikator" or "indikatorcode" or "indikatorkennung" => "indicator",
            "space" or "spacecode" or "sozialraum" or "sozialraumcode" or "sozialraumkennung" or "raum" or "raumcode" => "space",
            "zeitraum" or "periode" => "period",
            "wert" => "value",
            "zähler" or "zaehler" => "numerator",
            "nenner" => "denominator",
            "quelle" => "source",
            "notiz" or "anmerkung" or "bemerkung" => "note",
            "suppressed" or "gesperrt" => Suppressed,
            "spacename" or "sozialraumname" or "raumname" or "indicatorname" or "indikatorname" or "unit" or "einheit" => Informative,
            _ => Columns.Contains(h) ? h : null,
        };
    }

    private static bool IsTrue(string? text) =>
        text?.Trim().ToLowerInvariant() is "true" or "wahr" or "ja" or "1" or "x";

    public static async IAsyncEnumerable<RawImportRow> ReadAsync(Stream body, string? delimiter, ImportReport report, [EnumeratorCancellation] CancellationToken ct)
    {
        var config = ImportCsv.Configuration(delimiter,
            (line, message, near) => report.Add(line, null, "file", "malformedCsv", message, ("near", near)));
        using var reader = ImportCsv.Reader(body);
        using var parser = new CsvParser(reader, config);
        if (!await parser.ReadAsync()) yield break;
        var index = new int[Columns.Length];
        Array.Fill(index, -1);
        var header = parser.Record ?? [];
        var suppressed = -1;
        for (var i = 0; i < header.Length; i++)
        {
            var name = Canonical(header[i]);
            if (name == Informative) continue;
            if (name == Suppressed)
            {
                suppressed = i;
                continue;
            }
            if (name is null)
            {
                report.Add(1, null, header[i], "unknownColumn", Text.Format(Messages.Import_UnknownColumn, header[i], string.Join(", ", Columns)),
                    ("value", header[i]), ("columns", string.Join(", ", Columns)));
                continue;
            }
            var n = Array.IndexOf(Columns, name);
            if (index[n] >= 0) report.Add(1, null, header[i], "duplicateColumn", Text.Format(Messages.Import_DuplicateColumn, name), ("value", name));
            index[n] = i;
        }
        foreach (var required in new[] { 0, 1, 2 })
            if (index[required] < 0) report.Add(1, null, Columns[required], "missingColumn", Text.Format(Messages.Import_MissingColumn, Columns[required]), ("value", Columns[required]));
        if (report.Count > 0) yield break;
        while (await parser.ReadAsync())
        {
            ct.ThrowIfCancellationRequested();
            var line = ImportCsv.FirstLine(parser);
            var record = parser.Record!;
            // a field beyond the header (an unquoted separator in a note, a stray cell) would be dropped unseen; fewer fields
            // read as empty, as a JSON item may leave out any property
            if (record.Length > header.Length)
            {
                report.Add(line, null, "file", "fieldCount", Text.Format(Messages.Import_FieldCount, record.Length, header.Length),
                    ("fields", record.Length), ("columns", header.Length));
                continue;
            }
            string? Field(int column) => index[column] >= 0 && index[column] < record.Length ? record[index[column]] : null;
            if (suppressed >= 0 && suppressed < record.Length && IsTrue(record[suppressed])) continue;
            yield return new RawImportRow(line, null, Field(0), Field(1), Field(2), Field(3), Field(4), Field(5), Field(6), Field(7), Field(8));
        }
    }
}
