using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Audit.AuditApi;
using static Raumnetz.IntegrationTests.Users.AccountApi;

namespace Raumnetz.IntegrationTests.Audit;

/// <summary>Sign-ins, failed sign-ins, sign-outs, role changes and API keys in the audit trail, never with a secret.</summary>
public sealed class AccountAuditTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<long> CountInTrailAsync(string text) =>
        factory.ScalarAsync<long>("SELECT COUNT(*) FROM audit_entries WHERE changes LIKE @p OR entity_id LIKE @p OR principal LIKE @p",
            new { p = "%" + text + "%" });

    [Fact]
    public async Task Sign_ins_failed_sign_ins_and_sign_outs_are_recorded_without_the_password()
    {
        var admin = await factory.AdminAsync();
        var (id, email) = await CreateUserAsync(factory);
        const string wrong = "Falsches-Kennwort-991";
        Assert.Equal(HttpStatusCode.Unauthorized, (await TryLoginAsync(factory, email, wrong)).Status);
        var unknown = $"niemand-{Guid.NewGuid():N}@kreis.example";
        Assert.Equal(HttpStatusCode.Unauthorized, (await TryLoginAsync(factory, unknown, wrong)).Status);
        using var client = await factory.SignedInAsync(email, Password);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/auth/logout", null, Ct)).StatusCode);

        var entries = await AboutAsync(admin, id);
        Assert.Equal(["signOut", "signIn", "signInFailed", "create"], entries.Select(e => e.Str("action")));
        Assert.Equal($"user:{id}", entries[0].Str("principal"));
        Assert.Equal($"user:{id}", entries[1].Str("principal"));
        Assert.Equal("anonymous", entries[2].Str("principal"));
        Assert.Equal((null, email), entries[2].Change("email"));
        var failedUnknown = (await EntriesAsync(admin, "entityType=user")).Where(e => e.Str("action") == "signInFailed"
            && e.GetProperty("changes").GetRawText().Contains(unknown, StringComparison.Ordinal)).ToList();
        Assert.Equal(JsonValueKind.Null, Assert.Single(failedUnknown).GetProperty("entityId").ValueKind);
        Assert.Equal(0, await CountInTrailAsync(wrong));
        Assert.Equal(0, await CountInTrailAsync(Password));
    }

    [Fact]
    public async Task Role_changes_deactivation_and_new_passwords_are_recorded_without_hashes()
    {
        var admin = await factory.AdminAsync();
        var (id, _) = await CreateUserAsync(factory);
        var tag = (await admin.GetAsync($"{UsersUrl}/{id}", Ct)).Headers.ETag!.Tag;
        await HttpAssert.OkAsync<JsonElement>(await admin.PutIfMatchAsync($"{UsersUrl}/{id}", new { displayName = "Konto Test",
            role = "coordinator" }, tag));
        await HttpAssert.OkAsync<JsonElement>(await admin.PostAsync($"{UsersUrl}/{id}/deactivate", null, Ct));
        const string oneTime = "Einmal-Kennwort-4711-x";
        await HttpAssert.OkAsync<JsonElement>(await admin.PostAsJsonAsync($"{UsersUrl}/{id}/password", new { password = oneTime }, Ct));

        Assert.Equal(("editor", "coordinator"), (await EntryAsync(admin, id, "update")).Change("role"));
        Assert.Equal(("true", "false"), (await EntryAsync(admin, id, "deactivate")).Change("isActive"));
        var setPassword = await EntryAsync(admin, id, "setPassword");
        Assert.Equal(("false", "true"), setPassword.Change("mustChangePassword"));
        Assert.DoesNotContain(setPassword.Fields(), f => f.Contains("password", StringComparison.OrdinalIgnoreCase)
            && f != "mustChangePassword");
        Assert.Equal(0, await CountInTrailAsync(oneTime));
        var hash = await factory.ScalarAsync<string>("SELECT password_hash FROM users WHERE id = @id", new { id });
        Assert.Equal(0, await CountInTrailAsync(hash[^20..]));
    }

    [Fact]
    public async Task Api_keys_are_recorded_at_creation_and_revocation_without_the_key()
    {
        var admin = await factory.AdminAsync();
        var created = await HttpAssert.OkAsync<JsonElement>(await admin.PostAsJsonAsync("/api/v1/api-keys",
            new { name = "Fachverfahren Jugendhilfe", role = "viewer" }, Ct), HttpStatusCode.Created);
        var id = created.Id();
        var key = created.Str("key");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteIfMatchAsync($"/api/v1/api-keys/{id}")).StatusCode);

        var entries = await AboutAsync(admin, id);
        Assert.Equal(["revoke", "create"], entries.Select(e => e.Str("action")));
        Assert.All(entries, e => Assert.Equal("apiKey", e.Str("entityType")));
        Assert.Equal((null, "Fachverfahren Jugendhilfe"), entries[1].Change("name"));
        Assert.Null(entries[0].Change("revokedAt").Old);
        Assert.All(entries, e => Assert.DoesNotContain(e.Fields(), f => f.StartsWith("key", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(0, await CountInTrailAsync(key));
        Assert.Equal(0, await CountInTrailAsync(key[..12]));
    }
}
