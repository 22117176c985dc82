using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Raumnetz.Api.Http;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Http;

/// <summary>A clock the test moves by hand (only the quotas read it).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>The API with low request quotas (user 5, key 4, anonymous 4 a minute) counted on a clock the tests move.</summary>
public sealed class QuotaFactory : ApiFactory
{
    public const int PerUser = 5;
    public const int PerKey = 4;
    public const int PerAddress = 4;

    /// <summary>Five seconds into a minute, so a window has 55 seconds left.</summary>
    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 10, 0, 5, TimeSpan.Zero));

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Raumnetz:RateLimits:PerUserPerMinute"] = PerUser.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Raumnetz:RateLimits:PerKeyPerMinute"] = PerKey.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Raumnetz:RateLimits:AnonymousPerMinute"] = PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton(new RequestQuotas(Clock)));
    }

    /// <summary>Moves the clock to five seconds into the next minute: every caller starts a fresh window with 55 seconds left.</summary>
    public void NextWindow()
    {
        var now = Clock.Now;
        Clock.Now = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 5, TimeSpan.Zero).AddMinutes(1);
    }
}

/// <summary>
/// Request quotas per API key (its own limit or the default), per account and per client address: the RateLimit headers
/// count down, the request over the limit gets 429 problem+json with Retry-After and never reaches the endpoint, the
/// window's end lets the caller in again, and one caller's exhaustion leaves the others alone.
/// </summary>
public sealed class QuotaTests(QuotaFactory factory) : IClassFixture<QuotaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Over_the_key_limit_the_answer_is_429_with_Retry_After_and_RateLimit_headers_until_the_window_ends()
    {
        factory.NextWindow();
        var (client, _) = await factory.ApiKeyClientAsync("viewer");
        factory.NextWindow();
        for (var i = 1; i <= QuotaFactory.PerKey; i++)
        {
            var ok = await client.GetAsync("/api/v1/spaces", Ct);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("\"per-key\";q=4;w=60", Header(ok, "RateLimit-Policy"));
            Assert.Equal($"\"per-key\";r={QuotaFactory.PerKey - i};t=55", Header(ok, "RateLimit"));
        }

        var refused = await client.GetAsync("/api/v1/spaces", Ct);
        var problem = await HttpAssert.ProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal("55", Header(refused, "Retry-After"));
        Assert.Equal("\"per-key\";r=0;t=55", Header(refused, "RateLimit"));
        Assert.Equal("\"per-key\";q=4;w=60", Header(refused, "RateLimit-Policy"));
        Assert.Contains("4", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("55", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        factory.Clock.Now = factory.Clock.Now.AddSeconds(50);
        var still = await client.GetAsync("/api/v1/spaces", Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, still.StatusCode);
        Assert.Equal("5", Header(still, "Retry-After"));

        factory.Clock.Now = factory.Clock.Now.AddSeconds(5);
        var again = await client.GetAsync("/api/v1/spaces", Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("\"per-key\";r=3;t=60", Header(again, "RateLimit"));
    }

    [Fact]
    public async Task A_refused_request_does_not_reach_the_endpoint()
    {
        factory.NextWindow();
        var (client, _) = await factory.ApiKeyClientAsync("editor");
        var admin = await factory.AdminAsync();
        factory.NextWindow();
        for (var i = 0; i < QuotaFactory.PerKey; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/spaces", Ct)).StatusCode);
        var name = $"Quota {Guid.NewGuid():N}";
        var body = new { kind = "organisation", name, type = "job-centre", sector = "public" };
        var refused = await client.PostAsJsonAsync("/api/v1/actors", body, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

        Assert.Empty(await ActorsNamedAsync(admin, name));
        factory.NextWindow();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/actors", body, Ct)).StatusCode);
        Assert.Single(await ActorsNamedAsync(admin, name));
    }

    [Fact]
    public async Task A_keys_own_limit_applies_and_an_administrator_can_change_it()
    {
        factory.NextWindow();
        var admin = await factory.AdminAsync();
        var created = await HttpAssert.OkAsync<JsonElement>(await admin.PostAsJsonAsync("/api/v1/api-keys",
            new { name = "Jugendamt Fachverfahren", role = "viewer", rateLimitPerMinute = 2 }, Ct), HttpStatusCode.Created);
        Assert.Equal(2, created.GetProperty("rateLimitPerMinute").GetInt32());
        var id = created.GetProperty("id").GetGuid();
        var client = factory.CreateClient(new() { HandleCookies = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", created.GetProperty("key").GetString());

        factory.NextWindow();
        Assert.Equal("\"per-key\";q=2;w=60", Header(await client.GetAsync("/api/v1/spaces", Ct), "RateLimit-Policy"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/spaces", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/api/v1/spaces", Ct)).StatusCode);

        var raised = await HttpAssert.OkAsync<JsonElement>(
            await admin.PostAsJsonAsync($"/api/v1/api-keys/{id}/rate-limit", new { rateLimitPerMinute = 6 }, Ct));
        Assert.Equal(6, raised.GetProperty("rateLimitPerMinute").GetInt32());
        var now = await client.GetAsync("/api/v1/spaces", Ct);
        Assert.Equal(HttpStatusCode.OK, now.StatusCode);
        Assert.Equal("\"per-key\";r=3;t=55", Header(now, "RateLimit")); // two counted before, the refused one not

        var keys = await HttpAssert.OkAsync<JsonElement>(await admin.GetAsync("/api/v1/api-keys", Ct));
        var listed = keys.EnumerateArray().Single(k => k.GetProperty("id").GetGuid() == id);
        Assert.Equal(6, listed.GetProperty("rateLimitPerMinute").GetInt32());

        var reset = await HttpAssert.OkAsync<JsonElement>(
            await admin.PostAsJsonAsync($"/api/v1/api-keys/{id}/rate-limit", new { rateLimitPerMinute = (int?)null }, Ct));
        Assert.Equal(JsonValueKind.Null, reset.GetProperty("rateLimitPerMinute").ValueKind);
        Assert.Equal("\"per-key\";q=4;w=60", Header(await client.GetAsync("/api/v1/spaces", Ct), "RateLimit-Policy"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100_001)]
    public async Task A_key_limit_outside_1_to_100000_is_refused_naming_the_field(int limit)
    {
        factory.NextWindow();
        var admin = await factory.AdminAsync();
        var create = new { name = "Partner", role = "viewer", rateLimitPerMinute = limit };
        await HttpAssert.ProblemAsync(await admin.PostAsJsonAsync("/api/v1/api-keys", create, Ct), HttpStatusCode.BadRequest,
            "rateLimitPerMinute");
        var unknown = $"/api/v1/api-keys/{Guid.NewGuid()}/rate-limit";
        await HttpAssert.ProblemAsync(await admin.PostAsJsonAsync(unknown, new { rateLimitPerMinute = limit }, Ct),
            HttpStatusCode.BadRequest, "rateLimitPerMinute");
        await HttpAssert.ProblemAsync(await admin.PostAsJsonAsync(unknown, new { rateLimitPerMinute = 10 }, Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_an_administrator_sets_a_keys_limit()
    {
        factory.NextWindow();
        var (key, id) = await factory.ApiKeyClientAsync("editor");
        factory.NextWindow();
        var response = await key.PostAsJsonAsync($"/api/v1/api-keys/{id}/rate-limit", new { rateLimitPerMinute = 100_000 }, Ct);
        await HttpAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task One_accounts_exhaustion_leaves_other_accounts_keys_and_addresses_alone()
    {
        factory.NextWindow();
        var first = await factory.SignedInAsAsync("viewer");
        var second = await factory.SignedInAsAsync("viewer");
        var (key, _) = await factory.ApiKeyClientAsync("viewer");
        factory.NextWindow();

        for (var i = 0; i < QuotaFactory.PerUser; i++)
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/auth/me", Ct)).StatusCode);
        var refused = await first.GetAsync("/api/v1/auth/me", Ct);
        await HttpAssert.ProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal("\"per-user\";q=5;w=60", Header(refused, "RateLimit-Policy"));

        var other = await second.GetAsync("/api/v1/auth/me", Ct);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal("\"per-user\";r=4;t=55", Header(other, "RateLimit"));
        var byKey = await key.GetAsync("/api/v1/spaces", Ct);
        Assert.Equal(HttpStatusCode.OK, byKey.StatusCode);
        Assert.Equal("\"per-key\";r=3;t=55", Header(byKey, "RateLimit"));
        using var anonymous = factory.ClientFrom("198.51.100.7");
        var unauthenticated = await anonymous.GetAsync("/api/v1/spaces", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal("\"per-address\";r=3;t=55", Header(unauthenticated, "RateLimit"));
    }

    [Fact]
    public async Task Requests_without_credentials_are_limited_per_client_address()
    {
        factory.NextWindow();
        using var client = factory.ClientFrom("203.0.113.5");
        using var neighbour = factory.ClientFrom("203.0.113.6");
        for (var i = 1; i <= QuotaFactory.PerAddress; i++)
        {
            var response = await client.GetAsync("/api/v1/spaces", Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal($"\"per-address\";r={QuotaFactory.PerAddress - i};t=55", Header(response, "RateLimit"));
        }
        var refused = await client.GetAsync("/api/v1/spaces", Ct);
        await HttpAssert.ProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal("55", Header(refused, "Retry-After"));
        // An unknown API key does not escape the address's quota.
        using var withBadKey = new HttpRequestMessage(HttpMethod.Get, "/api/v1/spaces");
        withBadKey.Headers.Add("X-Api-Key", "rnz_not-a-key");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(withBadKey, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await neighbour.GetAsync("/api/v1/spaces", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api/docs/index.html")]
    public async Task Health_the_document_and_the_documentation_are_not_counted(string path)
    {
        factory.NextWindow();
        using var client = factory.ClientFrom("192.0.2.44");
        for (var i = 0; i <= QuotaFactory.PerAddress; i++)
        {
            var response = await client.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("RateLimit"), path);
        }
    }

    private static async Task<List<JsonElement>> ActorsNamedAsync(HttpClient client, string name) =>
        [.. (await HttpAssert.OkAsync<JsonElement>(await client.GetAsync($"/api/v1/actors?q={name}", Ct)))
            .GetProperty("items").EnumerateArray()];

    private static string Header(HttpResponseMessage response, string name) =>
        string.Join(", ", response.Headers.TryGetValues(name, out var values) ? values : []);
}
