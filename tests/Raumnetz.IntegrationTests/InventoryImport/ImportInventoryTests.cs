using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Fundings;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;
using static Raumnetz.IntegrationTests.InventoryImport.Spreadsheets;

namespace Raumnetz.IntegrationTests.InventoryImport;

/// <summary>The spreadsheet import on a held clock (15 June 2026), each test with names of its own.</summary>
public sealed class ImportInventoryTests(InventoryClockFactory factory) : IClassFixture<InventoryClockFactory>
{
    private const string Header =
        "Externe ID;Standort-ID;Einrichtung;Straße;PLZ;Ort;Breite;Länge;Sozialraum;Angebot;Kategorie;Träger;Zielgruppe;Alter;"
        + "Kapazität;Einheit;Förderer;Förderende";

    private static readonly string[] Tables =
        ["services", "locations", "service_at_locations", "service_fundings", "capacity_entries", "service_categories",
            "location_addresses"];

    private async Task<Dictionary<string, long>> CountsAsync()
    {
        var counts = new Dictionary<string, long>();
        foreach (var t in Tables) counts[t] = await factory.CountAsync(t);
        return counts;
    }

    private static async Task<JsonElement> ImportAsync(HttpClient client, HttpContent body, string query = "") =>
        await HttpAssert.OkAsync<JsonElement>(await client.PostAsync(Url + query, body));

    private static int regions;

    /// <summary>A signed-in client, a token for names, a space with a geometry of its own (a square of 0.15 degrees) and the point
    /// (latitude, longitude as CSV text with decimal comma) in its middle, a space by code, and three actors.</summary>
    private async Task<(HttpClient Client, Guid Space, string Token, double Lon)> ArrangeAsync()
    {
        var client = await factory.SignedInAsync();
        var token = Guid.NewGuid().ToString("N")[..8];
        var shift = Interlocked.Increment(ref regions) * 0.2;
        string X(double lon) => (lon + shift).ToString("0.00", CultureInfo.InvariantCulture);
        // a space with a geometry (a square around Teltow) for coordinates, and one named by code
        var teltow = await HttpAssert.OkAsync<JsonElement>(await client.PostAsync("/api/v1/spaces", TestData.RawJson($$$"""
            {"code":"T-{{{token}}}","name":"Teltow {{{token}}}","level":"municipality","geometry":
             {"type":"Polygon","coordinates":[[[{{{X(13.2)}}},52.3],[{{{X(13.35)}}},52.3],[{{{X(13.35)}}},52.45],[{{{X(13.2)}}},52.45],[{{{X(13.2)}}},52.3]]]}}
            """)), HttpStatusCode.Created);
        await client.SpaceAsync($"N-{token}", $"Nordstadt {token}", "district");
        await factory.ActorAsync($"AWO {token}", "CivilSociety", "welfare-association");
        await factory.ActorAsync($"Landkreis {token}");
        await factory.ActorAsync($"Stiftung {token}", "CivilSociety", "welfare-association");
        return (client, teltow.Id(), token, 13.27 + shift);
    }

    private static string[] GoodRows(string t, double lon)
    {
        var x = lon.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');
        return
    [
        Header,
        $"K-{t}-1;S-{t}-1;Kita Sonnenschein {t};Potsdamer Str. 1;14513;Teltow;52,40;{x};;Kita Sonnenschein {t};kita;AWO {t};"
            + $"zg-kinder;1-6;120;Plätze;\"Landkreis {t}; Stiftung {t}\";31.12.2026",
        $"K-{t}-2;S-{t}-1;Kita Sonnenschein {t};Potsdamer Str. 1;14513;Teltow;52,40;{x};;Familienberatung {t};beratung-erziehung;"
            + $"AWO {t};zg-familien;;;;Landkreis {t};2027-06-30",
        $"K-{t}-3;;Jugendclub {t};;;;;;N-{t};Jugendclub {t};jugendclub;AWO {t};zg-jugendliche;ab 12;;;;",
    ];
    }

