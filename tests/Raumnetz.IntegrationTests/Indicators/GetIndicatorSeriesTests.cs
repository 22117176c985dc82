using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Indicators.IndicatorApi;

namespace Raumnetz.IntegrationTests.Indicators;

public sealed class GetIndicatorSeriesTests(IndicatorValuesFixture d) : IClassFixture<IndicatorValuesFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> SeriesAsync(HttpClient client, Guid indicator, Guid space, string query = "") =>
        await HttpAssert.OkAsync<JsonElement>(await client.GetAsync($"{IndicatorsUrl}/{indicator}/series?spaceId={space}{query}", Ct));

    private static Dictionary<string, JsonElement> ByPeriod(JsonElement series) =>
        series.GetProperty("items").EnumerateArray().ToDictionary(i => i.Str("period"));

    private static double? Number(JsonElement item) =>
        item.GetProperty("value").ValueKind == JsonValueKind.Null ? null : Math.Round(item.GetProperty("value").GetDouble(), 9);

    private static bool Flag(JsonElement item, string name) => item.GetProperty(name).GetBoolean();

    [Fact]
    public async Task Series_gives_measured_values_and_values_computed_from_the_spaces_below_oldest_first()
    {
        var admin = await d.AdminAsync();
        var city = await SeriesAsync(admin, d.Cases, d.City);
        Assert.Equal((d.Cases, d.City, d.Code("city"), "Stadt"),
            (city.GetProperty("indicatorId").GetGuid(), city.GetProperty("spaceId").GetGuid(),
                city.Str("spaceCode"), city.Str("spaceName")));
        Assert.Equal(["2022", "2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4", "2023", "2024"],
            city.GetProperty("items").EnumerateArray().Select(i => i.Str("period")));
        var cases = ByPeriod(city);
        Assert.Equal(29, Number(cases["2023"]));          // north (n1 4 + n2 2) + centre 10 + south 13
        Assert.True(Flag(cases["2023"], "aggregated"));
        Assert.Equal(3, cases["2023"].GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, cases["2023"].GetProperty("status").ValueKind);
        Assert.Equal(32, Number(cases["2024"]));          // measured wins over 2 + 10 + 13 + 7
        Assert.False(Flag(cases["2024"], "aggregated"));
        Assert.Equal("final", cases["2024"].Str("status"));
        Assert.False(Flag(cases["2024"], "suppressed"));

        var rate = ByPeriod(await SeriesAsync(admin, d.Sgb2, d.City))["2024"];
        // (160 + 100 + 4) / (1000 + 900 + 8) × 100, by hand: 264 / 1908 × 100 = 13.8364779874…
        Assert.Equal(13.836477987421384, rate.GetProperty("value").GetDouble(), 9);
        Assert.Equal((264.0, 1908.0, 3),
            (rate.GetProperty("numerator").GetDouble(), rate.GetProperty("denominator").GetDouble(), rate.GetProperty("count").GetInt32()));
        Assert.Equal(270.0 / 1900 * 100, ByPeriod(await SeriesAsync(admin, d.Sgb2, d.City))["2023"].GetProperty("value").GetDouble(), 9);

        var north = ByPeriod(await SeriesAsync(admin, d.Sgb2, d.North))["2024"];
        Assert.Equal(("provisional", 16.0), (north.Str("status"), Number(north)));
        var northCases = ByPeriod(await SeriesAsync(admin, d.Cases, d.North))["2023"];
        Assert.Equal((6.0, true, 2), (Number(northCases), Flag(northCases, "aggregated"), northCases.GetProperty("count").GetInt32()));

        var range = await SeriesAsync(admin, d.Cases, d.City, "&from=2023&to=2024");
        Assert.Equal(["2023", "2024"], range.GetProperty("items").EnumerateArray().Select(i => i.Str("period")));
        Assert.Empty((await SeriesAsync(admin, d.Cases, d.Old)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Viewers_and_analysts_get_small_numbers_withheld_exactly_as_in_the_aggregated_export()
    {
        var viewer = await d.SignedInAsAsync("viewer");
        var (analyst, _) = await d.ApiKeyClientAsync("analyst");
        var editor = await d.SignedInAsAsync("editor");
        foreach (var client in new[] { viewer, analyst })
        {
            var north = ByPeriod(await SeriesAsync(client, d.Cases, d.North));
            Assert.True(Flag(north["2024"], "suppressed"));
            Assert.Null(Number(north["2024"]));
            Assert.Equal(6, Number(north["2023"])); // computed 6 is not small, and no total of this series reveals n2
            var south = ByPeriod(await SeriesAsync(client, d.Cases, d.South));
            Assert.True(Flag(south["2022-Q2"], "suppressed"));
            Assert.True(Flag(south["2022-Q1"], "suppressed")); // else 2022 − Q1 − Q3 − Q4 would reveal Q2
            Assert.Equal(20, Number(south["2022"]));
        }
        Assert.Equal(2, Number(ByPeriod(await SeriesAsync(editor, d.Cases, d.North))["2024"]));
        Assert.False(Flag(ByPeriod(await SeriesAsync(editor, d.Cases, d.South))["2022-Q1"], "suppressed"));

        // The same cells as the aggregated JSON export of each space (what the web app read before), value for value.
        (Guid, Guid)[] compared = [(d.Cases, d.South), (d.Cases, d.North), (d.Cases, d.City), (d.Sgb2, d.City), (d.Sgb2, d.Centre)];
        foreach (var (indicator, space) in compared)
        {
            var url = $"{ExportsUrl}?format=json&aggregated=true&indicatorIds={indicator}&spaceIds={space}";
            var export = JsonDocument.Parse(await (await viewer.GetAsync(url, Ct)).Content.ReadAsStringAsync(Ct)).RootElement
                .GetProperty("values");
            var series = (await SeriesAsync(viewer, indicator, space)).GetProperty("items");
            Assert.NotEmpty(series.EnumerateArray());
            Assert.Equal(export.EnumerateArray().Select(Cell), series.EnumerateArray().Select(Cell));
        }

        static (string, double?, bool, bool) Cell(JsonElement v) =>
            (v.Str("period"), Number(v), Flag(v, "suppressed"), Flag(v, "aggregated"));
    }

    [Fact]
    public async Task Bad_queries_are_400_naming_the_field_and_an_unknown_indicator_is_404()
    {
        var client = await d.AdminAsync();
        var url = $"{IndicatorsUrl}/{d.Cases}/series";
        async Task BadAsync(string query, string field) =>
            await HttpAssert.ProblemAsync(await client.GetAsync($"{url}{query}", Ct), HttpStatusCode.BadRequest, field);
        await BadAsync("", "spaceId");
        await BadAsync("?spaceId=nowhere", "spaceId");
        await BadAsync($"?spaceId={Guid.Empty}", "spaceId");
        await BadAsync($"?spaceId={Guid.NewGuid()}", "spaceId");
        await BadAsync($"?spaceId={d.City}&from=2024-Q7", "from");
        await BadAsync($"?spaceId={d.City}&to=2024-01-01T00", "to");
        await BadAsync($"?spaceId={d.City}&from=2024&to=2023", "to");
        var badId = await client.GetAsync($"{IndicatorsUrl}/not-a-guid/series?spaceId={d.City}", Ct);
        await HttpAssert.ProblemAsync(badId, HttpStatusCode.BadRequest, "id");
        var unknown = await client.GetAsync($"{IndicatorsUrl}/{Guid.NewGuid()}/series?spaceId={d.City}", Ct);
        await HttpAssert.ProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await d.Anonymous().GetAsync($"{url}?spaceId={d.City}", Ct)).StatusCode);
    }
}
