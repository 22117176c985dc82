using Raumnetz.Application.Audit;
using Raumnetz.Application.Changes;
using MediatR;
using Raumnetz.Application.Common;
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
/// <see cref="ObservationImportRow"/>. The body is read as a stream and written in the command's transaction with the same
/// upsert as a single value, so importing the same file twice changes nothing. Every row is checked; a file with any
/// bad row imports nothing (400 listing each bad row by line and column), and a dry run reports the same without writing.
/// </summary>
public sealed record ImportObservationsCommand : ICommand<ImportObservationsResult>
{
    public required Stream Body { get; init; }
    public ImportFormat Format { get; init; }
    public bool DryRun { get; init; }
    /// <summary>CSV field separator; detected from the header when null.</summary>
    public string? Delimiter { get; init; }
    /// <summary>CSV numbers use a decimal comma (German Excel).</summary>
    public bool DecimalComma { get; init; }
}

/// <summary>
/// One value in a JSON import; indicator and space by code. Every property may be null or left out as far as the body
/// goes; a row without indicator, space or period is reported as a row error (code required), as are the value rules'
/// problems, so that one import lists everything wrong at once.
/// </summary>
public sealed record ObservationImportRow
{
    /// <summary>Indicator code (a row needs it).</summary>
    public string? Indicator { get; init; }
    /// <summary>Space code (a row needs it).</summary>
    public string? Space { get; init; }
    /// <summary>2024, 2024-H1, 2024-Q2 or 2024-05 (a row needs it).</summary>
    public string? Period { get; init; }
    public double? Value { get; init; }
    public double? Numerator { get; init; }
    public double? Denominator { get; init; }
    /// <summary>provisional, final (default) or estimated; also in German (CSV and JSON alike): vorläufig, endgültig or geschätzt.</summary>
    public string? Status { get; init; }
    public string? Source { get; init; }
    public string? Note { get; init; }
}

/// <summary>
/// A bad row: the CSV line (or JSON item, counted from 0), the column and what is wrong, as an English message and as a
/// stable code with its arguments, so a client can say it in its own language. Codes: required, unknownIndicator,
/// unknownSpace, notAPeriod, notANumber, notAStatus, tooLong, duplicate, malformedCsv, fieldCount (a CSV line with more
/// fields than the header), malformedJson, notAnArray, emptyBody, nullItem, unknownProperty, duplicateProperty,
/// notAJsonNumber, notAJsonString (a JSON item that does not fit <see cref="ObservationImportRow"/>), unknownColumn,
/// duplicateColumn, missingColumn, and the value rules' tooLarge (also a JSON number beyond double), onlyRates,
/// valueRequired, countNotWhole, rateNeedsBoth, numeratorNegative, denominatorNotPositive, numeratorAboveDenominator, valueContradictsRate,
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

/// <summary>
/// Reads the rows (<see cref="ObservationCsvReader"/> or <see cref="ObservationJsonReader"/>), checks each
/// (<see cref="ObservationRowChecker"/>) and, as long as no row was bad, has the <see cref="ObservationUpsertWriter"/>
/// write them in the command's transaction, which is kept when every row was good and it is not a dry run.
/// </summary>
public sealed class ImportObservationsHandler(IUnitOfWork unitOfWork, TimeProvider clock, PlausibilityRules plausibility) : IRequestHandler<ImportObservationsCommand, ImportObservationsResult>
{
    public const int MaxReportedErrors = 1000;

