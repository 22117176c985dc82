using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Raumnetz.IntegrationTests.Infrastructure;

/// <summary>
/// The real API in-process over a fresh database of its own: a new SQLite file per factory, or a new database
/// on the PostgreSQL/SQL Server test server for <see cref="TestDatabase"/>s of those providers.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "admin-password-123";

    /// <summary>A fresh database of the provider this run is for (RAUMNETZ_TEST_PROVIDER, default Sqlite).</summary>
    public ApiFactory() : this(TestDatabase.Create(TestDatabase.CurrentProvider)) { }

    protected ApiFactory(TestDatabase database, TimeProvider? clock = null)
    {
        Database = database;
        this.clock = clock;
    }

    /// <summary>
    /// A factory over a fresh database of the given provider (for tests that run on every configured provider), or over a
    /// shared one (a second instance); with <paramref name="clock"/>, the API runs on that clock.
    /// </summary>
    public static ApiFactory For(TestDatabase database, TimeProvider? clock = null) => new(database, clock);

    private readonly TimeProvider? clock;

    public TestDatabase Database { get; }

    /// <summary>Extra configuration for a test class (for example demo data on).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(c =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["Database:Provider"] = Database.Provider,
                ["ConnectionStrings:Raumnetz"] = Database.ConnectionString,
                ["Raumnetz:Admin:Email"] = AdminEmail,
                ["Raumnetz:Admin:Password"] = AdminPassword,
                ["Raumnetz:DemoData"] = "false",
                ["Database:MaxRetryAttempts"] = "1",
                // Every test client shares one address; LoginTests checks the limit with a low value of its own.
                ["Raumnetz:LoginAttemptsPerMinute"] = "1000",
                // Request quotas stay on (their headers are on every response) but out of reach; QuotaTests sets low ones.
                ["Raumnetz:RateLimits:PerUserPerMinute"] = "1000000",
                ["Raumnetz:RateLimits:PerKeyPerMinute"] = "1000000",
                ["Raumnetz:RateLimits:AnonymousPerMinute"] = "1000000",
            };
            foreach (var (k, v) in Settings) settings[k] = v;
            c.AddInMemoryCollection(settings);
        });
        if (clock is not null) builder.ConfigureTestServices(s => s.AddSingleton(clock));
    }

    /// <summary>
    /// A client whose every response is checked against the committed OpenAPI document (<see cref="ContractGuardHandler"/>);
    /// hides <see cref="WebApplicationFactory{TEntryPoint}.CreateClient(WebApplicationFactoryClientOptions)"/> so that
    /// every test client is checked.
    /// </summary>
    public new HttpClient CreateClient(WebApplicationFactoryClientOptions options) => Client(options, checkContract: true);

    /// <inheritdoc cref="CreateClient(WebApplicationFactoryClientOptions)"/>
    public new HttpClient CreateClient() => CreateClient(new WebApplicationFactoryClientOptions());

    /// <summary>
    /// A client whose responses are not checked against the document: only for tests that call paths the document
    /// deliberately does not describe (the SPA fallback, static files, the document itself).
    /// </summary>
    public HttpClient UncheckedClient(WebApplicationFactoryClientOptions? options = null) => Client(options ?? new WebApplicationFactoryClientOptions(), checkContract: false);

    private HttpClient Client(WebApplicationFactoryClientOptions options, bool checkContract)
    {
        var handlers = new List<DelegatingHandler>();
        if (options.AllowAutoRedirect) handlers.Add(new RedirectHandler(options.MaxAutomaticRedirections));
        if (options.HandleCookies) handlers.Add(new CookieContainerHandler());
        if (checkContract) handlers.Add(new ContractGuardHandler());
        return CreateDefaultClient(options.BaseAddress, [.. handlers]);
    }

    /// <summary>A client without credentials that keeps cookies (like a browser).</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });

    /// <summary>
    /// A client (keeping cookies) whose connections the API sees coming from <paramref name="remoteAddress"/>: a client
    /// on the network, or a reverse proxy that then sends X-Forwarded-* headers. <paramref name="baseAddress"/> gives
    /// the scheme and the Host header of its requests.
    /// </summary>
    public HttpClient ClientFrom(string remoteAddress, string baseAddress = "http://localhost")
    {
        var address = System.Net.IPAddress.Parse(remoteAddress);
        var server = Server.CreateHandler(c => c.Connection.RemoteIpAddress = address);
        return new HttpClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(new CookieContainer()) { InnerHandler = server })
        {
            BaseAddress = new Uri(baseAddress),
        };
    }

    /// <summary>A client signed in with a session cookie that sends the X-XSRF-TOKEN header on every request.</summary>
    public async Task<HttpClient> SignedInAsync(string email = AdminEmail, string password = AdminPassword)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xsrf = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).First(c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal));
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", Uri.UnescapeDataString(xsrf["XSRF-TOKEN=".Length..]));
        return client;
    }

    private readonly SemaphoreSlim adminLock = new(1, 1);
    private HttpClient? admin;

    /// <summary>
    /// One signed-in administrator client per factory, reused to set up users and keys (sign-ins count against the
    /// login rate limit of 20 a minute, and a test class shares one factory). Do not sign it out.
    /// </summary>
    public async Task<HttpClient> AdminAsync()
    {
        await adminLock.WaitAsync();
        try
        {
            return admin ??= await SignedInAsync();
        }
        finally
        {
            adminLock.Release();
        }
    }

    /// <summary>Creates a user with the role and returns a signed-in client for it.</summary>
    public async Task<HttpClient> SignedInAsAsync(string role)
    {
        var admin = await AdminAsync();
        var email = $"{role}-{Guid.NewGuid():N}@test.local";
        var response = await admin.PostAsJsonAsync("/api/v1/users", new { email, displayName = $"Test {role}", role, password = "a-long-password-1" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await SignedInAsync(email, "a-long-password-1");
    }

    /// <summary>Creates an API key with the role and returns a client that sends it (and no cookie).</summary>
    public async Task<(HttpClient Client, Guid KeyId)> ApiKeyClientAsync(string role)
    {
        var admin = await AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = $"Partner {role}", role });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var key = await response.Content.ReadFromJsonAsync<JsonElement>(Json.Options);
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", key.GetProperty("key").GetString());
        return (client, key.GetProperty("id").GetGuid());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            admin?.Dispose();
            adminLock.Dispose();
            Database.Dispose();
        }
    }
}

public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}

public static class HttpAssert
{
    /// <summary>Asserts a problem+json response with the status and, where given, an error for each named field.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, params string[] fields)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        foreach (var field in fields)
            Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"No error for '{field}' in {body}");
        return problem;
    }

    public static async Task<T> OkAsync<T>(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json.Options)!;
    }

    public static HttpRequestMessage WithIfMatch(this HttpRequestMessage request, string etag)
    {
        request.Headers.IfMatch.Add(etag == "*" ? EntityTagHeaderValue.Any : EntityTagHeaderValue.Parse(etag));
        return request;
    }
}

/// <summary>The API over a fresh PostgreSQL database whatever the run's provider, for tests of PostgreSQL's own behaviour.</summary>
public sealed class PostgresApiFactory() : ApiFactory(TestDatabase.Postgres());
