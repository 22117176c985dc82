using System.Text.Json;
using Raumnetz.Domain.Indicators;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.Application.Exports;

/// <summary>Export formats of indicator values.</summary>
public enum ExportFormat
{
    /// <summary>Long CSV: one row per value.</summary>
    Csv = 1,
    /// <summary>Wide CSV: one row per indicator and space, one column per period.</summary>
    CsvWide = 2,
    /// <summary>Excel workbook with the long table.</summary>
    Xlsx = 3,
    /// <summary>JSON with indicators, spaces and values.</summary>
    Json = 4,
    /// <summary>JSON-stat 2.0 dataset (dimensions indicator, space, period).</summary>
    JsonStat = 5,
    /// <summary>GeoJSON FeatureCollection: space geometries with the values as properties.</summary>
    GeoJson = 6,
}

/// <summary>An indicator as it appears in an export.</summary>
public sealed record ExportIndicator(Guid Id, string Code, string Name, IndicatorKind Kind, string? Unit, int Decimals, AggregationRule Aggregation, double? RateFactor);

/// <summary>A space as it appears in an export (geometry only for GeoJSON).</summary>
public sealed record ExportSpace(Guid Id, string Code, string Name, SpaceLevel Level, Guid? ParentId, string? ParentCode)
{
    public JsonElement? Geometry { get; init; }
}

/// <summary>One value of an export. Suppressed values carry no value, numerator or denominator.</summary>
public sealed record ExportRow(
    ExportIndicator Indicator, ExportSpace Space, string Period, double? Value, double? Numerator, double? Denominator,
    ObservationStatus? Status, string? Source, bool Suppressed, bool Aggregated);

/// <summary>CSV options: separator and decimal comma (German Excel: semicolon and comma).</summary>
public sealed record CsvOptions(char Delimiter, bool DecimalComma);

/// <summary>What a writer needs besides the rows: the dimensions and the options.</summary>
public sealed record ExportDocument
{
    public string Title { get; init; } = "";
    public DateTimeOffset Generated { get; init; }
    public IReadOnlyList<ExportIndicator> Indicators { get; init; } = [];
    /// <summary>The spaces of the export's scope, parents before children.</summary>
    public IReadOnlyList<ExportSpace> Spaces { get; init; } = [];
    /// <summary>The periods that occur, in time order (for wide CSV and JSON-stat; empty for the other formats).</summary>
    public IReadOnlyList<string> Periods { get; init; } = [];
    public CsvOptions Csv { get; init; } = new(',', false);
}

/// <summary>Writes an export format to a stream as the rows arrive (implemented in Infrastructure/Exports).</summary>
public interface IIndicatorExportWriter
{
    string ContentType(ExportFormat format);
    string FileExtension(ExportFormat format);
    /// <summary>Rows arrive grouped by indicator then space, or by space for GeoJSON (see <see cref="OrdersBySpace"/>).</summary>
    Task WriteAsync(ExportFormat format, ExportDocument document, IAsyncEnumerable<ExportRow> rows, Stream output, CancellationToken ct);
    /// <summary>Whether the format needs its rows grouped by space (GeoJSON).</summary>
    bool OrdersBySpace(ExportFormat format);
    /// <summary>Whether the format needs the list of periods in advance (wide CSV, JSON-stat).</summary>
    bool NeedsPeriods(ExportFormat format);
}

/// <summary>A prepared export: headers now, body later (streamed by <see cref="WriteAsync"/>).</summary>
public sealed record IndicatorExport
{
    public bool NotModified { get; init; }
    public string ETag { get; init; } = "";
    public string FileName { get; init; } = "";
    public string ContentType { get; init; } = "";
    public Func<Stream, CancellationToken, Task> WriteAsync { get; init; } = (_, _) => Task.CompletedTask;
}
