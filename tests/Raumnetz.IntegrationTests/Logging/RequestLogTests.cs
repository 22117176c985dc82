using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Deployment;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Logging;

/// <summary>
/// What an operator gets on the console: the built API as a real process in Production with the shipped
/// appsettings.json (found in bin, where the process runs), on the provider of this pass of the suite.
/// </summary>
public sealed class RequestLogTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private ApiProcess api = null!;

    public async ValueTask InitializeAsync()
    {
        database = TestDatabase.Create(TestDatabase.CurrentProvider);
        api = ApiProcess.Start(database.ConnectionString, new Dictionary<string, string> { ["Database__Provider"] = database.Provider },
            shippedLogging: true);
        await api.WaitReadyAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        await api.DisposeAsync();
        database.Dispose();
    }

    [Fact]
    public async Task A_GET_writes_exactly_one_JSON_line_with_route_status_duration_and_trace_and_no_secret()
    {
        // Secrets of every kind the API handles: the password in the login body, the session cookie, an API key, a feed token.
        var cookies = new CookieContainer();
        using var session = Client(cookies);
        var login = await session.PostAsJsonAsync("/api/v1/auth/login",
            new { email = ApiFactory.AdminEmail, password = ApiFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var sessionCookie = cookies.GetCookies(api.BaseAddress)["raumnetz.session"]?.Value;
        Assert.False(string.IsNullOrEmpty(sessionCookie));
        session.DefaultRequestHeaders.Add("X-XSRF-TOKEN", Uri.UnescapeDataString(cookies.GetCookies(api.BaseAddress)["XSRF-TOKEN"]!.Value));

        var space = await session.CreateSpaceAsync("LOG-1", "Protokollkreis", "county");
        var keyResponse = await session.PostAsJsonAsync("/api/v1/api-keys", new { name = "Partner", role = "viewer" });
        var apiKey = (await HttpAssert.OkAsync<JsonElement>(keyResponse, HttpStatusCode.Created)).Str("key");
        var network = await session.NetworkAsync("AG Protokoll", "workingGroup");
        var feedToken = (await session.GetJsonAsync($"/api/v1/networks/{network.Id()}/calendar-token")).Str("token");
        using var anonymous = Client(null);

        var bySession = await OneLineAsync(session, $"/api/v1/spaces/{space.Id()}");
        AssertLine(bySession, "/api/v1/spaces/{id}", 200);
        Assert.DoesNotContain(space.Id().ToString(), bySession.Raw); // the template, not the path

        var byKey = await OneLineAsync(anonymous, $"/api/v1/spaces/{space.Id()}", ("X-Api-Key", apiKey));
        AssertLine(byKey, "/api/v1/spaces/{id}", 200);

        var byToken = await OneLineAsync(anonymous,
            $"/api/v1/networks/{network.Id()}/calendar.ics?token={Uri.EscapeDataString(feedToken)}");
        AssertLine(byToken, "/api/v1/networks/{id}/calendar.ics", 200);

        // Through the exception handler (404 problem): still one line, with the route the request matched.
        var missing = await OneLineAsync(session, $"/api/v1/spaces/{Guid.NewGuid()}");
        AssertLine(missing, "/api/v1/spaces/{id}", 404);

        var lines = api.Lines;
        foreach (var line in lines)
        {
            Assert.True(IsJson(line), $"Not a JSON line: {line}");
            foreach (var (name, secret) in new[] { ("session cookie", sessionCookie!), ("API key", apiKey), ("calendar token", feedToken),
                    ("password", ApiFactory.AdminPassword) })
                Assert.False(line.Contains(secret, StringComparison.Ordinal), $"The {name} is in the log: {line}");
        }
        // Only the request lines at Information once the API runs: the framework's own request logging stays off.
        Assert.All(lines.Select(Parse).Where(l => l.GetProperty("LogLevel").GetString() == "Information"),
            l => Assert.Contains(l.GetProperty("Category").GetString(),
                new[] { "Raumnetz.Requests", "Microsoft.Hosting.Lifetime", "Raumnetz.Infrastructure.Data.MigrationRunner" }));
    }

    /// <summary>
    /// A client that sends our traceparent as given: without a propagator, HttpClient does not replace it with its own
    /// (which it does whenever something in this test process listens to HttpClient activities).
    /// </summary>
    private HttpClient Client(CookieContainer? cookies) =>
        new(new SocketsHttpHandler { CookieContainer = cookies ?? new CookieContainer(), UseCookies = cookies is not null,
                ActivityHeadersPropagator = null })
        {
            BaseAddress = api.BaseAddress,
            Timeout = TimeSpan.FromSeconds(20),
        };

    private sealed record RequestLine(string Raw, JsonElement Entry, string TraceId);

    /// <summary>
    /// Sends a GET with a known W3C trace id once the output is quiet, and returns the one line it wrote (asserting it
    /// is the only one). The console logger writes from a queue, so the output is watched until it settles again.
    /// </summary>
    private async Task<RequestLine> OneLineAsync(HttpClient client, string url, params (string Name, string Value)[] headers)
    {
        await QuietAsync();
        var before = api.Lines.Count;
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        foreach (var (name, value) in headers) request.Headers.Add(name, value);
        using var response = await client.SendAsync(request);
        var watch = Stopwatch.StartNew();
        while (!api.Lines.Skip(before).Any(l => l.Contains(traceId, StringComparison.Ordinal)) && watch.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(20);
        await QuietAsync();
        var written = api.Lines.Skip(before).ToList();
        Assert.True(written.Count == 1,
            $"GET {url} ({(int)response.StatusCode}) wrote {written.Count} lines:\n{string.Join('\n', written)}");
        return new RequestLine(written[0], Parse(written[0]), traceId);
    }

    private static void AssertLine(RequestLine line, string route, int status)
    {
        Assert.Equal("Information", line.Entry.GetProperty("LogLevel").GetString());
        Assert.Equal("Raumnetz.Requests", line.Entry.GetProperty("Category").GetString());
        var state = line.Entry.GetProperty("State");
        Assert.Equal("GET", state.GetProperty("Method").GetString());
        Assert.Equal(route, state.GetProperty("Route").GetString());
        Assert.Equal(status, state.GetProperty("Status").GetInt32());
        Assert.InRange(state.GetProperty("DurationMs").GetDouble(), 0, 30_000);
        Assert.Equal(line.TraceId, state.GetProperty("TraceId").GetString());
        Assert.True(line.Entry.TryGetProperty("Timestamp", out _), line.Raw);
    }

    /// <summary>Waits until no line has been added for 300 ms.</summary>
    private async Task QuietAsync()
    {
        var watch = Stopwatch.StartNew();
        var count = api.Lines.Count;
        var since = watch.Elapsed;
        while (watch.Elapsed - since < TimeSpan.FromMilliseconds(300) && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
            if (api.Lines.Count != count) (count, since) = (api.Lines.Count, watch.Elapsed);
        }
    }

    private static JsonElement Parse(string line) => JsonDocument.Parse(line).RootElement;

    private static bool IsJson(string line)
    {
        try
        {
            return Parse(line).ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
