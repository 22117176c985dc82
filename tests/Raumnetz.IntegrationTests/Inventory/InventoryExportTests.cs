using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Actors.ActorApi;
using static Raumnetz.IntegrationTests.Inventory.InventoryApi;

namespace Raumnetz.IntegrationTests.Inventory;

public sealed class InventoryExportTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string ExportUrl = "/api/v1/exports/inventory";

    /// <summary>Two locations (one without coordinates), a Kita at the first with capacity, a counselling service at both.</summary>
    private static async Task<(string Token, Guid Kita, Guid Counselling, Guid Town, Guid Hall)> SeedAsync(HttpClient client)
    {
        var token = Token();
        var space = await CreateSpaceAsync(client, "Teltow " + token, "municipality");
        var op = await CreateOrganisationAsync(client, "=Träger " + token); // a formula-looking name must come out neutralised
        var town = await CreateLocationIdAsync(client, "Rathaus " + token, new
        {
            latitude = 52.4021, longitude = 13.2707, spaceId = space, accessibility = new { stepFreeAccess = true },
            addresses = new[] { new { type = "physical", address1 = "Marktplatz 1-3", city = "Teltow", postalCode = "14513" } },
        });
        var hall = await CreateLocationIdAsync(client, "Gemeindesaal " + token);
        var kita = await CreateServiceIdAsync(client, $"Kita Spatzennest {token}", new
        {
            operatorId = op, categories = new[] { "kita" }, targetGroups = new[] { "zg-kleinkinder", "zg-kinder" }, minimumAge = 1,
                maximumAge = 6,
            locations = new[] { new { locationId = town, externalId = "KITA-" + token } },
        });
        await HttpAssert.OkAsync<JsonElement>(await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client,
            $"{ServicesUrl}/{kita}/capacity",
            new { locationId = town, unit = "places", maximum = 62.5, available = 3, asOf = "2026-09-01" }), HttpStatusCode.Created);
        var counselling = await CreateServiceIdAsync(client, $"Migrationsberatung {token}", new
        {
            categories = new[] { "beratung-migration" }, languages = new[] { new { code = "de" }, new { code = "ar" } },
            locations = new[] { new { locationId = town }, new { locationId = hall } },
        });
        return (token, kita, counselling, town, hall);
    }

    private static async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
        return (response, body);
    }

    [Fact]
    public async Task Csv_has_one_row_per_service_at_a_location_with_codes_capacity_and_neutralised_text()
    {
        var client = await factory.AdminAsync();
        var (token, kita, counselling, town, hall) = await SeedAsync(client);

        var (response, body) = await GetAsync(client, $"{ExportUrl}?q={token}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bestandsaufnahme.csv", response.Content.Headers.ContentDisposition?.FileNameStar
            ?? response.Content.Headers.ContentDisposition?.FileName);
        var lines = Encoding.UTF8.GetString(body).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal("service_id", header[0]);
        Assert.Equal(4, lines.Length); // header, the Kita at the town hall, the counselling at both places
        var kitaRow = lines.Single(l => l.StartsWith(kita.ToString(), StringComparison.Ordinal)).Split(',');
        string Cell(string[] row, string column) => row[Array.IndexOf(header, column)];
        Assert.Equal("kita", Cell(kitaRow, "categories"));
        Assert.Equal("zg-kleinkinder|zg-kinder", Cell(kitaRow, "target_groups"));
        Assert.Equal("'=Träger " + token, Cell(kitaRow, "operator"));
        Assert.Equal("62.5", Cell(kitaRow, "places_maximum"));
        Assert.Equal("3", Cell(kitaRow, "places_available"));
        Assert.Equal("Marktplatz 1-3", Cell(kitaRow, "street"));
        Assert.Equal("52.4021", Cell(kitaRow, "latitude"));
        // the placement's external id in its own column; the location has none
        Assert.Equal("KITA-" + token, Cell(kitaRow, "service_at_location_external_id"));
        Assert.Equal("", Cell(kitaRow, "location_external_id"));
        Assert.Equal(2, lines.Count(l => l.StartsWith(counselling.ToString(), StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains(hall.ToString(), StringComparison.Ordinal));

        var (_, german) = await GetAsync(client, $"{ExportUrl}?q={token}&decimal=comma");
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), german[..3]);
        var germanText = Encoding.UTF8.GetString(german[3..]);
        var germanHeader = germanText.Split("\r\n")[0].Split(';');
        var germanKita = germanText.Split("\r\n").Single(l => l.StartsWith(kita.ToString(), StringComparison.Ordinal)).Split(';');
        Assert.Equal("62,5", germanKita[Array.IndexOf(germanHeader, "places_maximum")]);
        Assert.Equal("52,4021", germanKita[Array.IndexOf(germanHeader, "latitude")]);

        // filters as the services list
        var (_, onlyKita) = await GetAsync(client, $"{ExportUrl}?q={token}&category=kinder-familie");
        Assert.Equal(2, Encoding.UTF8.GetString(onlyKita).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.NotNull(town.ToString());
    }

    [Fact]
    public async Task GeoJson_has_a_point_feature_per_location_with_its_services_as_properties()
    {
        var client = await factory.AdminAsync();
        var (token, kita, counselling, town, hall) = await SeedAsync(client);

        var (response, body) = await GetAsync(client, $"{ExportUrl}?q={token}&format=geojson");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var doc = JsonDocument.Parse(body).RootElement;
        Assert.Equal("FeatureCollection", doc.GetProperty("type").GetString());
        var features = doc.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(2, features.Count);
        var townFeature = features.Single(f => f.GetProperty("id").GetGuid() == town);
        Assert.Equal("Point", townFeature.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal([13.2707, 52.4021], townFeature.GetProperty("geometry").GetProperty("coordinates")
            .EnumerateArray().Select(c => c.GetDouble()));
        var props = townFeature.GetProperty("properties");
        Assert.True(props.GetProperty("stepFreeAccess").GetBoolean());
        Assert.Equal("Teltow", props.GetProperty("city").GetString());
        var services = props.GetProperty("services").EnumerateArray().ToList();
        Assert.Equal([kita, counselling], services.Select(s => s.GetProperty("id").GetGuid()).Order());
        Assert.Equal(["kita"], services.Single(s => s.GetProperty("id").GetGuid() == kita).GetProperty("categories").Strings());
        var hallFeature = features.Single(f => f.GetProperty("id").GetGuid() == hall);
        Assert.Equal(JsonValueKind.Null, hallFeature.GetProperty("geometry").ValueKind);
        Assert.Equal([counselling], hallFeature.GetProperty("properties").GetProperty("services")
            .EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Xlsx_opens_with_the_rows_and_numbers_as_numbers_and_etags_give_304()
    {
        var client = await factory.AdminAsync();
        var (token, kita, _, _, _) = await SeedAsync(client);

        var (response, body) = await GetAsync(client, $"{ExportUrl}?q={token}&format=xlsx");
        using var package = SpreadsheetDocument.Open(new MemoryStream(body), false);
        var sheet = package.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single();
        Assert.Equal("Bestand", sheet.Name?.Value);
        var part = (WorksheetPart)package.WorkbookPart.GetPartById(sheet.Id!.Value!);
        var rows = part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();
        Assert.Equal(4, rows.Count);
        var header = rows[0].Select(Text).ToList();
        var kitaRow = rows.Single(r => Text(r[0]) == kita.ToString());
        var maximum = kitaRow[header.IndexOf("places_maximum")];
        Assert.Equal(CellValues.Number, maximum.DataType?.Value);
        Assert.Equal("62.5", maximum.CellValue?.Text);

        var etag = response.Headers.ETag!;
        var again = new HttpRequestMessage(HttpMethod.Get, $"{ExportUrl}?q={token}&format=xlsx");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        await HttpAssert.ProblemAsync(await client.GetAsync($"{ExportUrl}?format=pdf"), HttpStatusCode.BadRequest, "format");
        await HttpAssert.ProblemAsync(await client.GetAsync($"{ExportUrl}?category=nope"), HttpStatusCode.BadRequest, "category");
    }

    private static string Text(Cell c) => c.DataType?.Value == CellValues.InlineString ? c.InlineString?.InnerText ?? "" : c.CellValue?.Text
        ?? "";
}
