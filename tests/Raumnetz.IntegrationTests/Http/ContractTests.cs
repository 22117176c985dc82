using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Raumnetz.Api.OpenApi;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Http;

/// <summary>
/// The committed document and the API agree: the guard that checks every response of the suite
/// (<see cref="ContractGuardHandler"/>) catches what it should, and the request schemas require exactly what the
/// body reader requires.
/// </summary>
public sealed class ContractTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");
    private static readonly MediaTypeHeaderValue ProblemType = new("application/problem+json");

    private static IReadOnlyList<string> Check(string method, string path, int status, MediaTypeHeaderValue? type, string body) =>
        ContractDocument.Instance.Check(method, path, status, type, Encoding.UTF8.GetBytes(body));

    [Fact]
    public void The_guard_reports_an_undocumented_status_naming_the_operation()
    {
        var violations = Check("GET", $"/api/v1/networks/{Guid.NewGuid()}", 418, ProblemType, """{"status":418}""");
        Assert.Contains(violations, v => v.Contains("GetNetwork (GET /api/v1/networks/{id})", StringComparison.Ordinal) && v.Contains("418 is not documented", StringComparison.Ordinal));
    }

    [Fact]
    public void The_guard_reports_a_body_that_does_not_match_the_schema_with_its_pointer()
    {
        var violations = Check("GET", "/api/v1/auth/me", 200, JsonType, """{"id":"x","email":5}""");
        Assert.Contains(violations, v => v.Contains("GetCurrentUser", StringComparison.Ordinal) && v.Contains("'/email'", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("Required properties", StringComparison.Ordinal));
        // A 409 without "errors" is a plain problem: documented as such.
        Assert.Empty(Check("DELETE", $"/api/v1/spaces/{Guid.NewGuid()}", 409, ProblemType, """{"title":"Conflict","status":409,"detail":"x"}"""));
    }

    [Fact]
    public void The_guard_reports_undocumented_paths_content_types_and_missing_bodies()
    {
        Assert.Contains("no operation in the document", Assert.Single(Check("GET", "/api/v1/nowhere", 404, ProblemType, "{}")), StringComparison.Ordinal);
        Assert.Contains("content type 'text/html'", Assert.Single(Check("GET", "/api/v1/auth/me", 200, new MediaTypeHeaderValue("text/html"), "<p>")), StringComparison.Ordinal);
        Assert.Contains("the body is empty", Assert.Single(Check("GET", "/api/v1/auth/me", 401, null, "")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_guard_admits_null_exactly_where_the_document_says_nullable()
    {
        // A nullable enum property (cadenceUnit) is { "allOf": [ref], "nullable": true }; a required enum (kind) is not nullable.
        var network = new JsonObject
        {
            ["id"] = Guid.NewGuid(), ["name"] = "Runde", ["kind"] = "workingGroup", ["status"] = "active", ["mandate"] = "m",
            ["mandatedBy"] = null, ["mandatedOn"] = null, ["legitimationNote"] = null, ["functions"] = new JsonArray(), ["goals"] = new JsonArray(),
            ["startedOn"] = null, ["endedOn"] = null, ["cadenceInterval"] = null, ["cadenceUnit"] = null, ["coordinatorActorId"] = null,
            ["coordinatorActorName"] = null, ["spaces"] = new JsonArray(), ["links"] = new JsonArray(), ["incomingLinks"] = new JsonArray(),
            ["memberCount"] = 0, ["version"] = 1, ["createdAt"] = "2026-01-01T00:00:00+00:00", ["updatedAt"] = "2026-01-01T00:00:00+00:00",
        };
        var path = $"/api/v1/networks/{Guid.NewGuid()}";
        Assert.Empty(Check("GET", path, 200, JsonType, network.ToJsonString()));
        network["kind"] = null;
        Assert.Contains(Check("GET", path, 200, JsonType, network.ToJsonString()), v => v.Contains("'/kind'", StringComparison.Ordinal));
        network["kind"] = "WorkingGroup";
        Assert.Contains(Check("GET", path, 200, JsonType, network.ToJsonString()), v => v.Contains("'/kind'", StringComparison.Ordinal));
    }

    /// <summary>
    /// For every object schema a request body uses, the document's "required" list is exactly the set of properties the
    /// body reader refuses to do without (StrictJson): what the document promises is what the server enforces.
    /// </summary>
    [Fact]
    public async Task Request_schemas_require_exactly_what_the_body_reader_requires()
    {
        var (document, operations) = await ApiDocument.LoadAsync(factory);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var names = new SortedSet<string>();
        void Collect(JsonElement node)
        {
            switch (node.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in node.EnumerateObject())
                    {
                        if (p.Name == "$ref" && p.Value.GetString()!.Split('/')[^1] is var name && names.Add(name)) Collect(schemas.GetProperty(name));
                        else Collect(p.Value);
                    }
                    break;
                case JsonValueKind.Array:
                    foreach (var e in node.EnumerateArray()) Collect(e);
                    break;
            }
        }
        foreach (var op in operations.Where(o => o.HasBody)) Collect(op.Operation.GetProperty("requestBody"));

        var types = new[] { typeof(Program).Assembly, typeof(Application.DependencyInjection).Assembly }.SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && !t.IsNested)
            .GroupBy(OpenApiSetup.SchemaId).ToDictionary(g => g.Key, g => g.ToList());
        var options = factory.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var failures = new List<string>();
        var compared = 0;
        foreach (var name in names)
        {
            var schema = schemas.GetProperty(name);
            if (!schema.TryGetProperty("properties", out _)) continue; // enums
            // A body the endpoint binds (IBodyOf<TCommand>) shares its schema name with the command it builds.
            if (types.TryGetValue(name, out var all) && all.Count > 1)
                all = all.Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Api.Http.IBodyOf<>))).ToList();
            var candidates = all;
            if (candidates is null || candidates.Count != 1)
            {
                failures.Add($"{name}: {candidates?.Count ?? 0} types with this schema name");
                continue;
            }
            var documented = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : [];
            var enforced = options.GetTypeInfo(candidates[0]).Properties.Where(p => p.IsRequired).Select(p => p.Name).ToHashSet();
            compared++;
            if (!documented.SetEquals(enforced))
                failures.Add($"{name}: the document requires [{string.Join(", ", documented.Order())}], the reader [{string.Join(", ", enforced.Order())}]");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(compared >= 15, $"only {compared} request schemas compared");
    }

    /// <summary>
    /// Sign-in is anonymous, and a browser may send a session cookie it still holds: sign-in needs no antiforgery header
    /// (it authenticates by its JSON body), so it answers 200 rather than an undocumented 403.
    /// </summary>
    [Fact]
    public async Task Sign_in_with_a_stale_session_cookie_and_no_antiforgery_header_gives_a_documented_answer()
    {
        var client = factory.Anonymous();
        var body = new { email = ApiFactory.AdminEmail, password = ApiFactory.AdminPassword };
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/login", body, Ct)).StatusCode);
        var again = await client.PostAsJsonAsync("/api/v1/auth/login", body, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task The_served_document_is_the_committed_one_the_guard_reads()
    {
        var served = await factory.UncheckedClient().GetStringAsync("/openapi/v1.json", Ct);
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "openapi", "raumnetz.v1.json"))) root = root.Parent!;
        var committed = await File.ReadAllTextAsync(Path.Combine(root.FullName, "openapi", "raumnetz.v1.json"), Ct);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(served), JsonNode.Parse(committed)),
            "The served document differs from openapi/raumnetz.v1.json: run build/gen-contract and commit both files.");
    }
}
