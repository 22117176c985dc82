using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Auth;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Users;

/// <summary>Shared steps of the account tests: a user of a role with a known password, and what a cookie may still do.</summary>
public static class AccountApi
{
    public const string UsersUrl = "/api/v1/users";
    public const string Password = "Sommerwiese-am-Deich-7";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Creates a user with the role; returns its id and e-mail address.</summary>
    public static async Task<(Guid Id, string Email)> CreateUserAsync(ApiFactory factory, string role = "editor",
        string password = Password)
    {
        var admin = await factory.AdminAsync();
        var email = $"konto-{Guid.NewGuid():N}@kreis.example";
        var user = await HttpAssert.OkAsync<JsonElement>(await admin.PostAsJsonAsync(UsersUrl,
            new { email, displayName = "Konto Test", role, password }, Ct), HttpStatusCode.Created);
        return (user.Id(), email);
    }

    /// <summary>The status /auth/me answers a client with (200 while its session is open, 401 after).</summary>
    public static async Task<HttpStatusCode> MeAsync(HttpClient client) => (await client.GetAsync("/api/v1/auth/me", Ct)).StatusCode;

    /// <summary>Signs in and returns the session as a copy of its cookie.</summary>
    public static Task<CopiedSession> SignInAsync(ApiFactory factory, string email, string password = Password) =>
        CopiedSession.SignInAsync(factory, email, password);

    /// <summary>The status of a sign-in attempt (and its body, for comparing failures).</summary>
    public static async Task<(HttpStatusCode Status, string Body)> TryLoginAsync(ApiFactory factory, string email, string password)
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password }, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
