using System.Net;
using System.Net.Http.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Users.AccountApi;

namespace Raumnetz.IntegrationTests.Users;

/// <summary>POST /auth/password: the signed-in user changes their own password, and every other session ends.</summary>
public sealed class ChangePasswordTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string NewPassword = "Kastanienallee-im-Herbst-3";

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_and_keeps_this_one()
    {
        var (_, email) = await CreateUserAsync(factory);
        var laptop = await SignInAsync(factory, email);
        var phone = await SignInAsync(factory, email);
        var admin = await SignInAsync(factory, ApiFactory.AdminEmail, ApiFactory.AdminPassword);
        using var laptopClient = laptop.Client(factory);
        using var phoneClient = phone.Client(factory);
        using var adminClient = admin.Client(factory);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(phoneClient));

        var response = await laptopClient.PostAsJsonAsync("/api/v1/auth/password",
            new { currentPassword = Password, newPassword = NewPassword }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        Assert.Equal(HttpStatusCode.OK, await MeAsync(laptopClient));
        Assert.Equal(HttpStatusCode.Created, (await laptopClient.PostAsJsonAsync(Actors.ActorApi.ActorsUrl,
            Actors.ActorApi.Organisation("Passwort " + Actors.ActorApi.Token()), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(phoneClient));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(adminClient));
        Assert.Equal(HttpStatusCode.Unauthorized, (await TryLoginAsync(factory, email, Password)).Status);
        Assert.Equal(HttpStatusCode.OK, (await TryLoginAsync(factory, email, NewPassword)).Status);
    }

    [Theory]
    [InlineData("wrong-password-123", NewPassword, "currentPassword")]
    [InlineData(Password, "kurz", "newPassword")]
    [InlineData(Password, "1qaz2wsx3edc", "newPassword")]      // among the common passwords shipped with the product
    [InlineData(Password, "KONTO-und-mehr-12", "newPassword")]  // contains the e-mail address's local part ("konto-...")
    [InlineData(Password, Password, "newPassword")]
    public async Task A_wrong_current_password_or_a_weak_new_one_is_refused_naming_the_field_and_nothing_changes(
        string current, string next, string field)
    {
        var (_, email) = await CreateUserAsync(factory);
        var session = await SignInAsync(factory, email);
        using var client = session.Client(factory);
        var newPassword = next.StartsWith("KONTO", StringComparison.Ordinal) ? email.Split('@')[0].ToUpperInvariant() + "-und-mehr" : next;

        var response = await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = current, newPassword }, Ct);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client));
        Assert.Equal(HttpStatusCode.OK, (await TryLoginAsync(factory, email, Password)).Status);
    }

    [Fact]
    public async Task An_administrator_cannot_create_an_account_with_a_common_password()
    {
        var admin = await factory.AdminAsync();
        var response = await admin.PostAsJsonAsync(UsersUrl,
            new { email = $"common-{Guid.NewGuid():N}@kreis.example", displayName = "Häufig", role = "viewer",
                password = "123qweasdzxc" }, Ct);
        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "password");
    }
}