    public async Task<ImportObservationsResult> Handle(ImportObservationsCommand request, CancellationToken cancellationToken)
    {
        var report = new ImportReport();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        // the decimal comma is the CSV's (a JSON number has a point)
        var decimalComma = request.DecimalComma && request.Format == ImportFormat.Csv;
        var checker = await ObservationRowChecker.LoadAsync(connection, tx, unitOfWork.Dialect, decimalComma, report, plausibility,
            cancellationToken);
        await using var bulk = await unitOfWork.Dialect.BeginBulkWriteAsync(connection, tx, cancellationToken);

        var rows = 0;
        BulkUpsertCount written;
        var now = clock.GetUtcNow();
        var indicators = new HashSet<Guid>();
        await using (var writer = ObservationUpsertWriter.Start(unitOfWork.Dialect, connection, tx, clock, now, cancellationToken))
        {
            var read = request.Format == ImportFormat.Csv
                ? ObservationCsvReader.ReadAsync(request.Body, request.Delimiter, report, cancellationToken)
                : ObservationJsonReader.ReadAsync(request.Body, report, cancellationToken);
            await foreach (var row in read)
            {
                rows++;
                // the values an indicator has already (outlier warning), read before any row of it is written
                if (checker.HistoryToLoad(row) is { } indicatorId)
                    checker.AddHistory(indicatorId, await writer.ReadAsync(
                        (c, t, token) => ObservationRowChecker.HistoryAsync(c, t, indicatorId, token), cancellationToken));
                // once a row was bad nothing will be written: only keep checking
                if (checker.Check(row) is { } values && report.Count == 0)
                {
                    indicators.Add(values.IndicatorId);
                    await writer.AddAsync(values, cancellationToken);
                }
            }
            written = await writer.CompleteAsync(keep: report.Count == 0, cancellationToken);
        }
        var created = (int)written.Inserted;
        var updated = (int)(written.Changed - written.Inserted);
        var unchanged = rows - (int)written.Changed;

        var imported = report.Count == 0 && !request.DryRun;
        if (imported && written.Changed > 0)
            foreach (var changes in ObservationChanges(unitOfWork.Dialect, written, indicators, now))
                await ChangeFeed.RecordRowsAsync(connection, tx, unitOfWork.Dialect, changes, cancellationToken);
        if (!imported) unitOfWork.Discard();
        if (report.Count > 0 && !request.DryRun) throw report.ToException();
        return new ImportObservationsResult
        {
            DryRun = request.DryRun, Imported = imported, Rows = rows,
            Created = report.Count == 0 ? created : 0, Updated = report.Count == 0 ? updated : 0, Unchanged = report.Count == 0 ? unchanged : 0,
            ErrorCount = report.Count, Errors = report.Errors, WarningCount = report.WarningCount, Warnings = report.Warnings,
        };

        // the rows the bulk upsert kept (PostgreSQL); or those it inserted, by rowid (SQLite), and those it changed, which
        // the import's timestamp marks among the others; or all of them by that timestamp
        static IEnumerable<ChangedRows> ObservationChanges(ISqlDialect dialect, BulkUpsertCount written, HashSet<Guid> indicators,
            DateTimeOffset now)
        {
            var entityType = AuditEntities.Observation.Type;
            if (written.ChangedTable is { } changedTable)
            {
                yield return new ChangedRows
                {
                    EntityType = entityType, Table = changedTable, Condition = "TRUE", SpaceColumn = "space_id", OccurredAt = now,
                    InWriteOrder = true,
                };
                yield break;
            }
            var inserted = written.InsertedRows;
            if (inserted is not null && written.Inserted > 0)
                yield return new ChangedRows
                {
                    EntityType = entityType, Table = "observations", Condition = inserted, SpaceColumn = "space_id", OccurredAt = now,
                    InWriteOrder = true,
                };
            if (inserted is not null && written.Changed == written.Inserted) yield break;
            var (inIndicators, ids) = dialect.InIds("indicator_id", "@indicators", indicators);
            yield return new ChangedRows
            {
                EntityType = entityType, Table = "observations",
                Condition = inserted is null
                    ? $"{inIndicators} AND updated_at = @now"
                    : $"{inIndicators} AND updated_at = @now AND NOT ({inserted})",
                Parameters = new { indicators = ids, now }, SpaceColumn = "space_id", OccurredAt = now,
            };
        }
    }
}
