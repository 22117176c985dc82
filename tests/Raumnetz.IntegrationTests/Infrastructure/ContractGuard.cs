extern alias JsonSchemaNet;

using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JsonSchemaNet::Json.Schema;

namespace Raumnetz.IntegrationTests.Infrastructure;

/// <summary>
/// Validates every response a test client receives against the committed OpenAPI document
/// (openapi/raumnetz.v1.json): the request is matched to its operation by method and path template, the status code
/// must be documented for that operation, the content type documented for that status, and a JSON body must match
/// the documented schema (checked by JsonSchema.Net after translating OpenAPI 3.0's dialect to JSON Schema 2020-12).
/// A violation fails the request with a <see cref="ContractViolationException"/> naming the operation, the status,
/// the JSON pointer and the reason. Requests to paths the document does not describe fail too, unless the client was
/// created with <see cref="ApiFactory.UncheckedClient"/> (SPA fallback, static files).
/// </summary>
public sealed class ContractGuardHandler : DelegatingHandler
{
    private static readonly Lock ReportLock = new();

    /// <summary>Set on a request (<see cref="ContractGuardExtensions.OutsideTheDocument"/>) that deliberately calls a path the document does not describe.</summary>
    public static readonly HttpRequestOptionsKey<bool> Unchecked = new("Raumnetz.ContractGuard.Unchecked");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Options.TryGetValue(Unchecked, out var skip) && skip) return response;
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var violations = ContractDocument.Instance.Check(request.Method.Method, request.RequestUri!.AbsolutePath, (int)response.StatusCode,
            response.Content.Headers.ContentType, body);
        if (violations.Count == 0) return response;
        // RAUMNETZ_CONTRACT_REPORT=file collects every violation of a run instead of failing at the first one.
        if (Environment.GetEnvironmentVariable("RAUMNETZ_CONTRACT_REPORT") is { Length: > 0 } report)
        {
            lock (ReportLock) File.AppendAllLines(report, violations.Select(v => v.ReplaceLineEndings(" ")));
            return response;
        }
        throw new ContractViolationException(violations);
    }
}

public static class ContractGuardExtensions
{
    /// <summary>Marks a request to a path the document deliberately does not describe (not an API operation): its response is not checked.</summary>
    public static HttpRequestMessage OutsideTheDocument(this HttpRequestMessage request)
    {
        request.Options.Set(ContractGuardHandler.Unchecked, true);
        return request;
    }
}

public sealed class ContractViolationException(IReadOnlyList<string> violations)
    : Xunit.Sdk.XunitException("The response violates the committed OpenAPI document (openapi/raumnetz.v1.json):\n  " + string.Join("\n  ", violations))
{
    public IReadOnlyList<string> Violations { get; } = violations;
}

/// <summary>The committed document, its operations as path patterns and the compiled response schemas.</summary>
public sealed class ContractDocument
{
    public static ContractDocument Instance { get; } = new(Load());

