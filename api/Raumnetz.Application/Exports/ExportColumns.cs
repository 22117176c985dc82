namespace Raumnetz.Application.Exports;

/// <summary>The language of the tabular exports' column names (<c>?headers=en|de</c>).</summary>
public enum ExportHeaderLanguage
{
    En = 1,
    De = 2,
}

/// <summary>
/// How the tabular exports (csv, csv-wide, xlsx) name their columns: English (the default: indicator_code, space_code, ...)
/// or German (Indikator, Sozialraum, Zeitraum, Wert, Zähler, Nenner, Status, Quelle, with German status words and ja/nein
/// for withheld values), and whether the indicator's name is written beside its code. Either way the importer reads the
/// file back unchanged.
/// </summary>
public sealed record ExportColumns(bool German, bool WithNames)
{
    public static readonly ExportColumns Default = new(false, false);

    public static ExportColumns Of(ExportHeaderLanguage? headers, bool? withNames) =>
        new(headers == ExportHeaderLanguage.De, withNames ?? false);
}
