using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Raumnetz.IntegrationTests.Fundings;
using Raumnetz.IntegrationTests.Hsds;
using Raumnetz.IntegrationTests.Indicators;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.ServiceCoverage;
using static Raumnetz.IntegrationTests.Changes.ChangesApi;

namespace Raumnetz.IntegrationTests.Changes;

/// <summary>
/// The stored coverage figures record one change per indicator and observation they wrote. (The clock stands still here, as
/// coverage depends on the day; a second run at the very same instant would record its rows again.)
/// </summary>
public sealed class ImportFeedTests(InventoryClockFactory factory) : IClassFixture<InventoryClockFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stored_coverage_figures_record_their_new_indicators_and_each_observation_once()
    {
        var client = await factory.SignedInAsync();
        var g = await CoverageGrid.CreateAsync(factory, client);
        foreach (var (space, value) in new[] { (g.N1, 1000), (g.N2, 3000), (g.N3, 2000), (g.N4, 500) })
            await IndicatorApi.PutObservationOkAsync(client, new { indicatorId = g.Indicator, spaceId = space, period = "2026", value });
        var start = await LatestAsync(client);
        var stored = await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync("/api/v1/coverage/indicators", new
        {
            category = g.Category, populationIndicatorId = g.Indicator, period = "2026", level = "neighbourhood", under = g.County,
            radiusKm = 1.5, measures = new[] { "perThousand", "distance" },
        }, Ct));
        var indicators = stored.GetProperty("indicators").EnumerateArray().ToList();
        var items = (await AllAfterAsync(client, start)).Items;
        Assert.Equal(indicators.Select(i => ("indicator", i.Str("indicatorId"), "create")).Order(),
            items.Where(i => i.Str("entityType") == "indicator").Select(i => i.Key()).Order());
        var observations = items.Where(i => i.Str("entityType") == "observation").ToList();
        Assert.Equal(indicators.Sum(i => i.GetProperty("observations").GetInt32()), observations.Count);
        Assert.Equal(observations.Count, observations.Select(o => o.Str("entityId")).Distinct().Count());
        Assert.All(observations, o => Assert.Equal("create", o.Str("action")));
        Assert.Equal(items.Count, observations.Count + indicators.Count);
    }
}

/// <summary>
/// The HSDS import records one change per entity it wrote (with the real clock: imports find their rows by their own time).
/// </summary>
public sealed class HsdsImportFeedTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_hsds_import_records_the_service_it_changed()
    {
        var admin = await factory.AdminAsync();
        var data = await HsdsInventory.CreateAsync(admin);
        var copy = (await HsdsSchemas.GetAsync(admin, $"/hsds/services/{data.KitaA}")).DeepClone().AsObject();
        copy["name"] = "Kita Sonnenblume " + Guid.NewGuid().ToString("N")[..6];
        var start = await LatestAsync(admin);
        await HttpAssert.OkAsync<JsonElement>(await admin.PostAsync("/api/v1/inventory/imports/hsds?format=json",
            new StringContent(copy.ToJsonString(), Encoding.UTF8, "application/json"), Ct));
        var items = (await AllAfterAsync(admin, start)).Items;
        var service = Assert.Single(items, i => i.Str("entityType") == "service");
        Assert.Equal(("service", data.KitaA.ToString(), "update"), service.Key());
        var current = await HttpAssert.OkAsync<JsonElement>(await admin.GetAsync($"/api/v1/services/{data.KitaA}", Ct));
        Assert.Equal(current.GetProperty("version").GetInt64(), service.GetProperty("version").GetInt64());
        Assert.All(items, i => Assert.Contains(i.Str("entityType"), new[] { "taxonomy", "taxonomyTerm", "actor", "location", "service",
            "funding" }));
        Assert.Equal(items.Count, items.Select(i => i.Key()).Distinct().Count());
    }
}