    private const string Dialect = "https://json-schema.org/draft/2020-12/schema";
    private readonly JsonNode defs;
    private readonly List<(string Method, string Template, Regex Pattern, int Literals, JsonObject Operation)> operations = [];
    private readonly ConcurrentDictionary<string, JsonSchema> schemas = new();
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List };

    public ContractDocument(JsonObject document)
    {
        var components = document["components"]?["schemas"]?.AsObject() ?? [];
        var translated = new JsonObject();
        foreach (var (id, schema) in components) translated[id] = Translate(schema);
        defs = translated;
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            var regex = new Regex("^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$", RegexOptions.CultureInvariant);
            var literals = template.Split('/').Count(s => !s.StartsWith('{'));
            foreach (var (method, operation) in item!.AsObject())
                if (method is "get" or "put" or "post" or "delete" or "patch" or "head" or "options")
                    operations.Add((method.ToUpperInvariant(), template, regex, literals, operation!.AsObject()));
        }
    }

    /// <summary>The repository's committed document, found by walking up from the test binaries.</summary>
    private static JsonObject Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "openapi", "raumnetz.v1.json");
            if (File.Exists(file)) return JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        }
        throw new InvalidOperationException("openapi/raumnetz.v1.json not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Every way the response departs from the document; empty when it conforms.</summary>
    public IReadOnlyList<string> Check(string method, string path, int status, MediaTypeHeaderValue? contentType, byte[] body)
    {
        var lookup = method == "HEAD" ? "GET" : method;
        var match = operations.Where(o => o.Method == lookup && o.Pattern.IsMatch(path)).OrderByDescending(o => o.Literals).FirstOrDefault();
        if (match.Operation is null)
            return [$"{method} {path} → {status}: no operation in the document matches this method and path (a test that calls an undocumented path on purpose uses ApiFactory.UncheckedClient)"];
        var name = $"{match.Operation["operationId"]?.GetValue<string>() ?? "?"} ({match.Method} {match.Template})";
        var responses = match.Operation["responses"]?.AsObject() ?? [];
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var documented = responses[key] ?? responses[key[0] + "XX"] ?? responses["default"];
        if (documented is null)
            return [$"{name}: status {status} is not documented (documented: {string.Join(", ", responses.Select(r => r.Key))}); body: {Excerpt(body)}"];
        var content = documented["content"]?.AsObject();
        if (body.Length == 0 || method == "HEAD")
        {
            if (content is null || content.Count == 0 || method == "HEAD" || status is 204 or 304) return [];
            return [$"{name} → {status}: the body is empty, the document says {string.Join(" or ", content.Select(c => c.Key))}"];
        }
        if (content is null || content.Count == 0)
            return [$"{name} → {status}: the document describes no body, the response has {body.Length} bytes ({contentType?.MediaType}): {Excerpt(body)}"];
        var media = contentType?.MediaType;
        var entry = content.FirstOrDefault(c => string.Equals(c.Key, media, StringComparison.OrdinalIgnoreCase));
        if (entry.Key is null && media is not null)
            entry = content.FirstOrDefault(c => c.Key == "*/*" || (c.Key.EndsWith("/*", StringComparison.Ordinal) && media.StartsWith(c.Key[..^1], StringComparison.OrdinalIgnoreCase)));
        if (entry.Key is null)
            return [$"{name} → {status}: content type '{media}' is not documented (documented: {string.Join(", ", content.Select(c => c.Key))})"];
        if (media is null || !media.Contains("json", StringComparison.OrdinalIgnoreCase) || entry.Value?["schema"] is not { } schemaNode) return [];
        // A file (string, binary) is opaque bytes, even when it is a JSON download.
        if (schemaNode["format"]?.GetValue<string>() == "binary") return [];

        JsonElement instance;
        try
        {
            instance = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException e)
        {
            return [$"{name} → {status}: the {media} body is not JSON ({e.Message}): {Excerpt(body)}"];
        }
        var schema = schemas.GetOrAdd($"{match.Method} {match.Template} {key} {entry.Key}", _ => Compile(schemaNode));
        var result = schema.Evaluate(instance, Evaluation);
        if (result.IsValid) return [];
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{name} → {status}: at '{d.InstanceLocation}' ({d.EvaluationPath}): {e.Value}"))
            .Distinct().Take(20).ToList();
        if (errors.Count == 0) errors.Add($"{name} → {status}: the body does not match the schema");
        errors.Add("body: " + Excerpt(body));
        return errors;
    }

    private JsonSchema Compile(JsonNode openApiSchema)
    {
        var root = Translate(openApiSchema)!.AsObject();
        var wrapper = new JsonObject
        {
            ["$schema"] = Dialect,
            ["allOf"] = new JsonArray(root),
            ["$defs"] = defs.DeepClone(),
        };
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return JsonSchema.FromText(wrapper.ToJsonString(), options, new Uri($"https://raumnetz.test/contract/{Guid.NewGuid():N}"));
    }

    /// <summary>
    /// OpenAPI 3.0 schema → JSON Schema 2020-12: references to components become "$defs" references, "nullable"
    /// admits null (as a type, in an enum, or beside a reference), boolean exclusive bounds become numeric ones, and
    /// OpenAPI-only keywords are dropped.
    /// </summary>
    internal static JsonNode? Translate(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                return new JsonArray(array.Select(Translate).ToArray());
            case JsonObject obj:
            {
                var result = new JsonObject();
                var nullable = false;
                foreach (var (k, v) in obj)
                {
                    switch (k)
                    {
                        case "nullable":
                            nullable = v?.GetValue<bool>() == true;
                            break;
                        case "$ref":
                            result[k] = v!.GetValue<string>().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
                            break;
                        case "example" or "discriminator" or "xml" or "externalDocs":
                            break;
                        case "properties" or "$defs" or "patternProperties":
                            var map = new JsonObject();
                            foreach (var (pk, pv) in v!.AsObject()) map[pk] = Translate(pv);
                            result[k] = map;
                            break;
                        default:
                            result[k] = Translate(v);
                            break;
                    }
                }
                if (result["exclusiveMinimum"] is JsonValue emin && emin.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                {
                    result.Remove("exclusiveMinimum");
                    if (emin.GetValue<bool>() && result["minimum"] is { } min) { result.Remove("minimum"); result["exclusiveMinimum"] = min.DeepClone(); }
                }
                if (result["exclusiveMaximum"] is JsonValue emax && emax.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                {
                    result.Remove("exclusiveMaximum");
                    if (emax.GetValue<bool>() && result["maximum"] is { } max) { result.Remove("maximum"); result["exclusiveMaximum"] = max.DeepClone(); }
                }
                if (nullable)
                {
                    if (result["type"] is JsonValue type) result["type"] = new JsonArray(type.GetValue<string>(), "null");
                    if (result["enum"] is JsonArray values && !values.Any(v => v is null)) values.Add(null);
                    if (result["type"] is null)
                        return new JsonObject { ["anyOf"] = new JsonArray(result, new JsonObject { ["type"] = "null" }) };
                }
                return result;
            }
            default:
                return node?.DeepClone();
        }
    }

    private static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 600));
        return body.Length > 600 ? text + "…" : text;
    }
}
