using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Users.AccountApi;

namespace Raumnetz.IntegrationTests.Users;

/// <summary>
/// An administrator reads, updates, deactivates and reactivates accounts and sets one-time passwords; each operation that
/// should end the account's sessions does so at once (a cookie copied before it gets 401 right after), and only those.
/// </summary>
public sealed class UserAdministrationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_returns_the_account_with_its_etag_and_update_needs_if_match()
    {
        var admin = await factory.AdminAsync();
        var (id, email) = await CreateUserAsync(factory);
        var response = await admin.GetAsync($"{UsersUrl}/{id}", Ct);
        var user = await HttpAssert.OkAsync<JsonElement>(response);
        Assert.Equal((email, "editor", true, false), (user.Str("email"), user.Str("role"), user.GetProperty("isActive").GetBoolean(),
            user.GetProperty("mustChangePassword").GetBoolean()));
        var etag = response.Headers.ETag!.Tag;

        await HttpAssert.ProblemAsync(await admin.PutAsJsonAsync($"{UsersUrl}/{id}", new { displayName = "Neu", role = "editor" }, Ct),
            (HttpStatusCode)428);
        await HttpAssert.ProblemAsync(
            await admin.PutIfMatchAsync($"{UsersUrl}/{id}", new { displayName = "Neu", role = "editor" }, "\"99\""),
            HttpStatusCode.PreconditionFailed);
        await HttpAssert.ProblemAsync(await admin.PutIfMatchAsync($"{UsersUrl}/{id}", new { displayName = "Neu", role = "owner" }, etag),
            HttpStatusCode.BadRequest, "role");
        await HttpAssert.ProblemAsync(await admin.GetAsync($"{UsersUrl}/{Guid.NewGuid()}", Ct), HttpStatusCode.NotFound);

        // A new name alone keeps the account's sessions.
        var session = await SignInAsync(factory, email);
        using var copy = session.Client(factory);
        var renamed = await HttpAssert.OkAsync<JsonElement>(
            await admin.PutIfMatchAsync($"{UsersUrl}/{id}", new { displayName = "Sozialplanung Werder", role = "editor" }, etag));
        Assert.Equal("Sozialplanung Werder", renamed.Str("displayName"));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(copy));
    }

    [Fact]
    public async Task A_role_change_ends_the_accounts_sessions_at_once_and_no_one_elses()
    {
        var admin = await factory.AdminAsync();
        var (id, email) = await CreateUserAsync(factory, "editor");
        var (_, otherEmail) = await CreateUserAsync(factory, "editor");
        var session = await SignInAsync(factory, email);
        var other = await SignInAsync(factory, otherEmail);
        using var copy = session.Client(factory);
        using var otherClient = other.Client(factory);
        Assert.Equal(HttpStatusCode.Created,
            (await copy.PostAsJsonAsync(ActorApi.ActorsUrl, ActorApi.Organisation("Rolle " + ActorApi.Token()), Ct)).StatusCode);

        var updated = await HttpAssert.OkAsync<JsonElement>(
            await admin.PutIfMatchAsync($"{UsersUrl}/{id}", new { displayName = "Nur lesen", role = "viewer" }));
        Assert.Equal("viewer", updated.Str("role"));

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(copy));
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await copy.PostAsJsonAsync(ActorApi.ActorsUrl, ActorApi.Organisation("Rolle " + ActorApi.Token()), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(otherClient));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(admin));
        // Signed in again, the account has its new role.
        using var again = (await SignInAsync(factory, email)).Client(factory);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await again.PostAsJsonAsync(ActorApi.ActorsUrl, ActorApi.Organisation("Rolle " + ActorApi.Token()), Ct)).StatusCode);
    }

    [Fact]
    public async Task Deactivation_ends_the_sessions_and_sign_in_is_answered_like_a_wrong_password_until_reactivated()
    {
        var admin = await factory.AdminAsync();
        var (id, email) = await CreateUserAsync(factory);
        var session = await SignInAsync(factory, email);
        using var copy = session.Client(factory);

        var deactivated = await HttpAssert.OkAsync<JsonElement>(await admin.PostAsync($"{UsersUrl}/{id}/deactivate", null, Ct));
        Assert.False(deactivated.GetProperty("isActive").GetBoolean());

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(copy));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(admin));
        var rightPassword = await TryLoginAsync(factory, email, Password);
        var wrongPassword = await TryLoginAsync(factory, email, "not-the-password-1");
        Assert.Equal(HttpStatusCode.Unauthorized, rightPassword.Status);
        static (string?, string?) Said(string body) =>
            (JsonDocument.Parse(body).RootElement.Str("title"), JsonDocument.Parse(body).RootElement.Str("detail"));
        Assert.Equal(Said(wrongPassword.Body), Said(rightPassword.Body));
        // Deactivating twice changes nothing more.
        Assert.False((await HttpAssert.OkAsync<JsonElement>(await admin.PostAsync($"{UsersUrl}/{id}/deactivate", null, Ct)))
            .GetProperty("isActive").GetBoolean());

        var reactivated = await HttpAssert.OkAsync<JsonElement>(await admin.PostAsync($"{UsersUrl}/{id}/reactivate", null, Ct));
        Assert.True(reactivated.GetProperty("isActive").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(copy)); // the old session stays ended
        Assert.Equal(HttpStatusCode.OK, (await TryLoginAsync(factory, email, Password)).Status);
        await HttpAssert.ProblemAsync(await admin.PostAsync($"{UsersUrl}/{Guid.NewGuid()}/deactivate", null, Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_one_time_password_ends_the_sessions_and_must_be_changed_before_anything_else()
    {
        var admin = await factory.AdminAsync();
        var (id, email) = await CreateUserAsync(factory);
        var session = await SignInAsync(factory, email);
        using var copy = session.Client(factory);
        const string oneTime = "Einmal-Kennwort-2026";

        await HttpAssert.ProblemAsync(await admin.PostAsJsonAsync($"{UsersUrl}/{id}/password", new { password = "1q2w3e4r5t6y" }, Ct),
            HttpStatusCode.BadRequest, "password");
        var set = await HttpAssert.OkAsync<JsonElement>(
            await admin.PostAsJsonAsync($"{UsersUrl}/{id}/password", new { password = oneTime }, Ct));
        Assert.True(set.GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(copy));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(admin));
        Assert.Equal(HttpStatusCode.Unauthorized, (await TryLoginAsync(factory, email, Password)).Status);

        var signIn = await TryLoginAsync(factory, email, oneTime);
        Assert.Equal(HttpStatusCode.OK, signIn.Status);
        Assert.True(JsonDocument.Parse(signIn.Body).RootElement.GetProperty("mustChangePassword").GetBoolean());
        using var fresh = (await SignInAsync(factory, email, oneTime)).Client(factory);
        Assert.True((await HttpAssert.OkAsync<JsonElement>(await fresh.GetAsync("/api/v1/auth/me", Ct))).GetProperty("mustChangePassword")
            .GetBoolean());
        var refused = await HttpAssert.ProblemAsync(await fresh.GetAsync(ActorApi.ActorsUrl, Ct), HttpStatusCode.Forbidden);
        Assert.Equal("passwordChangeRequired", refused.Str("code"));
        await HttpAssert.ProblemAsync(await fresh.GetAsync("/api/v1/auth/sessions", Ct), HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.NoContent, (await fresh.PostAsJsonAsync("/api/v1/auth/password",
            new { currentPassword = oneTime, newPassword = "Eigenes-Kennwort-2026" }, Ct)).StatusCode);
        Assert.False((await HttpAssert.OkAsync<JsonElement>(await fresh.GetAsync("/api/v1/auth/me", Ct))).GetProperty("mustChangePassword")
            .GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync(ActorApi.ActorsUrl, Ct)).StatusCode);
        Assert.False((await HttpAssert.OkAsync<JsonElement>(await admin.GetAsync($"{UsersUrl}/{id}", Ct))).GetProperty("mustChangePassword")
            .GetBoolean());
    }

    [Fact]
    public async Task Only_administrators_manage_accounts()
    {
        var (id, _) = await CreateUserAsync(factory);
        var coordinator = await factory.SignedInAsAsync("coordinator");
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync($"{UsersUrl}/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsync($"{UsersUrl}/{id}/deactivate", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await coordinator.PostAsJsonAsync($"{UsersUrl}/{id}/password", new { password = "Einmal-Kennwort-2026" }, Ct)).StatusCode);
    }
}
