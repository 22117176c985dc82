using Raumnetz.Application.Changes;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Networks;
using Raumnetz.Application.Observations;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.InventoryImport;

/// <summary>
/// Imports the inventory from a spreadsheet (CSV or XLSX, first sheet): a header row naming the columns
/// (<see cref="InventoryImportColumns"/>), then one row per service at a location. Every row is checked first; a file with
/// any bad row writes nothing (400 listing each bad row by line and column), and a dry run reports the same, and what
/// would be created or updated, without writing. Otherwise all rows are written in one transaction, idempotently by the
/// external id (a re-import updates, never duplicates).
/// </summary>
public sealed record ImportInventoryCommand : ICommand<InventoryImportResult>
{
    public required Stream Body { get; init; }
    public required ISpreadsheetReader Reader { get; init; }
    public SpreadsheetOptions Options { get; init; } = new(null);
    public bool DryRun { get; init; }
}

public sealed record InventoryImportResult
{
    public bool DryRun { get; init; }
    /// <summary>True when the rows were written (no bad row and not a dry run).</summary>
    public bool Imported { get; init; }
    public int Rows { get; init; }
    /// <summary>Rows whose service is new.</summary>
    public int Created { get; init; }
    /// <summary>Rows of known services where something changed.</summary>
    public int Updated { get; init; }
    /// <summary>Rows equal to what is stored already.</summary>
    public int Unchanged { get; init; }
    public int ErrorCount { get; init; }
    /// <summary>
    /// The bad rows (the first 1000) by line and column. Codes: required, tooLong, duplicate, notANumber, ambiguousNumber
    /// (a number in a file that does not show its decimal mark, which could mean two values: args either, or), outsideWgs84,
    /// unknownSpace, unknownCategory, unknownTargetGroup, unknownActor, ambiguousActor, notAnAgeRange, outOfRange, notAUnit,
    /// notADate, notAStatus, tooManyRows, and for the file: unknownColumn, duplicateColumn, missingColumn, malformedFile, emptyFile.
    /// </summary>
    public IReadOnlyList<ImportRowError> Errors { get; init; } = [];
}

public sealed class ImportInventoryHandler(IUnitOfWork unitOfWork, TimeProvider clock)
    : IRequestHandler<ImportInventoryCommand, InventoryImportResult>
{
    /// <summary>Most rows one file may have.</summary>
    public const int MaxRows = 20_000;

    public async Task<InventoryImportResult> Handle(ImportInventoryCommand request, CancellationToken cancellationToken)
    {
        var report = new ImportReport();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var locate = await ImportSpaceLocator.LoadAsync(connection, tx, clock.Today(), cancellationToken);
        var checker = await InventoryRowChecker.LoadAsync(connection, tx, locate, report, cancellationToken);
        var rows = new List<InventoryImportRow>();
        string?[]? columns = null;
        var count = 0;
        await foreach (var sheetRow in request.Reader.ReadAsync(request.Body, request.Options,
                           (line, message) => report.Add(line, null, "file", "malformedFile", message), cancellationToken))
        {
            if (columns is null)
            {
                columns = Header(sheetRow, report);
                if (report.Count > 0) break;
                continue;
            }
            if (++count > MaxRows)
            {
                report.Add(sheetRow.Line, null, "file", "tooManyRows",
                    Text.Format(Messages.Import_TooManyRows, MaxRows),
                    ("max", MaxRows));
                break;
            }
            var cells = new Dictionary<string, string?>();
            HashSet<string>? numberCells = null;
            for (var i = 0; i < columns.Length; i++)
            {
                if (columns[i] is not { } name) continue;
                cells[name] = i < sheetRow.Cells.Count ? sheetRow.Cells[i] : null;
                if (sheetRow.NumberCells is { } numbers && i < numbers.Count && numbers[i]) (numberCells ??= []).Add(name);
            }
            if (checker.Check(sheetRow.Line, cells, sheetRow.Notation, numberCells) is { } row) rows.Add(row);
        }
        if (columns is null && report.Count == 0) report.Add(null, null, "file", "emptyFile", Messages.Import_NoHeader);

        int created = 0, updated = 0;
        if (report.Count == 0)
        {
            var now = clock.GetUtcNow();
            var writer = new InventoryImportWriter(connection, tx, now, clock.Today(), cancellationToken);
            try
            {
                foreach (var row in rows)
                {
                    var (isNew, changed) = await writer.WriteAsync(row);
                    if (isNew) created++;
                    else if (changed) updated++;
                }
            }
            catch (Exception e) when (unitOfWork.Dialect.IsUniqueViolation(e))
            {
                // another import (or an edit) wrote a record with one of these external ids meanwhile: nothing of this one is kept
                throw new ConflictException(Messages.Conflict_ImportExternalIds, "file");
            }
            if (!request.DryRun) await ChangeFeed.RecordInventoryRowsAsync(connection, tx, unitOfWork.Dialect, now, cancellationToken);
        }
        var imported = report.Count == 0 && !request.DryRun;
        if (!imported) unitOfWork.Discard();
        if (report.Count > 0 && !request.DryRun) throw report.ToException();
        return new InventoryImportResult
        {
            DryRun = request.DryRun, Imported = imported, Rows = count, Created = created, Updated = updated,
            Unchanged = report.Count == 0 ? count - created - updated : 0, ErrorCount = report.Count, Errors = report.Errors,
        };
    }

    /// <summary>The column of each header cell (null for empty trailing cells); unknown, doubled and missing columns go to the
    /// report.</summary>
    private static string?[] Header(SheetRow header, ImportReport report)
    {
        var columns = new string?[header.Cells.Count];
        var known = string.Join(", ", InventoryImportColumns.All.Select(c => c.Column));
        var named = header.Cells.Where(c => c is not null).Select(c => InventoryImportColumns.Named(c!)).ToHashSet();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            if (header.Cells[i] is not { } text) continue;
            var name = InventoryImportColumns.Canonical(text);
            // an export column the import does not write is read past; location_id is the export's (the location's id)
            // beside location_external_id, else a spreadsheet's name for location_external_id
            if (InventoryImportColumns.IsReadPast(text) && (name is null || named.Contains(name))) continue;
            if (name is null)
            {
                report.Add(header.Line, null, text, "unknownColumn", Text.Format(Messages.Import_UnknownColumn, text, known),
                    ("value", text), ("columns", known));
                continue;
            }
            if (columns.Contains(name))
                report.Add(header.Line, null, text, "duplicateColumn", Text.Format(Messages.Import_DuplicateColumn, name), ("value", name));
            columns[i] = name;
        }
        if (columns.Contains(InventoryImportColumns.Ages)
            && (columns.Contains(InventoryImportColumns.MinimumAge) || columns.Contains(InventoryImportColumns.MaximumAge)))
            report.Add(header.Line, null, InventoryImportColumns.Ages, "duplicateColumn", Messages.Import_AgesTwice,
                ("value", InventoryImportColumns.Ages));
        foreach (var required in InventoryImportColumns.Required.Where(r => !columns.Contains(r)))
            report.Add(header.Line, null, required, "missingColumn", Text.Format(Messages.Import_MissingColumn, required),
                ("value", required));
        return columns;
    }
}
