using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Raumnetz.Api.Security;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Raumnetz.Api.OpenApi;

public static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddRaumnetzOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Raumnetz API",
                Version = "v1",
                Description = Description,
            });
            o.SupportNonNullableReferenceTypes();
            o.NonNullableReferenceTypesAsRequired();
            o.CustomSchemaIds(SchemaId);
            foreach (var xml in new[] { typeof(Program).Assembly, typeof(Application.DependencyInjection).Assembly }
                         .Select(a => Path.Combine(AppContext.BaseDirectory, a.GetName().Name + ".xml")).Where(File.Exists))
                o.IncludeXmlComments(xml);
            o.AddSecurityDefinition("apiKey", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = AuthSchemes.ApiKeyHeader,
                Description = "API key of a partner system: an administrator creates it (POST /api/v1/api-keys, or the web app's API keys page) "
                    + "with a role and optional grants scoped to networks and space subtrees; the key is shown once. Send it on every request.",
            });
            o.AddSecurityDefinition("session", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = AuthSchemes.SessionCookie,
                Description = "Session cookie set by POST /api/v1/auth/login (or sign-in through the identity provider). Unsafe requests "
                    + "(POST, PUT, PATCH, DELETE) must also send the X-XSRF-TOKEN header with the value of the readable XSRF-TOKEN cookie.",
            });
            o.AddSecurityDefinition(AuthResponsesOperationFilter.BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
                Description = "Only where an OpenID Connect identity provider is configured (Raumnetz__Oidc__Authority): an access token of that "
                    + "provider for a linked account, with the configured audience (Raumnetz__Oidc__AcceptBearerTokens).",
            });
            o.AddSecurityDefinition(AuthResponsesOperationFilter.FeedTokenScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Query, Name = AuthSchemes.FeedTokenParameter,
                Description = "Secret subscription token of a network's calendar feed (GET /api/v1/networks/{id}/calendar-token); reads only that feed.",
            });
            // Paths are relative to the server the document is served from; no host is named (nor taken from a request).
            o.AddServer(new OpenApiServer { Url = "/", Description = "The server that serves this document." });
            o.SchemaFilter<FluentValidationSchemaFilter>();
            o.SchemaFilter<ForeignMembersSchemaFilter>();
            o.SchemaFilter<NullableReferencesSchemaFilter>();
            o.OperationFilter<AuthResponsesOperationFilter>();
            o.OperationFilter<ConcurrencyOperationFilter>();
            o.OperationFilter<FileResponsesOperationFilter>();
            o.OperationFilter<IdempotencyOperationFilter>();
            o.OperationFilter<Http.DeprecationOperationFilter>();
            o.OperationFilter<QuotaOperationFilter>();
            o.OperationFilter<OperationExamples>();
            o.OperationFilter<ListParametersOperationFilter>();
            o.OperationFilter<RequestBodyResponsesOperationFilter>();
            o.ParameterFilter<EnumQueryParameterFilter>();
            o.ParameterFilter<ItemMaxLengthParameterFilter>();
        });
        return services;
    }

    /// <summary>
    /// Commands and queries appear as requests; generic types are named after their arguments ("SpaceDtoPage" for
    /// Page&lt;SpaceDto&gt;), so every page type gets a schema of its own.
    /// </summary>
    /// <summary>The document's introduction (Markdown, shown by the API documentation at /api/docs/).</summary>
    internal const string Description = """
        Socio-spatial network work (Sozialraumorientierung): social spaces, actors, networks, inventories and indicators.
        The integration guide (`/api/docs/guide/README.md`, in the repository `openapi/guide/README.md`) explains the flows below step by step.

        ## Authentication
        - **API key** (partner systems): an administrator creates a key (`POST /api/v1/api-keys` or the web app's API keys page) with a
          role (viewer, analyst, editor, coordinator, admin) and optional grants scoped to networks and space subtrees. Send it as
          `X-Api-Key: rnz_...` on every request; a revoked key is refused at once (401).
        - **Session cookie** (the web app): `POST /api/v1/auth/login` with e-mail address and password sets the `raumnetz.session` cookie
          and a readable `XSRF-TOKEN` cookie; every unsafe request (POST, PUT, PATCH, DELETE) must repeat that token in the
          `X-XSRF-TOKEN` header (403 otherwise). In this documentation "Try it out" uses the session of the browser and sends the header.
        - **OpenID Connect** (where configured): sign-in through the identity provider (`GET /api/v1/auth/oidc/login`) starts the same
          session; an access token of the provider for a linked account is accepted as `Authorization: Bearer`.

        ## Conventions
        - Lists take `limit` (1 to 500, default 50) and the opaque `cursor` (the `nextCursor` of the previous page, null on the last one).
        - GET of one resource returns an `ETag`; PUT and DELETE need `If-Match` with it (428 without, 412 when stale). POST creates
          (201 with `Location`); an `Idempotency-Key` header makes a retry safe (the same response again for 24 hours).
        - Errors are RFC 9457 problem+json; field errors are keyed by camelCase property name. Problem titles, details and field messages
          are in German or English by the Accept-Language request header (German when it is missing or names neither; en-GB counts as
          English); every response names its language in Content-Language and carries Vary: Accept-Language. Stable codes for the
          product's own rules come in 'codes'.
        - Request quotas per API key, account and client address: every response carries `RateLimit-Policy` and `RateLimit`
          (IETF draft-ietf-httpapi-ratelimit-headers); over the quota the answer is 429 with `Retry-After`.
        - Deprecated operations are marked `deprecated` here and answer with `Deprecation` (RFC 9745), `Sunset` (RFC 8594) and
          `Link: <...>; rel="deprecation"`; see the deprecation policy in the guide.
        """;

    internal static string SchemaId(Type type) => type.IsGenericType
        ? string.Concat(type.GetGenericArguments().Select(SchemaId)) + type.Name[..type.Name.IndexOf('`')]
        : type.Name.Replace("Command", "Request").Replace("Query", "Request");
}

