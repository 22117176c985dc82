using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Auth;

/// <summary>One signed-in client per role, made once for the class.</summary>
public sealed class RolesFixture : ApiFactory, IAsyncLifetime
{
    public static readonly string[] Roles = ["viewer", "analyst", "editor", "coordinator", "admin"];
    public Dictionary<string, HttpClient> Clients { get; } = [];

    public async ValueTask InitializeAsync()
    {
        foreach (var role in Roles)
            Clients[role] = role == "admin" ? await AdminAsync() : await SignedInAsAsync(role);
    }
}

public sealed class AuthorizationTests(RolesFixture factory) : IClassFixture<RolesFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Only sign-in is anonymous (an empty security requirement). The calendar feed authenticates by its secret token
    // in the URL (calendar programs cannot sign in), a session or an API key; without any of them it is 401.
    private static readonly string[] AnonymousOperations = ["Login", "GetSignInOptions", "StartOidcSignIn"];

    /// <summary>Sign-out operations: every role may call them, and calling them would end the role's test session.</summary>
    private static readonly string[] SignOuts = ["Logout", "LogoutEverywhere"];

    /// <summary>
    /// Reads that need the write role: one hands out a secret, two show individual ratings (who rated what), which viewers
    /// and analysts read only through the protected summary (small-number protection).
    /// </summary>
    private static readonly string[] WritingReads = ["GetNetworkCalendarToken", "ListAssessments", "GetAssessment"];

    /// <summary>Writes to the caller's own account (own password, own sessions, own preferences): every role may make them.</summary>
    private static readonly string[] OwnAccount = ["ChangePassword", "EndSession", "SaveMyPreferences"];

    private static readonly string[] AdminRoutes = ["/api/v1/users", "/api/v1/api-keys", "/api/v1/audit", "/api/v1/privacy", "/api/v1/webhooks"];

    private static bool IsAdminRoute(ApiOperation op) => AdminRoutes.Any(p => op.Path.StartsWith(p, StringComparison.Ordinal));

    /// <summary>What a role may do with an operation: admin routes only admins; reads (and signing out) every role; writes editors and up.</summary>
    private static bool Allowed(string role, ApiOperation op) =>
        IsAdminRoute(op) ? role == "admin"
        : (op.IsRead && !WritingReads.Contains(op.Id)) || SignOuts.Contains(op.Id) || OwnAccount.Contains(op.Id) || role is "editor" or "coordinator" or "admin";

    /// <summary>A request that changes nothing when allowed: random ids (404) and an empty object as body (400).</summary>
    private static HttpRequestMessage Harmless(ApiOperation op)
    {
        var request = new HttpRequestMessage(new HttpMethod(op.Method), op.Url(Guid.NewGuid().ToString()));
        if (op.HasBody) request.Content = TestData.RawJson("{}");
        return request;
    }

    [Fact]
    public async Task Every_operation_declares_its_security_and_all_but_login_require_authentication()
    {
        var (_, operations) = await ApiDocument.LoadAsync(factory);
        Assert.All(operations, o => Assert.True(o.Operation.TryGetProperty("security", out var s) && s.GetArrayLength() > 0, $"{o}: no security"));
        Assert.Equal(AnonymousOperations, operations.Where(o => !o.RequiresAuth).Select(o => o.Id));
        Assert.Equal(["feedToken", "apiKey", "session"], operations.Single(o => o.Id == "GetNetworkCalendar").SecuritySchemes);
        Assert.All(operations.Where(o => o.Id != "GetNetworkCalendar" && o.RequiresAuth), o => Assert.Equal(["apiKey", "session", "oidcBearer"], o.SecuritySchemes));
    }

    [Fact]
    public async Task Anonymous_requests_get_401_problem_on_every_api_route()
    {
        var (_, operations) = await ApiDocument.LoadAsync(factory);
        var client = factory.Anonymous();
        foreach (var op in operations.Where(o => !AnonymousOperations.Contains(o.Id)))
        {
            var response = await client.SendAsync(Harmless(op), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{op}: {(int)response.StatusCode}");
            await HttpAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
        }
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    public async Task Health_and_the_document_are_anonymous(string url)
    {
        // Not API operations: outside the document.
        var response = await factory.UncheckedClient().GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(0, (await response.Content.ReadAsStringAsync(Ct)).Length);
    }

    [Fact]
    public async Task Unknown_api_route_is_404_problem_not_the_spa()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/nothing-here").OutsideTheDocument();
        await HttpAssert.ProblemAsync(await factory.Clients["viewer"].SendAsync(request, Ct), HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(RoleNames))]
    public async Task Each_role_gets_exactly_the_operations_it_may_use(string role)
    {
        var (_, operations) = await ApiDocument.LoadAsync(factory);
        var client = factory.Clients[role];
        var failures = new List<string>();
        foreach (var op in operations.Where(o => !AnonymousOperations.Contains(o.Id) && !SignOuts.Contains(o.Id)))
        {
            var response = await client.SendAsync(Harmless(op), Ct);
            var status = (int)response.StatusCode;
            if (Allowed(role, op) ? status is 401 or 403 or >= 500 : status != 403)
                failures.Add($"{op}: {status} {await response.Content.ReadAsStringAsync(Ct)}");
        }
        Assert.True(failures.Count == 0, $"{role}:\n" + string.Join("\n", failures));
    }

    public static TheoryData<string> RoleNames => new(RolesFixture.Roles);

    [Theory]
    [InlineData("viewer")]
    [InlineData("analyst")]
    public async Task Readers_can_read_spaces_but_not_create_them(string role)
    {
        var client = factory.Clients[role];
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/spaces", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/spaces/tree", Ct)).StatusCode);
        var response = await client.PostAsJsonAsync("/api/v1/spaces", new { code = $"RO-{role}", name = "Nur lesen", level = "district" }, Ct);
        await HttpAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.DoesNotContain(await factory.Clients["admin"].AllSpacesAsync(), s => s.Str("code") == $"RO-{role}");
    }

    [Theory]
    [InlineData("editor")]
    [InlineData("coordinator")]
    public async Task Editors_and_coordinators_write_spaces(string role)
    {
        var client = factory.Clients[role];
        var space = await client.CreateSpaceAsync($"RW-{role}", "Schreiben", "district");
        var update = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/spaces/{space.Id()}", new { code = $"RW-{role}", name = "Geschrieben", level = "district" }, ("If-Match", "\"1\""));
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteIfMatchAsync($"/api/v1/spaces/{space.Id()}", "\"2\"")).StatusCode);
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("analyst")]
    [InlineData("editor")]
    [InlineData("coordinator")]
    public async Task Only_admins_manage_users_and_keys(string role)
    {
        var client = factory.Clients[role];
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/users", Ct), HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/api-keys", Ct), HttpStatusCode.Forbidden);
        var user = await client.PostAsJsonAsync("/api/v1/users", new { email = $"x-{role}@test.local", displayName = "X", role = "admin", password = "a-long-password-1" }, Ct);
        await HttpAssert.ProblemAsync(user, HttpStatusCode.Forbidden);
        var key = await client.PostAsJsonAsync("/api/v1/api-keys", new { name = "X", role = "admin" }, Ct);
        await HttpAssert.ProblemAsync(key, HttpStatusCode.Forbidden);

        var admin = factory.Clients["admin"];
        var users = await HttpAssert.OkAsync<JsonElement>(await admin.GetAsync("/api/v1/users", Ct));
        Assert.DoesNotContain(users.EnumerateArray(), u => u.Str("email") == $"x-{role}@test.local");
    }
}