    [Fact]
    public async Task A_county_spreadsheet_is_imported_and_a_second_import_changes_nothing()
    {
        var (client, teltow, t, lon) = await ArrangeAsync();
        var before = await CountsAsync();
        var result = await ImportAsync(client, Csv(GoodRows(t, lon)));
        Assert.True(result.GetProperty("imported").GetBoolean());
        Assert.Equal(3, result.GetProperty("rows").GetInt32());
        Assert.Equal(3, result.GetProperty("created").GetInt32());
        var after = await CountsAsync();
        Assert.Equal(3, after["services"] - before["services"]);
        Assert.Equal(2, after["locations"] - before["locations"]); // two services share the Kita's location
        Assert.Equal(3, after["service_fundings"] - before["service_fundings"]);
        Assert.Equal(1, after["capacity_entries"] - before["capacity_entries"]);

        var kita = (await client.GetJsonAsync($"/api/v1/services?q=Kita Sonnenschein {t}")).Items().Single();
        Assert.Equal(["kita"], kita.GetProperty("categories").EnumerateArray().Select(c => c.Str("code")));
        Assert.Equal($"AWO {t}", kita.Str("operatorName"));
        Assert.Equal(1, kita.GetProperty("minimumAge").GetInt32());
        Assert.Equal(6, kita.GetProperty("maximumAge").GetInt32());
        Assert.Equal($"K-{t}-1", kita.Str("externalId"));
        // the location lies in Teltow by its coordinates; the youth club in the space named by code
        Assert.Equal(teltow, await factory.ScalarAsync<Guid>("SELECT space_id FROM locations WHERE external_id = @e",
            new { e = $"S-{t}-1" }));
        Assert.Equal("Potsdamer Str. 1", await factory.ScalarAsync<string>(
            "SELECT a.address_1 FROM location_addresses a JOIN locations l ON l.id = a.location_id WHERE l.external_id = @e",
                new { e = $"S-{t}-1" }));
        var fundings = (await client.GetJsonAsync($"/api/v1/fundings?serviceId={kita.Id()}")).Items();
        Assert.Equal(2, fundings.Count);
        Assert.All(fundings, f => Assert.Equal("2026-12-31", f.Str("endsOn")));
        Assert.Contains(kita.Id(), (await client.GetJsonAsync("/api/v1/fundings/ending?horizon=P1Y")).Items()
            .Select(i => i.GetProperty("funding").GetProperty("serviceId").GetGuid()));

        // the same file again: nothing created, nothing changed, no version raised
        var version = kita.GetProperty("version").GetInt64();
        var again = await ImportAsync(client, Csv(GoodRows(t, lon)));
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(0, again.GetProperty("updated").GetInt32());
        Assert.Equal(3, again.GetProperty("unchanged").GetInt32());
        Assert.Equal(after, await CountsAsync());
        Assert.Equal(version, (await client.GetJsonAsync($"/api/v1/services/{kita.Id()}")).GetProperty("version").GetInt64());

        // a changed file updates in place: new capacity, new funding end, renamed service
        var changed = GoodRows(t, lon);
        changed[1] = changed[1].Replace(";120;", ";130;", StringComparison.Ordinal).Replace("31.12.2026", "31.12.2027",
            StringComparison.Ordinal);
        changed[3] = changed[3].Replace($";Jugendclub {t};jugendclub", $";Jugendclub {t} (neu);jugendclub", StringComparison.Ordinal);
        var update = await ImportAsync(client, Csv(changed));
        Assert.Equal(0, update.GetProperty("created").GetInt32());
        Assert.Equal(2, update.GetProperty("updated").GetInt32());
        var final = await CountsAsync();
        Assert.Equal(after["services"], final["services"]);
        Assert.Equal(after["service_fundings"], final["service_fundings"]);
        Assert.Equal(after["capacity_entries"], final["capacity_entries"]); // same day: the entry is corrected, not added
        Assert.Single((await client.GetJsonAsync($"/api/v1/services?q=Jugendclub {t} (neu)")).Items());
        Assert.All((await client.GetJsonAsync($"/api/v1/fundings?serviceId={kita.Id()}")).Items(), f => Assert.Equal("2027-12-31",
            f.Str("endsOn")));
    }

