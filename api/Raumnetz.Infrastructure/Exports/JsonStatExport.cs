using System.Globalization;
using System.Text.Json;
using Raumnetz.Application.Exports;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Infrastructure.Exports;

/// <summary>
/// A JSON-stat 2.0 dataset with the dimensions indicator (role metric, with units), space (role geo, hierarchy as
/// <c>child</c>) and period (role time). <c>value</c> and <c>status</c> are objects keyed by the cell index
/// (indicator × spaces × periods + space × periods + period), as JSON-stat allows for sparse cubes, so the values are
/// streamed as they arrive. Status: "s" suppressed (value null), "p" provisional, "e" estimated, "a" aggregated.
/// </summary>
internal sealed class JsonStatExport : IExportFormat
{
    public string Name => "jsonstat";
    public string ContentType => ExportText.JsonContentType;
    public string FileExtension => "json";
    public string FileNameSuffix => "-jsonstat";
    public ExportRowOrder RowOrder => ExportRowOrder.ByIndicator;
    public bool NeedsPeriods => true;
    public bool NeedsGeometry => false;

    public async Task WriteAsync(ExportDocument document, IAsyncEnumerable<ExportRow> rows, Stream output, CancellationToken ct)
    {
        var indicators = document.Indicators.Select((x, i) => (x.Code, i)).ToDictionary(x => x.Code, x => x.i);
        var spaces = document.Spaces.Select((x, i) => (x.Code, i)).ToDictionary(x => x.Code, x => x.i);
        var periods = document.Periods.Select((x, i) => (x, i)).ToDictionary(x => x.x, x => x.i);
        long ns = spaces.Count, np = periods.Count;

        await using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("version", "2.0");
        json.WriteString("class", "dataset");
        json.WriteString("label", document.Title);
        json.WriteString("source", "Raumnetz");
        json.WriteString("updated", document.Generated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteStartArray("id");
        json.WriteStringValue("indicator");
        json.WriteStringValue("space");
        json.WriteStringValue("period");
        json.WriteEndArray();
        json.WriteStartArray("size");
        json.WriteNumberValue(indicators.Count);
        json.WriteNumberValue(ns);
        json.WriteNumberValue(np);
        json.WriteEndArray();
        json.WriteStartObject("role");
        WriteList(json, "metric", ["indicator"]);
        WriteList(json, "geo", ["space"]);
        WriteList(json, "time", ["period"]);
        json.WriteEndObject();

        json.WriteStartObject("dimension");
        json.WriteStartObject("indicator");
        json.WriteString("label", "Indikator");
        json.WriteStartObject("category");
        WriteIndex(json, document.Indicators.Select(i => i.Code));
        json.WriteStartObject("label");
        foreach (var i in document.Indicators) json.WriteString(i.Code, i.Name);
        json.WriteEndObject();
        json.WriteStartObject("unit");
        foreach (var i in document.Indicators)
        {
            json.WriteStartObject(i.Code);
            json.WriteString("label", i.Unit ?? "");
            json.WriteNumber("decimals", i.Decimals);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("space");
        json.WriteString("label", "Raum");
        json.WriteStartObject("category");
        WriteIndex(json, document.Spaces.Select(s => s.Code));
        json.WriteStartObject("label");
        foreach (var s in document.Spaces) json.WriteString(s.Code, s.Name);
        json.WriteEndObject();
        var children = document.Spaces.Where(s => s.ParentCode is { } p && spaces.ContainsKey(p)).GroupBy(s => s.ParentCode!).ToList();
        if (children.Count > 0)
        {
            json.WriteStartObject("child");
            foreach (var g in children) WriteList(json, g.Key, g.Select(s => s.Code));
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("period");
        json.WriteString("label", "Zeitraum");
        json.WriteStartObject("category");
        WriteIndex(json, document.Periods);
        json.WriteStartObject("label");
        foreach (var p in document.Periods) json.WriteString(p, p);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();

        var status = new List<(long Index, string Flag)>();
        json.WriteStartObject("value");
        await foreach (var r in rows.WithCancellation(ct))
        {
            if (!indicators.TryGetValue(r.Indicator.Code, out var i) || !spaces.TryGetValue(r.Space.Code, out var s) || !periods.TryGetValue(r.Period, out var p)) continue;
            var index = (i * ns + s) * np + p;
            var key = index.ToString(CultureInfo.InvariantCulture);
            if (r.Value is { } v && !r.Suppressed) json.WriteNumber(key, v);
            else json.WriteNull(key);
            var flag = r.Suppressed ? "s" : r.Aggregated ? "a" : r.Status switch { ObservationStatus.Provisional => "p", ObservationStatus.Estimated => "e", _ => null };
            if (flag is not null) status.Add((index, flag));
            if (json.BytesPending > JsonExport.FlushAt) await json.FlushAsync(ct);
        }
        json.WriteEndObject();
        json.WriteStartObject("status");
        foreach (var (index, flag) in status) json.WriteString(index.ToString(CultureInfo.InvariantCulture), flag);
        json.WriteEndObject();
        json.WriteStartObject("extension");
        json.WriteStartObject("status");
        json.WriteString("s", "suppressed (small number)");
        json.WriteString("p", "provisional");
        json.WriteString("e", "estimated");
        json.WriteString("a", "aggregated from the spaces below");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    private static void WriteIndex(Utf8JsonWriter json, IEnumerable<string> codes)
    {
        json.WriteStartObject("index");
        var n = 0;
        foreach (var c in codes) json.WriteNumber(c, n++);
        json.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values) json.WriteStringValue(v);
        json.WriteEndArray();
    }
}
