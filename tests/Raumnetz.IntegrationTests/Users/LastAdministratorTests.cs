using System.Net;
using System.Net.Http.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Users.AccountApi;

namespace Raumnetz.IntegrationTests.Users;

/// <summary>The last active administrator can be neither demoted nor deactivated, also when two administrators race.</summary>
public sealed class LastAdministratorTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_last_active_administrator_cannot_be_demoted_or_deactivated_even_by_two_racing_administrators()
    {
        var admin = await factory.AdminAsync();
        var me = (await HttpAssert.OkAsync<System.Text.Json.JsonElement>(await admin.GetAsync("/api/v1/auth/me", Ct))).Id();
        await HttpAssert.ProblemAsync(await admin.PutIfMatchAsync($"{UsersUrl}/{me}", new { displayName = "Admin", role = "editor" }),
            HttpStatusCode.Conflict, "role");
        await HttpAssert.ProblemAsync(await admin.PostAsync($"{UsersUrl}/{me}/deactivate", null, Ct), HttpStatusCode.Conflict, "isActive");
        Assert.Equal(HttpStatusCode.OK, await MeAsync(admin));

        // A second administrator: now either may step down, but not both at once.
        var (second, email) = await CreateUserAsync(factory, "admin");
        using var secondClient = (await SignInAsync(factory, email)).Client(factory);
        var results = await Task.WhenAll(
            admin.PutIfMatchAsync($"{UsersUrl}/{second}", new { displayName = "Zweite", role = "editor" }),
            secondClient.SendJsonAsync(HttpMethod.Put, $"{UsersUrl}/{me}", new { displayName = "Admin", role = "editor" },
                ("If-Match", "*")));
        var statuses = results.Select(r => r.StatusCode).ToList();
        var bodies = string.Join("\n", await Task.WhenAll(results.Select(r => r.Content.ReadAsStringAsync(Ct))));
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) == 1, $"{string.Join(", ", statuses)}\n{bodies}");
        // The loser gets 409, or 401 when the winner demoted it first (its sessions ended with its role).
        Assert.Equal(1, statuses.Count(s => s is HttpStatusCode.Conflict or HttpStatusCode.Unauthorized));

        var users = (await HttpAssert.OkAsync<System.Text.Json.JsonElement>(await (results[0].IsSuccessStatusCode ? admin : secondClient)
            .GetAsync(UsersUrl, Ct))).EnumerateArray().ToList();
        Assert.Single(users, u => u.Str("role") == "admin" && u.GetProperty("isActive").GetBoolean());
    }
}
