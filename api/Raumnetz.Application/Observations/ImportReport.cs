using Raumnetz.Domain.Common;
using FluentValidation;
using FluentValidation.Results;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Observations;

/// <summary>A row of an import as read, before checking: its CSV line or JSON item (counted from 0) and its fields as text.</summary>
internal readonly record struct RawImportRow(int? Line, int? Item, string? Indicator, string? Space, string? Period, string? Value, string? Numerator,
    string? Denominator, string? Status, string? Source, string? Note);

/// <summary>The bad rows of an import: every problem is counted, the first <see cref="ImportObservationsHandler.MaxReportedErrors"/> are kept.</summary>
internal sealed class ImportReport
{
    private readonly List<ImportRowError> errors = [];

    public IReadOnlyList<ImportRowError> Errors => errors;

    public int Count { get; private set; }

    private readonly List<ImportRowError> warnings = [];

    /// <summary>Rows that are imported but should be checked (the first <see cref="ImportObservationsHandler.MaxReportedErrors"/>).</summary>
    public IReadOnlyList<ImportRowError> Warnings => warnings;

    public int WarningCount { get; private set; }

    public void Warn(RawImportRow row, FieldProblem problem)
    {
        WarningCount++;
        if (warnings.Count < ImportObservationsHandler.MaxReportedErrors)
            warnings.Add(new ImportRowError(row.Line, row.Item, problem.Field, problem.Message) { Code = problem.Code, Args = problem.Args });
    }

    public void Add(RawImportRow row, string column, string code, string message, params (string Name, object? Value)[] args) =>
        Add(row.Line, row.Item, FieldProblem.Of(column, code, message, args));

    public void Add(RawImportRow row, FieldProblem problem) => Add(row.Line, row.Item, problem);

    public void Add(int? line, int? item, string column, string code, string message, params (string Name, object? Value)[] args) =>
        Add(line, item, FieldProblem.Of(column, code, message, args));

    public void Add(int? line, int? item, FieldProblem problem)
    {
        Count++;
        if (errors.Count < ImportObservationsHandler.MaxReportedErrors)
            errors.Add(new ImportRowError(line, item, problem.Field, problem.Message) { Code = problem.Code, Args = problem.Args });
    }

    /// <summary>The problems as a 400 keyed by line or item and column ("lines[3].value"), with a note on those not listed.</summary>
    public ValidationException ToException()
    {
        var failures = errors.Select(e => new ValidationFailure(
            e.Line is { } line ? $"lines[{line}].{e.Column}" : e.Item is { } item ? $"items[{item}].{e.Column}" : e.Column, e.Message)).ToList();
        if (Count > errors.Count)
            failures.Add(new ValidationFailure("file", Text.Format(Messages.Import_MoreBadRows, Count - errors.Count)));
        return new ValidationException(failures);
    }
}
