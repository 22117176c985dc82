using System.Globalization;
using Raumnetz.Application.Exports;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Infrastructure.Exports;

/// <summary>Picks the writer of a format. Every writer consumes the rows once, as they arrive, and writes as it goes.</summary>
public sealed class IndicatorExportWriter : IIndicatorExportWriter
{
    public string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Csv or ExportFormat.CsvWide => "text/csv; charset=utf-8",
        ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ExportFormat.GeoJson => "application/geo+json",
        _ => "application/json; charset=utf-8",
    };

    public string FileExtension(ExportFormat format) => format switch
    {
        ExportFormat.Csv or ExportFormat.CsvWide => "csv",
        ExportFormat.Xlsx => "xlsx",
        ExportFormat.GeoJson => "geojson",
        _ => "json",
    };

    public bool OrdersBySpace(ExportFormat format) => format == ExportFormat.GeoJson;

    public bool NeedsPeriods(ExportFormat format) => format is ExportFormat.CsvWide or ExportFormat.JsonStat;

    public Task WriteAsync(ExportFormat format, ExportDocument document, IAsyncEnumerable<ExportRow> rows, Stream output, CancellationToken ct) => format switch
    {
        ExportFormat.Csv => CsvExport.WriteAsync(document, rows, output, ct),
        ExportFormat.CsvWide => WideCsvExport.WriteAsync(document, rows, output, ct),
        ExportFormat.Xlsx => XlsxExport.WriteAsync(document, rows, output, ct),
        ExportFormat.Json => JsonExport.WriteAsync(document, rows, output, ct),
        ExportFormat.JsonStat => JsonStatExport.WriteAsync(document, rows, output, ct),
        ExportFormat.GeoJson => GeoJsonExport.WriteAsync(document, rows, output, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}

/// <summary>How values are written as text.</summary>
internal static class ExportText
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static CultureInfo Culture(bool decimalComma) => decimalComma ? German : CultureInfo.InvariantCulture;

    /// <summary>A value with the indicator's decimals ("18.5"; "18,5" with a decimal comma); no thousands separators.</summary>
    public static string Value(double? value, int decimals, CultureInfo culture)
    {
        if (value is not { } v) return "";
        var d = Math.Clamp(decimals, 0, 6);
        return Math.Round(v, d, MidpointRounding.AwayFromZero).ToString(Fixed[d], culture);
    }

    private static readonly string[] Fixed = ["F0", "F1", "F2", "F3", "F4", "F5", "F6"];

    /// <summary>Numerators and denominators as they are (up to 15 significant digits).</summary>
    public static string Number(double? value, CultureInfo culture) => value is { } v ? v.ToString("G15", culture) : "";

    public static string Status(ObservationStatus? status) => status switch
    {
        ObservationStatus.Provisional => "provisional",
        ObservationStatus.Final => "final",
        ObservationStatus.Estimated => "estimated",
        _ => "",
    };

    public static string Bool(bool b) => b ? "true" : "false";

    /// <summary>Marks a withheld value in the wide table.</summary>
    public const string SuppressedCell = "suppressed";

    public static readonly string[] LongHeader = ["indicator_code", "space_code", "space_name", "period", "value", "numerator", "denominator", "unit", "status", "source", "suppressed"];
}
