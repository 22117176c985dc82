using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Networks;

public sealed class EndNetworkTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Ending_sets_status_and_date_and_ends_open_memberships()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("Projektgruppe Urban II", "workingGroup", new { startedOn = "2001-01-01" });
        var a = await factory.ActorAsync("Quartiersmanagement", "CivilSociety", "association");
        var b = await factory.ActorAsync("Stadtentwicklungsamt");
        var open = await client.MemberAsync(network.Id(), a, extra: new { validFrom = "2001-01-01" });
        var closed = await client.MemberAsync(network.Id(), b, extra: new { validFrom = "2001-01-01", validTo = "2003-06-30" });

        var response = await client.SendAsync(HttpMethod.Post, $"/api/v1/networks/{network.Id()}/end", new { endedOn = "2006-12-31" },
            "\"1\"");
        var ended = await HttpAssert.OkAsync<JsonElement>(response);
        Assert.Equal("ended", ended.GetProperty("status").GetString());
        Assert.Equal("2006-12-31", ended.GetProperty("endedOn").GetString());
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);

        var members = (await client.GetJsonAsync($"/api/v1/networks/{network.Id()}/members")).Items().ToDictionary(m => m.Id());
        Assert.Equal("2006-12-31", members[open.Id()].GetProperty("validTo").GetString());
        Assert.Equal("past", members[open.Id()].GetProperty("state").GetString());
        Assert.Equal("2003-06-30", members[closed.Id()].GetProperty("validTo").GetString());
    }

    [Fact]
    public async Task Ending_before_the_start_is_400_stale_412_unknown_404()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("Bündnis für Arbeit", "alliance", new { startedOn = "2020-05-01" });
        await HttpAssert.ProblemAsync(
            await client.SendAsync(HttpMethod.Post, $"/api/v1/networks/{network.Id()}/end", new { endedOn = "2020-04-30" }, "\"1\""),
            HttpStatusCode.BadRequest, "endedOn");
        await HttpAssert.ProblemAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/networks/{network.Id()}/end", new { }, "\"1\""),
            HttpStatusCode.BadRequest, "endedOn");
        await HttpAssert.ProblemAsync(
            await client.SendAsync(HttpMethod.Post, $"/api/v1/networks/{network.Id()}/end", new { endedOn = "2024-01-01" }, "\"7\""),
            HttpStatusCode.PreconditionFailed);
        await HttpAssert.ProblemAsync(
            await client.SendAsync(HttpMethod.Post, $"/api/v1/networks/{Guid.NewGuid()}/end", new { endedOn = "2024-01-01" }, "\"1\""),
            HttpStatusCode.NotFound);
        Assert.Equal("active", (await client.GetJsonAsync($"/api/v1/networks/{network.Id()}")).GetProperty("status").GetString());
        var viewer = await factory.SignedInAsAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await viewer.SendAsync(HttpMethod.Post, $"/api/v1/networks/{network.Id()}/end", new { endedOn = "2024-01-01" },
                    "\"1\"")).StatusCode);
    }
}
