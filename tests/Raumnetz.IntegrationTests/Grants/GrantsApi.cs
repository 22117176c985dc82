using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Users.AccountApi;

namespace Raumnetz.IntegrationTests.Grants;

/// <summary>Shared steps of the grant tests: a reading user or API key holding scoped grants.</summary>
public static class GrantsApi
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static object NetworkGrant(Guid networkId, string role = "coordinator") => new { role, scope = "network", targetId = networkId };

    public static object SpaceGrant(Guid spaceId, string role = "editor") => new { role, scope = "space", targetId = spaceId };

    /// <summary>Gives the account the grants (PUT /users/{id} with its current name and role) and returns the answer.</summary>
    public static async Task<JsonElement> SetGrantsAsync(ApiFactory factory, Guid userId, string role, params object[] grants)
    {
        var admin = await factory.AdminAsync();
        var response = await admin.PutIfMatchAsync($"{UsersUrl}/{userId}", new { displayName = "Konto Test", role, grants });
        return await HttpAssert.OkAsync<JsonElement>(response);
    }

    /// <summary>A signed-in viewer holding the grants.</summary>
    public static async Task<(HttpClient Client, Guid Id)> ScopedUserAsync(ApiFactory factory, params object[] grants)
    {
        var (id, email) = await CreateUserAsync(factory, "viewer");
        await SetGrantsAsync(factory, id, "viewer", grants);
        return (await factory.SignedInAsync(email, Password), id);
    }

    /// <summary>A client with a new viewer API key holding the grants.</summary>
    public static async Task<HttpClient> ScopedKeyAsync(ApiFactory factory, params object[] grants)
    {
        var admin = await factory.AdminAsync();
        var key = await HttpAssert.OkAsync<JsonElement>(
            await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "Partner Werder", role = "viewer", grants }, Ct),
            HttpStatusCode.Created);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Str("key"));
        return client;
    }

    /// <summary>Asserts a 403 problem that names the scope as the reason.</summary>
    public static async Task ForbiddenAsync(HttpResponseMessage response)
    {
        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }
}
