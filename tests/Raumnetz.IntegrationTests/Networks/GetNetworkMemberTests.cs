using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Networks;

public sealed class GetNetworkMemberTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Returns_the_membership_with_its_etag_only_under_its_network()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("Lenkrunde", "steeringGroup");
        var other = await client.NetworkAsync("Fokusgruppe");
        var member = await client.MemberAsync(network.Id(), await factory.ActorAsync("Regionalkoordination PM"), "advisor",
            new { validFrom = "2022-10-18" });
        var response = await client.GetAsync($"/api/v1/networks/{network.Id()}/members/{member.Id()}");
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var read = await HttpAssert.OkAsync<JsonElement>(response);
        Assert.Equal("advisor", read.GetProperty("role").GetString());
        Assert.Equal("2022-10-18", read.GetProperty("validFrom").GetString());
        Assert.Equal("public-authority", read.GetProperty("typeCode").GetString());
        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/v1/networks/{other.Id()}/members/{member.Id()}"),
            HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/v1/networks/{network.Id()}/members/{Guid.NewGuid()}"),
            HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/v1/networks/{network.Id()}/members/nope"), HttpStatusCode.BadRequest,
            "memberId");
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await factory.Anonymous().GetAsync($"/api/v1/networks/{network.Id()}/members/{member.Id()}")).StatusCode);
    }
}
