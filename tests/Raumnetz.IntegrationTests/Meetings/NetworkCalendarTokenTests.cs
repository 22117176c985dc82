using System.Net;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Meetings;

public sealed class NetworkCalendarTokenTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Writers_get_a_stable_random_token_with_subscription_urls()
    {
        var admin = await factory.SignedInAsync();
        var network = await admin.NetworkAsync("AG Soziales", "workingGroup");
        var other = await admin.NetworkAsync("Bündnis", "alliance");
        var viewer = await factory.SignedInAsAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"/api/v1/networks/{network.Id()}/calendar-token")).StatusCode);
        var (readKey, _) = await factory.ApiKeyClientAsync("analyst");
        Assert.Equal(HttpStatusCode.Forbidden, (await readKey.GetAsync($"/api/v1/networks/{network.Id()}/calendar-token")).StatusCode);

        var editor = await factory.SignedInAsAsync("editor");
        var response = await editor.GetAsync($"/api/v1/networks/{network.Id()}/calendar-token");
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var token = await HttpAssert.OkAsync<System.Text.Json.JsonElement>(response);
        var secret = token.GetProperty("token").GetString()!;
        Assert.True(secret.Length >= 40);
        Assert.Equal(network.Id(), token.GetProperty("networkId").GetGuid());
        var url = new Uri(token.GetProperty("url").GetString()!);
        Assert.Equal($"/api/v1/networks/{network.Id()}/calendar.ics", url.AbsolutePath);
        Assert.Equal($"?token={secret}", url.Query);
        Assert.Equal("webcal" + token.GetProperty("url").GetString()![url.Scheme.Length..], token.GetProperty("webcalUrl").GetString());

        // Stable until revoked, different per network.
        Assert.Equal(secret, (await admin.GetJsonAsync($"/api/v1/networks/{network.Id()}/calendar-token")).GetProperty("token")
            .GetString());
        Assert.NotEqual(secret, (await admin.GetJsonAsync($"/api/v1/networks/{other.Id()}/calendar-token")).GetProperty("token")
            .GetString());
        await HttpAssert.ProblemAsync(await admin.GetAsync($"/api/v1/networks/{Guid.NewGuid()}/calendar-token"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await factory.Anonymous().GetAsync($"/api/v1/networks/{network.Id()}/calendar-token?token={secret}")).StatusCode);
    }

    [Fact]
    public async Task Revoking_issues_a_new_token_next_time()
    {
        var admin = await factory.SignedInAsync();
        var network = await admin.NetworkAsync("Lenkrunde", "steeringGroup");
        var first = (await admin.GetJsonAsync($"/api/v1/networks/{network.Id()}/calendar-token")).GetProperty("token").GetString();
        var viewer = await factory.SignedInAsAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync($"/api/v1/networks/{network.Id()}/calendar-token")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/networks/{network.Id()}/calendar-token")).StatusCode);
        // idempotent
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/networks/{network.Id()}/calendar-token")).StatusCode);
        var second = (await admin.GetJsonAsync($"/api/v1/networks/{network.Id()}/calendar-token")).GetProperty("token").GetString();
        Assert.NotEqual(first, second);
        await HttpAssert.ProblemAsync(await admin.DeleteAsync($"/api/v1/networks/{Guid.NewGuid()}/calendar-token"),
            HttpStatusCode.NotFound);
    }
}
