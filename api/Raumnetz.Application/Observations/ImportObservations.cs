using System.Data;
using System.Data.Common;
using System.Globalization;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using CsvHelper;
using CsvHelper.Configuration;
using Dapper;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Indicators;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Observations;

public enum ImportFormat
{
    Csv = 1,
    Json = 2,
}

/// <summary>
/// Imports observations from a CSV file (one row per value; header names the columns indicator, space, period, value,
/// numerator, denominator, status, source, note; indicator and space by code) or a JSON array of
/// <see cref="ObservationImportRow"/>. The body is read as a stream and written in one transaction with the same
/// upsert as a single value, so importing the same file twice changes nothing. Every row is checked; a file with any
/// bad row imports nothing (400 listing each bad row by line and column), and a dry run reports the same without writing.
/// </summary>
public sealed record ImportObservationsCommand : IRequest<ImportObservationsResult>
{
    public required Stream Body { get; init; }
    public ImportFormat Format { get; init; }
    public bool DryRun { get; init; }
    /// <summary>CSV field separator; detected from the header when null.</summary>
    public string? Delimiter { get; init; }
    /// <summary>CSV numbers use a decimal comma (German Excel).</summary>
    public bool DecimalComma { get; init; }

    public static ImportObservationsCommand FromRequest(Stream body, string? contentType, string? format, bool dryRun, string? delimiter, string? decimalSeparator)
    {
        var f = (format ?? "").Trim().ToLowerInvariant() switch
        {
            "csv" => ImportFormat.Csv,
            "json" => ImportFormat.Json,
            "" when contentType?.Contains("csv", StringComparison.OrdinalIgnoreCase) == true => ImportFormat.Csv,
            "" when contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true => ImportFormat.Json,
            "" => throw new InvalidFieldException("format", "Send Content-Type text/csv or application/json, or give format=csv or format=json."),
            _ => throw new InvalidFieldException("format", "'format' must be csv or json."),
        };
        var d = (delimiter ?? "").Trim().ToLowerInvariant() switch
        {
            "" => null,
            "comma" or "," => ",",
            "semicolon" or ";" => ";",
            "tab" or "\t" => "\t",
            _ => throw new InvalidFieldException("delimiter", "'delimiter' must be comma, semicolon or tab."),
        };
        var comma = (decimalSeparator ?? "").Trim().ToLowerInvariant() switch
        {
            "" or "point" or "." => false,
            "comma" or "," => true,
            _ => throw new InvalidFieldException("decimal", "'decimal' must be point or comma."),
        };
        if (comma && d == ",") throw new InvalidFieldException("decimal", "A decimal comma needs another field separator (delimiter=semicolon).");
        return new ImportObservationsCommand { Body = body, Format = f, DryRun = dryRun, Delimiter = d, DecimalComma = comma };
    }
}

/// <summary>One value in a JSON import; indicator and space by code.</summary>
public sealed record ObservationImportRow
{
    /// <summary>Indicator code.</summary>
    public string? Indicator { get; init; }
    /// <summary>Space code.</summary>
    public string? Space { get; init; }
    public string? Period { get; init; }
    public double? Value { get; init; }
    public double? Numerator { get; init; }
    public double? Denominator { get; init; }
    /// <summary>provisional, final (default) or estimated.</summary>
    public string? Status { get; init; }
    public string? Source { get; init; }
    public string? Note { get; init; }
}

/// <summary>
/// A bad row: the CSV line (or JSON item, counted from 0), the column and what is wrong, as an English message and as a
/// stable code with its arguments, so a client can say it in its own language. Codes: required, unknownIndicator,
/// unknownSpace, notAPeriod, notANumber, notAStatus, tooLong, duplicate, malformedCsv, malformedJson, notAnArray,
/// emptyBody, nullItem, unknownColumn, duplicateColumn, missingColumn, and the value rules' tooLarge, onlyRates,
/// valueRequired, countNotWhole, rateNeedsBoth, numeratorNegative, denominatorNotPositive, numeratorAboveDenominator,
/// outsideScale, proportionOutOfRange, belowMinimum, aboveMaximum, and outsideSpaceValidity (a period in which the space
/// does not exist). As a warning (the row is imported): outlier (far outside the space's own history).
/// </summary>
public sealed record ImportRowError(int? Line, int? Item, string Column, string Message)
{
    public string Code { get; init; } = "";
    /// <summary>The values the message names (the text found, a limit, the first line of a duplicate), as invariant text.</summary>
    public IReadOnlyDictionary<string, string>? Args { get; init; }
}

