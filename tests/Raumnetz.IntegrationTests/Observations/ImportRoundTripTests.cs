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

    private static List<Dictionary<string, string>> ExportCsvTestsParse(byte[] body) => Exports.ExportCsvTests.Parse(body);
}
