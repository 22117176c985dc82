using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Users.AccountApi;

namespace Raumnetz.IntegrationTests.Users;

/// <summary>GET and DELETE /auth/sessions: a user sees their own open sessions and ends one of them.</summary>
public sealed class OwnSessionsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<JsonElement>> SessionsAsync(HttpClient client) =>
        (await HttpAssert.OkAsync<JsonElement>(await client.GetAsync("/api/v1/auth/sessions", Ct))).EnumerateArray().ToList();

    [Fact]
    public async Task Lists_the_own_open_sessions_marks_the_current_one_and_ends_another()
    {
        var (_, email) = await CreateUserAsync(factory);
        var laptop = await SignInAsync(factory, email);
        var phone = await SignInAsync(factory, email);
        using var laptopClient = laptop.Client(factory);
        using var phoneClient = phone.Client(factory);

        var sessions = await SessionsAsync(laptopClient);
        Assert.Equal(2, sessions.Count);
        var current = Assert.Single(sessions, s => s.GetProperty("current").GetBoolean());
        var other = Assert.Single(sessions, s => !s.GetProperty("current").GetBoolean());
        Assert.True(current.GetProperty("lastSeenAt").GetDateTimeOffset() >= current.GetProperty("createdAt").GetDateTimeOffset());
        Assert.True(current.GetProperty("expiresAt").GetDateTimeOffset() > current.GetProperty("createdAt").GetDateTimeOffset());
        // The phone sees the same two sessions, with its own marked.
        Assert.Equal(other.Id(), Assert.Single(await SessionsAsync(phoneClient), s => s.GetProperty("current").GetBoolean()).Id());

        Assert.Equal(HttpStatusCode.NoContent, (await laptopClient.DeleteAsync($"/api/v1/auth/sessions/{other.Id()}", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(phoneClient));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(laptopClient));
        Assert.Equal(current.Id(), Assert.Single(await SessionsAsync(laptopClient)).Id());
        await HttpAssert.ProblemAsync(await laptopClient.DeleteAsync($"/api/v1/auth/sessions/{other.Id()}", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_users_session_cannot_be_ended_or_seen()
    {
        var (_, email) = await CreateUserAsync(factory);
        var mine = await SignInAsync(factory, email);
        var theirs = await SignInAsync(factory, ApiFactory.AdminEmail, ApiFactory.AdminPassword);
        using var mineClient = mine.Client(factory);
        using var theirClient = theirs.Client(factory);
        var theirSession = Assert.Single(await SessionsAsync(theirClient), s => s.GetProperty("current").GetBoolean()).Id();

        Assert.DoesNotContain(await SessionsAsync(mineClient), s => s.Id() == theirSession);
        await HttpAssert.ProblemAsync(await mineClient.DeleteAsync($"/api/v1/auth/sessions/{theirSession}", Ct), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(theirClient));
    }
}
