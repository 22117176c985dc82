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
                Description = "Socio-spatial network work (Sozialraumorientierung): social spaces, actors, networks, inventories and indicators. "
                    + "Authenticate with the session cookie (POST /api/v1/auth/login; unsafe requests then need the X-XSRF-TOKEN header) or with an X-Api-Key header. "
                    + "Errors are RFC 9457 problem+json; field errors are keyed by camelCase property name.",
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
                Description = "API key of a partner system (POST /api/v1/api-keys).",
            });
            o.AddSecurityDefinition("session", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = AuthSchemes.SessionCookie,
                Description = "Session cookie set by POST /api/v1/auth/login.",
            });
            o.SchemaFilter<FluentValidationSchemaFilter>();
            o.OperationFilter<AuthResponsesOperationFilter>();
            o.ParameterFilter<EnumQueryParameterFilter>();
        });
        return services;
    }

    /// <summary>Commands and queries appear as requests; generic types by their arguments (Page&lt;NetworkDto&gt; → NetworkDtoPage).</summary>
    private static string SchemaId(Type t) => t.IsGenericType
        ? string.Concat(t.GetGenericArguments().Select(SchemaId)) + t.Name[..t.Name.IndexOf('`')]
        : t.Name.Replace("Command", "Request").Replace("Query", "Request");
}

/// <summary>Adds 401/403 responses and security requirements to every operation that requires authorization.</summary>
public sealed class AuthResponsesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any()) return;
        operation.Responses ??= new OpenApiResponses();
        var problem = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository) };
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Not signed in, or unknown or revoked API key.", Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = problem } });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The role does not allow this, or the antiforgery header is missing.", Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = problem } });
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", context.Document)] = [] });
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("session", context.Document)] = [] });
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
