using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Networks;

public sealed class EndNetworkMemberTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Ended_members_stay_visible_as_past()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("AG Soziales", "workingGroup");
        var actor = await factory.ActorAsync("Kompetenzzentrum Großsiedlungen", "CivilSociety", "association");
        var member = await client.MemberAsync(network.Id(), actor, extra: new { validFrom = "2012-05-02" });
        var url = $"/api/v1/networks/{network.Id()}/members/{member.Id()}";

        await HttpAssert.ProblemAsync(await client.SendAsync(HttpMethod.Post, $"{url}/end", new { validTo = "2012-05-01" }, "\"1\""),
            HttpStatusCode.BadRequest, "validTo");
        var response = await client.SendAsync(HttpMethod.Post, $"{url}/end", new { validTo = "2019-12-31" }, "\"1\"");
        var ended = await HttpAssert.OkAsync<JsonElement>(response);
        Assert.Equal("past", ended.GetProperty("state").GetString());
        Assert.Equal("2019-12-31", ended.GetProperty("validTo").GetString());
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);

        Assert.Equal([member.Id()], (await client.GetJsonAsync($"/api/v1/networks/{network.Id()}/members?state=past")).Items()
            .Select(m => m.Id()));
        Assert.Empty((await client.GetJsonAsync($"/api/v1/networks/{network.Id()}/members?state=current")).Items());
        Assert.Equal(0, (await client.GetJsonAsync($"/api/v1/networks/{network.Id()}")).GetProperty("memberCount").GetInt32());

        await HttpAssert.ProblemAsync(await client.SendAsync(HttpMethod.Post, $"{url}/end", new { validTo = "2019-12-31" }, "\"1\""),
            HttpStatusCode.PreconditionFailed);
        await HttpAssert.ProblemAsync(
            await client.SendAsync(HttpMethod.Post, $"/api/v1/networks/{network.Id()}/members/{Guid.NewGuid()}/end",
                new { validTo = "2019-12-31" }, "\"1\""),
            HttpStatusCode.NotFound);
    }
}
