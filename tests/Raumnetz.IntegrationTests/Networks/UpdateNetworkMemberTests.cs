using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Networks;

public sealed class UpdateNetworkMemberTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Update_with_if_match_and_conflicts()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("Trägerversammlung", "committee");
        var actor = await factory.ActorAsync("Agentur für Arbeit");
        var first = await client.MemberAsync(network.Id(), actor, extra: new { validFrom = "2020-01-01", validTo = "2020-12-31" });
        var second = await client.MemberAsync(network.Id(), actor, extra: new { validFrom = "2021-01-01" });
        var url = $"/api/v1/networks/{network.Id()}/members/{first.Id()}";

        var response = await client.SendAsync(HttpMethod.Put, url, new { actorId = actor, role = "advisor", validFrom = "2020-01-01", validTo = "2022-12-31" }, "\"1\"");
        var updated = await HttpAssert.OkAsync<JsonElement>(response);
        Assert.Equal("advisor", updated.GetProperty("role").GetString());
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal("\"2\"", (await client.GetAsync(url)).Headers.ETag?.Tag);

        // Back to member would overlap the second membership (2021-): 409, nothing written.
        await HttpAssert.ProblemAsync(await client.SendAsync(HttpMethod.Put, url, new { actorId = actor, role = "member", validFrom = "2020-01-01", validTo = "2022-12-31" }, "\"2\""),
            HttpStatusCode.Conflict, "validFrom");
        Assert.Equal("advisor", (await client.GetJsonAsync(url)).GetProperty("role").GetString());

        await HttpAssert.ProblemAsync(await client.SendAsync(HttpMethod.Put, url, new { actorId = actor, role = "advisor" }, "\"1\""), HttpStatusCode.PreconditionFailed);
        await HttpAssert.ProblemAsync(await client.SendAsync(HttpMethod.Put, url, new { actorId = Guid.NewGuid(), role = "advisor" }, "\"2\""), HttpStatusCode.BadRequest, "actorId");
        var otherNetwork = await client.NetworkAsync("Anderes Gremium", "committee");
        await HttpAssert.ProblemAsync(await client.SendAsync(HttpMethod.Put, $"/api/v1/networks/{otherNetwork.Id()}/members/{second.Id()}", new { role = "member", actorId = actor }, "\"1\""),
            HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/v1/networks/{otherNetwork.Id()}/members/{second.Id()}"), HttpStatusCode.NotFound);
        var viewer = await factory.SignedInAsAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.SendAsync(HttpMethod.Put, url, new { actorId = actor, role = "advisor" }, "\"2\"")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(url)).StatusCode);
    }
}
