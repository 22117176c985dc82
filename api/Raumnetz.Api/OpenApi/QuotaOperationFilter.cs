using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Raumnetz.Api.OpenApi;

/// <summary>
/// Every API operation is counted against a request quota (<see cref="Http.QuotaMiddleware"/>) and can answer 429 with
/// <c>Retry-After</c>; the <c>RateLimit-Policy</c> and <c>RateLimit</c> headers it carries are on every counted response.
/// </summary>
public sealed class QuotaOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.RelativePath?.StartsWith("api/", StringComparison.Ordinal) != true) return;
        operation.Responses ??= new OpenApiResponses();
        if (operation.Responses.ContainsKey("429")) return;
        static OpenApiHeader Header(string description) =>
            new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        operation.Responses.Add("429", new OpenApiResponse
        {
            Description = "Over the request quota of the API key, the account or (without credentials) the client address; retry after the "
                + "Retry-After seconds. See the integration guide, \"Rate limits\".",
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds until the quota window ends.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                },
                ["RateLimit-Policy"] = Header("The quota: for example \"per-key\";q=600;w=60 (600 requests in 60 seconds)."),
                ["RateLimit"] = Header("What is left of it: for example \"per-key\";r=0;t=17 (none left, the window ends in 17 seconds)."),
            },
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/problem+json"] = new OpenApiMediaType
                {
                    Schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails),
                        context.SchemaRepository),
                },
            },
        });
    }
}
