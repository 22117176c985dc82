using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;
using static Raumnetz.IntegrationTests.Indicators.IndicatorApi;

namespace Raumnetz.IntegrationTests.Indicators;

public sealed class IndicatorSetsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<List<Guid>> IndicatorsAsync(HttpClient client, int n)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < n; i++) ids.Add((await CreateIndicatorAsync(client, Count(ActorApi.Token()))).GetProperty("id").GetGuid());
        return ids;
    }

    [Fact]
    public async Task Set_keeps_the_order_of_its_indicators_and_flags_more_than_seven()
    {
        var client = await factory.AdminAsync();
        var ids = await IndicatorsAsync(client, 8);
        var networkId = (await client.NetworkAsync("Netzwerk Kennzahlen " + ActorApi.Token())).GetProperty("id").GetGuid();
        var few = await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(SetsUrl,
            new { name = "Sozialraummonitoring Nord", purpose = "Besser drei als 20", networkId, indicatorIds = new[] { ids[2], ids[0], ids[1] } }), HttpStatusCode.Created);
        Assert.Equal(new[] { ids[2], ids[0], ids[1] }, few.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("indicatorId").GetGuid()));
        Assert.Equal(new[] { 1, 2, 3 }, few.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("position").GetInt32()));
        Assert.False(few.GetProperty("exceedsRecommendedSize").GetBoolean());
        Assert.Equal(7, few.GetProperty("recommendedMaxIndicators").GetInt32());
        Assert.Equal(networkId, few.GetProperty("networkId").GetGuid());

        var url = $"{SetsUrl}/{few.GetProperty("id").GetGuid()}";
        var many = await HttpAssert.OkAsync<JsonElement>(await ActorApi.SendAsync(client, HttpMethod.Put, url,
            JsonSerializer.SerializeToNode(new { name = "Viele", networkId, indicatorIds = ids }), "\"1\""));
        Assert.True(many.GetProperty("exceedsRecommendedSize").GetBoolean());
        Assert.Equal(8, many.GetProperty("indicators").GetArrayLength());

        var listed = await ActorApi.AllPagesAsync(client, $"{SetsUrl}?networkId={networkId}");
        Assert.Equal("Viele", Assert.Single(listed).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteIfMatchAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Unknown_or_repeated_indicators_are_refused()
    {
        var client = await factory.AdminAsync();
        var ids = await IndicatorsAsync(client, 1);
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(SetsUrl, new { name = "X", indicatorIds = new[] { Guid.NewGuid() } }), HttpStatusCode.BadRequest, "indicatorIds");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(SetsUrl, new { name = "X", indicatorIds = new[] { ids[0], ids[0] } }), HttpStatusCode.BadRequest, "indicatorIds");
    }

    [Fact]
    public async Task A_set_cannot_name_a_network_that_does_not_exist()
    {
        var client = await factory.AdminAsync();
        var ids = await IndicatorsAsync(client, 1);
        var name = "Ohne Netzwerk " + ActorApi.Token();
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(SetsUrl, new { name, networkId = Guid.NewGuid(), indicatorIds = ids }), HttpStatusCode.BadRequest, "networkId");
        Assert.Empty(await ActorApi.AllPagesAsync(client, $"{SetsUrl}?q={Uri.EscapeDataString(name)}"));

        var created = await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(SetsUrl, new { name, indicatorIds = ids }), HttpStatusCode.Created);
        var url = $"{SetsUrl}/{created.GetProperty("id").GetGuid()}";
        await HttpAssert.ProblemAsync(await ActorApi.SendAsync(client, HttpMethod.Put, url,
            JsonSerializer.SerializeToNode(new { name, networkId = Guid.NewGuid(), indicatorIds = ids }), "\"1\""), HttpStatusCode.BadRequest, "networkId");
        var unchanged = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync(url));
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("networkId").ValueKind);
        Assert.Equal(1, unchanged.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Goals_are_set_per_indicator_and_space_and_read_back()
    {
        var client = await factory.AdminAsync();
        var (_, city, north, _) = await CityAsync(client);
        var ids = await IndicatorsAsync(client, 2);
        var set = await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(SetsUrl, new { name = "Ziele", indicatorIds = new[] { ids[0] } }), HttpStatusCode.Created);
        var url = $"{SetsUrl}/{set.GetProperty("id").GetGuid()}/goals";
        var goals = new[] { new { indicatorId = ids[0], spaceId = north, baseline = new { period = "2020", value = 20.0 }, targets = new[] { new { period = "2026", value = 14.0 }, new { period = "2024", value = 17.0 } } } };
        var put = await HttpAssert.OkAsync<JsonElement>(await client.PutIfMatchAsync(url, new { goals }));
        var goal = Assert.Single(put.GetProperty("items").EnumerateArray());
        Assert.Equal("2020", goal.GetProperty("baseline").GetProperty("period").GetString());
        Assert.Equal(new[] { "2024", "2026" }, goal.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("period").GetString()));
        var read = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync($"{url}?spaceId={north}"));
        Assert.Single(read.GetProperty("items").EnumerateArray());
        Assert.Empty((await HttpAssert.OkAsync<JsonElement>(await client.GetAsync($"{url}?spaceId={city}"))).GetProperty("items").EnumerateArray());

        await HttpAssert.ProblemAsync(await client.PutIfMatchAsync(url, new { goals = new[] { new { indicatorId = ids[1], spaceId = north, targets = Array.Empty<object>() } } }),
            HttpStatusCode.BadRequest, "goals[0].indicatorId");
        await HttpAssert.ProblemAsync(await client.PutIfMatchAsync(url, new { goals = new[] { new { indicatorId = ids[0], spaceId = north, baseline = new { period = "2024-Q5", value = 1.0 }, targets = Array.Empty<object>() } } }),
            HttpStatusCode.BadRequest, "goals[0].baseline.period");
        await HttpAssert.ProblemAsync(await client.PutIfMatchAsync(url, new { goals = new[] { new { indicatorId = ids[0], spaceId = north, baseline = new { period = "2024", value = 1.0 }, targets = new[] { new { period = "2023", value = 1.0 } } } } }),
            HttpStatusCode.BadRequest, "goals[0].targets");
    }
}
