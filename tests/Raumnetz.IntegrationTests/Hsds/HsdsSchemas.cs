extern alias JsonSchemaNet;
using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using JsonSchemaNet::Json.Schema;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Hsds;

/// <summary>
/// The compiled HSDS 3.0 schemas (Schemas/, copied from the specification) and JsonSchema.Net, which checks every /hsds/
/// response against them, formats included (uuid, uri, email, date-time). /hsds/ is outside the product's document, so the
/// requests are marked <see cref="ContractGuardExtensions.OutsideTheDocument"/> and checked here instead.
/// </summary>
public static class HsdsSchemas
{
    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "Hsds", "Schemas");
    private static readonly ConcurrentDictionary<string, JsonSchema> Cache = new();
    private static readonly Lazy<SchemaRegistry> Registry = new(CreateRegistry);
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>Draft 2020-12 that passes over the schemas' own keywords (name, core, constraints, datapackage_metadata, ...).</summary>
    private static readonly Dialect Hsds = Dialect.Draft202012.With([], new Uri("https://hsds.test/dialect"), null, true);

    private static BuildOptions Options(SchemaRegistry registry) => new() { SchemaRegistry = registry, Dialect = Hsds };

    /// <summary>taxonomy and taxonomy_term (which refers to taxonomy.json and metadata.json) in a registry of their own.</summary>
    private static SchemaRegistry CreateRegistry()
    {
        var registry = new SchemaRegistry();
        foreach (var name in new[] { "metadata", "taxonomy", "taxonomy_term" })
            Cache[name] = JsonSchema.FromText(File.ReadAllText(Path.Combine(Directory, $"plain_{name}.json")), Options(registry),
                new Uri($"https://hsds.test/{name}.json"));
        return registry;
    }

    /// <summary>service, service_list, organization, organization_list, service_at_location, service_at_location_list,
    /// taxonomy or taxonomy_term.</summary>
    private static JsonSchema Schema(string name)
    {
        _ = Registry.Value;
        return Cache.GetOrAdd(name, n => JsonSchema.FromText(File.ReadAllText(Path.Combine(Directory, $"{n}.json")),
            Options(new SchemaRegistry()), new Uri($"https://hsds.test/compiled/{n}.json")));
    }

    private static readonly Lazy<JsonSchema> Page = new(() =>
    {
        var openapi = JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, "openapi.json")))!;
        var page = openapi["components"]!["schemas"]!["Page"]!.DeepClone().AsObject();
        page["required"] = new JsonArray("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty",
            "contents");
        page["properties"]!["contents"] = new JsonObject { ["type"] = "array" };
        return JsonSchema.FromText(page.ToJsonString());
    });

    /// <summary>
    /// The compiled service schema with the Raumnetz profile's patches (openapi/hsds/profile, RFC 7386) merged in where each
    /// object sits: the service, its funding, its service_at_locations, their location and its accessibility.
    /// </summary>
    private static readonly Lazy<JsonSchema> ProfiledService = new(() =>
    {
        var profile = Path.Combine(RepositoryRoot(), "openapi", "hsds", "profile");
        JsonNode Patch(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(profile, file)))!;
        var service = JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, "service.json")))!;
        Merge(service, Patch("service.json"));
        Merge(service["properties"]!["funding"]!["items"]!, Patch("funding.json"));
        var sal = service["properties"]!["service_at_locations"]!["items"]!;
        Merge(sal, Patch("service_at_location.json"));
        var location = sal["properties"]!["location"]!;
        Merge(location, Patch("location.json"));
        Merge(location["properties"]!["accessibility"]!["items"]!, Patch("accessibility.json"));
        return JsonSchema.FromText(service.ToJsonString(), Options(new SchemaRegistry()),
            new Uri("https://hsds.test/profiled/service.json"));
    });

    private static void Merge(JsonNode target, JsonNode patch)
    {
        foreach (var (key, value) in patch.AsObject())
        {
            if (value is null) target.AsObject().Remove(key);
            else if (value is JsonObject && target[key] is JsonObject) Merge(target[key]!, value);
            else target[key] = value.DeepClone();
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.Directory.Exists(Path.Combine(dir.FullName, "openapi", "hsds", "profile"))) return dir.FullName;
        throw new InvalidOperationException("openapi/hsds/profile not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Every way a full service departs from HSDS with the Raumnetz profile; empty when it conforms.</summary>
    public static IReadOnlyList<string> CheckProfiled(JsonNode service)
    {
        var result = ProfiledService.Value.Evaluate(JsonDocument.Parse(service.ToJsonString()).RootElement, Evaluation);
        if (result.IsValid) return [];
        return (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"profile: at '{d.InstanceLocation}' ({d.EvaluationPath}): {e.Value}")).ToList();
    }

    /// <summary>Every way <paramref name="instance"/> departs from the schema <paramref name="name"/>; empty when it conforms.</summary>
    public static IReadOnlyList<string> Check(string name, JsonNode instance)
    {
        var schema = name == "page" ? Page.Value : Schema(name);
        var result = schema.Evaluate(JsonDocument.Parse(instance.ToJsonString()).RootElement, Evaluation);
        if (result.IsValid) return [];
        return (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{name}: at '{d.InstanceLocation}' ({d.EvaluationPath}): {e.Value}")).ToList();
    }

    public static void AssertValid(string name, JsonNode instance)
    {
        var errors = Check(name, instance);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)) + "\n" + instance.ToJsonString()[..Math.Min(2000,
            instance.ToJsonString().Length)]);
    }

    /// <summary>The schema a response of <paramref name="path"/> (without query) must satisfy: a page of items, or one object.</summary>
    public static (string Schema, bool IsPage) SchemaOf(string path, bool full)
    {
        var segments = path.Split('?')[0].Trim('/').Split('/');
        var (collection, single) = (segments.Length > 1 ? segments[1] : "", segments.Length > 2);
        return collection switch
        {
            "services" => single ? ("service", false) : (full ? "service" : "service_list", true),
            "organizations" => single ? ("organization", false) : (full ? "organization" : "organization_list", true),
            "service_at_locations" => single ? ("service_at_location", false) : ("service_at_location_list", true),
            "taxonomies" => ("taxonomy", !single),
            "taxonomy_terms" => ("taxonomy_term", !single),
            _ => ("", false),
        };
    }

    /// <summary>GET an /hsds/ path expecting 200 and JSON, checks the body against the HSDS schemas and returns it.</summary>
    public static async Task<JsonObject> GetAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path).OutsideTheDocument();
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text)!.AsObject();
        var (schema, isPage) = SchemaOf(path, path.Contains("full=true", StringComparison.Ordinal)
            || path.Contains("full_service=true", StringComparison.Ordinal));
        if (schema.Length == 0)
        {
            foreach (var key in new[] { "version", "profile", "openapi_url" })
                Assert.True(body[key] is JsonValue v && v.TryGetValue<string>(out _), $"GET {path}: '{key}' is missing");
            return body;
        }
        if (isPage)
        {
            AssertValid("page", body);
            foreach (var item in body["contents"]!.AsArray()) AssertValid(schema, item!);
        }
        else AssertValid(schema, body);
        return body;
    }

    /// <summary>GET an /hsds/ path expecting <paramref name="status"/>; for 400 a problem naming <paramref name="field"/>.</summary>
    public static async Task<JsonElement> FailsAsync(HttpClient client, string path, HttpStatusCode status, string? field = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path).OutsideTheDocument();
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"GET {path}: expected {(int)status}, got {(int)response.StatusCode} {text}");
        if (field is null) return default;
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _),
            $"GET {path}: the problem does not name '{field}': {text}");
        return problem;
    }

    public static IEnumerable<JsonObject> Contents(JsonObject page) => page["contents"]!.AsArray().Select(n => n!.AsObject());

    public static string[] Ids(JsonObject page) => Contents(page).Select(c => c["id"]!.GetValue<string>()).ToArray();
}
