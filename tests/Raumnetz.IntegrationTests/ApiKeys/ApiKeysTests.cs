using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.ApiKeys;

public sealed class ApiKeysTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient WithKey(string key)
    {
        var client = factory.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private async Task<JsonElement> CreateKeyAsync(string name, string role)
    {
        var response = await (await factory.AdminAsync()).PostAsJsonAsync("/api/v1/api-keys", new { name, role }, Ct);
        var key = await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created);
        Assert.Equal($"/api/v1/api-keys/{key.Id()}", response.Headers.Location?.OriginalString);
        return key;
    }

    private async Task<List<JsonElement>> ListAsync() =>
        (await HttpAssert.OkAsync<JsonElement>(await (await factory.AdminAsync()).GetAsync("/api/v1/api-keys", Ct))).EnumerateArray()
            .ToList();

    [Fact]
    public async Task Create_returns_the_key_once_and_the_list_never_shows_it()
    {
        var created = await CreateKeyAsync("  Jobcenter Fachverfahren ", "analyst");
        var key = created.Str("key");
        Assert.StartsWith("rnz_", key);
        Assert.True(key.Length >= 40, key);
        Assert.Equal("Jobcenter Fachverfahren", created.Str("name"));
        Assert.Equal("analyst", created.Str("role"));

        var listResponse = await (await factory.AdminAsync()).GetAsync("/api/v1/api-keys", Ct);
        var raw = await listResponse.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(key, raw);
        Assert.DoesNotContain(key[4..], raw);
        var listed = (await ListAsync()).Single(k => k.Id() == created.Id());
        Assert.False(listed.TryGetProperty("key", out _));
        Assert.StartsWith(listed.Str("keyPrefix"), key, StringComparison.Ordinal);
        Assert.True(listed.Str("keyPrefix").Length < 16);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("revokedAt").ValueKind);
    }

    [Fact]
    public async Task Key_works_with_x_api_key_and_no_xsrf_header_and_notes_its_use()
    {
        var created = await CreateKeyAsync("Schulverwaltung", "editor");
        var client = WithKey(created.Str("key"));
        Assert.False(client.DefaultRequestHeaders.Contains("X-XSRF-TOKEN"));

        var space = await client.CreateSpaceAsync("KEY-1", "Per Schlüssel angelegt", "district");
        var me = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync("/api/v1/auth/me", Ct));

        Assert.Equal("KEY-1", space.Str("code"));
        Assert.Equal("editor", me.Str("role"));
        Assert.Equal("Schulverwaltung", me.Str("displayName"));
        var listed = (await ListAsync()).Single(k => k.Id() == created.Id());
        Assert.Equal(JsonValueKind.String, listed.GetProperty("lastUsedAt").ValueKind);
    }

    [Fact]
    public async Task Viewer_key_reads_but_cannot_write()
    {
        var client = WithKey((await CreateKeyAsync("Dashboard", "viewer")).Str("key"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/spaces", Ct)).StatusCode);
        var response = await client.PostAsJsonAsync("/api/v1/spaces", new { code = "KEY-RO", name = "Nein", level = "district" }, Ct);
        await HttpAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Revoked_key_is_401()
    {
        var created = await CreateKeyAsync("Wird widerrufen", "editor");
        var client = WithKey(created.Str("key"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/spaces", Ct)).StatusCode);

        var revoke = await (await factory.AdminAsync()).DeleteAsync($"/api/v1/api-keys/{created.Id()}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/spaces", Ct), HttpStatusCode.Unauthorized);
        var listed = (await ListAsync()).Single(k => k.Id() == created.Id());
        Assert.Equal(JsonValueKind.String, listed.GetProperty("revokedAt").ValueKind);
        // Revoking twice is harmless and keeps the first time.
        Assert.Equal(HttpStatusCode.NoContent,
            (await (await factory.AdminAsync()).DeleteAsync($"/api/v1/api-keys/{created.Id()}", Ct)).StatusCode);
        Assert.Equal(listed.Str("revokedAt"), (await ListAsync()).Single(k => k.Id() == created.Id()).Str("revokedAt"));
    }

    [Theory]
    [InlineData("rnz_unknownunknownunknownunknownunknownunkno")]
    [InlineData("not-even-the-prefix")]
    [InlineData("")]
    public async Task Unknown_key_is_401(string key)
    {
        await HttpAssert.ProblemAsync(await WithKey(key).GetAsync("/api/v1/spaces", Ct), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Overlong_key_is_401()
    {
        await HttpAssert.ProblemAsync(await WithKey("rnz_" + new string('a', 500)).GetAsync("/api/v1/spaces", Ct),
            HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_key_is_401_even_next_to_a_valid_session_cookie()
    {
        var client = await factory.SignedInAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/spaces", Ct)).StatusCode);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/spaces");
        request.Headers.Add("X-Api-Key", "rnz_forged");
        await HttpAssert.ProblemAsync(await client.SendAsync(request, Ct), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Non_admin_key_cannot_create_keys()
    {
        var client = WithKey((await CreateKeyAsync("Koordination", "coordinator")).Str("key"));
        var before = (await ListAsync()).Count;
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/api-keys", new { name = "Eskalation", role = "admin" }, Ct),
            HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/api-keys", Ct), HttpStatusCode.Forbidden);
        Assert.Equal(before, (await ListAsync()).Count);
    }

    [Fact]
    public async Task Admin_key_can_create_keys_without_xsrf()
    {
        var client = WithKey((await CreateKeyAsync("Automatisierung", "admin")).Str("key"));
        var response = await client.PostAsJsonAsync("/api/v1/api-keys", new { name = "Vom Schlüssel", role = "viewer" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<JsonElement> CreateKeyWithAsync(HttpClient by, string name, string role) =>
        await HttpAssert.OkAsync<JsonElement>(await by.PostAsJsonAsync("/api/v1/api-keys", new { name, role }, Ct), HttpStatusCode.Created);

    private async Task<HttpStatusCode> StatusWithKeyAsync(JsonElement created, string url) =>
        (await WithKey(created.Str("key")).GetAsync(url, Ct)).StatusCode;

    /// <summary>A second administrator, signed in, with its account id.</summary>
    private async Task<(HttpClient Client, Guid Id, string Name)> SecondAdministratorAsync()
    {
        var client = await factory.SignedInAsAsync("admin");
        var me = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync("/api/v1/auth/me", Ct));
        return (client, me.Id(), me.Str("displayName"));
    }

    [Fact]
    public async Task Admin_keys_end_with_their_creators_deactivation_down_the_chain_and_partner_keys_stay()
    {
        var (leaver, leaverId, leaverName) = await SecondAdministratorAsync();
        var automation = await CreateKeyWithAsync(leaver, "Automatisierung", "admin");
        var second = await CreateKeyWithAsync(WithKey(automation.Str("key")), "Zweite Stufe", "admin");
        var partnerOfKey = await CreateKeyWithAsync(WithKey(automation.Str("key")), "Fachverfahren", "editor");
        var partnerOfUser = await CreateKeyWithAsync(leaver, "Open-Data-Portal", "analyst");
        var listed = (await ListAsync()).ToDictionary(k => k.Id());
        (string, string) Creator(JsonElement key) => (listed[key.Id()].Str("createdBy"), listed[key.Id()].Str("createdByName"));
        Assert.Equal(($"user:{leaverId}", leaverName), Creator(automation));
        Assert.Equal(($"key:{automation.Id()}", "Automatisierung"), Creator(second));
        Assert.Equal(HttpStatusCode.OK, await StatusWithKeyAsync(second, "/api/v1/users"));

        var admin = await factory.AdminAsync();
        await HttpAssert.OkAsync<JsonElement>(await admin.PostAsync($"/api/v1/users/{leaverId}/deactivate", null, Ct));

        // at once (the same instance): both admin keys are refused, the partner systems' keys go on working
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithKeyAsync(automation, "/api/v1/users"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithKeyAsync(second, "/api/v1/users"));
        Assert.Equal(HttpStatusCode.OK, await StatusWithKeyAsync(partnerOfKey, "/api/v1/spaces"));
        Assert.Equal(HttpStatusCode.OK, await StatusWithKeyAsync(partnerOfUser, "/api/v1/spaces"));
        listed = (await ListAsync()).ToDictionary(k => k.Id());
        JsonValueKind Revoked(JsonElement key) => listed[key.Id()].GetProperty("revokedAt").ValueKind;
        Assert.All(new[] { automation, second }, k => Assert.Equal(JsonValueKind.String, Revoked(k)));
        Assert.All(new[] { partnerOfKey, partnerOfUser }, k => Assert.Equal(JsonValueKind.Null, Revoked(k)));

        // reactivating the account does not bring its admin keys back
        await HttpAssert.OkAsync<JsonElement>(await admin.PostAsync($"/api/v1/users/{leaverId}/reactivate", null, Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithKeyAsync(automation, "/api/v1/users"));
    }

    [Fact]
    public async Task An_administrator_given_another_role_loses_the_admin_keys_they_created_and_keeps_nothing_else_changed()
    {
        var (former, formerId, _) = await SecondAdministratorAsync();
        var automation = await CreateKeyWithAsync(former, "Kontenabgleich", "admin");
        var partner = await CreateKeyWithAsync(former, "Planungswerkzeug", "viewer");
        var admin = await factory.AdminAsync();
        var user = await admin.GetAsync($"/api/v1/users/{formerId}", Ct);
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/users/{formerId}")
        {
            Content = JsonContent.Create(new { displayName = "Ehemals Admin", role = "editor" }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", user.Headers.ETag!.Tag);
        await HttpAssert.OkAsync<JsonElement>(await admin.SendAsync(request, Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithKeyAsync(automation, "/api/v1/users"));
        Assert.Equal(HttpStatusCode.OK, await StatusWithKeyAsync(partner, "/api/v1/spaces"));
    }

    [Fact]
    public async Task Revoking_an_admin_key_revokes_the_admin_keys_it_created_but_not_its_partner_keys()
    {
        var automation = await CreateKeyAsync("Provisionierung", "admin");
        var child = await CreateKeyWithAsync(WithKey(automation.Str("key")), "Unterschlüssel", "admin");
        var partner = await CreateKeyWithAsync(WithKey(automation.Str("key")), "Schulverwaltung", "viewer");
        var admin = await factory.AdminAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/api-keys/{automation.Id()}", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithKeyAsync(child, "/api/v1/users"));
        Assert.Equal(HttpStatusCode.OK, await StatusWithKeyAsync(partner, "/api/v1/spaces"));
    }

    [Fact]
    public async Task Revoking_an_unknown_key_is_404()
    {
        await HttpAssert.ProblemAsync(await (await factory.AdminAsync()).DeleteAsync($"/api/v1/api-keys/{Guid.NewGuid()}", Ct),
            HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"name":"","role":"viewer"}""", "name")]
    [InlineData("""{"name":"X","role":"superuser"}""", "role")]
    [InlineData("""{"name":"X"}""", "role")]
    [InlineData("""{"name":"X","role":"viewer,analyst"}""", "role")] // not Viewer | Analyst = Editor
    [InlineData("""{"name":"X","role":"viewer, admin"}""", "role")]
    public async Task Invalid_key_requests_are_400(string json, string field)
    {
        var before = (await ListAsync()).Count;
        await HttpAssert.ProblemAsync(await (await factory.AdminAsync()).PostAsync("/api/v1/api-keys", TestData.RawJson(json), Ct),
            HttpStatusCode.BadRequest, field);
        Assert.Equal(before, (await ListAsync()).Count);
    }
}
