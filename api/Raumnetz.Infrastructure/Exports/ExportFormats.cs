using System.Globalization;
using Raumnetz.Application.Exports;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Infrastructure.Exports;

/// <summary>
/// The export formats by their names in <c>?format=</c> (csvwide and json-stat are accepted too). Every format's writer
/// consumes the rows once, as they arrive, and writes as it goes.
/// </summary>
public sealed class ExportFormats : IExportFormats
{
    private static readonly IExportFormat[] All = [new CsvExport(), new WideCsvExport(), new XlsxExport(), new JsonExport(), new JsonStatExport(), new GeoJsonExport()];

    private static readonly Dictionary<string, IExportFormat> ByName = Index();

    public IReadOnlyList<string> Names { get; } = All.Select(f => f.Name).ToList();

    public IExportFormat? Find(string? name) =>
        ByName.GetValueOrDefault((name ?? "").Trim().ToLowerInvariant() is { Length: > 0 } n ? n : "csv");

    private static Dictionary<string, IExportFormat> Index()
    {
        var byName = All.ToDictionary(f => f.Name);
        byName["csvwide"] = byName["csv-wide"];
        byName["json-stat"] = byName["jsonstat"];
        return byName;
    }
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

    /// <summary>The status as the export writes it: in English, or as the German UI shows it (vorläufig, endgültig, geschätzt).</summary>
    public static string Status(ObservationStatus? status, bool german) => !german ? Status(status) : status switch
    {
        ObservationStatus.Provisional => "vorläufig",
        ObservationStatus.Final => "endgültig",
        ObservationStatus.Estimated => "geschätzt",
        _ => "",
    };

    /// <summary>Whether a value is withheld: true/false, in German ja/nein (the importer reads both).</summary>
    public static string Suppressed(bool suppressed, bool german) => german ? (suppressed ? "ja" : "nein") : suppressed ? "true" : "false";

    public static string Status(ObservationStatus? status) => status switch
    {
        ObservationStatus.Provisional => "provisional",
        ObservationStatus.Final => "final",
        ObservationStatus.Estimated => "estimated",
        _ => "",
    };

    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>Marks a withheld value in the wide table.</summary>
    public const string SuppressedCell = "suppressed";

    public static readonly string[] LongHeader = ["indicator_code", "space_code", "space_name", "period", "value", "numerator", "denominator", "unit", "status", "source", "suppressed"];

    /// <summary>The long table's header in German (the names the importer reads as the English ones).</summary>
    public static readonly string[] GermanLongHeader = ["Indikator", "Sozialraum", "Sozialraumname", "Zeitraum", "Wert", "Zähler", "Nenner", "Einheit", "Status", "Quelle", "gesperrt"];

    /// <summary>The long table's header for these options: German or English, with the indicator's name after its code when asked.</summary>
    public static string[] LongHeaderOf(ExportColumns columns)
    {
        var header = columns.German ? GermanLongHeader : LongHeader;
        return columns.WithNames ? [header[0], columns.German ? "Indikatorname" : "indicator_name", .. header[1..]] : header;
    }

    /// <summary>The wide table's leading columns (the periods follow).</summary>
    public static string[] WideHeaderOf(ExportColumns columns)
    {
        string[] header = columns.German ? ["Indikator", "Sozialraum", "Sozialraumname", "Einheit"] : ["indicator_code", "space_code", "space_name", "unit"];
        return columns.WithNames ? [header[0], columns.German ? "Indikatorname" : "indicator_name", .. header[1..]] : header;
    }

    /// <summary>Marks a withheld value in the wide table ("gesperrt" with German headers).</summary>
    public static string SuppressedCellOf(ExportColumns columns) => columns.German ? "gesperrt" : SuppressedCell;
}
