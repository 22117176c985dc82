namespace Raumnetz.Application.Exports;

/// <summary>How the rows of an export must arrive at the format's writer.</summary>
public enum ExportRowOrder
{
    /// <summary>Grouped by indicator, within an indicator by space, then by period.</summary>
    ByIndicator,
    /// <summary>Grouped by space (one GeoJSON feature per space).</summary>
    BySpace,
}

/// <summary>
/// An export format (strategy): chosen once at the edge from <c>?format=</c> through <see cref="IExportFormats"/>, it
/// says what it needs, the export builds its queries from that, and it writes the rows as they arrive. The formats
/// live in Infrastructure/Exports.
/// </summary>
public interface IExportFormat
{
    /// <summary>The name in <c>?format=</c>: csv, csv-wide, xlsx, json, jsonstat or geojson.</summary>
    string Name { get; }

    string ContentType { get; }

    /// <summary>The extension of the file name, without the dot.</summary>
    string FileExtension { get; }

    /// <summary>What the file name ends with before its extension, so formats that share an extension differ ("-wide").</summary>
    string FileNameSuffix { get; }

    ExportRowOrder RowOrder { get; }

    /// <summary>Whether the writer needs every period of the export before the first row (wide CSV's columns, JSON-stat's dimension).</summary>
    bool NeedsPeriods { get; }

    /// <summary>Whether the writer needs the geometries of the spaces (GeoJSON).</summary>
    bool NeedsGeometry { get; }

    /// <summary>Writes the document and the rows (in <see cref="RowOrder"/>) to the stream as they arrive; consumes the rows once.</summary>
    Task WriteAsync(ExportDocument document, IAsyncEnumerable<ExportRow> rows, Stream output, CancellationToken ct);
}

/// <summary>The export formats by name, for the edge to choose from.</summary>
public interface IExportFormats
{
    /// <summary>The names of the formats, in the order messages list them.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>The format of that name (any case, trimmed; csv when none is given), or null when there is none.</summary>
    IExportFormat? Find(string? name);
}
