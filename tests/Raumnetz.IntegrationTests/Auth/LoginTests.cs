using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Auth;

/// <summary>Sign-in, session, sign-out and antiforgery.</summary>
public sealed class LoginTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { email, password }, Ct);

    private async Task<string> NewUserAsync(string role = "editor")
    {
        var email = $"login-{Guid.NewGuid():N}@test.local";
        var response = await (await factory.AdminAsync()).PostAsJsonAsync("/api/v1/users",
            new { email, displayName = "Login Test", role, password = "correct-horse-battery" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return email;
    }

    private static Dictionary<string, string> Cookies(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").ToDictionary(c => c.Split('=')[0], c => c);

    [Fact]
    public async Task Login_returns_the_user_an_httponly_strict_session_cookie_and_a_readable_xsrf_cookie()
    {
        var response = await LoginAsync(factory.Anonymous(), ApiFactory.AdminEmail.ToUpperInvariant(), ApiFactory.AdminPassword);

        var user = await HttpAssert.OkAsync<JsonElement>(response);
        Assert.Equal(ApiFactory.AdminEmail, user.Str("email"));
        Assert.Equal("admin", user.Str("role"));
        Assert.False(user.TryGetProperty("passwordHash", out _));
        var cookies = Cookies(response);
        var session = cookies["raumnetz.session"].ToLowerInvariant();
        Assert.Contains("httponly", session);
        Assert.Contains("samesite=strict", session);
        Assert.Contains("path=/", session);
        var xsrf = cookies["XSRF-TOKEN"].ToLowerInvariant();
        Assert.DoesNotContain("httponly", xsrf);
        Assert.Contains("samesite=strict", xsrf);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_are_the_same_401_problem()
    {
        var client = factory.Anonymous();
        var wrong = await HttpAssert.ProblemAsync(await LoginAsync(client, ApiFactory.AdminEmail, "not-the-password"), HttpStatusCode.Unauthorized);
        var unknown = await HttpAssert.ProblemAsync(await LoginAsync(client, "nobody@test.local", "not-the-password"), HttpStatusCode.Unauthorized);
        Assert.Equal(wrong.Str("detail"), unknown.Str("detail"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me", Ct)).StatusCode);
    }

    /// <summary>A client behind the local reverse proxy (loopback, trusted by default) at the forwarded address.</summary>
    private HttpClient From(string address)
    {
        var client = factory.ClientFrom("127.0.0.1");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    [Fact]
    public async Task Failed_sign_ins_slow_down_that_address_only_and_never_lock_the_user_out_elsewhere()
    {
        var email = await NewUserAsync();
        var attacker = From("198.51.100.66");
        for (var i = 1; i <= 5; i++)
            await HttpAssert.ProblemAsync(await LoginAsync(attacker, email, $"wrong-{i}"), HttpStatusCode.Unauthorized);

        // From the attacker's address even the right password now waits, without being checked.
        var waiting = await LoginAsync(attacker, email, "correct-horse-battery");
        await HttpAssert.ProblemAsync(waiting, HttpStatusCode.TooManyRequests);
        Assert.InRange(waiting.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.False(waiting.Headers.Contains("Set-Cookie"));

        // The user, from another address, signs in at once.
        var user = From("203.0.113.7");
        var signedIn = await LoginAsync(user, email, "correct-horse-battery");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/v1/auth/me", Ct)).StatusCode);
        // ... which does not lift the attacker's wait.
        await HttpAssert.ProblemAsync(await LoginAsync(attacker, email, "correct-horse-battery"), HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_successful_sign_in_forgives_the_failures_before_it()
    {
        var email = await NewUserAsync();
        var client = From("198.51.100.67");
        for (var round = 0; round < 2; round++)
        {
            for (var i = 1; i <= 4; i++)
                await HttpAssert.ProblemAsync(await LoginAsync(client, email, $"wrong-{i}"), HttpStatusCode.Unauthorized);
            Assert.Equal(HttpStatusCode.OK, (await LoginAsync(client, email, "correct-horse-battery")).StatusCode);
        }
    }

    [Fact]
    public async Task Unknown_and_known_addresses_get_the_same_answers_through_repeated_failures()
    {
        var known = await NewUserAsync();
        var unknown = $"login-{Guid.NewGuid():N}@test.local";
        var client = From("198.51.100.68");
        for (var attempt = 1; attempt <= 7; attempt++)
        {
            var forKnown = await LoginAsync(client, known, "not-the-password");
            var forUnknown = await LoginAsync(client, unknown, "not-the-password");

            Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
            Assert.Equal(attempt <= 5 ? HttpStatusCode.Unauthorized : HttpStatusCode.TooManyRequests, forKnown.StatusCode);
            Assert.Equal(await WithoutTraceIdAsync(forKnown), await WithoutTraceIdAsync(forUnknown));
            Assert.Equal(forKnown.Headers.RetryAfter is null, forUnknown.Headers.RetryAfter is null);
            if (forKnown.Headers.RetryAfter is { Delta: { } a } && forUnknown.Headers.RetryAfter is { Delta: { } b })
                Assert.InRange((a - b).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(2));
            Assert.Equal(Names(forKnown), Names(forUnknown));
        }

        static async Task<string> WithoutTraceIdAsync(HttpResponseMessage response)
        {
            var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
            problem.Remove("traceId");
            return problem.ToJsonString();
        }

        static string Names(HttpResponseMessage response) =>
            string.Join(",", response.Headers.Select(h => h.Key).Concat(response.Content.Headers.Select(h => h.Key)).Order(StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Sign_in_with_a_stale_session_cookie_and_no_xsrf_header_is_not_refused()
    {
        var client = factory.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(client, ApiFactory.AdminEmail, ApiFactory.AdminPassword)).StatusCode);
        // The page reloaded, the XSRF header is gone; the session cookie is still sent. Signing in (again, or as someone else) works.
        var email = await NewUserAsync("viewer");
        var again = await LoginAsync(client, email, "correct-horse-battery");
        var user = await HttpAssert.OkAsync<JsonElement>(again);
        Assert.Equal(email, user.Str("email"));
        // Everything else unsafe still needs the header.
        await HttpAssert.ProblemAsync(await client.PostAsync("/api/v1/auth/logout", null, Ct), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Me_returns_the_signed_in_user()
    {
        var email = await NewUserAsync("analyst");
        var client = await factory.SignedInAsync(email, "correct-horse-battery");
        var response = await client.GetAsync("/api/v1/auth/me", Ct);
        var me = await HttpAssert.OkAsync<JsonElement>(response);
        Assert.Equal(email, me.Str("email"));
        Assert.Equal("analyst", me.Str("role"));
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Me_without_a_session_is_401_problem()
    {
        await HttpAssert.ProblemAsync(await factory.Anonymous().GetAsync("/api/v1/auth/me", Ct), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        var client = await factory.SignedInAsync();
        var logout = await client.PostAsync("/api/v1/auth/logout", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/auth/me", Ct), HttpStatusCode.Unauthorized);
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/spaces", Ct), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unsafe_request_with_the_cookie_but_without_the_xsrf_header_is_403()
    {
        var client = factory.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(client, ApiFactory.AdminEmail, ApiFactory.AdminPassword)).StatusCode);

        var response = await client.PostAsJsonAsync("/api/v1/spaces", new { code = "XSRF-1", name = "Ohne Token", level = "district" }, Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("X-XSRF-TOKEN", problem.Str("detail"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/spaces", Ct)).StatusCode); // reading needs no token
        Assert.DoesNotContain(await (await factory.AdminAsync()).AllSpacesAsync(), s => s.Str("code") == "XSRF-1");
    }

    [Fact]
    public async Task Unsafe_request_with_a_wrong_xsrf_header_is_403()
    {
        var client = factory.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(client, ApiFactory.AdminEmail, ApiFactory.AdminPassword)).StatusCode);
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", "forged");
        var response = await client.PostAsJsonAsync("/api/v1/spaces", new { code = "XSRF-2", name = "Falsches Token", level = "district" }, Ct);
        await HttpAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Xsrf_token_of_another_user_is_refused()
    {
        var admin = await factory.AdminAsync();
        var token = admin.DefaultRequestHeaders.GetValues("X-XSRF-TOKEN").Single();
        var email = await NewUserAsync();
        var other = factory.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(other, email, "correct-horse-battery")).StatusCode);
        other.DefaultRequestHeaders.Add("X-XSRF-TOKEN", token);
        var response = await other.PostAsJsonAsync("/api/v1/spaces", new { code = "XSRF-3", name = "Fremdes Token", level = "district" }, Ct);
        await HttpAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("""{"email":"","password":"x"}""", "email")]
    [InlineData("""{"email":"a@b.c","password":""}""", "password")]
    [InlineData("""{"email":"a@b.c"}""", "password")]
    public async Task Missing_credentials_are_400(string json, string field)
    {
        var response = await factory.Anonymous().PostAsync("/api/v1/auth/login", TestData.RawJson(json), Ct);
        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, field);
    }
}

/// <summary>The API with a login limit of 3 calls a minute per address (all test clients share one address).</summary>
public sealed class LowLoginLimitFactory : ApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Raumnetz:LoginAttemptsPerMinute"] = "3" };
}

public sealed class LoginRateLimitTests(LowLoginLimitFactory factory) : IClassFixture<LowLoginLimitFactory>
{
    [Fact]
    public async Task Too_many_login_calls_from_one_address_are_429_with_retry_after()
    {
        var client = factory.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@test.local", password = "x" }, TestContext.Current.CancellationToken)).StatusCode);
        var limited = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = ApiFactory.AdminEmail, password = ApiFactory.AdminPassword }, TestContext.Current.CancellationToken);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        await HttpAssert.ProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromSeconds(60), limited.Headers.RetryAfter?.Delta);
        // Other routes are not limited.
        var health = new HttpRequestMessage(HttpMethod.Get, "/health/live").OutsideTheDocument();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(health, TestContext.Current.CancellationToken)).StatusCode);
    }
}

/// <summary>The API with a password hashing that counts its checks.</summary>
public sealed class CountingHashFactory : ApiFactory
{
    public CountingHashing Hashing { get; } = new(new Raumnetz.Infrastructure.Security.PasswordHashing());

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.ConfigureTestServices(builder, services =>
            services.AddSingleton<Raumnetz.Application.Common.IPasswordHashing>(Hashing));
    }

    public sealed class CountingHashing(Raumnetz.Application.Common.IPasswordHashing inner) : Raumnetz.Application.Common.IPasswordHashing
    {
        private int verified;
        public int Verified => Volatile.Read(ref verified);
        public string Hash(string password) => inner.Hash(password);

        public bool Verify(string hash, string password, out bool rehash)
        {
            Interlocked.Increment(ref verified);
            return inner.Verify(hash, password, out rehash);
        }
    }
}

public sealed class LoginTimingTests(CountingHashFactory factory) : IClassFixture<CountingHashFactory>
{
    [Fact]
    public async Task A_password_hash_is_checked_whether_the_account_exists_or_not()
    {
        var client = factory.ClientFrom("198.51.100.90");
        foreach (var email in new[] { ApiFactory.AdminEmail, $"nobody-{Guid.NewGuid():N}@test.local", ApiFactory.AdminEmail, "nobody@test.local" })
        {
            var before = factory.Hashing.Verified;
            var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "not-the-password" }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(before + 1, factory.Hashing.Verified);
        }
    }
}
