using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Raumnetz.Api.OpenApi;

/// <summary>
/// Examples for the operations a partner system starts with (create an actor, import observations, page a list with the
/// cursor, export) and for the problems it must handle (400, 409, 412, 428, 429), shown by the API documentation
/// (<see cref="ApiDocs"/>). Each example is valid against its schema (Spectral checks that).
/// </summary>
public sealed class OperationExamples : IOperationFilter
{
    private const string ActorId = "0193f1c2-7a4e-7b1d-9c3e-2f4a5b6c7d8e";
    private const string SpaceId = "0193f1b0-1d2e-7f30-8a41-5b6c7d8e9f00";

    private static readonly Dictionary<string, Action<OpenApiOperation>> ByOperation = new(StringComparer.Ordinal)
    {
        ["CreateActor"] = o =>
        {
            RequestExample(o, $$"""
                { "kind": "organisation", "name": "Jobcenter Mitte", "shortName": "JC Mitte", "type": "job-centre", "sector": "public",
                  "city": "Musterstadt", "spaceIds": ["{{SpaceId}}"], "tags": ["SGB II"] }
                """);
            ResponseExample(o, "201", "application/json", Actor);
            ProblemExample(o, "400", """
                { "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1", "title": "One or more validation errors occurred.", "status": 400,
                  "errors": { "name": ["'name' must not be empty."] }, "instance": "/api/v1/actors", "traceId": "4bf92f3577b34da6a3ce929d0e0e4736" }
                """);
            ProblemExample(o, "409", """
                { "type": "https://tools.ietf.org/html/rfc9110#section-15.5.10", "title": "Conflict", "status": 409,
                  "detail": "A request with this Idempotency-Key is still at work; retry after the Retry-After seconds.",
                  "instance": "/api/v1/actors", "traceId": "4bf92f3577b34da6a3ce929d0e0e4736" }
                """);
            ProblemExample(o, "429", TooMany);
        },
        ["UpdateActor"] = o =>
        {
            ProblemExample(o, "412", $$"""
                { "type": "https://tools.ietf.org/html/rfc9110#section-15.5.13", "title": "Precondition failed", "status": 412,
                  "detail": "Actor '{{ActorId}}' has version 4, but the request expected version 3. Reload it and apply your change again.",
                  "instance": "/api/v1/actors/{{ActorId}}", "traceId": "4bf92f3577b34da6a3ce929d0e0e4736" }
                """);
            ProblemExample(o, "428", $$"""
                { "type": "https://tools.ietf.org/html/rfc6585#section-3", "title": "Precondition required", "status": 428,
                  "detail": "This request changes an existing resource and must say which version it changes: send If-Match with the ETag returned by GET, for example \"3\".",
                  "instance": "/api/v1/actors/{{ActorId}}", "traceId": "4bf92f3577b34da6a3ce929d0e0e4736" }
                """);
        },
        ["ListActors"] = o =>
        {
            ParameterExample(o, "limit", "100");
            ParameterExample(o, "cursor", "\"eyJrIjoiMDE5M2YxYzItN2E0ZS03YjFkLTljM2UtMmY0YTViNmM3ZDhlIn0\"");
            ResponseExample(o, "200", "application/json",
                $$"""{ "items": [{{Actor}}], "nextCursor": "eyJrIjoiMDE5M2YxYzItN2E0ZS03YjFkLTljM2UtMmY0YTViNmM3ZDhlIn0" }""");
            ProblemExample(o, "429", TooMany);
        },
        ["ImportObservations"] = o =>
        {
            RequestExample(o, """
                [ { "indicator": "sgb2-rate", "space": "01", "period": "2024", "value": 12.4, "source": "Statistik der BA" },
                  { "indicator": "sgb2-rate", "space": "02", "period": "2024", "numerator": 312, "denominator": 2710 } ]
                """);
            ResponseExample(o, "200", "application/json", """
                { "dryRun": false, "imported": true, "rows": 2, "created": 2, "updated": 0, "unchanged": 0,
                  "errorCount": 0, "errors": [], "warningCount": 0, "warnings": [] }
                """);
        },
        ["ExportIndicators"] = o =>
        {
            ParameterExample(o, "format", "\"csv\"");
            ParameterExample(o, "from", "\"2020\"");
            ParameterExample(o, "to", "\"2024\"");
        },
    };

    private const string Actor = $$"""
        { "id": "{{ActorId}}", "kind": "organisation", "name": "Jobcenter Mitte", "shortName": "JC Mitte", "type": "job-centre",
          "typeName": "Jobcenter", "sector": "public", "parentId": null, "parentName": null, "email": null, "phone": null, "website": null,
          "street": null, "postalCode": null, "city": "Musterstadt", "spaceIds": ["{{SpaceId}}"], "tags": ["SGB II"], "notes": null,
          "archivedAt": null, "version": 1, "createdAt": "2026-03-02T09:15:00Z", "updatedAt": "2026-03-02T09:15:00Z" }
        """;

    private const string TooMany = """
        { "type": "https://tools.ietf.org/html/rfc6585#section-4", "title": "Too many requests", "status": 429,
          "detail": "Too many requests: this API key may make 600 requests a minute. Try again in 17 seconds.",
          "instance": "/api/v1/actors", "traceId": "4bf92f3577b34da6a3ce929d0e0e4736" }
        """;

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId is { } id && ByOperation.TryGetValue(id, out var add)) add(operation);
    }

    private static void RequestExample(OpenApiOperation operation, string json)
    {
        if (operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true && media is OpenApiMediaType target)
            target.Example = JsonNode.Parse(json);
    }

    private static void ResponseExample(OpenApiOperation operation, string status, string mediaType, string json)
    {
        if (operation.Responses?.TryGetValue(status, out var response) == true
            && response.Content?.TryGetValue(mediaType, out var media) == true && media is OpenApiMediaType target)
            target.Example = JsonNode.Parse(json);
    }

    private static void ProblemExample(OpenApiOperation operation, string status, string json) =>
        ResponseExample(operation, status, "application/problem+json", json);

    private static void ParameterExample(OpenApiOperation operation, string name, string json)
    {
        if (operation.Parameters?.FirstOrDefault(p => p.Name == name) is OpenApiParameter parameter)
            parameter.Example = JsonNode.Parse(json);
    }
}