public sealed record ImportObservationsResult
{
    public bool DryRun { get; init; }
    /// <summary>True when the values were written (no bad row and not a dry run).</summary>
    public bool Imported { get; init; }
    public int Rows { get; init; }
    public int Created { get; init; }
    public int Updated { get; init; }
    /// <summary>Rows equal to what is stored already (nothing changed).</summary>
    public int Unchanged { get; init; }
    public int ErrorCount { get; init; }
    /// <summary>The bad rows (the first 1000).</summary>
    public IReadOnlyList<ImportRowError> Errors { get; init; } = [];
    public int WarningCount { get; init; }
    /// <summary>
    /// Rows that are imported but should be checked (the first 1000): code outlier, a value far outside the space's own
    /// history (Raumnetz:Plausibility:MaxJumpFactor).
    /// </summary>
    public IReadOnlyList<ImportRowError> Warnings { get; init; } = [];
}

public sealed partial class ImportObservationsHandler(IDbConnectionFactory db, TimeProvider clock, PlausibilityRules plausibility) : IRequestHandler<ImportObservationsCommand, ImportObservationsResult>
{
    public const int MaxReportedErrors = 1000;
    private const int BatchSize = 1024;

    private sealed class SpaceKey
    {
        public Guid Id { get; init; }
        public string Code { get; init; } = "";
        public DateOnly? ValidTo { get; init; }
    }

    private sealed class HistoryRow
    {
        public Guid IndicatorId { get; init; }
        public Guid SpaceId { get; init; }
        public double? Lowest { get; init; }
        public double? Highest { get; init; }
    }

    /// <summary>A row as read from the file, before checking.</summary>
    private readonly record struct RawRow(int? Line, int? Item, string? Indicator, string? Space, string? Period, string? Value, string? Numerator,
        string? Denominator, string? Status, string? Source, string? Note);

    private sealed class Report(bool csv)
    {
        public readonly List<ImportRowError> Errors = [];
        public int Count;
        public readonly List<ImportRowError> Warnings = [];
        public int WarningCount;

        public void Warn(RawRow row, FieldProblem problem)
        {
            WarningCount++;
            if (Warnings.Count < MaxReportedErrors)
                Warnings.Add(new ImportRowError(csv ? row.Line : null, row.Item, problem.Field, problem.Message) { Code = problem.Code, Args = problem.Args });
        }

        public void Add(RawRow row, string column, string code, string message, params (string Name, object? Value)[] args) =>
            Add(row.Line, row.Item, FieldProblem.Of(column, code, message, args));

        public void Add(RawRow row, FieldProblem problem) => Add(row.Line, row.Item, problem);

        public void Add(int? line, int? item, string column, string code, string message, params (string Name, object? Value)[] args) =>
            Add(line, item, FieldProblem.Of(column, code, message, args));

        private void Add(int? line, int? item, FieldProblem problem)
        {
            Count++;
            if (Errors.Count < MaxReportedErrors) Errors.Add(new ImportRowError(csv ? line : null, item, problem.Field, problem.Message) { Code = problem.Code, Args = problem.Args });
        }
    }