/// <summary>
/// Declares the security of every operation: the API key or the session (with 401/403 responses) where authorization is
/// required; the feed token as well on the calendar feeds; an empty requirement (anonymous) on sign-in and any other
/// anonymous operation.
/// </summary>
public sealed class AuthResponsesOperationFilter : IOperationFilter
{
    public const string FeedTokenScheme = "feedToken";
    public const string BearerScheme = "oidcBearer";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        operation.Security ??= [];
        if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any())
        {
            if (metadata.OfType<FeedTokenAuthMetadata>().Any())
            {
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(FeedTokenScheme, context.Document)] = [] });
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", context.Document)] = [] });
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("session", context.Document)] = [] });
            }
            else
            {
                operation.Security.Add(new OpenApiSecurityRequirement());
            }
            return;
        }
        var problem = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository) };
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Not signed in, or unknown or revoked API key.", Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = problem } });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The role does not allow this, or the antiforgery header is missing.", Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = problem } });
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", context.Document)] = [] });
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("session", context.Document)] = [] });
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
    }
}

/// <summary>
/// Types that skip unknown members ([JsonUnmappedMemberHandling(Skip)], the GeoJSON import) admit additional
/// properties in the document; every other object refuses them (StrictJson), as its "additionalProperties": false says.
/// </summary>
public sealed class ForeignMembersSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema target || context.Type is null) return;
        var attribute = context.Type.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonUnmappedMemberHandlingAttribute), false)
            .OfType<System.Text.Json.Serialization.JsonUnmappedMemberHandlingAttribute>().FirstOrDefault();
        if (attribute?.UnmappedMemberHandling != System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip) return;
        target.AdditionalProperties = null;
        target.AdditionalPropertiesAllowed = true;
    }
}

