using System.Net;
using System.Text;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Exports.ExportApi;
using static Raumnetz.IntegrationTests.Indicators.IndicatorApi;

namespace Raumnetz.IntegrationTests.Observations;

/// <summary>Import and export fit together: our own long CSV re-imports unchanged, and German column headers import.</summary>
public sealed class ImportRoundTripTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_long_csv_export_re_imports_with_no_changes_ignoring_its_informative_columns()
    {
        var client = await factory.AdminAsync();
        var d = await factory.DataAsync();
        var (_, body) = await GetAsync(client, Url(d, "format=csv"));
        var csv = Encoding.UTF8.GetString(body);
        Assert.Contains("space_name", csv, StringComparison.Ordinal);

        var result = await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client, csv, "?dryRun=true"));
        Assert.True(result.GetProperty("errorCount").GetInt32() == 0, result.GetProperty("errors").ToString());
        Assert.Equal(0, result.GetProperty("created").GetInt32());
        Assert.Equal(0, result.GetProperty("updated").GetInt32());
        // every row with a value is recognised as stored already; the withheld ones carry none and are skipped
        var withValue = ExportCsvTestsParse(body).Count(r => r["suppressed"] == "false");
        Assert.True(withValue > 0);
        Assert.Equal(withValue, result.GetProperty("unchanged").GetInt32());

        var imported = await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client, csv, ""));
        Assert.Equal((0, 0), (imported.GetProperty("created").GetInt32(), imported.GetProperty("updated").GetInt32()));
    }

    [Fact]
    public async Task German_column_headers_import()
    {
        var client = await factory.AdminAsync();
        var d = await factory.DataAsync();
        var csv = $"""
            Indikator;Sozialraum;Sozialraumname;Zeitraum;Wert;Zähler;Nenner;Status;Quelle;Einheit
            {d.Code("cases")};{d.Code("south")};Südstadt;2022;17;;;final;Jugendamt;Fälle
            {d.Code("sgb2")};{d.Code("north")};Nordstadt;2022;;140;1000;provisional;BA;%
            """;
        var result = await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client, csv, ""));
        Assert.Equal(0, result.GetProperty("errorCount").GetInt32());
        Assert.Equal(2, result.GetProperty("created").GetInt32());
        var stored = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync(
            $"{ObservationsUrl}?indicatorId={d.Sgb2}&spaceId={d.North}&from=2022&to=2022", TestContext.Current.CancellationToken));
        var row = Assert.Single(stored.GetProperty("items").EnumerateArray());
        Assert.Equal(140, row.GetProperty("numerator").GetDouble());
        Assert.Equal("provisional", row.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_german_export_with_indicator_names_re_imports_with_no_changes()
    {
        var client = await factory.AdminAsync();
        var d = await factory.DataAsync();
        var (_, body) = await GetAsync(client, Url(d, "format=csv&headers=de&withNames=true&decimal=comma"));
        var csv = Encoding.UTF8.GetString(body).TrimStart('\uFEFF');
        Assert.StartsWith("Indikator;Indikatorname;Sozialraum;Sozialraumname;Zeitraum;Wert;Zähler;Nenner;Einheit;Status;Quelle;"
            + "gesperrt\r\n", csv,
            StringComparison.Ordinal);
        var rows = Exports.ExportCsvTests.Parse(body, ";");
        var safety = rows.Single(r => r["Indikator"] == d.Code("safety"));
        Assert.Equal(("Sicherheitsgefühl", "vorläufig", "3,5", "nein"),
            (safety["Indikatorname"], safety["Status"], safety["Wert"], safety["gesperrt"]));
        Assert.Contains(rows, r => r["gesperrt"] == "ja" && r["Wert"] == "");
        Assert.Contains(rows, r => r["Status"] == "endgültig");

        var result = await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client, csv, "?dryRun=true&decimal=comma"));
        Assert.True(result.GetProperty("errorCount").GetInt32() == 0, result.GetProperty("errors").ToString());
        Assert.Equal((0, 0), (result.GetProperty("created").GetInt32(), result.GetProperty("updated").GetInt32()));
        Assert.Equal(rows.Count(r => r["gesperrt"] == "nein"), result.GetProperty("unchanged").GetInt32());
        var imported = await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client, csv, "?decimal=comma"));
        Assert.Equal((0, 0), (imported.GetProperty("created").GetInt32(), imported.GetProperty("updated").GetInt32()));
    }

    [Fact]
    public async Task The_english_export_with_names_adds_the_indicator_name_after_its_code_and_the_wide_and_xlsx_follow_the_headers()
    {
        var client = await factory.AdminAsync();
        var d = await factory.DataAsync();
        var rows = Exports.ExportCsvTests.Parse((await GetAsync(client, Url(d, "format=csv&withNames=true"))).Body);
        Assert.Equal(["indicator_code", "indicator_name", "space_code"], rows[0].Keys.Take(3));
        Assert.Equal("SGB-II-Quote", rows.First(r => r["indicator_code"] == d.Code("sgb2"))["indicator_name"]);
        var safety = rows.Single(r => r["indicator_code"] == d.Code("safety"));
        Assert.Equal(("Sicherheitsgefühl", "provisional", "false"), (safety["indicator_name"], safety["status"], safety["suppressed"]));
        var wide = Encoding.UTF8.GetString((await GetAsync(client, Url(d, "format=csv-wide&headers=de"))).Body);
        Assert.StartsWith("Indikator,Sozialraum,Sozialraumname,Einheit,", wide, StringComparison.Ordinal);
        Assert.Contains(",gesperrt", wide, StringComparison.Ordinal);
        await HttpAssert.ProblemAsync(await client.GetAsync(Url(d, "format=csv&headers=fr"), TestContext.Current.CancellationToken),
            HttpStatusCode.BadRequest, "headers");
        await HttpAssert.ProblemAsync(await client.GetAsync(Url(d, "format=csv&headers=DE"), TestContext.Current.CancellationToken),
            HttpStatusCode.BadRequest, "headers");
    }

    [Fact]
    public async Task German_status_words_import_as_the_english_ones()
    {
        var client = await factory.AdminAsync();
        var d = await factory.DataAsync();
        var csv = $"""
            Indikator;Sozialraum;Zeitraum;Wert;Status
            {d.Code("cases")};{d.Code("south")};2019;11;Vorläufig
            {d.Code("cases")};{d.Code("north")};2019;12;geschätzt
            {d.Code("cases")};{d.Code("centre")};2019;13;endgueltig
            """;
        var result = await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client, csv, ""));
        Assert.True(result.GetProperty("errorCount").GetInt32() == 0, result.GetProperty("errors").ToString());
        Assert.Equal(3, result.GetProperty("created").GetInt32());
        foreach (var (space, status) in new[] { (d.South, "provisional"), (d.North, "estimated"), (d.Centre, "final") })
        {
            var stored = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync(
                $"{ObservationsUrl}?indicatorId={d.Cases}&spaceId={space}&from=2019&to=2019", TestContext.Current.CancellationToken));
            Assert.Equal(status, Assert.Single(stored.GetProperty("items").EnumerateArray()).GetProperty("status").GetString());
        }
        var bad = await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client,
            $"Indikator;Sozialraum;Zeitraum;Wert;Status\n{d.Code("cases")};{d.Code("south")};2018;1;fertig\n", "?dryRun=true"));
        Assert.Equal("notAStatus", bad.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    private static List<Dictionary<string, string>> ExportCsvTestsParse(byte[] body) => Exports.ExportCsvTests.Parse(body);
}
