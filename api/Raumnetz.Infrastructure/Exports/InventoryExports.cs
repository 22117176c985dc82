using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Raumnetz.Application.Inventory;

namespace Raumnetz.Infrastructure.Exports;

/// <summary>The inventory export formats by their names in <c>?format=</c>: csv (default), xlsx and geojson.</summary>
public sealed class InventoryExportFormats : IInventoryExportFormats
{
    private static readonly IInventoryExportFormat[] All = [new InventoryCsvExport(), new InventoryXlsxExport(), new InventoryGeoJsonExport(
        )];

    public IReadOnlyList<string> Names { get; } = All.Select(f => f.Name).ToList();

    public IInventoryExportFormat? Find(string? name)
    {
        var n = (name ?? "").Trim().ToLowerInvariant();
        return All.FirstOrDefault(f => f.Name == (n.Length == 0 ? "csv" : n));
    }
}

/// <summary>
/// The inventory as CSV, one row per service at a location (<see cref="InventoryExportRow.Header"/>): separator and
/// decimal comma as the indicator exports take them (German Excel: semicolon, comma and a BOM), text cells neutralised
/// against formula injection by <see cref="CsvBuffer"/>.
/// </summary>
internal sealed class InventoryCsvExport : IInventoryExportFormat
{
    public string Name => "csv";
    public string ContentType => ExportText.CsvContentType;
    public string FileExtension => "csv";

    public async Task WriteAsync(InventoryExportDocument document, Stream output, CancellationToken ct)
    {
        var buffer = new CsvBuffer(document.Csv.Delimiter, ExportText.Culture(document.Csv.DecimalComma), 1 << 16);
        try
        {
            if (document.Csv.DecimalComma) buffer.Raw(Encoding.UTF8.Preamble);
            Line(buffer, InventoryExportRow.Header);
            foreach (var row in document.Rows)
            {
                Line(buffer, row.Cells());
                if (buffer.Length >= 1 << 15) await buffer.FlushAsync(output, ct);
            }
            await buffer.FlushAsync(output, ct);
            await output.FlushAsync(ct);
        }
        finally
        {
            buffer.Return();
        }
    }

    private static void Line(CsvBuffer buffer, IReadOnlyList<object?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) buffer.Delimiter();
            switch (cells[i])
            {
                case double d: buffer.Number(d); break;
                case bool b: buffer.Text(b ? "true" : "false"); break;
                case string s: buffer.Text(s); break;
            }
        }
        buffer.NewLine();
    }
}

/// <summary>The inventory as XLSX: sheet "Bestand" with the rows of the CSV (numbers as numbers, flags as booleans).</summary>
internal sealed class InventoryXlsxExport : IInventoryExportFormat
{
    public string Name => "xlsx";
    public string ContentType => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public string FileExtension => "xlsx";

    public async Task WriteAsync(InventoryExportDocument document, Stream output, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"raumnetz-inventory-{Guid.NewGuid():N}.xlsx");
        try
        {
            using (var package = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook))
            {
                var workbook = package.AddWorkbookPart();
                var sheet = workbook.AddNewPart<WorksheetPart>();
                using (var w = OpenXmlWriter.Create(sheet))
                {
                    w.WriteStartElement(new Worksheet());
                    w.WriteStartElement(new SheetData());
                    uint index = 1;
                    XlsxExport.Row(w, index++, InventoryExportRow.Header);
                    foreach (var row in document.Rows) XlsxExport.Row(w, index++, row.Cells());
                    w.WriteEndElement();
                    w.WriteEndElement();
                }
                workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Bestand" }));
            }
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
            await file.CopyToAsync(output, ct);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>
/// The inventory as a GeoJSON FeatureCollection: one feature per location (a WGS 84 point, or null geometry without
/// coordinates) with its name, kind, address, space, accessibility checklist and the services offered there as an
/// array property "services". Services without a location are not in it (the tabular formats have them).
/// </summary>
internal sealed class InventoryGeoJsonExport : IInventoryExportFormat
{
    public string Name => "geojson";
    public string ContentType => "application/geo+json";
    public string FileExtension => "geojson";

    public async Task WriteAsync(InventoryExportDocument document, Stream output, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteString("name", document.Title);
        json.WriteStartArray("features");
        foreach (var l in document.Locations)
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteString("id", l.Id);
            json.WritePropertyName("geometry");
            if (l.Latitude is { } lat && l.Longitude is { } lon)
            {
                json.WriteStartObject();
                json.WriteString("type", "Point");
                json.WriteStartArray("coordinates");
                json.WriteNumberValue(lon);
                json.WriteNumberValue(lat);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            else json.WriteNullValue();
            json.WriteStartObject("properties");
            json.WriteString("name", l.Name);
            json.WriteString("kind", l.Kind);
            JsonExport.WriteNullable(json, "street", l.Street);
            JsonExport.WriteNullable(json, "postalCode", l.PostalCode);
            JsonExport.WriteNullable(json, "city", l.City);
            JsonExport.WriteNullable(json, "spaceCode", l.SpaceCode);
            JsonExport.WriteNullable(json, "spaceName", l.SpaceName);
            Flag(json, "stepFreeAccess", l.StepFreeAccess);
            Flag(json, "accessibleToilet", l.AccessibleToilet);
            Flag(json, "lift", l.Lift);
            Flag(json, "hearingLoop", l.HearingLoop);
            json.WriteStartArray("services");
            foreach (var s in l.Services)
            {
                json.WriteStartObject();
                json.WriteString("id", s.Id);
                json.WriteString("name", s.Name);
                json.WriteString("status", s.Status);
                Strings(json, "categories", s.Categories);
                Strings(json, "targetGroups", s.TargetGroups);
                if (s.OperatorId is { } op) json.WriteString("operatorId", op);
                else json.WriteNull("operatorId");
                JsonExport.WriteNullable(json, "operator", s.Operator);
                JsonExport.WriteNumber(json, "minimumAge", s.MinimumAge);
                JsonExport.WriteNumber(json, "maximumAge", s.MaximumAge);
                Strings(json, "languages", s.Languages);
                JsonExport.WriteNullable(json, "verifiedOn", s.VerifiedOn?.ToString("yyyy-MM-dd",
                    System.Globalization.CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            if (json.BytesPending > JsonExport.FlushAt) await json.FlushAsync(ct);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    private static void Flag(Utf8JsonWriter json, string name, bool? value)
    {
        if (value is { } v) json.WriteBoolean(name, v);
        else json.WriteNull(name);
    }

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values) json.WriteStringValue(v);
        json.WriteEndArray();
    }
}