/// <summary>
/// A nullable property of a referenced type (an enum such as <c>CadenceUnit?</c>, an object such as
/// <c>EvaluatedValue?</c>) is written as a bare "$ref", which says it is never null: OpenAPI 3.0 ignores "nullable" beside
/// a "$ref". Such properties become { "allOf": [ref], "nullable": true }, so the document admits the null they carry.
/// </summary>
public sealed class NullableReferencesSchemaFilter : ISchemaFilter
{
    private static readonly System.Reflection.NullabilityInfoContext Nullability = new();
    private static readonly Lock NullabilityLock = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema target || target.Properties is null || context.Type is null) return;
        foreach (var member in context.Type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
        {
            var name = member.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonPropertyNameAttribute), true)
                .OfType<System.Text.Json.Serialization.JsonPropertyNameAttribute>().FirstOrDefault()?.Name
                ?? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.Name);
            if (!target.Properties.TryGetValue(name, out var property) || property is not OpenApiSchemaReference reference || !IsNullable(member)) continue;
            target.Properties[name] = new OpenApiSchema { AllOf = [reference], Type = JsonSchemaType.Null };
        }
    }

    private static bool IsNullable(System.Reflection.PropertyInfo member)
    {
        if (member.PropertyType.IsValueType) return Nullable.GetUnderlyingType(member.PropertyType) is not null;
        lock (NullabilityLock) return Nullability.Create(member).ReadState == System.Reflection.NullabilityState.Nullable;
    }
}

/// <summary>Gives string query parameters marked with <see cref="Http.EnumQueryAttribute"/> the enum's schema.</summary>
public sealed class EnumQueryParameterFilter : IParameterFilter
{
    public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
    {
        var attribute = context.ParameterInfo?.GetCustomAttributes(typeof(Http.EnumQueryAttribute), false).OfType<Http.EnumQueryAttribute>().FirstOrDefault();
        if (attribute is null || parameter is not OpenApiParameter target) return;
        var schema = context.SchemaGenerator.GenerateSchema(attribute.EnumType, context.SchemaRepository);
        target.Schema = context.ParameterInfo!.ParameterType.IsArray ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = schema } : schema;
    }
}

/// <summary>Documents the optional Idempotency-Key header and its 422 on operations mapped with <see cref="Http.IdempotencyConventions.Idempotent"/>.</summary>
public sealed class IdempotencyOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Http.IdempotentEndpointMetadata>().Any()) return;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = Http.IdempotencyFilter.HeaderName,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Makes a retry safe: the same key with the same request within 24 hours returns the first successful response "
                + "again (header Idempotent-Replayed: true) without doing the work twice; while a request with the key is still at work, others wait "
                + "for its response or get 409. Use a new key (for example a UUID) for each new request.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = Application.Common.Limits.IdempotencyKey },
        });
        operation.Responses ??= new OpenApiResponses();
        var problem = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository) };
        operation.Responses.TryAdd("422", new OpenApiResponse
        {
            Description = "The Idempotency-Key was already used for a different request.",
            Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = problem },
        });
        if (operation.Responses.TryGetValue("409", out var conflict))
            conflict.Description += " Also: a request with the same Idempotency-Key is still at work (retry after the Retry-After seconds).";
        else
            operation.Responses.Add("409", new OpenApiResponse
            {
                Description = "A request with the same Idempotency-Key is still at work; retry after the Retry-After seconds to get its response.",
                Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = problem },
            });
    }
}

/// <summary>Every operation with a request body can answer 413 (body above the limit) and 415 (body missing or not JSON).</summary>
public sealed class RequestBodyResponsesOperationFilter : IOperationFilter
{
    private static long Limit(OperationFilterContext context) =>
        context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Http.BodySizeLimitAttribute>().FirstOrDefault()?.Bytes
            ?? Application.Common.Limits.Body;

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.RequestBody is null) return;
        operation.Responses ??= new OpenApiResponses();
        OpenApiMediaType Problem(Type type) => new() { Schema = context.SchemaGenerator.GenerateSchema(type, context.SchemaRepository) };
        var tooLarge = $"The request body is larger than this operation accepts: {Http.BodySizeLimitMiddleware.Describe(Limit(context))}. " +
            "The problem names the limit in bytes as 'limit'.";
        if (operation.Responses.TryGetValue("413", out var declared) && declared is OpenApiResponse response) response.Description = tooLarge;
        operation.Responses.TryAdd("413", new OpenApiResponse
        {
            Description = tooLarge,
            Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = Problem(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails)) },
        });
        operation.Responses.TryAdd("415", new OpenApiResponse
        {
            Description = "The body is missing or not JSON (Content-Type: application/json).",
            Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = Problem(typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails)) },
        });
    }
}

