using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Actors.ActorApi;
using static Raumnetz.IntegrationTests.Inventory.InventoryApi;

namespace Raumnetz.IntegrationTests.Inventory;

/// <summary>
/// The inventory's uniqueness rules (one capacity entry per location, unit and date; external ids; term codes) are unique
/// indexes, so they hold when requests race: of ten parallel requests exactly one writes, the others get 409 naming the field.
/// </summary>
public sealed class InventoryConcurrencyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const int Parallel = 10;

    [Fact]
    public async Task Ten_parallel_capacity_entries_for_one_date_store_exactly_one()
    {
        var client = await factory.AdminAsync();
        var location = await CreateLocationIdAsync(client, "Kita Wettlauf " + Token());
        var service = await CreateServiceIdAsync(client, "Betreuung Wettlauf " + Token(),
            new { locations = new[] { new { locationId = location } } });

        var responses = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i => client.PostAsJsonAsync(
            $"{ServicesUrl}/{service}/capacity",
            new { locationId = location, unit = "places", maximum = 40 + i, asOf = "2026-10-01" })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var r in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await HttpAssert.ProblemAsync(r, HttpStatusCode.Conflict, "asOf");
        Assert.Single((await HttpAssert.OkAsync<JsonElement>(await client.GetAsync($"{ServicesUrl}/{service}/capacity"))).EnumerateArray());
    }

    [Fact]
    public async Task Ten_parallel_services_with_one_external_id_store_exactly_one()
    {
        var client = await factory.AdminAsync();
        var token = Token();
        var responses = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i => client.PostAsJsonAsync(ServicesUrl,
            Service($"Import {token} {i}", new { externalId = "EXT-" + token }))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var r in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await HttpAssert.ProblemAsync(r, HttpStatusCode.Conflict, "externalId");
        Assert.Equal(1, await CountAsync(client, ServicesUrl, token));
    }

    [Fact]
    public async Task Ten_parallel_terms_with_one_code_store_exactly_one()
    {
        var client = await factory.AdminAsync();
        var taxonomy = (await HttpAssert.OkAsync<JsonElement>(await client.GetAsync(TaxonomiesUrl))).EnumerateArray()
            .Single(t => t.GetProperty("code").GetString() == "soziale-infrastruktur").Id();
        var code = "wettlauf-" + Token();
        var responses = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i => client.PostAsJsonAsync(
            $"{TaxonomiesUrl}/{taxonomy}/terms",
            new { code, nameDe = $"Begriff {i}", nameEn = $"Term {i}" })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var r in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await HttpAssert.ProblemAsync(r, HttpStatusCode.Conflict, "code");
        Assert.Single((await HttpAssert.OkAsync<JsonElement>(await client.GetAsync(
            $"{TaxonomiesUrl}/{taxonomy}/terms?q={code}"))).EnumerateArray());
    }
}
