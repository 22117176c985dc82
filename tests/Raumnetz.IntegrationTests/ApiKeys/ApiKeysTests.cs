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
