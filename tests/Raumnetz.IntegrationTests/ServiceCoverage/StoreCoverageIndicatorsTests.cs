using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Fundings;
using Raumnetz.IntegrationTests.Indicators;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.ServiceCoverage;

/// <summary>Coverage figures stored as observations of computed indicators, read back through the indicator API.</summary>
public sealed class StoreCoverageIndicatorsTests(InventoryClockFactory factory) : IClassFixture<InventoryClockFactory>
{
    private static object Body(CoverageGrid g, object? measures = null) => new
    {
        category = g.Category, populationIndicatorId = g.Indicator, period = "2026", level = "neighbourhood", under = g.County,
        radiusKm = 1.5, measures = measures ?? new[] { "perThousand", "accessibility", "distance", "shareWithinRadius" },
    };

    [Fact]
    public async Task Figures_become_observations_of_computed_indicators_and_a_second_run_writes_into_the_same_ones()
    {
        var client = await factory.SignedInAsync();
        var g = await CoverageGrid.CreateAsync(factory, client);
        // population for 2026: capacity counts as of the period's end, or today (15 June 2026) while it runs
        foreach (var (space, value) in new[] { (g.N1, 1000), (g.N2, 3000), (g.N3, 2000), (g.N4, 500) })
            await IndicatorApi.PutObservationOkAsync(client, new { indicatorId = g.Indicator, spaceId = space, period = "2026", value });

        var stored = await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync("/api/v1/coverage/indicators", Body(g)));
        var items = stored.GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(["perThousand", "accessibility", "distance", "shareWithinRadius"], items.Select(i => i.Str("measure")));
        Assert.All(items, i => Assert.True(i.GetProperty("created").GetBoolean()));
        // four neighbourhoods, two districts and the county for per 1,000; the share only where there are parts (D1, D2, county)
        Assert.Equal([7, 7, 7, 3], items.Select(i => i.GetProperty("observations").GetInt32()));

        var perThousand = items[0].GetProperty("indicatorId").GetGuid();
        var indicator = await client.GetJsonAsync($"/api/v1/indicators/{perThousand}");
        Assert.Equal("rate", indicator.Str("kind"));
        Assert.Equal(1000, indicator.GetProperty("rateFactor").GetDouble());
        Assert.Contains(g.Category, indicator.Str("description"), StringComparison.Ordinal);
        Assert.Contains("1.5", indicator.Str("description").Replace(',', '.'), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(indicator.Str("source")));

        var n1 = await client.GetJsonAsync($"/api/v1/indicators/{perThousand}/series?spaceId={g.N1}");
        var stored1 = n1.GetProperty("items").EnumerateArray().Single(v => v.Str("period") == "2026");
        Assert.Equal(40, stored1.GetProperty("value").GetDouble(), 6);
        Assert.Equal(40, stored1.GetProperty("numerator").GetDouble(), 6);
        Assert.Equal(1000, stored1.GetProperty("denominator").GetDouble(), 6);
        var d1 = await client.GetJsonAsync($"/api/v1/indicators/{perThousand}/series?spaceId={g.D1}");
        Assert.Equal(10, d1.GetProperty("items").EnumerateArray().Single(v => v.Str("period") == "2026").GetProperty("value")
            .GetDouble(), 6);
        var accessibility = items[1].GetProperty("indicatorId").GetGuid();
        var n2 = await client.GetJsonAsync($"/api/v1/indicators/{accessibility}/series?spaceId={g.N2}");
        Assert.Equal(16, n2.GetProperty("items").EnumerateArray().Single(v => v.Str("period") == "2026").GetProperty("value")
            .GetDouble(), 3);

        // again, with one measure: the same indicator, not a new one
        var again = await HttpAssert.OkAsync<JsonElement>(
            await client.PostAsJsonAsync("/api/v1/coverage/indicators", Body(g, new[] { "perThousand" })));
        var first = again.GetProperty("indicators")[0];
        Assert.Equal(perThousand, first.GetProperty("indicatorId").GetGuid());
        Assert.False(first.GetProperty("created").GetBoolean());
    }

    [Fact]
    public async Task Stored_figures_follow_the_small_number_rules_of_every_rate()
    {
        var client = await factory.SignedInAsync();
        var g = await CoverageGrid.CreateAsync(factory, client);
        // N4 with 8 people: its places per 1,000 has a denominator below 10 (far from its 500 of 2024: confirmed)
        foreach (var (space, value) in new[] { (g.N1, 1000), (g.N2, 3000), (g.N3, 2000), (g.N4, 8) })
        {
            await IndicatorApi.PutObservationOkAsync(client,
                new { indicatorId = g.Indicator, spaceId = space, period = "2026", value, confirmOutlier = true });
        }
        var stored = await HttpAssert.OkAsync<JsonElement>(
            await client.PostAsJsonAsync("/api/v1/coverage/indicators", Body(g, new[] { "perThousand" })));
        var indicator = stored.GetProperty("indicators")[0].GetProperty("indicatorId").GetGuid();

        static JsonElement In2026(JsonElement series) =>
            series.GetProperty("items").EnumerateArray().Single(v => v.Str("period") == "2026");
        var asAdmin = In2026(await client.GetJsonAsync($"/api/v1/indicators/{indicator}/series?spaceId={g.N4}"));
        Assert.False(asAdmin.GetProperty("suppressed").GetBoolean());
        Assert.Equal(8, asAdmin.GetProperty("denominator").GetDouble());
        var (analyst, _) = await factory.ApiKeyClientAsync("analyst");
        var asAnalyst = In2026(await analyst.GetJsonAsync($"/api/v1/indicators/{indicator}/series?spaceId={g.N4}"));
        Assert.True(asAnalyst.GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, asAnalyst.GetProperty("value").ValueKind);
        var n1 = In2026(await analyst.GetJsonAsync($"/api/v1/indicators/{indicator}/series?spaceId={g.N1}"));
        Assert.Equal(40, n1.GetProperty("value").GetDouble(), 6);
    }

    [Fact]
    public async Task Bad_bodies_are_400_naming_the_field_and_write_nothing()
    {
        var client = await factory.SignedInAsync();
        var g = await CoverageGrid.CreateAsync(factory, client);
        var before = await factory.CountAsync("indicators");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/coverage/indicators", Body(g, Array.Empty<string>())),
            HttpStatusCode.BadRequest, "measures");
        var json = JsonSerializer.SerializeToNode(Body(g))!.AsObject();
        json["radiusKm"] = 0;
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/coverage/indicators", json), HttpStatusCode.BadRequest,
            "radiusKm");
        json["radiusKm"] = 2;
        json["category"] = "gibt-es-nicht";
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/coverage/indicators", json), HttpStatusCode.BadRequest,
            "category");
        json["category"] = g.Category;
        json["fundingEndsBy"] = "2026-12-31"; // no what-if in stored figures
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/coverage/indicators", json), HttpStatusCode.BadRequest,
            "fundingEndsBy");
        Assert.Equal(before, await factory.CountAsync("indicators"));
    }
}
