using System.Net;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Networks;

public sealed class ListNetworkMembersTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Current_past_and_future_members_by_name_with_paging()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("Lenkrunde", "steeringGroup");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var anna = await client.MemberAsync(network.Id(), await factory.ActorAsync("Anna Arendt", kind: "Person", typeCode: "person"),
            "coordinator");
        var bernd = await client.MemberAsync(network.Id(), await factory.ActorAsync("Bernd Böhm", kind: "Person", typeCode: "person"),
            extra: new { validFrom = "2015-01-01", validTo = "2016-12-31" });
        var carla = await client.MemberAsync(network.Id(), await factory.ActorAsync("Carla Czech", kind: "Person", typeCode: "person"),
            "guest",
            new { validFrom = today.AddDays(30).ToString("yyyy-MM-dd") });

        async Task<List<Guid>> Ids(string query) =>
            (await client.GetJsonAsync($"/api/v1/networks/{network.Id()}/members{query}")).Items().Select(m => m.Id()).ToList();
        Assert.Equal([anna.Id(), bernd.Id(), carla.Id()], await Ids(""));
        Assert.Equal([anna.Id()], await Ids("?state=current"));
        Assert.Equal([bernd.Id()], await Ids("?state=past"));
        Assert.Equal([carla.Id()], await Ids("?state=future"));
        Assert.Equal([carla.Id()], await Ids("?role=guest"));
        var states = (await client.GetJsonAsync($"/api/v1/networks/{network.Id()}/members")).Items()
            .Select(m => m.GetProperty("state").GetString());
        Assert.Equal(["current", "past", "future"], states);

        var page1 = await client.GetJsonAsync($"/api/v1/networks/{network.Id()}/members?limit=2");
        Assert.Equal([anna.Id(), bernd.Id()], page1.Items().Select(m => m.Id()));
        Assert.Equal([carla.Id()], await Ids($"?limit=2&cursor={page1.GetProperty("nextCursor").GetString()}"));

        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/v1/networks/{network.Id()}/members?state=gone"),
            HttpStatusCode.BadRequest, "state");
        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/v1/networks/{Guid.NewGuid()}/members"), HttpStatusCode.NotFound);
    }
}
