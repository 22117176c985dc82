using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Indicators.IndicatorApi;

namespace Raumnetz.IntegrationTests.Indicators;

public sealed class GetIndicatorMapTests(IndicatorValuesFixture d) : IClassFixture<IndicatorValuesFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> MapAsync(HttpClient client, Guid indicator, string query) =>
        await HttpAssert.OkAsync<JsonElement>(await client.GetAsync($"{IndicatorsUrl}/{indicator}/map?{query}", Ct));

    private static IEnumerable<Guid> Ids(JsonElement map) => map.GetProperty("spaces").EnumerateArray().Select(s => s.Id());

    private static Dictionary<Guid, JsonElement> Spaces(JsonElement map) =>
        map.GetProperty("spaces").EnumerateArray().ToDictionary(s => s.Id());

    /// <summary>A space's values by period.</summary>
    private static Dictionary<string, JsonElement> Values(JsonElement space) =>
        space.GetProperty("values").EnumerateArray().ToDictionary(v => v.Str("period"));

    private static double? Number(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : Math.Round(value.GetDouble(), 9);

    private static double? Number(JsonElement space, string period) => Number(Values(space)[period].GetProperty("value"));

    private static bool Flag(JsonElement space, string period, string name) => Values(space)[period].GetProperty(name).GetBoolean();

    [Fact]
    public async Task Map_lists_the_spaces_of_an_area_parents_first_with_geometry_and_their_values_in_the_periods()
    {
        var admin = await d.AdminAsync();
        var map = await MapAsync(admin, d.Cases, $"under={d.City}&periods=2024&periods=2023&periods=2024");
        Assert.Equal(d.Cases, map.GetProperty("indicatorId").GetGuid());
        Assert.Equal(["2023", "2024"], map.GetProperty("periods").EnumerateArray().Select(p => p.GetString()));
        // Old ended in 2020 and has no values: not on the map. Late begins in 2030 but has a value for 2024: on it.
        Assert.Equal([d.City, d.Centre, d.Late, d.North, d.N1, d.N2, d.South], Ids(map));
        var spaces = Spaces(map);
        var north = spaces[d.North];
        Assert.Equal((d.Code("north"), "Nordstadt", "district", d.City),
            (north.Str("code"), north.Str("name"), north.Str("level"), north.GetProperty("parentId").GetGuid()));
        Assert.Equal("Polygon", north.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, spaces[d.South].GetProperty("geometry").ValueKind);
        Assert.Equal(("2000-01-01", "2030-01-01"), (north.Str("validFrom"), spaces[d.Late].Str("validFrom")));
        // Measured values only: north has none of its own in 2023; the city's 2024 value is its own.
        Assert.Equal(["2024"], Values(north).Keys);
        Assert.Equal((2.0, "final", false),
            (Number(north, "2024"), Values(north)["2024"].Str("status"), Flag(north, "2024", "suppressed")));
        Assert.Equal(["2023"], Values(spaces[d.N1]).Keys);
        Assert.Equal(32, Number(spaces[d.City], "2024"));

        var aggregated = Spaces(await MapAsync(admin, d.Cases, $"under={d.City}&periods=2023&aggregated=true"));
        var computed = aggregated[d.North];
        Assert.Equal((6.0, true, 2),
            (Number(computed, "2023"), Flag(computed, "2023", "aggregated"), Values(computed)["2023"].GetProperty("count").GetInt32()));
        Assert.Equal(29, Number(aggregated[d.City], "2023")); // 6 + 10 + 13
        var rate = Spaces(await MapAsync(admin, d.Sgb2, $"under={d.City}&periods=2024&aggregated=true"));
        Assert.Equal(Math.Round(264.0 / 1908 * 100, 9), Number(rate[d.City], "2024")); // (160 + 100 + 4) / (1000 + 900 + 8) × 100
        Assert.Equal("provisional", Values(rate[d.North])["2024"].Str("status"));

        Assert.Equal([d.Centre, d.Late, d.North, d.South], Ids(await MapAsync(admin, d.Cases, "level=district&periods=2024")));
        Assert.Equal([d.N1, d.N2], Ids(await MapAsync(admin, d.Cases, $"under={d.North}&level=neighbourhood&periods=2023")));
    }

    [Fact]
    public async Task Viewers_get_small_numbers_withheld_wherever_any_response_would_reveal_them_and_at_least_as_in_the_export()
    {
        var viewer = await d.SignedInAsAsync("viewer");
        var spaces = Spaces(await MapAsync(viewer, d.Cases, $"under={d.City}&periods=2023&periods=2024"));
        Assert.True(Flag(spaces[d.North], "2024", "suppressed"));
        Assert.Null(Number(spaces[d.North], "2024"));
        Assert.True(Flag(spaces[d.Late], "2024", "suppressed")); // else 32 − 10 − 13 − 7 reveals north
        Assert.Equal(10, Number(spaces[d.Centre], "2024"));
        Assert.True(Flag(spaces[d.N2], "2023", "suppressed"));
        // The series and the evaluation show north's computed 2023 total (6), which would reveal n2 next to n1.
        Assert.True(Flag(spaces[d.N1], "2023", "suppressed"));
        var editor = Spaces(await MapAsync(await d.SignedInAsAsync("editor"), d.Cases, $"under={d.City}&periods=2024"));
        Assert.Equal(2, Number(editor[d.North], "2024"));

        // Cell for cell against the GeoJSON export of those spaces from the first to the last period: what the export withholds
        // the map withholds, and what both show is the same. (The export decides over its own table, which without
        // aggregation lacks the computed totals the other responses show, so it can show a cell the map withholds: it still
        // has to take its decision from Disclosure.)
        foreach (var (indicator, code, periods, aggregated) in new[]
                 {
                     (d.Cases, "cases", new[] { "2023", "2024" }, "false"), (d.Cases, "cases", ["2022-Q1", "2024"], "false"),
                     (d.Cases, "cases", ["2023"], "true"), (d.Sgb2, "sgb2", ["2024"], "false"), (d.Sgb2, "sgb2", ["2023", "2024"], "true"),
                 })
        {
            var query = $"under={d.City}{string.Concat(periods.Select(p => $"&periods={p}"))}&aggregated={aggregated}";
            var map = Spaces(await MapAsync(viewer, indicator, query));
            var url = $"{ExportsUrl}?format=geojson&indicatorIds={indicator}&under={d.City}&from={periods[0]}&to={periods[^1]}"
                + $"&aggregated={aggregated}";
            var export = JsonDocument.Parse(await (await viewer.GetAsync(url, Ct)).Content.ReadAsStringAsync(Ct)).RootElement
                .GetProperty("features").EnumerateArray().ToDictionary(f => f.Str("id"), f => f.GetProperty("properties"));
            var compared = 0;
            foreach (var space in map.Values)
            {
                var properties = export[space.Str("code")];
                var suppressed = properties.GetProperty("suppressed").EnumerateArray().Select(x => x.GetString()).ToHashSet();
                foreach (var period in periods)
                {
                    var key = $"{d.Code(code)}_{period}";
                    var has = Values(space).ContainsKey(period);
                    Assert.Equal(properties.TryGetProperty(key, out var theirs), has);
                    if (!has) continue;
                    if (suppressed.Contains(key)) Assert.True(Flag(space, period, "suppressed"), $"{query}: {space.Str("code")} {period}");
                    if (!Flag(space, period, "suppressed")) Assert.Equal(Number(theirs), Number(space, period));
                    compared++;
                }
            }
            Assert.True(compared > 2, $"{query}: only {compared} values compared");
        }
    }

    [Fact]
    public async Task Bad_queries_are_400_naming_the_field_and_an_unknown_indicator_is_404()
    {
        var client = await d.AdminAsync();
        var url = $"{IndicatorsUrl}/{d.Cases}/map";
        async Task BadAsync(string query, string field) =>
            await HttpAssert.ProblemAsync(await client.GetAsync($"{url}?{query}", Ct), HttpStatusCode.BadRequest, field);
        await BadAsync($"under={d.City}", "periods");
        await BadAsync(string.Join('&', Enumerable.Range(1, 12).Select(m => $"periods=2024-{m:D2}").Append("periods=2023")), "periods");
        await BadAsync("periods=2024&periods=2024-13", "periods[1]");
        await BadAsync("periods=2024-01-01T00", "periods[0]");
        await BadAsync("periods=2024&level=galaxy", "level");
        await BadAsync($"periods=2024&under={Guid.NewGuid()}", "under");
        await BadAsync("periods=2024&under=north", "under");
        await BadAsync("periods=2024&aggregated=vielleicht", "aggregated");
        var unknown = await client.GetAsync($"{IndicatorsUrl}/{Guid.NewGuid()}/map?periods=2024", Ct);
        await HttpAssert.ProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await d.Anonymous().GetAsync($"{url}?periods=2024", Ct)).StatusCode);
    }
}
