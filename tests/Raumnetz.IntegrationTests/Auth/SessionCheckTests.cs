using System.Net;
using System.Net.Http.Json;
using Raumnetz.Infrastructure.Security;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Auth;

/// <summary>
/// A session is checked against its account again whenever the account changed: a deactivated user is signed out, a new role
/// applies. Changed through this instance, at its next request; changed in the database by another instance or tool (here SQL
/// of the test's own), once this instance has read the auth revision again, within a second (AuthRevision.RecheckEvery, on the
/// clock the test moves).
/// </summary>
public sealed class SessionCheckTests(SessionClockFactory factory) : IClassFixture<SessionClockFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_user_deactivated_in_the_database_is_refused_once_the_revision_is_read_again()
    {
        var client = await factory.SignedInAsAsync("viewer");
        var id = (await client.GetJsonAsync("/api/v1/auth/me")).Id();

        await factory.ExecuteAsync("UPDATE users SET is_active = @active WHERE id = @id", new { id, active = false });
        factory.Clock.Advance(AuthRevision.RecheckEvery);

        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/spaces", Ct), HttpStatusCode.Unauthorized);
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/auth/me", Ct), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_role_changed_in_the_database_applies_once_the_revision_is_read_again()
    {
        var client = await factory.SignedInAsAsync("viewer");
        var id = (await client.GetJsonAsync("/api/v1/auth/me")).Id();
        var refused = await client.PostAsJsonAsync("/api/v1/spaces", new { code = "ROLE-1", name = "Noch nicht", level = "district" }, Ct);
        await HttpAssert.ProblemAsync(refused, HttpStatusCode.Forbidden);

        await factory.ExecuteAsync("UPDATE users SET role = 'Editor' WHERE id = @id", new { id });
        factory.Clock.Advance(AuthRevision.RecheckEvery);

        Assert.Equal("editor", (await client.GetJsonAsync("/api/v1/auth/me")).Str("role"));
        Assert.Equal("ROLE-2", (await client.CreateSpaceAsync("ROLE-2", "Jetzt schon", "district")).Str("code"));
    }

    [Fact]
    public async Task A_deactivated_users_copied_cookie_is_refused_once_the_revision_is_read_again()
    {
        var client = await factory.SignedInAsAsync("editor");
        var me = await client.GetJsonAsync("/api/v1/auth/me");
        var copy = await CopiedSession.SignInAsync(factory, me.Str("email"), "a-long-password-1");
        using var copyClient = copy.Client(factory);
        Assert.Equal(HttpStatusCode.OK, (await copyClient.GetAsync("/api/v1/auth/me", Ct)).StatusCode);

        await factory.ExecuteAsync("UPDATE users SET is_active = @active WHERE id = @id", new { id = me.Id(), active = false });
        factory.Clock.Advance(AuthRevision.RecheckEvery);

        var created = await copyClient.PostAsJsonAsync(ActorApi.ActorsUrl, ActorApi.Organisation("Sitzung " + ActorApi.Token()), Ct);
        await HttpAssert.ProblemAsync(created, HttpStatusCode.Unauthorized);
        await HttpAssert.ProblemAsync(await copyClient.GetAsync("/api/v1/auth/me", Ct), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_user_deactivated_or_given_a_new_role_through_this_instance_is_signed_out_at_the_next_request()
    {
        var admin = await factory.AdminAsync();
        var viewer = await factory.SignedInAsAsync("viewer");
        var viewerId = (await viewer.GetJsonAsync("/api/v1/auth/me")).Id();
        var editor = await factory.SignedInAsAsync("editor");
        var editorId = (await editor.GetJsonAsync("/api/v1/auth/me")).Id();
        Assert.Equal("viewer", (await viewer.GetJsonAsync("/api/v1/auth/me")).Str("role"));
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/api/v1/spaces", Ct)).StatusCode);

        var user = await admin.GetAsync($"/api/v1/users/{viewerId}", Ct);
        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/users/{viewerId}")
        {
            Content = JsonContent.Create(new { displayName = "Jetzt Redaktion", role = "editor" }),
        };
        update.WithIfMatch(user.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(update, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/users/{editorId}/deactivate", null, Ct)).StatusCode);

        // No time passes: the instance that made the changes reads the revision again at the next request (a new role and a
        // deactivation both end the account's sessions: Application/Auth/UserSessions).
        await HttpAssert.ProblemAsync(await viewer.GetAsync("/api/v1/auth/me", Ct), HttpStatusCode.Unauthorized);
        await HttpAssert.ProblemAsync(await editor.GetAsync("/api/v1/spaces", Ct), HttpStatusCode.Unauthorized);
    }
}
