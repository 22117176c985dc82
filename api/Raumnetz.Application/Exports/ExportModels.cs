using System.Text.Json;
using Raumnetz.Domain.Indicators;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.Application.Exports;

/// <summary>An indicator as it appears in an export.</summary>
public sealed record ExportIndicator(Guid Id, string Code, string Name, IndicatorKind Kind, string? Unit, int Decimals, AggregationRule Aggregation, double? RateFactor);

/// <summary>A space as it appears in an export (geometry only for GeoJSON).</summary>
public sealed record ExportSpace(Guid Id, string Code, string Name, SpaceLevel Level, Guid? ParentId, string? ParentCode)
{
    public JsonElement? Geometry { get; init; }
}

/// <summary>One value of an export. Suppressed values carry no value, numerator or denominator.</summary>
public readonly record struct ExportRow(
    ExportIndicator Indicator, ExportSpace Space, string Period, double? Value, double? Numerator, double? Denominator,
    ObservationStatus? Status, string? Source, bool Suppressed, bool Aggregated);

/// <summary>What a writer needs besides the rows: the dimensions and the options.</summary>
public sealed record ExportDocument
{
    public string Title { get; init; } = "";
    public DateTimeOffset Generated { get; init; }
    public IReadOnlyList<ExportIndicator> Indicators { get; init; } = [];
    /// <summary>The spaces of the export's scope, parents before children.</summary>
    public IReadOnlyList<ExportSpace> Spaces { get; init; } = [];
    /// <summary>The periods that occur, in time order (when the format <see cref="IExportFormat.NeedsPeriods"/>; else empty).</summary>
    public IReadOnlyList<string> Periods { get; init; } = [];
    public CsvOptions Csv { get; init; } = CsvOptions.Default;
    public ExportColumns Columns { get; init; } = ExportColumns.Default;
}

/// <summary>A prepared export: what identifies its content and its headers now, the body later (streamed by <see cref="WriteAsync"/>).</summary>
public sealed record IndicatorExport
{
    /// <summary>Changes whenever the content would (another request, other rules, changed data): the edge derives the ETag from it.</summary>
    public string Version { get; init; } = "";
    public string FileName { get; init; } = "";
    public string ContentType { get; init; } = "";
    public Func<Stream, CancellationToken, Task> WriteAsync { get; init; } = (_, _) => Task.CompletedTask;
}
