using System.Text.Json;
using Raumnetz.Application.Exports;

namespace Raumnetz.Infrastructure.Exports;

/// <summary>
/// JSON: { title, generated, indicators: [...], spaces: [...], values: [{ indicator, space, period, value, numerator,
/// denominator, status, source, suppressed, aggregated }] }, written with Utf8JsonWriter and flushed as it grows.
/// </summary>
internal sealed class JsonExport : IExportFormat
{
    public string Name => "json";
    public string ContentType => ExportText.JsonContentType;
    public string FileExtension => "json";
    public string FileNameSuffix => "";
    public ExportRowOrder RowOrder => ExportRowOrder.ByIndicator;
    public bool NeedsPeriods => false;
    public bool NeedsGeometry => false;

    public const int FlushAt = 1 << 16;

    public async Task WriteAsync(ExportDocument document, IAsyncEnumerable<ExportRow> rows, Stream output, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("title", document.Title);
        json.WriteString("generated", document.Generated);
        json.WriteStartArray("indicators");
        foreach (var i in document.Indicators)
        {
            json.WriteStartObject();
            json.WriteString("code", i.Code);
            json.WriteString("name", i.Name);
            json.WriteString("kind", JsonNamingPolicy.CamelCase.ConvertName(i.Kind.ToString()));
            WriteNullable(json, "unit", i.Unit);
            json.WriteNumber("decimals", i.Decimals);
            json.WriteString("aggregation", JsonNamingPolicy.CamelCase.ConvertName(i.Aggregation.ToString()));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("spaces");
        foreach (var s in document.Spaces)
        {
            json.WriteStartObject();
            json.WriteString("code", s.Code);
            json.WriteString("name", s.Name);
            json.WriteString("level", JsonNamingPolicy.CamelCase.ConvertName(s.Level.ToString()));
            WriteNullable(json, "parentCode", s.ParentCode);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("values");
        await foreach (var r in rows.WithCancellation(ct))
        {
            json.WriteStartObject();
            json.WriteString("indicator", r.Indicator.Code);
            json.WriteString("space", r.Space.Code);
            json.WriteString("period", r.Period);
            WriteNumber(json, "value", r.Value);
            WriteNumber(json, "numerator", r.Numerator);
            WriteNumber(json, "denominator", r.Denominator);
            WriteNullable(json, "status", r.Status is null ? null : ExportText.Status(r.Status));
            WriteNullable(json, "source", r.Source);
            json.WriteBoolean("suppressed", r.Suppressed);
            json.WriteBoolean("aggregated", r.Aggregated);
            json.WriteEndObject();
            if (json.BytesPending > FlushAt) await json.FlushAsync(ct);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    public static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    public static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }
}
