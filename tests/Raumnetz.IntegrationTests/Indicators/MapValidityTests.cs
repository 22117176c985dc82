using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Indicators.IndicatorApi;

namespace Raumnetz.IntegrationTests.Indicators;

/// <summary>A map of a period shows the spaces of that period: an ended space is not drawn over its successors.</summary>
public sealed class MapValidityTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static async Task<Guid> SpaceAsync(HttpClient client, object body) =>
        (await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync("/api/v1/spaces", body), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    [Fact]
    public async Task An_ended_space_is_not_on_the_map_of_a_period_after_its_end_even_with_a_value_stored_before_it_ended()
    {
        var client = await factory.AdminAsync();
        var t = ActorApi.Token();
        var city = await SpaceAsync(client, new { code = $"{t}-city", name = "Stadt", level = "municipality", validFrom = "2000-01-01" });
        var nordmarkt = await SpaceAsync(client, new { code = $"{t}-nm", name = "Sozialraum Nordmarkt", level = "district", parentId = city, validFrom = "2010-01-01" });
        var north = await SpaceAsync(client, new { code = $"{t}-nm-n", name = "Nordmarkt-Nord", level = "district", parentId = city, validFrom = "2019-01-01" });
        var indicator = (await CreateIndicatorAsync(client, Count(ActorApi.Token()))).GetProperty("id").GetGuid();
        await PutObservationOkAsync(client, new { indicatorId = indicator, spaceId = nordmarkt, period = "2018", value = 10 });
        await PutObservationOkAsync(client, new { indicatorId = indicator, spaceId = nordmarkt, period = "2024", value = 11 }); // before it was ended
        await PutObservationOkAsync(client, new { indicatorId = indicator, spaceId = north, period = "2024", value = 6 });
        await HttpAssert.OkAsync<JsonElement>(await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/spaces/{nordmarkt}/end", new { validTo = "2018-12-31" }, ("If-Match", "\"1\"")));

        async Task<List<JsonElement>> MapAsync(string periods) =>
            (await HttpAssert.OkAsync<JsonElement>(await client.GetAsync($"{IndicatorsUrl}/{indicator}/map?under={city}&{periods}"))).GetProperty("spaces").EnumerateArray().ToList();

        var later = await MapAsync("periods=2019&periods=2024");
        Assert.DoesNotContain(later, s => s.GetProperty("id").GetGuid() == nordmarkt);
        Assert.Contains(later, s => s.GetProperty("id").GetGuid() == north);

        var mixed = await MapAsync("periods=2018&periods=2024");
        var ended = Assert.Single(mixed, s => s.GetProperty("id").GetGuid() == nordmarkt);
        Assert.Equal(["2018"], ended.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("period").GetString()!).ToArray());
    }
}
