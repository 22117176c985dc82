using System.Net;
using System.Net.Http.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Auth;

/// <summary>Every request of a session checks the account again: a deactivated user is signed out, a new role applies at once.</summary>
public sealed class SessionCheckTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_deactivated_user_is_refused_at_the_next_request()
    {
        var client = await factory.SignedInAsAsync("viewer");
        var id = (await client.GetJsonAsync("/api/v1/auth/me")).Id();

        await factory.ExecuteAsync("UPDATE users SET is_active = @active WHERE id = @id", new { id, active = false });

        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/spaces", Ct), HttpStatusCode.Unauthorized);
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/auth/me", Ct), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_new_role_applies_at_the_next_request()
    {
        var client = await factory.SignedInAsAsync("viewer");
        var id = (await client.GetJsonAsync("/api/v1/auth/me")).Id();
        var refused = await client.PostAsJsonAsync("/api/v1/spaces", new { code = "ROLE-1", name = "Noch nicht", level = "district" }, Ct);
        await HttpAssert.ProblemAsync(refused, HttpStatusCode.Forbidden);

        await factory.ExecuteAsync("UPDATE users SET role = 'Editor' WHERE id = @id", new { id });

        Assert.Equal("editor", (await client.GetJsonAsync("/api/v1/auth/me")).Str("role"));
        Assert.Equal("ROLE-2", (await client.CreateSpaceAsync("ROLE-2", "Jetzt schon", "district")).Str("code"));
    }
}
