using System.Text.Json;
using Raumnetz.Application.Exports;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Infrastructure.Exports;

/// <summary>
/// GeoJSON FeatureCollection: one feature per space of the scope with its geometry (null when unknown) and the values as
/// flat properties named "{indicator code}_{period}" (null when withheld), plus "suppressed" and "provisional" lists of
/// those names. Rows arrive grouped by space; spaces without values follow at the end.
/// </summary>
internal sealed class GeoJsonExport : IExportFormat
{
    public string Name => "geojson";
    public string ContentType => "application/geo+json";
    public string FileExtension => "geojson";
    public string FileNameSuffix => "";
    public ExportRowOrder RowOrder => ExportRowOrder.BySpace;
    public bool NeedsPeriods => false;
    public bool NeedsGeometry => true;

    public async Task WriteAsync(ExportDocument document, IAsyncEnumerable<ExportRow> rows, Stream output, CancellationToken ct)
    {
        var spaces = document.Spaces.ToDictionary(s => s.Id);
        var written = new HashSet<Guid>();
        await using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteString("name", document.Title);
        json.WriteStartArray("features");
        var values = new List<ExportRow>();
        Guid? current = null;
        await foreach (var r in rows.WithCancellation(ct))
        {
            if (current is { } c && c != r.Space.Id) { Feature(json, spaces.GetValueOrDefault(c, r.Space), values); written.Add(c); values.Clear(); }
            current = r.Space.Id;
            values.Add(r);
            if (json.BytesPending > JsonExport.FlushAt) await json.FlushAsync(ct);
        }
        if (current is { } last) { Feature(json, spaces.GetValueOrDefault(last, values[0].Space), values); written.Add(last); }
        foreach (var s in document.Spaces.Where(s => !written.Contains(s.Id))) Feature(json, s, []);
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    private static void Feature(Utf8JsonWriter json, ExportSpace space, List<ExportRow> values)
    {
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteString("id", space.Code);
        json.WritePropertyName("geometry");
        if (space.Geometry is { } g) g.WriteTo(json);
        else json.WriteNullValue();
        json.WriteStartObject("properties");
        json.WriteString("code", space.Code);
        json.WriteString("name", space.Name);
        json.WriteString("level", JsonNamingPolicy.CamelCase.ConvertName(space.Level.ToString()));
        JsonExport.WriteNullable(json, "parentCode", space.ParentCode);
        foreach (var r in values) JsonExport.WriteNumber(json, Key(r), r.Suppressed ? null : r.Value);
        json.WriteStartArray("suppressed");
        foreach (var r in values.Where(r => r.Suppressed)) json.WriteStringValue(Key(r));
        json.WriteEndArray();
        json.WriteStartArray("provisional");
        foreach (var r in values.Where(r => r.Status == ObservationStatus.Provisional)) json.WriteStringValue(Key(r));
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Key(ExportRow r) => $"{r.Indicator.Code}_{r.Period}";
}