    [Fact]
    public async Task A_dry_run_reports_every_bad_row_by_line_and_column_and_writes_nothing()
    {
        var (client, _, t, lon) = await ArrangeAsync();
        var rows = GoodRows(t, lon);
        var bad = new[]
        {
            rows[0],
            rows[1].Replace(";kita;", ";kita-gibt-es-nicht;", StringComparison.Ordinal),
            rows[2].Replace(";52,40;", ";95;", StringComparison.Ordinal),
            $"K-{t}-1;;Doppelt {t};;;;;;;Doppelt {t};;Niemand {t};;7-3;-5;Tassen;;morgen",
            $"K-{t}-4;;Ohne Angebot {t};Weg 1;;;;;X-{t};;;;;;;;;",
        };
        var before = await CountsAsync();
        var report = await ImportAsync(client, Csv(bad), "?dryRun=true");
        Assert.False(report.GetProperty("imported").GetBoolean());
        Assert.True(report.GetProperty("dryRun").GetBoolean());
        var errors = report.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt32(), e.Str("column"), e.Str("code"))).ToList();
        Assert.Contains((2, "category", "unknownCategory"), errors);
        Assert.Contains((3, "latitude", "outsideWgs84"), errors);
        Assert.Contains((4, "external_id", "duplicate"), errors);
        Assert.Contains((4, "operator", "unknownActor"), errors);
        Assert.Contains((4, "ages", "notAnAgeRange"), errors);
        Assert.Contains((4, "capacity", "outOfRange"), errors);
        Assert.Contains((4, "capacity_unit", "notAUnit"), errors);
        Assert.Contains((4, "funding_end", "notADate"), errors);
        Assert.Contains((5, "service_name", "required"), errors);
        Assert.Contains((5, "postal_code", "required"), errors);
        Assert.Contains((5, "space", "unknownSpace"), errors);
        Assert.Equal(errors.Count, report.GetProperty("errorCount").GetInt32());
        Assert.Equal(before, await CountsAsync());

        // the same file without dry run: 400 naming line and column, and still nothing written
        await HttpAssert.ProblemAsync(await client.PostAsync(Url, Csv(bad)), HttpStatusCode.BadRequest, "lines[2].category",
            "lines[3].latitude",
            "lines[5].service_name");
        Assert.Equal(before, await CountsAsync());
        // one bad row among good ones keeps the good ones out too
        await HttpAssert.ProblemAsync(await client.PostAsync(Url, Csv(rows[0], rows[1], rows[3].Replace(";jugendclub;", ";nix;",
            StringComparison.Ordinal))),
            HttpStatusCode.BadRequest, "lines[3].category");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_dry_run_of_a_good_file_says_what_it_would_do_and_writes_nothing()
    {
        var (client, _, t, lon) = await ArrangeAsync();
        var before = await CountsAsync();
        var report = await ImportAsync(client, Csv(GoodRows(t, lon)), "?dryRun=true");
        Assert.Equal(3, report.GetProperty("created").GetInt32());
        Assert.Equal(0, report.GetProperty("errorCount").GetInt32());
        Assert.False(report.GetProperty("imported").GetBoolean());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task An_xlsx_workbook_with_date_and_number_cells_is_imported()
    {
        var (client, teltow, t, lon) = await ArrangeAsync();
        var body = Xlsx(
            ["external_id", "location_name", "latitude", "longitude", "service_name", "category", "operator", "capacity", "funders",
                "funding_end"],
            [$"X-{t}-1", $"Familienzentrum {t}", 52.41, lon, $"Familienzentrum {t}", "familienzentrum", $"AWO {t}", 25, $"Landkreis {t}",
                46387],
            [$"X-{t}-2", $"Seniorentreff {t}", null, null, $"Seniorentreff {t}", "seniorentreff", null, null, null, null]);
        var result = await ImportAsync(client, body);
        Assert.Equal(2, result.GetProperty("created").GetInt32());
        var service = (await client.GetJsonAsync($"/api/v1/services?q=Familienzentrum {t}")).Items().Single();
        Assert.Equal("2026-12-31",
            (await client.GetJsonAsync($"/api/v1/fundings?serviceId={service.Id()}")).Items().Single().Str("endsOn"));
        Assert.Equal(teltow, await factory.ScalarAsync<Guid>("SELECT space_id FROM locations WHERE external_id = @e",
            new { e = $"X-{t}-1" }));
        Assert.Equal(25.0, await factory.ScalarAsync<double>("""
            SELECT c.maximum FROM capacity_entries c JOIN service_at_locations s ON s.id = c.service_at_location_id WHERE s.external_id = @e
            """, new { e = $"X-{t}-1" }));

        var again = await ImportAsync(client, body, "?format=xlsx");
        Assert.Equal(2, again.GetProperty("unchanged").GetInt32());
    }

    /// <summary>The latest maximum of the service at location with that external id.</summary>
    private Task<double> CapacityAsync(string externalId) => factory.ScalarAsync<double>("""
        SELECT c.maximum FROM capacity_entries c JOIN service_at_locations s ON s.id = c.service_at_location_id WHERE s.external_id = @e
        ORDER BY c.as_of DESC
        """, new { e = externalId });

    private async Task<(double Latitude, double Longitude)> CoordinatesAsync(string locationExternalId) =>
        (await factory.ScalarAsync<double>("SELECT latitude FROM locations WHERE external_id = @e", new { e = locationExternalId }),
            await factory.ScalarAsync<double>("SELECT longitude FROM locations WHERE external_id = @e", new { e = locationExternalId }));

    private static List<(int Line, string Column, string Code)> Errors(JsonElement report) =>
        report.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.Str("column"), e.Str("code")))
            .ToList();

    [Fact]
    public async Task A_german_file_reads_a_point_as_thousands_separator_and_a_comma_as_decimal_mark()
    {
        // the tester's file: ';'-separated, "2.500" places; the import used to store 2.5 without a word
        var (client, teltow, t, lon) = await ArrangeAsync();
        var x = lon.ToString("0.0000", CultureInfo.InvariantCulture);
        var result = await ImportAsync(client, Csv(
            "Externe ID;Einrichtung;Angebot;Kategorie;Kapazität;Einheit;Breite;Länge",
            $"G-{t}-1;Seniorentreff {t};Seniorentreff {t};seniorentreff;2.500;;;",
            $"G-{t}-2;Jugendclub {t};Jugendclub {t};jugendclub;1.200;Plätze;;",
            $"G-{t}-3;Beratung {t};Beratung {t};beratung-erziehung;12,5;Wochenstunden;52,4031;{x.Replace('.', ',')}",
            $"G-{t}-4;Stadtteilzentrum {t};Stadtteilzentrum {t};stadtteilzentrum;1.234,5;Wochenstunden;52.4031;{x}",
            $"G-{t}-5;Kita {t};Kita {t};kita;\"1.000.000\";;;"));
        Assert.Equal(5, result.GetProperty("created").GetInt32());
        Assert.Equal(2500, await CapacityAsync($"G-{t}-1"));
        Assert.Equal(1200, await CapacityAsync($"G-{t}-2"));
        Assert.Equal(12.5, await CapacityAsync($"G-{t}-3"));
        Assert.Equal(1234.5, await CapacityAsync($"G-{t}-4"));
        Assert.Equal(1_000_000, await CapacityAsync($"G-{t}-5"));
        // coordinates with a decimal comma, and with a point (a coordinate has no thousands, so the point is its decimal mark)
        Assert.Equal((52.4031, double.Parse(x, CultureInfo.InvariantCulture)), await CoordinatesAsync($"G-{t}-3"));
        Assert.Equal((52.4031, double.Parse(x, CultureInfo.InvariantCulture)), await CoordinatesAsync($"G-{t}-4"));
        Assert.Equal(teltow, await factory.ScalarAsync<Guid>("SELECT space_id FROM locations WHERE external_id = @e",
            new { e = $"G-{t}-3" }));

        // the export shows what was imported, and a German export re-reads as the same numbers
        var export = await client.GetStringAsync($"/api/v1/exports/inventory?q=Seniorentreff {t}&decimal=comma");
        var lines = export.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(';');
        Assert.Equal("2500", lines[1].Split(';')[Array.IndexOf(header, "places_maximum")]);

        // a number that is none in a German file says that a decimal comma is expected
        var bad = await ImportAsync(client, Csv("Externe ID;Einrichtung;Angebot;Kapazität", $"G-{t}-6;Ort {t};Angebot {t};2.50.0"),
            "?dryRun=true");
        var error = Assert.Single(bad.GetProperty("errors").EnumerateArray());
        Assert.Equal(("capacity", "notANumber"), (error.Str("column"), error.Str("code")));
        Assert.Contains("Dezimalkomma", error.Str("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_a_file_of_unknown_notation_could_read_two_ways_is_a_row_error_naming_column_and_remedy()
    {
        var (client, _, t, lon) = await ArrangeAsync();
        var before = await CountsAsync();
        // ',' between the columns: the file does not show whether '.' is a decimal point or groups thousands
        var report = await ImportAsync(client, Csv(
            "external_id,location_name,service_name,capacity,latitude,longitude",
            $"A-{t}-1,Ort {t},Angebot {t},2.500,,",
            $"A-{t}-2,Ort {t},Angebot {t},\"1,200\",,",
            $"A-{t}-3,Ort {t},Angebot {t},2.5,,",
            $"A-{t}-4,Ort {t},Angebot {t},2500,,",
            $"A-{t}-5,Ort {t},Angebot {t},\"1,234.5\",,",
            $"A-{t}-6,Ort {t},Angebot {t},\"12,5\",52.400,{lon.ToString("0.000", CultureInfo.InvariantCulture)}"), "?dryRun=true");
        Assert.Equal([(2, "capacity", "ambiguousNumber"), (3, "capacity", "ambiguousNumber")], Errors(report));
        var error = report.GetProperty("errors")[0];
        Assert.Equal("2.500", error.GetProperty("args").GetProperty("value").GetString());
        Assert.Equal("2500", error.GetProperty("args").GetProperty("either").GetString());
        Assert.Equal("2.5", error.GetProperty("args").GetProperty("or").GetString());
        Assert.Contains("'capacity'", error.Str("message"), StringComparison.Ordinal);
        Assert.Contains("2500 oder 2,5", error.Str("message"), StringComparison.Ordinal);
        Assert.Contains("ohne Tausendertrennzeichen", error.Str("message"), StringComparison.Ordinal);
        // in English too
        var request = new HttpRequestMessage(HttpMethod.Post, Url + "?dryRun=true")
        {
            Content = Csv("external_id,location_name,service_name,capacity", $"A-{t}-1,Ort {t},Angebot {t},2.500"),
        };
        request.Headers.TryAddWithoutValidation("Accept-Language", "en");
        var english = await HttpAssert.OkAsync<JsonElement>(await client.SendAsync(request));
        Assert.Contains("could be 2500 or 2.5", english.GetProperty("errors")[0].Str("message"), StringComparison.Ordinal);
        Assert.Contains("without thousands separators", english.GetProperty("errors")[0].Str("message"), StringComparison.Ordinal);

        // tab-separated: the same; the real import is 400 naming the line and column, nothing written
        await HttpAssert.ProblemAsync(await client.PostAsync(Url, Csv("external_id\tlocation_name\tservice_name\tcapacity",
            $"A-{t}-1\tOrt {t}\tAngebot {t}\t1.000")), HttpStatusCode.BadRequest, "lines[2].capacity");
        // separated by ';' (detected or given) the file is German
        var german = await ImportAsync(client, Csv("external_id;location_name;service_name;capacity", $"A-{t}-1;Ort {t};Angebot {t};2.500"),
            "?dryRun=true&delimiter=semicolon");
        Assert.Equal(0, german.GetProperty("errorCount").GetInt32());

        // an XLSX number cell is a number whatever its decimals; a text cell follows the rule above
        var xlsx = await ImportAsync(client, Xlsx(
            ["external_id", "location_name", "service_name", "capacity", "capacity_unit"],
            [$"X-{t}-1", $"Ort {t}", $"Angebot {t}", 1.125, "Wochenstunden"],
            [$"X-{t}-2", $"Ort {t}", $"Angebot {t}", "2.500", null],
            [$"X-{t}-3", $"Ort {t}", $"Angebot {t}", "2,5", null]), "?dryRun=true");
        Assert.Equal([(3, "capacity", "ambiguousNumber")], Errors(xlsx));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Coordinates_are_read_with_either_decimal_mark_and_never_as_thousands()
    {
        var (client, teltow, t, lon) = await ArrangeAsync();
        var x3 = lon.ToString("0.000", CultureInfo.InvariantCulture);
        var result = await ImportAsync(client, Csv(
            "external_id,location_external_id,location_name,service_name,latitude,longitude",
            $"C-{t}-1,CL-{t}-1,Ort {t},Angebot {t},52.400,{x3}",
            $"C-{t}-2,CL-{t}-2,Ort {t},Angebot {t},\"52,41\",\"{x3.Replace('.', ',')}\""));
        Assert.Equal(2, result.GetProperty("created").GetInt32());
        var expected = double.Parse(x3, CultureInfo.InvariantCulture);
        Assert.Equal((52.4, expected), await CoordinatesAsync($"CL-{t}-1"));
        Assert.Equal((52.41, expected), await CoordinatesAsync($"CL-{t}-2"));
        // German file: decimal comma, and three decimals after a comma stay decimals
        var german = await ImportAsync(client, Csv(
            "Externe ID;Standort-ID;Einrichtung;Angebot;Breite;Länge",
            $"C-{t}-3;CL-{t}-3;Ort {t};Angebot {t};52,395;{x3.Replace('.', ',')}",
            $"C-{t}-4;CL-{t}-4;Ort {t};Angebot {t};52.395;{x3}"));
        Assert.Equal(2, german.GetProperty("created").GetInt32());
        Assert.Equal((52.395, expected), await CoordinatesAsync($"CL-{t}-3"));
        Assert.Equal((52.395, expected), await CoordinatesAsync($"CL-{t}-4"));
        Assert.Equal(teltow, await factory.ScalarAsync<Guid>("SELECT space_id FROM locations WHERE external_id = @e",
            new { e = $"CL-{t}-3" }));
        // a coordinate written with thousands separators is no number
        var bad = await ImportAsync(client,
            Csv("Externe ID;Einrichtung;Angebot;Breite;Länge", $"C-{t}-5;Ort {t};Angebot {t};1.052,4;13,2"), "?dryRun=true");
        Assert.Equal([(2, "latitude", "notANumber")], Errors(bad));
    }

    private static async Task<JsonElement> ReimportAsync(HttpClient client, string exportQuery, string contentType)
    {
        var response = await client.GetAsync($"/api/v1/exports/inventory?{exportQuery}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = new ByteArrayContent(await response.Content.ReadAsByteArrayAsync());
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await ImportAsync(client, body, "?dryRun=true");
    }

    [Fact]
    public async Task The_export_gives_each_external_id_its_own_column_and_imports_again_without_changes()
    {
        var (client, teltow, t, lon) = await ArrangeAsync();
        var x = lon.ToString("0.00", CultureInfo.InvariantCulture);
        // the tester's file: two services at one facility, Standort-ID ST-1
        await ImportAsync(client, Csv(
            "Externe ID;Standort-ID;Einrichtung;Straße;PLZ;Ort;Breite;Länge;Angebot;Kategorie;Träger;Alter;Kapazität",
            $"IMP-{t}-1;ST-{t};Familienzentrum {t};Markt 1;14513;Teltow;52,40;{x.Replace('.', ',')};Eltern-Kind-Gruppe {t};"
                + $"familienzentrum;AWO {t};0-3;12,5",
            $"IMP-{t}-2;ST-{t};Familienzentrum {t};Markt 1;14513;Teltow;52,40;{x.Replace('.', ',')};Familienberatung {t};"
                + "beratung-erziehung;;ab 18;"));
        var centre = await factory.ScalarAsync<Guid>("SELECT id FROM locations WHERE external_id = @e", new { e = $"ST-{t}" });
        Assert.Equal($"ST-{t}", (await client.GetJsonAsync($"/api/v1/locations/{centre}")).Str("externalId"));
        // a service entered in the app at two facilities, with external ids of its own for service, facilities and placements
        var op = await factory.ScalarAsync<Guid>("SELECT id FROM actors WHERE name = @n", new { n = $"Stiftung {t}" });
        var hall = await Inventory.InventoryApi.CreateLocationIdAsync(client, $"Gemeindesaal {t}", new
        {
            externalId = $"HALL-{t}", latitude = 52.41, longitude = lon,
            addresses = new[] { new { type = "physical", address1 = "Ritterstraße 10", city = "Teltow", postalCode = "14513" } },
        });
        var school = await Inventory.InventoryApi.CreateLocationIdAsync(client, $"Schule {t}", new { externalId = $"SCHOOL-{t}" });
        var club = await Inventory.InventoryApi.CreateServiceIdAsync(client, $"Lernclub {t}", new
        {
            externalId = $"SVC-{t}", operatorId = op, categories = new[] { "jugendclub" }, minimumAge = 10,
            locations = new[]
            {
                new { locationId = hall, externalId = $"SVC-{t}@hall" }, new { locationId = school, externalId = $"SVC-{t}@school" },
            },
        });
        await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync($"/api/v1/services/{club}/capacity",
            new { locationId = hall, unit = "places", maximum = 62.5, available = 3, asOf = "2026-05-01" }), HttpStatusCode.Created);

        // each external id in its column: the location's (shared by its rows) and the service at location's
        var csv = await client.GetStringAsync($"/api/v1/exports/inventory?q={t}");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var rows = lines[1..].Select(l => l.Split(',')).ToList();
        string Cell(string[] row, string column) => row[Array.IndexOf(header, column)];
        var ids = rows.Select(r => (Cell(r, "service_external_id"), Cell(r, "location_external_id"),
            Cell(r, "service_at_location_external_id"))).Order().ToList();
        Assert.Equal([
            ($"IMP-{t}-1", $"ST-{t}", $"IMP-{t}-1"), ($"IMP-{t}-2", $"ST-{t}", $"IMP-{t}-2"),
            ($"SVC-{t}", $"HALL-{t}", $"SVC-{t}@hall"), ($"SVC-{t}", $"SCHOOL-{t}", $"SVC-{t}@school"),
        ], ids);
        Assert.All(rows.Where(r => Cell(r, "location_external_id") == $"ST-{t}"),
            r => Assert.Equal(centre.ToString(), Cell(r, "location_id")));

        // export → import (dry run): nothing new, nothing changed; CSV, German CSV and XLSX alike
        var before = await CountsAsync();
        foreach (var (query, type) in new[]
                 { ($"q={t}", "text/csv"), ($"q={t}&decimal=comma", "text/csv"), ($"q={t}&format=xlsx", XlsxType) })
        {
            var again = await ReimportAsync(client, query, type);
            Assert.True(again.GetProperty("errorCount").GetInt32() == 0, $"{query}: {again.GetProperty("errors")}");
            Assert.Equal((4, 0, 0, 4), (again.GetProperty("rows").GetInt32(), again.GetProperty("created").GetInt32(),
                again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        }
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(teltow, await factory.ScalarAsync<Guid>("SELECT space_id FROM locations WHERE id = @hall", new { hall }));

        // an edited export changes what was edited: a new maximum at the hall, a new name for the club (in both of its rows:
        // the first of them renames the service, so the second finds it renamed)
        var edited = csv.Replace(",62.5,3,", ",70,3,", StringComparison.Ordinal)
            .Replace($"Lernclub {t}", $"Lernclub {t} Nord", StringComparison.Ordinal);
        var update = await ImportAsync(client, Csv(edited.TrimEnd('\r', '\n').Split("\r\n")));
        Assert.Equal((0, 1, 3), (update.GetProperty("created").GetInt32(), update.GetProperty("updated").GetInt32(),
            update.GetProperty("unchanged").GetInt32()));
        Assert.Equal(70, await CapacityAsync($"SVC-{t}@hall"));
        Assert.Equal($"Lernclub {t} Nord", (await client.GetJsonAsync($"/api/v1/services/{club}")).Str("name"));
    }

    [Fact]
    public async Task Rows_of_one_service_at_several_facilities_share_its_service_external_id()
    {
        var (client, _, t, _) = await ArrangeAsync();
        var before = await CountsAsync();
        var result = await ImportAsync(client, Csv(
            "service_external_id;external_id;location_external_id;location_name;service_name;minimum_age;maximum_age",
            $"M-{t};M-{t}@1;L-{t}-1;Rathaus {t};Mobile Beratung {t};16;27",
            $"M-{t};M-{t}@2;L-{t}-2;Bibliothek {t};Mobile Beratung {t};16;27"));
        Assert.Equal((2, 0), (result.GetProperty("created").GetInt32(), result.GetProperty("updated").GetInt32()));
        var after = await CountsAsync();
        Assert.Equal((1, 2, 2), (after["services"] - before["services"], after["locations"] - before["locations"],
            after["service_at_locations"] - before["service_at_locations"]));
        var service = (await client.GetJsonAsync($"/api/v1/services?q=Mobile Beratung {t}")).Items().Single();
        Assert.Equal((16, 27), (service.GetProperty("minimumAge").GetInt32(), service.GetProperty("maximumAge").GetInt32()));
        Assert.Equal($"M-{t}", service.Str("externalId"));

        // ages in both forms at once, or bounds that are no ages, are refused
        var bad = await ImportAsync(client, Csv("external_id;location_name;service_name;ages;minimum_age",
            $"B-{t};Ort {t};Angebot {t};3-6;3"), "?dryRun=true");
        Assert.Equal([(1, "ages", "duplicateColumn")], Errors(bad));
        var bounds = await ImportAsync(client, Csv("external_id;location_name;service_name;minimum_age;maximum_age",
            $"B-{t}-1;Ort {t};Angebot {t};drei;6", $"B-{t}-2;Ort {t};Angebot {t};12;6"), "?dryRun=true");
        Assert.Equal([(2, "minimum_age", "notAnAgeRange"), (3, "minimum_age", "notAnAgeRange")], Errors(bounds));
    }

    [Fact]
    public async Task A_50_MB_upload_is_413_naming_the_limit_and_nothing_is_written()
    {
        var client = await factory.SignedInAsync();
        var before = await CountsAsync();
        var content = new ByteArrayContent(new byte[50 * 1024 * 1024]);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var problem = await HttpAssert.ProblemAsync(await client.PostAsync(Url, content), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(20 * 1024 * 1024, problem.GetProperty("limit").GetInt64());
        Assert.Contains("20 MiB", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Files_that_are_not_the_expected_spreadsheet_are_400_naming_the_problem()
    {
        var (client, _, t, lon) = await ArrangeAsync();
        var before = await CountsAsync();
        await HttpAssert.ProblemAsync(await client.PostAsync(Url, Csv("external_id;location_name;Farbe", $"A-{t};Ort;blau")),
            HttpStatusCode.BadRequest,
            "lines[1].farbe", "lines[1].service_name");
        await HttpAssert.ProblemAsync(await client.PostAsync(Url, Csv("id;external_id;location_name;service_name")),
            HttpStatusCode.BadRequest,
            "lines[1].external_id");
        var notXlsx = new ByteArrayContent("kein Arbeitsblatt"u8.ToArray());
        notXlsx.Headers.ContentType = new MediaTypeHeaderValue(XlsxType);
        await HttpAssert.ProblemAsync(await client.PostAsync(Url, notXlsx), HttpStatusCode.BadRequest, "file");
        await HttpAssert.ProblemAsync(await client.PostAsync($"{Url}?format=ods", Csv(GoodRows(t, lon))), HttpStatusCode.BadRequest,
            "format");
        var untyped = new ByteArrayContent("a;b"u8.ToArray());
        await HttpAssert.ProblemAsync(await client.PostAsync(Url, untyped), HttpStatusCode.UnsupportedMediaType);
        await HttpAssert.ProblemAsync(await client.PostAsync($"{Url}?delimiter=pipe", Csv(GoodRows(t, lon))), HttpStatusCode.BadRequest,
            "delimiter");
        await HttpAssert.ProblemAsync(await client.PostAsync(Url, Csv()), HttpStatusCode.BadRequest, "file");
        Assert.Equal(before, await CountsAsync());
    }

    /// <summary>The first row of the raw workbooks below: the three required columns.</summary>
    private const string RawHeader = """
        <row r="1"><c r="A1" t="inlineStr"><is><t>external_id</t></is></c><c r="B1" t="inlineStr"><is><t>location_name</t></is></c>
        <c r="C1" t="inlineStr"><is><t>service_name</t></is></c></row>
        """;

    [Fact]
    public async Task A_workbook_that_unpacks_beyond_100_MiB_is_400_naming_the_limit_before_anything_is_unpacked()
    {
        var client = await factory.SignedInAsync();
        var before = await CountsAsync();
        // the tester's decompression bomb, small: a shared string of 101 MiB in a body of about 100 KB
        var bomb = RawXlsx(RawHeader, sharedChars: 101L * 1024 * 1024);
        Assert.InRange((await bomb.ReadAsByteArrayAsync()).Length, 1, 1024 * 1024);
        var problem = await HttpAssert.ProblemAsync(await client.PostAsync(Url, bomb), HttpStatusCode.BadRequest, "file");
        var message = Assert.Single(problem.GetProperty("errors").GetProperty("file").EnumerateArray()).GetString();
        Assert.Contains("100 MiB", message, StringComparison.Ordinal);
        Assert.Contains("CSV", message, StringComparison.Ordinal);
        Assert.Single(problem.GetProperty("errors").EnumerateObject());

        // a dry run reports the same in its result, as for every other bad file
        var dry = await ImportAsync(client, RawXlsx(RawHeader, sharedChars: 101L * 1024 * 1024), "?dryRun=true");
        Assert.False(dry.GetProperty("imported").GetBoolean());
        var error = Assert.Single(dry.GetProperty("errors").EnumerateArray());
        Assert.Equal("file", error.Str("column"));
        Assert.Contains("100 MiB", error.Str("message"), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_workbook_whose_zip_understates_a_part_is_read_only_as_far_as_it_states_and_refused()
    {
        var client = await factory.SignedInAsync();
        var before = await CountsAsync();
        // 101 MiB that the zip declares as 1,000 bytes: the size check passes, the part ends after 1,000 characters
        var forged = RawXlsx(RawHeader, sharedChars: 101L * 1024 * 1024, declaredSize: 1_000);
        await HttpAssert.ProblemAsync(await client.PostAsync(Url, forged), HttpStatusCode.BadRequest, "file");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_cell_beyond_the_last_column_of_a_worksheet_is_400_without_filling_the_gap_before_it()
    {
        var client = await factory.SignedInAsync();
        var t = Guid.NewGuid().ToString("N")[..8];
        var before = await CountsAsync();
        // FXSHRXW is column 2,147,483,647: the cells before it used to be filled in one by one (gigabytes)
        foreach (var column in new[] { "FXSHRXW", "XFE" })
        {
            var body = RawXlsx(RawHeader + $"""
                <row r="2"><c r="A2" t="inlineStr"><is><t>W-{t}</t></is></c><c r="B2" t="inlineStr"><is><t>Ort {t}</t></is></c>
                <c r="C2" t="inlineStr"><is><t>Angebot {t}</t></is></c><c r="{column}2" t="inlineStr"><is><t>weit</t></is></c></row>
                """, sharedChars: 0);
            await HttpAssert.ProblemAsync(await client.PostAsync(Url, body), HttpStatusCode.BadRequest, "lines[2].file");
        }
        // the last column itself is one like any other (beyond the header's columns: ignored)
        var last = RawXlsx(RawHeader + $"""
            <row r="2"><c r="A2" t="inlineStr"><is><t>W-{t}</t></is></c><c r="B2" t="inlineStr"><is><t>Ort {t}</t></is></c>
            <c r="C2" t="inlineStr"><is><t>Angebot {t}</t></is></c><c r="XFD2" t="inlineStr"><is><t>weit</t></is></c></row>
            """, sharedChars: 0);
        Assert.Equal(1, (await ImportAsync(client, last, "?dryRun=true")).GetProperty("rows").GetInt32());
        Assert.Equal(before, await CountsAsync());
    }
}
