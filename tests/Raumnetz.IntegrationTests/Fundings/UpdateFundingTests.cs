using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Fundings;

public sealed class UpdateFundingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Url = "/api/v1/fundings";

    [Fact]
    public async Task Updates_need_if_match_and_keep_the_share_rule()
    {
        var client = await factory.SignedInAsync();
        var service = await factory.ServiceAsync("Kita Sonnenschein");
        var funder = await factory.ActorAsync("Land Brandenburg");
        var other = await factory.ActorAsync("Stadt Teltow");
        var funding = await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(Url,
            new { serviceId = service, funderActorId = funder, sharePercent = 50m, renewalStatus = "open" }), HttpStatusCode.Created);
        await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(Url,
            new { serviceId = service, funderActorId = other, sharePercent = 40m, renewalStatus = "secured" }), HttpStatusCode.Created);
        var body = funding.ToBody("id", "serviceName", "funderName", "version", "createdAt", "updatedAt");

        await HttpAssert.ProblemAsync(await client.PutAsJsonAsync($"{Url}/{funding.Id()}", body), HttpStatusCode.PreconditionRequired);
        body["sharePercent"] = 60.5m;
        await HttpAssert.ProblemAsync(await client.PutIfMatchAsync($"{Url}/{funding.Id()}", body, "\"1\""), HttpStatusCode.BadRequest,
            "sharePercent");
        body["sharePercent"] = 55m;
        body["renewalStatus"] = "secured";
        var response = await client.PutIfMatchAsync($"{Url}/{funding.Id()}", body, "\"1\"");
        var updated = await HttpAssert.OkAsync<JsonElement>(response);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal(55m, updated.GetProperty("sharePercent").GetDecimal());
        Assert.Equal("secured", updated.Str("renewalStatus"));
        await HttpAssert.ProblemAsync(await client.PutIfMatchAsync($"{Url}/{funding.Id()}", body, "\"1\""),
            HttpStatusCode.PreconditionFailed);
        await HttpAssert.ProblemAsync(await client.PutIfMatchAsync($"{Url}/{Guid.NewGuid()}", body), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_needs_if_match_and_removes_the_funding()
    {
        var client = await factory.SignedInAsync();
        var service = await factory.ServiceAsync("Seniorentreff Werder");
        var funder = await factory.ActorAsync("Stadt Werder");
        var funding = await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(Url,
            new { serviceId = service, funderActorId = funder, renewalStatus = "open" }), HttpStatusCode.Created);
        await HttpAssert.ProblemAsync(await client.DeleteAsync($"{Url}/{funding.Id()}"), HttpStatusCode.PreconditionRequired);
        await HttpAssert.ProblemAsync(await client.DeleteIfMatchAsync($"{Url}/{funding.Id()}", "\"7\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteIfMatchAsync($"{Url}/{funding.Id()}", "\"1\"")).StatusCode);
        await HttpAssert.ProblemAsync(await client.GetAsync($"{Url}/{funding.Id()}"), HttpStatusCode.NotFound);
    }
}
