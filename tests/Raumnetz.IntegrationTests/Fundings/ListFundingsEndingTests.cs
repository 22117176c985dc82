using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Fundings;

/// <summary>Funding ending soon, on a held clock: today is 15 June 2026, so the default horizon (six months) ends on 15 December
/// 2026.</summary>
public sealed class ListFundingsEndingTests(InventoryClockFactory factory) : IClassFixture<InventoryClockFactory>
{
    private async Task<Guid> FundingAsync(HttpClient client, Guid service, Guid funder, string? endsOn, string status = "open",
        decimal? share = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/fundings",
            new { serviceId = service, funderActorId = funder, endsOn, renewalStatus = status, sharePercent = share });
        return (await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created)).Id();
    }

    [Fact]
    public async Task The_horizon_includes_its_last_day_and_today_and_leaves_out_the_day_after_ended_and_open_funding()
    {
        var client = await factory.SignedInAsync();
        var county = await client.SpaceAsync("12069", "Potsdam-Mittelmark", "county");
        var teltow = await client.SpaceAsync("12069-T", "Teltow", "planningRegion", county);
        var elsewhere = await client.SpaceAsync("05913", "Dortmund", "county");
        var network = await client.NetworkAsync("Lenkrunde Teltow", "steeringGroup");
        var kita = await factory.ServiceAsync("Kita Regenbogen", teltow, networkIds: [network.Id()]);
        var club = await factory.ServiceAsync("Jugendclub Nordstadt", elsewhere);
        var funder = await factory.ActorAsync("Jugendamt");

        var atHorizonEnd = await FundingAsync(client, kita, funder, "2026-12-15", share: 40);
        var dayAfter = await FundingAsync(client, kita, funder, "2026-12-16");
        var today = await FundingAsync(client, club, funder, "2026-06-15", "applied");
        var ended = await FundingAsync(client, club, funder, "2026-06-14", "ended");
        var open = await FundingAsync(client, club, funder, null);

        var result = await client.GetJsonAsync("/api/v1/fundings/ending");
        Assert.Equal("2026-06-15", result.Str("on"));
        Assert.Equal("2026-12-15", result.Str("until"));
        Assert.Equal("P6M", result.Str("horizon"));
        var items = result.Items();
        Assert.Equal([today, atHorizonEnd], items.Select(i => i.GetProperty("funding").Id()));
        Assert.DoesNotContain(items, i => new[] { dayAfter, ended, open }.Contains(i.GetProperty("funding").Id()));
        Assert.Equal(0, items[0].GetProperty("daysLeft").GetInt32());
        Assert.Equal(183, items[1].GetProperty("daysLeft").GetInt32());
        var kitaItem = items[1];
        Assert.Equal("Kita Regenbogen", kitaItem.GetProperty("funding").Str("serviceName"));
        Assert.Equal(["Teltow"], kitaItem.GetProperty("spaces").EnumerateArray().Select(s => s.Str("name")));
        Assert.Equal(["Lenkrunde Teltow"], kitaItem.GetProperty("networks").EnumerateArray().Select(s => s.Str("name")));
        Assert.Equal(40m, kitaItem.GetProperty("shareEndingInHorizon").GetDecimal());

        // a longer horizon takes the day after; the space filter takes the region's services only
        Assert.Equal(3, (await client.GetJsonAsync("/api/v1/fundings/ending?horizon=P1Y")).Items().Count);
        Assert.Equal([atHorizonEnd, dayAfter],
            (await client.GetJsonAsync($"/api/v1/fundings/ending?horizon=P1Y&spaceId={county}")).Items().Select(i
                => i.GetProperty("funding").Id()));
        Assert.Equal([today], (await client.GetJsonAsync("/api/v1/fundings/ending?renewalStatus=applied")).Items()
            .Select(i => i.GetProperty("funding").Id()));
        Assert.Equal([atHorizonEnd], (await client.GetJsonAsync($"/api/v1/fundings/ending?networkId={network.Id()}")).Items()
            .Select(i => i.GetProperty("funding").Id()));
        // another reference day moves the window: from 14 June the ended funding is in
        Assert.Contains(ended, (await client.GetJsonAsync("/api/v1/fundings/ending?on=2026-06-14&horizon=P1D")).Items()
            .Select(i => i.GetProperty("funding").Id()));

        // paging keeps the order
        var first = await client.GetJsonAsync("/api/v1/fundings/ending?horizon=P1Y&limit=2");
        var next = await client.GetJsonAsync($"/api/v1/fundings/ending?horizon=P1Y&limit=2&cursor={first.Str("nextCursor")}");
        Assert.Equal([today, atHorizonEnd, dayAfter], first.Items().Concat(next.Items()).Select(i => i.GetProperty("funding").Id()));
        Assert.Equal(JsonValueKind.Null, next.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData("horizon=6")]
    [InlineData("horizon=P11Y")]
    [InlineData("horizon=PT1H")]
    [InlineData("renewalStatus=Open")]
    [InlineData("limit=0")]
    [InlineData("cursor=nonsense")]
    [InlineData("on=2026-13-01")]
    public async Task Bad_parameters_are_400_naming_them(string query)
    {
        var client = await factory.SignedInAsync();
        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/v1/fundings/ending?{query}"), HttpStatusCode.BadRequest,
            query.Split('=')[0]);
    }
}