    public async Task<ImportObservationsResult> Handle(ImportObservationsCommand request, CancellationToken cancellationToken)
    {
        var report = new Report(request.Format == ImportFormat.Csv);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var indicators = (await IndicatorRow.LoadAsync(connection, tx, db.Dialect, null, cancellationToken)).ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        var indicatorIndex = indicators.Values.Select((i, n) => (i.Id, n)).ToDictionary(x => x.Id, x => x.n);
        var profiles = indicators.Values.ToDictionary(i => i.Id, i => i.Profile());
        var spaceRows = (await connection.QueryAsync<SpaceKey>(new CommandDefinition("SELECT id, code, valid_to FROM spaces", transaction: tx, cancellationToken: cancellationToken))).ToList();
        var spaces = spaceRows.ToDictionary(s => s.Code, s => s.Id, StringComparer.OrdinalIgnoreCase);
        var validity = spaceRows.ToDictionary(s => s.Id, s => s.ValidTo);
        // the lowest and highest value each space has per indicator, for the outlier warning
        var history = plausibility.MaxJumpFactor > 1
            ? (await connection.QueryAsync<HistoryRow>(new CommandDefinition("""
                SELECT indicator_id, space_id, MIN(value) AS lowest, MAX(value) AS highest FROM observations
                WHERE value IS NOT NULL GROUP BY indicator_id, space_id
                """, transaction: tx, cancellationToken: cancellationToken))).ToDictionary(h => (h.IndicatorId, h.SpaceId))
            : [];
        var spaceIndex = spaces.Values.Select((s, n) => (s, n)).ToDictionary(x => x.s, x => x.n);
        var culture = request.DecimalComma ? CultureInfo.GetCultureInfo("de-DE") : CultureInfo.InvariantCulture;
        var seen = new Dictionary<(int, int, int, int), int>();
        await using var cache = await PageCache.EnlargeAsync(db.Provider, connection, tx);
        var countBefore = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM observations", transaction: tx, cancellationToken: cancellationToken));

        var rows = 0;
        // Reading and checking rows runs on this thread; the database writes run on another, fed through a bounded channel
        // in batches (handing over single rows costs a thread switch per row whenever the writer is waiting).
        var channel = Channel.CreateBounded<List<ObservationValues>>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
        var batch = new List<ObservationValues>(BatchSize);
        var writer = Task.Run(async () =>
        {
            try
            {
                await using var upsert = await PreparedUpsert.PrepareAsync(db, connection, tx, clock, cancellationToken);
                long changed = 0;
                await foreach (var rowsOfBatch in channel.Reader.ReadAllAsync(cancellationToken))
                    foreach (var v in rowsOfBatch) changed += await upsert.ExecuteAsync(v, cancellationToken);
                return changed + await upsert.FlushAsync(cancellationToken);
            }
            catch (Exception e)
            {
                channel.Writer.TryComplete(e); // the reader side must not wait on a full channel nobody empties
                throw;
            }
        }, CancellationToken.None);
        try
        {
            await ReadAndCheckAsync();
            if (batch.Count > 0 && report.Count == 0) await channel.Writer.WriteAsync(batch, cancellationToken);
        }
        catch (Exception e) when (e is not ChannelClosedException)
        {
            channel.Writer.TryComplete();
            try { await writer; } catch { /* the reading error is the one to report */ }
            throw;
        }
        catch (ChannelClosedException)
        {
            await writer; // rethrows what stopped the writer
            throw;
        }
        channel.Writer.TryComplete();
        var changedRows = await writer;
        var created = (int)(await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM observations", transaction: tx, cancellationToken: cancellationToken)) - countBefore);
        var updated = (int)changedRows - created;
        var unchanged = rows - (int)changedRows;

        // Reads and checks every row; sends the good ones to the writer as long as no row was bad.
        async Task ReadAndCheckAsync()
        {
            var rowSource = request.Format == ImportFormat.Csv ? ReadCsvAsync(request, report, cancellationToken) : ReadJsonAsync(request.Body, report, cancellationToken);
            await foreach (var row in rowSource)
            {
                rows++;
                var before = report.Count;
                var indicator = Lookup(row, "indicator", row.Indicator, indicators, report);
                Guid? spaceId = string.IsNullOrWhiteSpace(row.Space) ? Missing<Guid>(row, "space", report)
                    : spaces.TryGetValue(row.Space.Trim(), out var sid) ? sid
                    : Unknown<Guid>(row, "space", "unknownSpace", $"No space has the code '{row.Space.Trim()}'.", row.Space.Trim(), report);
                Period? period = string.IsNullOrWhiteSpace(row.Period) ? Missing<Period>(row, "period", report)
                    : Period.TryParse(row.Period, out var pp) ? pp
                    : Unknown<Period>(row, "period", "notAPeriod", $"'{row.Period}' is not a period (2024, 2024-H1, 2024-Q2 or 2024-05).", row.Period, report);
                var value = Number(row, "value", row.Value, culture, report);
                var numerator = Number(row, "numerator", row.Numerator, culture, report);
                var denominator = Number(row, "denominator", row.Denominator, culture, report);
                var status = ObservationStatus.Final;
                if (!string.IsNullOrWhiteSpace(row.Status) && (!Enum.TryParse(row.Status.Trim(), true, out status) || !Enum.IsDefined(status) || int.TryParse(row.Status, out _)))
                    report.Add(row, "status", "notAStatus", $"'{row.Status}' is not a status (provisional, final or estimated).", ("value", row.Status));
                var source = Text(row, "source", row.Source, Limits.Name, report);
                var note = Text(row, "note", row.Note, Limits.Note, report);
                if (report.Count > before || indicator is null || spaceId is null || period is null) continue;

                var (checkedValue, problems) = ObservationRules.Check(profiles[indicator.Id], value.Value, numerator.Value, denominator.Value);
                if (ObservationRules.CheckValidity(period.Value, validity[spaceId.Value]) is { } outside) problems.Add(outside);
                foreach (var problem in problems) report.Add(row, problem);
                if (problems.Count == 0 && checkedValue is { } v0 && history.TryGetValue((indicator.Id, spaceId.Value), out var h)
                    && ObservationRules.IsOutlier(v0, h.Lowest, h.Highest, plausibility.MaxJumpFactor))
                    report.Warn(row, ObservationRules.Outlier(v0, h.Lowest!.Value, h.Highest!.Value, plausibility.MaxJumpFactor));
                var key = (indicatorIndex[indicator.Id], spaceIndex[spaceId.Value], period.Value.FirstMonth, period.Value.LastMonth);
                if (seen.TryGetValue(key, out var first))
                {
                    report.Add(row, "period", "duplicate", request.Format == ImportFormat.Csv
                        ? $"Line {first} already has a value for this indicator, space and period."
                        : $"Item {first} already has a value for this indicator, space and period.", ("first", first));
                    continue;
                }
                seen[key] = request.Format == ImportFormat.Csv ? row.Line ?? 0 : row.Item ?? 0;
                if (report.Count > 0) continue; // nothing will be written: only keep checking
                batch.Add(new ObservationValues(indicator.Id, spaceId.Value, period.Value, checkedValue, numerator.Value, denominator.Value, status, source, note, null));
                if (batch.Count < BatchSize) continue;
                await channel.Writer.WriteAsync(batch, cancellationToken);
                batch = new List<ObservationValues>(BatchSize);
            }
        }

        var imported = report.Count == 0 && !request.DryRun;
        if (imported) await tx.CommitAsync(cancellationToken);
        else await tx.RollbackAsync(cancellationToken);
        if (report.Count > 0 && !request.DryRun)
        {
            var failures = report.Errors.Select(e => new ValidationFailure(
                e.Line is { } line ? $"lines[{line}].{e.Column}" : e.Item is { } item ? $"items[{item}].{e.Column}" : e.Column, e.Message)).ToList();
            if (report.Count > report.Errors.Count)
                failures.Add(new ValidationFailure("file", $"{report.Count - report.Errors.Count} more bad row(s) not listed; run with dryRun=true after fixing these."));
            throw new FluentValidation.ValidationException(failures);
        }
        return new ImportObservationsResult
        {
            DryRun = request.DryRun, Imported = imported, Rows = rows,
            Created = report.Count == 0 ? created : 0, Updated = report.Count == 0 ? updated : 0, Unchanged = report.Count == 0 ? unchanged : 0,
            ErrorCount = report.Count, Errors = report.Errors, WarningCount = report.WarningCount, Warnings = report.Warnings,
        };
    }

    private static IndicatorRow? Lookup(RawRow row, string column, string? code, Dictionary<string, IndicatorRow> indicators, Report report)
    {
        if (string.IsNullOrWhiteSpace(code)) { report.Add(row, column, "required", $"'{column}' is required."); return null; }
        if (indicators.TryGetValue(code.Trim(), out var i)) return i;
        report.Add(row, column, "unknownIndicator", $"No indicator has the code '{code.Trim()}'.", ("value", code.Trim()));
        return null;
    }

    private static T? Missing<T>(RawRow row, string column, Report report) where T : struct
    {
        report.Add(row, column, "required", $"'{column}' is required.");
        return null;
    }

    private static T? Unknown<T>(RawRow row, string column, string code, string message, string value, Report report) where T : struct
    {
        report.Add(row, column, code, message, ("value", value));
        return null;
    }

    private static (double? Value, bool Ok) Number(RawRow row, string column, string? text, CultureInfo culture, Report report)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, true);
        if (double.TryParse(text, NumberStyles.Float, culture, out var v) && double.IsFinite(v)) return (v, true);
        report.Add(row, column, "notANumber", $"'{text}' is not a number{(culture.Name == "de-DE" ? " (decimal comma expected)" : "")}.",
            ("value", text), ("decimalComma", culture.Name == "de-DE"));
        return (null, false);
    }

    private static string? Text(RawRow row, string column, string? text, int max, Report report)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        if (t.Length <= max) return t;
        report.Add(row, column, "tooLong", $"'{column}' must be {max} characters or fewer.", ("max", max));
        return null;
    }

    private static readonly string[] Columns = ["indicator", "space", "period", "value", "numerator", "denominator", "status", "source", "note"];

    private static string? Canonical(string header)
    {
        var h = header.Trim().Replace("_", "").Replace("-", "").Replace(" ", "").ToLowerInvariant();
        return h switch
        {
            "indicator" or "indicatorcode" => "indicator",
            "space" or "spacecode" => "space",
            _ => Columns.Contains(h) ? h : null,
        };
    }

    private static async IAsyncEnumerable<RawRow> ReadCsvAsync(ImportObservationsCommand request, Report report, [EnumeratorCancellation] CancellationToken ct)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            Delimiter = request.Delimiter ?? ",",
            DetectDelimiter = request.Delimiter is null,
            DetectDelimiterValues = [",", ";", "\t"],
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
            BadDataFound = args => report.Add(args.Context.Parser?.RawRow, null, "file", "malformedCsv",
                $"Malformed CSV near '{Shorten(args.RawRecord)}' (a quote inside an unquoted field?).", ("near", Shorten(args.RawRecord))),
        };
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var parser = new CsvParser(reader, config);
        if (!await parser.ReadAsync()) yield break;
        var index = new int[Columns.Length];
        Array.Fill(index, -1);
        var header = parser.Record ?? [];
        for (var i = 0; i < header.Length; i++)
        {
            var name = Canonical(header[i]);
            if (name is null)
            {
                report.Add(1, null, header[i], "unknownColumn", $"Unknown column '{header[i]}'. Columns: {string.Join(", ", Columns)}.",
                    ("value", header[i]), ("columns", string.Join(", ", Columns)));
                continue;
            }
            var n = Array.IndexOf(Columns, name);
            if (index[n] >= 0) report.Add(1, null, header[i], "duplicateColumn", $"Column '{name}' appears twice.", ("value", name));
            index[n] = i;
        }
        foreach (var required in new[] { 0, 1, 2 })
            if (index[required] < 0) report.Add(1, null, Columns[required], "missingColumn", $"The header has no column '{Columns[required]}'.", ("value", Columns[required]));
        if (report.Count > 0) yield break;
        while (await parser.ReadAsync())
        {
            ct.ThrowIfCancellationRequested();
            var line = parser.RawRow - CountLineBreaks(parser.RawRecord);
            var record = parser.Record!;
            string? Field(int column) => index[column] >= 0 && index[column] < record.Length ? record[index[column]] : null;
            yield return new RawRow(line, null, Field(0), Field(1), Field(2), Field(3), Field(4), Field(5), Field(6), Field(7), Field(8));
        }
    }

    /// <summary>RawRow is the last line of the record; a quoted field may span lines, so count back to its first line.</summary>
    private static int CountLineBreaks(string raw)
    {
        var n = 0;
        var trimmed = raw.TrimEnd('\r', '\n');
        foreach (var c in trimmed) if (c == '\n') n++;
        return n;
    }

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s.TrimEnd('\r', '\n');

    private static async IAsyncEnumerable<RawRow> ReadJsonAsync(Stream body, Report report, [EnumeratorCancellation] CancellationToken ct)
    {
        // The body must be an array: JsonSerializer would read a top-level null (or nothing) as no items at all.
        var pipe = PipeReader.Create(body);
        var first = await FirstTokenAsync(pipe, ct);
        if (first != (byte)'[')
        {
            if (first is null) report.Add(null, null, "file", "emptyBody", "The body is empty. Send a JSON array of objects.");
            else report.Add(null, null, "file", "notAnArray", "The body must be a JSON array of objects.");
            yield break;
        }
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var items = JsonSerializer.DeserializeAsyncEnumerable<ObservationImportRow?>(pipe.AsStream(), options, ct);
        await using var e = items.GetAsyncEnumerator(ct);
        var item = 0;
        while (true)
        {
            ObservationImportRow? current;
            try
            {
                if (!await e.MoveNextAsync()) yield break;
                current = e.Current;
            }
            catch (JsonException x)
            {
                // The serializer reads ahead, so the item comes from the error's path ($[3].value), not from the count so far.
                var where = x.LineNumber is { } l ? $" at line {l + 1}, position {x.BytePositionInLine + 1}" : "";
                var path = x.Path is { } p ? JsonErrorPath().Match(p) : null;
                var pathItem = path is { Success: true } ? int.Parse(path.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
                // a path behind the items already read (an unterminated array) means the file broke off after them
                var failedItem = Math.Max(pathItem, item);
                var column = pathItem < item ? "file" : path!.Groups[2].Success ? path.Groups[2].Value : "item";
                report.Add(null, failedItem, column, "malformedJson",
                    $"The JSON is malformed or a value has the wrong type{where}. The body must be an array of objects.",
                    ("line", (x.LineNumber ?? 0) + 1), ("position", (x.BytePositionInLine ?? 0) + 1));
                yield break;
            }
            if (current is null) { report.Add(null, item, "item", "nullItem", "The item is null."); item++; continue; }
            yield return new RawRow(null, item, current.Indicator, current.Space, current.Period, Invariant(current.Value), Invariant(current.Numerator),
                Invariant(current.Denominator), current.Status, current.Source, current.Note);
            item++;
        }
    }

    /// <summary>Skips white space and a UTF-8 byte order mark; returns the first other byte, left unread in the pipe, or null for an empty body.</summary>
    private static async Task<byte?> FirstTokenAsync(PipeReader pipe, CancellationToken ct)
    {
        while (true)
        {
            var read = await pipe.ReadAsync(ct);
            var buffer = read.Buffer;
            var skipped = 0L;
            byte? found = null;
            foreach (var segment in buffer)
            {
                foreach (var b in segment.Span)
                {
                    if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' || (skipped < 3 && b is 0xEF or 0xBB or 0xBF)) { skipped++; continue; }
                    found = b;
                    break;
                }
                if (found is not null) break;
            }
            if (found is not null)
            {
                pipe.AdvanceTo(buffer.GetPosition(skipped)); // only the white space is consumed: the JSON reader starts at the token
                return found;
            }
            pipe.AdvanceTo(buffer.End); // all white space so far
            if (read.IsCompleted) return null;
        }
    }

    [GeneratedRegex(@"^\$\[(\d+)\](?:\.([A-Za-z]+))?")]
    private static partial Regex JsonErrorPath();

    private static string? Invariant(double? v) => v?.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// On SQLite, a 64 MB page cache for the import, so the indexes of a big observations table stay in memory; the
    /// connection goes back to the pool with the cache size it had.
    /// </summary>
    private sealed class PageCache(DbConnection? connection, DbTransaction? tx, long before) : IAsyncDisposable
    {
        public static async Task<PageCache> EnlargeAsync(DatabaseProvider provider, DbConnection connection, DbTransaction tx)
        {
            if (provider != DatabaseProvider.Sqlite) return new PageCache(null, null, 0);
            var before = await connection.ExecuteScalarAsync<long>("PRAGMA cache_size", transaction: tx);
            await connection.ExecuteAsync("PRAGMA cache_size = -65536", transaction: tx);
            return new PageCache(connection, tx, before);
        }

        public async ValueTask DisposeAsync()
        {
            if (connection is null) return;
            try { await connection.ExecuteAsync($"PRAGMA cache_size = {before}", transaction: tx?.Connection is null ? null : tx); }
            catch (DbException) { /* a broken connection is not returned to the pool anyway */ }
        }
    }

    /// <summary>
    /// The upsert as one prepared command whose values change per row (far cheaper than a new command per row), run
    /// without RETURNING: reading a result per row costs more than the insert itself on SQLite. Inserted rows are counted
    /// from COUNT(*) before and after instead.
    /// </summary>
    private sealed class PreparedUpsert(IPreparedCommand command, TimeProvider clock, DateTimeOffset now) : IAsyncDisposable
    {
        private static readonly PreparedParameter[] Parameters =
        [
            new("id", DbType.Guid), new("indicatorId", DbType.Guid), new("spaceId", DbType.Guid), new("period", DbType.String),
            new("firstMonth", DbType.Int32), new("lastMonth", DbType.Int32), new("value", DbType.Double), new("numerator", DbType.Double),
            new("denominator", DbType.Double), new("status", DbType.String), new("source", DbType.String), new("note", DbType.String),
            new("ratingCount", DbType.Int32), new("now", DbType.DateTimeOffset),
        ];

        private readonly object?[] values = new object?[Parameters.Length];
        private readonly BulkIds ids = new(clock);
        private readonly object boxedNow = now.ToUniversalTime();

        public static async Task<PreparedUpsert> PrepareAsync(IDbConnectionFactory db, DbConnection connection, DbTransaction tx, TimeProvider clock, CancellationToken ct) =>
            new(await db.Dialect.PrepareAsync(connection, tx, ObservationSql.Upsert(db.Provider, returning: false), Parameters, ct), clock, clock.GetUtcNow());

        /// <summary>Runs the upsert; returns 1 when it inserted or changed the row, 0 when the row was equal already.</summary>
        public ValueTask<int> ExecuteAsync(ObservationValues v, CancellationToken ct)
        {
            values[0] = ids.Next();
            values[1] = v.IndicatorId;
            values[2] = v.SpaceId;
            values[3] = v.Period.ToString();
            values[4] = v.Period.FirstMonth;
            values[5] = v.Period.LastMonth;
            values[6] = v.Value;
            values[7] = v.Numerator;
            values[8] = v.Denominator;
            values[9] = v.Status.ToString();
            values[10] = v.Source;
            values[11] = v.Note;
            values[12] = v.RatingCount;
            values[13] = boxedNow;
            return command.ExecuteAsync(values, ct);
        }

        public ValueTask<int> FlushAsync(CancellationToken ct) => command.FlushAsync(ct);

        public ValueTask DisposeAsync() => command.DisposeAsync();
    }
}
