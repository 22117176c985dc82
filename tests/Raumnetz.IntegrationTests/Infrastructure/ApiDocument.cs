using System.Text.Json;

namespace Raumnetz.IntegrationTests.Infrastructure;

/// <summary>One operation of the served OpenAPI document.</summary>
public sealed record ApiOperation(string Method, string Path, JsonElement Operation)
{
    public string Id => Operation.TryGetProperty("operationId", out var id) ? id.GetString()! : $"{Method} {Path}";
    public bool IsRead => Method == "GET";
    public bool HasBody => Operation.TryGetProperty("requestBody", out _);
    /// <summary>Whether the operation names security requirements and none of them is the empty one (anonymous access).</summary>
    public bool RequiresAuth => Operation.TryGetProperty("security", out var s) && s.GetArrayLength() > 0
        && s.EnumerateArray().All(requirement => requirement.EnumerateObject().Any());

    /// <summary>The names of the security schemes any of whose requirements accept.</summary>
    public IEnumerable<string> SecuritySchemes => Operation.TryGetProperty("security", out var s)
        ? s.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).Distinct()
        : [];
    public bool HasRouteParameters => Path.Contains('{');

    /// <summary>The path with every route parameter replaced.</summary>
    public string Url(string parameterValue) =>
        System.Text.RegularExpressions.Regex.Replace(Path, "\\{[^}]+\\}", parameterValue);

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>Reads the operations from the document the API serves, so tests cover routes added later too.</summary>
public static class ApiDocument
{
    public static async Task<(JsonElement Document, List<ApiOperation> Operations)> LoadAsync(ApiFactory factory)
    {
        var response = await factory.UncheckedClient().GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var doc = await HttpAssert.OkAsync<JsonElement>(response);
        var operations = new List<ApiOperation>();
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
            foreach (var op in path.Value.EnumerateObject())
                if (op.Name is "get" or "post" or "put" or "patch" or "delete")
                    operations.Add(new ApiOperation(op.Name.ToUpperInvariant(), path.Name, op.Value));
        Assert.NotEmpty(operations);
        return (doc, operations);
    }

    /// <summary>Follows a "$ref" within the document.</summary>
    public static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var node = document;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/')) node = node.GetProperty(part);
            schema = node;
        }
        return schema;
    }
}