/// <summary>
/// Every operation that can answer 412 takes an optional If-Match header (the ETag from GET), and every API operation
/// can answer 503 while the database is unreachable.
/// </summary>
public sealed class ConcurrencyOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.RelativePath?.StartsWith("api/", StringComparison.Ordinal) != true) return;
        operation.Responses ??= new OpenApiResponses();
        var problem = new Dictionary<string, IOpenApiMediaType>
        {
            ["application/problem+json"] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository) },
        };
        operation.Responses.TryAdd("503", new OpenApiResponse { Description = "The database cannot be reached right now; retry after the Retry-After seconds.", Content = problem });
        if (!operation.Responses.ContainsKey("412")) return;
        var optional = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Http.IfMatchOptionalMetadata>().Any();
        if (operation.Responses.TryGetValue("428", out var required))
            required.Description = optional
                ? "If-Match is missing and the request would replace an existing value."
                : "If-Match is missing: a change must name the version it changes.";
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-Match",
            In = ParameterLocation.Header,
            Required = !optional,
            Description = optional
                ? "The ETag of the value as returned by GET (for example \"3\"); needed to replace an existing value (428 without), 412 when it is stale."
                : "The ETag of the resource as returned by GET (for example \"3\"); 412 when it is stale or names no version of the resource, 428 when missing.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 30 },
        });
    }
}

/// <summary>Responses that are not JSON (iCalendar, CSV, XLSX ...) are files: binary strings, so generated clients download them.</summary>
public sealed class FileResponsesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Responses is null) return;
        foreach (var response in operation.Responses.Values)
        {
            if (response.Content is null) continue;
            foreach (var entry in response.Content)
                if (!entry.Key.Contains("json", StringComparison.OrdinalIgnoreCase) && entry.Value is OpenApiMediaType media)
                    media.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
        }
    }
}

/// <summary>
/// Describes the shared list parameters (<see cref="Http.ListParameters"/>) of a list endpoint marked with
/// <see cref="Http.ListConventions.Sorted"/>: page size, cursor, the list's sort values as an enum, includeTotal and
/// modifiedAfter.
/// </summary>
public sealed class ListParametersOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var list = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Http.ListEndpointMetadata>().FirstOrDefault()?.List;
        if (list is null || operation.Parameters is null) return;
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
        {
            switch (parameter.Name)
            {
                case "limit":
                    parameter.Description = "Page size, 1 to 500 (default 50).";
                    break;
                case "cursor":
                    parameter.Description = "The nextCursor of the previous page (of the same sort; a cursor of another sort is 400).";
                    break;
                case "sort":
                    parameter.Description = $"Sort order: a column, descending with a leading minus (default {list.Default.Name}); rows "
                        + "with the same value follow by id.";
                    parameter.Schema = SortSchema(list, operation.OperationId + "Sort", context);
                    break;
                case "includeTotal":
                    parameter.Description = "Also count the rows matching the filters (over all pages) into 'total'; without it 'total' is "
                        + "null. Counting reads every matching row, so ask for it when it is shown (for example on the first page).";
                    break;
                case "modifiedAfter":
                    parameter.Description = "Only rows changed after this instant (ISO 8601, e.g. 2026-01-31T12:00:00Z); with the changes "
                        + "feed a partner's first full copy.";
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>The list's sort values as a named enum schema (ListActorsSort), so that the generated client has a type per list.</summary>
    private static OpenApiSchemaReference SortSchema(Application.Common.ListDefinition list, string id, OperationFilterContext context)
    {
        if (context.SchemaRepository.Schemas.ContainsKey(id)) return new OpenApiSchemaReference(id, context.Document);
        return context.SchemaRepository.AddDefinition(id, new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The sort values of the list: a column, descending with a leading minus.",
            Enum = [.. list.SortNames.Select(n => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(n))],
        });
    }
}
