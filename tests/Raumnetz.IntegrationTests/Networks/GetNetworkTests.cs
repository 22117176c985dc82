using System.Net;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Networks;

public sealed class GetNetworkTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Returns_the_network_with_its_etag()
    {
        var client = await factory.SignedInAsync();
        var created = await client.NetworkAsync("Fokusgruppe Kultur und Freizeit");
        var response = await client.GetAsync($"/api/v1/networks/{created.Id()}");
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var network = await HttpAssert.OkAsync<System.Text.Json.JsonElement>(response);
        Assert.Equal("Fokusgruppe Kultur und Freizeit", network.GetProperty("name").GetString());
        Assert.Equal("Mandate of Fokusgruppe Kultur und Freizeit", network.GetProperty("mandate").GetString());
    }

    [Fact]
    public async Task Links_are_shown_both_ways()
    {
        var client = await factory.SignedInAsync();
        var steering = await client.NetworkAsync("Lenkrunde Teltow", "steeringGroup");
        var education = await client.NetworkAsync("Fokusgruppe Bildung",
            extra: new { links = new[] { new { targetNetworkId = steering.Id(), type = "delegatesTo" } } });
        var culture = await client.NetworkAsync("Fokusgruppe Kultur",
            extra: new { links = new[] { new { targetNetworkId = steering.Id(), type = "delegatesTo" } } });
        var ag = await client.NetworkAsync("AG Ferienprogramm", "workingGroup",
            new { links = new[] { new { targetNetworkId = culture.Id(), type = "reportsTo" } } });

        var s = await client.GetJsonAsync($"/api/v1/networks/{steering.Id()}");
        Assert.Empty(s.GetProperty("links").EnumerateArray());
        var incoming = s.GetProperty("incomingLinks").EnumerateArray().ToList();
        Assert.Equal([education.Id(), culture.Id()], incoming.Select(l => l.GetProperty("networkId").GetGuid()));
        Assert.All(incoming, l => Assert.Equal("delegatesTo", l.GetProperty("type").GetString()));
        Assert.Equal("Fokusgruppe Bildung", incoming[0].GetProperty("networkName").GetString());

        var c = await client.GetJsonAsync($"/api/v1/networks/{culture.Id()}");
        Assert.Equal(steering.Id(), c.GetProperty("links")[0].GetProperty("networkId").GetGuid());
        Assert.Equal(ag.Id(), c.GetProperty("incomingLinks")[0].GetProperty("networkId").GetGuid());
        Assert.Equal("reportsTo", c.GetProperty("incomingLinks")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Unknown_id_is_404_and_a_malformed_one_400()
    {
        var client = await factory.SignedInAsync();
        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/v1/networks/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/networks/not-a-guid"), HttpStatusCode.BadRequest, "id");
    }

    [Fact]
    public async Task Viewers_may_read_anonymous_users_may_not()
    {
        var client = await factory.SignedInAsync();
        var created = await client.NetworkAsync("Beirat Jobcenter", "advisoryBoard");
        var viewer = await factory.SignedInAsAsync("viewer");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/networks/{created.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().GetAsync($"/api/v1/networks/{created.Id()}")).StatusCode);
    }
}
