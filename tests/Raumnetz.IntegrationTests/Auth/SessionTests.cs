using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Raumnetz.Application.Common;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Auth;

/// <summary>
/// A session cookie as an attacker who copied it would use it: its cookies and XSRF header sent by hand, so signing
/// out in one client does not take them away from another.
/// </summary>
public sealed record CopiedSession(string Cookies, string Xsrf)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<CopiedSession> SignInAsync(WebApplicationFactory<Program> factory, string email = ApiFactory.AdminEmail, string password = ApiFactory.AdminPassword)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookies = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        Assert.Contains(cookies, c => c.StartsWith("raumnetz.session=", StringComparison.Ordinal));
        var xsrf = cookies.First(c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal));
        return new(string.Join("; ", cookies), Uri.UnescapeDataString(xsrf["XSRF-TOKEN=".Length..]));
    }

    /// <summary>A fresh client that sends these cookies and the XSRF header and ignores what the server sets.</summary>
    public HttpClient Client(WebApplicationFactory<Program> factory)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", Cookies);
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", Xsrf);
        return client;
    }
}

/// <summary>Sessions live on the server: sign-out and sign-out everywhere end them for every copy of the cookie.</summary>
public sealed class SessionTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> CreateActorAsync(HttpClient client) =>
        client.PostAsJsonAsync(ActorApi.ActorsUrl, ActorApi.Organisation("Sitzung " + ActorApi.Token()), Ct);

    [Fact]
    public async Task A_cookie_copied_before_sign_out_is_refused_after_it_for_reading_and_writing()
    {
        var session = await CopiedSession.SignInAsync(factory);
        using var browser = session.Client(factory);
        using var copy = session.Client(factory);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/v1/auth/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await CreateActorAsync(copy)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync("/api/v1/auth/logout", null, Ct)).StatusCode);

        await HttpAssert.ProblemAsync(await copy.GetAsync("/api/v1/auth/me", Ct), HttpStatusCode.Unauthorized);
        await HttpAssert.ProblemAsync(await CreateActorAsync(copy), HttpStatusCode.Unauthorized);
        await HttpAssert.ProblemAsync(await browser.GetAsync("/api/v1/spaces", Ct), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_session_of_the_user_and_no_one_elses()
    {
        var client = await factory.SignedInAsAsync("editor");
        var email = (await client.GetJsonAsync("/api/v1/auth/me")).Str("email");
        var laptop = await CopiedSession.SignInAsync(factory, email, "a-long-password-1");
        var phone = await CopiedSession.SignInAsync(factory, email, "a-long-password-1");
        var someoneElse = await CopiedSession.SignInAsync(factory);
        using var laptopClient = laptop.Client(factory);
        using var phoneClient = phone.Client(factory);
        using var otherClient = someoneElse.Client(factory);
        Assert.Equal(HttpStatusCode.OK, (await phoneClient.GetAsync("/api/v1/auth/me", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await laptopClient.PostAsync("/api/v1/auth/logout-everywhere", null, Ct)).StatusCode);

        await HttpAssert.ProblemAsync(await phoneClient.GetAsync("/api/v1/auth/me", Ct), HttpStatusCode.Unauthorized);
        await HttpAssert.ProblemAsync(await CreateActorAsync(phoneClient), HttpStatusCode.Unauthorized);
        await HttpAssert.ProblemAsync(await laptopClient.GetAsync("/api/v1/auth/me", Ct), HttpStatusCode.Unauthorized);
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/auth/me", Ct), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await otherClient.GetAsync("/api/v1/auth/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Signing_in_over_a_live_session_starts_a_new_one_for_the_new_user_and_ends_the_old_one()
    {
        var viewer = await factory.SignedInAsAsync("viewer");
        var viewerEmail = (await viewer.GetJsonAsync("/api/v1/auth/me")).Str("email");
        var old = await CopiedSession.SignInAsync(factory, viewerEmail, "a-long-password-1");
        using var browser = old.Client(factory);
        using var copy = old.Client(factory);

        var login = await browser.PostAsJsonAsync("/api/v1/auth/login", new { email = ApiFactory.AdminEmail, password = ApiFactory.AdminPassword }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookies = login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        var xsrf = cookies.First(c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal));
        var fresh = new CopiedSession(string.Join("; ", cookies), Uri.UnescapeDataString(xsrf["XSRF-TOKEN=".Length..]));
        using var admin = fresh.Client(factory);

        Assert.Equal(ApiFactory.AdminEmail, (await admin.GetJsonAsync("/api/v1/auth/me")).Str("email"));
        await HttpAssert.ProblemAsync(await copy.GetAsync("/api/v1/auth/me", Ct), HttpStatusCode.Unauthorized);
        Assert.Equal(viewerEmail, (await viewer.GetJsonAsync("/api/v1/auth/me")).Str("email")); // another session of the viewer
    }

    [Fact]
    public async Task Sign_out_everywhere_needs_a_session()
    {
        using var anonymous = factory.Anonymous();
        await HttpAssert.ProblemAsync(await anonymous.PostAsync("/api/v1/auth/logout-everywhere", null, Ct), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_database_keeps_only_a_hash_of_the_session_token()
    {
        var session = await CopiedSession.SignInAsync(factory);
        var hashes = (await factory.Services.GetRequiredService<IDbConnectionFactory>().ReadAsync(async (c, ct) =>
            (await Dapper.SqlMapper.QueryAsync<string>(c, new Dapper.CommandDefinition("SELECT token_hash FROM sessions", cancellationToken: ct))).ToList(), Ct));
        Assert.NotEmpty(hashes);
        Assert.All(hashes, h => Assert.Matches("^[0-9a-f]{64}$", h));
        Assert.DoesNotContain(hashes, h => session.Cookies.Contains(h, StringComparison.Ordinal));
    }
}

/// <summary>The API over a clock the tests move, with the default session lifetimes (idle 60 minutes, absolute 12 hours).</summary>
public sealed class SessionClockFactory : ApiFactory
{
    public TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>Sessions end after an idle hour and twelve hours after sign-in, however busy.</summary>
public sealed class SessionLifetimeTests(SessionClockFactory factory) : IClassFixture<SessionClockFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_session_unused_for_longer_than_the_idle_timeout_ends_and_one_in_use_does_not()
    {
        var session = await CopiedSession.SignInAsync(factory);
        using var client = session.Client(factory);
        for (var i = 0; i < 3; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(50));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me", Ct)).StatusCode);
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(61));

        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/auth/me", Ct), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_session_ends_at_its_absolute_lifetime_even_when_used_all_the_time()
    {
        var session = await CopiedSession.SignInAsync(factory);
        using var client = session.Client(factory);
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(11); elapsed += TimeSpan.FromMinutes(45))
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(45));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me", Ct)).StatusCode);
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(50)); // 12 h 5 min after sign-in, 50 minutes after the last use

        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/auth/me", Ct), HttpStatusCode.Unauthorized);
    }
}

/// <summary>Old sessions do not pile up: sign-in removes the rows of sessions that expired more than a week ago.</summary>
public sealed class SessionCleanupTests(SessionClockFactory factory) : IClassFixture<SessionClockFactory>
{
    [Fact]
    public async Task Sign_in_removes_sessions_that_expired_more_than_a_week_ago()
    {
        await CopiedSession.SignInAsync(factory);
        await CopiedSession.SignInAsync(factory);
        Assert.True(await factory.ScalarAsync<long>("SELECT COUNT(*) FROM sessions") >= 2);

        factory.Clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var session = await CopiedSession.SignInAsync(factory);

        Assert.Equal(1, await factory.ScalarAsync<long>("SELECT COUNT(*) FROM sessions"));
        using var client = session.Client(factory);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me", TestContext.Current.CancellationToken)).StatusCode);
    }
}

/// <summary>
/// Two API instances on one database (each with its own auth cache), on one clock the test moves: a session ended on one is
/// refused there at once and on the other once the revision's second (AuthRevision.RecheckEvery) is over.
/// </summary>
public sealed class SessionAcrossInstancesTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TestClock clock = new(DateTimeOffset.UtcNow);
    private readonly ApiFactory first;
    private readonly ApiFactory second;

    public SessionAcrossInstancesTests()
    {
        first = ApiFactory.For(TestDatabase.Create(TestDatabase.CurrentProvider), clock);
        second = ApiFactory.For(first.Database.Shared(), clock);
    }

    [Fact]
    public async Task A_session_started_on_one_instance_works_on_the_other_until_it_is_ended_on_either()
    {
        _ = first.Server; // the first instance migrates the database and creates the administrator
        var session = await CopiedSession.SignInAsync(first);
        using var onFirst = session.Client(first);
        using var onSecond = session.Client(second);
        var copy = await CopiedSession.SignInAsync(first);
        using var copyOnSecond = copy.Client(second);
        Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync("/api/v1/auth/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/api/v1/auth/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await onSecond.PostAsJsonAsync(ActorApi.ActorsUrl, ActorApi.Organisation("Zwei " + ActorApi.Token()), Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await onSecond.PostAsync("/api/v1/auth/logout", null, Ct)).StatusCode);
        await HttpAssert.ProblemAsync(await onSecond.GetAsync("/api/v1/auth/me", Ct), HttpStatusCode.Unauthorized);
        clock.Advance(Raumnetz.Infrastructure.Security.AuthRevision.RecheckEvery);
        await HttpAssert.ProblemAsync(await onFirst.GetAsync("/api/v1/auth/me", Ct), HttpStatusCode.Unauthorized);

        var other = await CopiedSession.SignInAsync(second);
        using var otherOnSecond = other.Client(second);
        using var otherOnFirst = other.Client(first);
        Assert.Equal(HttpStatusCode.OK, (await otherOnFirst.GetAsync("/api/v1/auth/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await otherOnSecond.GetAsync("/api/v1/auth/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await copyOnSecond.GetAsync("/api/v1/auth/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await otherOnFirst.PostAsync("/api/v1/auth/logout-everywhere", null, Ct)).StatusCode);
        await HttpAssert.ProblemAsync(await otherOnFirst.GetAsync("/api/v1/auth/me", Ct), HttpStatusCode.Unauthorized);
        clock.Advance(Raumnetz.Infrastructure.Security.AuthRevision.RecheckEvery);
        await HttpAssert.ProblemAsync(await otherOnSecond.GetAsync("/api/v1/auth/me", Ct), HttpStatusCode.Unauthorized);
        await HttpAssert.ProblemAsync(await copyOnSecond.GetAsync("/api/v1/auth/me", Ct), HttpStatusCode.Unauthorized);
    }

    public void Dispose()
    {
        second.Dispose();
        first.Dispose();
    }
}
