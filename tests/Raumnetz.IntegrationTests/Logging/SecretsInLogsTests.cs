using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Deployment;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Logging;

/// <summary>
/// No secret reaches the log even when an operator turns every category up to Trace (as when chasing a problem): the
/// built API as a real process in Production, every log level at Trace, on the provider of this pass.
/// </summary>
public sealed class SecretsInLogsTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private ApiProcess api = null!;

    public async ValueTask InitializeAsync()
    {
        database = TestDatabase.Create(TestDatabase.CurrentProvider);
        var settings = new Dictionary<string, string> { ["Database__Provider"] = database.Provider };
        foreach (var category in new[] { "Default", "Raumnetz", "Microsoft", "Microsoft.AspNetCore", "Microsoft.Hosting.Lifetime", "System", "System.Net.Http", "Npgsql", "Polly" })
            settings[$"Logging__LogLevel__{category}"] = "Trace";
        api = ApiProcess.Start(database.ConnectionString, settings, shippedLogging: true);
        await api.WaitReadyAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        await api.DisposeAsync();
        database.Dispose();
    }

    [Fact]
    public async Task Feed_tokens_api_keys_cookies_xsrf_tokens_and_passwords_are_never_logged_even_at_trace()
    {
        var cookies = new CookieContainer();
        using var session = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true }) { BaseAddress = api.BaseAddress };
        var login = await session.PostAsJsonAsync("/api/v1/auth/login", new { email = ApiFactory.AdminEmail, password = ApiFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var sessionCookie = cookies.GetCookies(api.BaseAddress)["raumnetz.session"]!.Value;
        var xsrf = Uri.UnescapeDataString(cookies.GetCookies(api.BaseAddress)["XSRF-TOKEN"]!.Value);
        session.DefaultRequestHeaders.Add("X-XSRF-TOKEN", xsrf);

        var network = await session.NetworkAsync("AG Geheimnis", "workingGroup");
        var keyResponse = await session.PostAsJsonAsync("/api/v1/api-keys", new { name = "Partner", role = "viewer" });
        var apiKey = (await HttpAssert.OkAsync<JsonElement>(keyResponse, HttpStatusCode.Created)).Str("key");
        var feedToken = (await session.GetJsonAsync($"/api/v1/networks/{network.Id()}/calendar-token")).Str("token");

        using var anonymous = api.Anonymous();
        var feed = $"/api/v1/networks/{network.Id()}/calendar.ics?token={Uri.EscapeDataString(feedToken)}";
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(feed)).StatusCode);
        // The same token on the wrong network and on an unknown route: refused, still not logged, nor echoed in the problem.
        var wrong = await anonymous.GetAsync($"/api/v1/networks/{Guid.NewGuid()}/calendar.ics?token={Uri.EscapeDataString(feedToken)}");
        var problem = await HttpAssert.ProblemAsync(wrong, HttpStatusCode.Unauthorized);
        Assert.DoesNotContain("token", problem.Str("instance"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/nothing?token={Uri.EscapeDataString(feedToken)}")).StatusCode);
        using var byKey = new HttpRequestMessage(HttpMethod.Get, "/api/v1/spaces");
        byKey.Headers.Add("X-Api-Key", apiKey);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(byKey)).StatusCode);
        using var wrongKey = new HttpRequestMessage(HttpMethod.Get, "/api/v1/spaces");
        wrongKey.Headers.Add("X-Api-Key", apiKey + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(wrongKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = ApiFactory.AdminEmail, password = "wrong-" + ApiFactory.AdminPassword })).StatusCode);
        await Task.Delay(500); // the console logger writes from a queue

        var lines = api.Lines;
        Assert.Contains(lines, l => l.Contains("Raumnetz.Requests", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"Trace\"", StringComparison.Ordinal) || l.Contains("\"Debug\"", StringComparison.Ordinal)); // really verbose
        foreach (var line in lines)
            foreach (var (name, secret) in new[] { ("session cookie", sessionCookie), ("XSRF token", xsrf), ("API key", apiKey), ("calendar token", feedToken),
                         ("calendar token (escaped)", Uri.EscapeDataString(feedToken)), ("password", ApiFactory.AdminPassword) })
                Assert.False(line.Contains(secret, StringComparison.Ordinal), $"The {name} is in the log: {line}");
    }
}
