using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Routing.Template;

namespace Raumnetz.Api.Http;

/// <summary>
/// The catch-all for /api/... that routing falls back to. Routing also ends here when a route exists but refused the
/// request: its HTTP method is not allowed, or the body is not JSON (routing then prefers this fallback over its own
/// 415). So the fallback tells those cases apart: 405 with Allow, 415 for a missing or non-JSON body, else 404. Before a
/// 415 it applies the refusing route's authorization, so that a caller who may not use the route gets 401 or 403 whatever
/// body it sends (an import that takes CSV, sent JSON by an anonymous caller, is 401 like every other route).
/// </summary>
public static class ApiFallback
{
    public static IEndpointConventionBuilder MapApiFallback(this IEndpointRouteBuilder app) =>
        app.MapFallback("/api/{**path}", (HttpContext context, EndpointDataSource endpoints) => HandleAsync(context, endpoints))
            .ExcludeFromDescription();

    private static async Task<IResult> HandleAsync(HttpContext context, EndpointDataSource endpoints)
    {
        var path = context.Request.Path;
        var matching = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Order != int.MaxValue && e.RoutePattern.RawText is not null)
            .Where(e => new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary())
                .TryMatch(path, new RouteValueDictionary()))
            .ToList();
        var methods = matching
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (methods.Count == 0)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no such API route.");
        if (!methods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase))
        {
            context.Response.Headers.Allow = string.Join(", ", methods);
            return Results.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed",
                detail: $"This route allows {string.Join(", ", methods)}.");
        }
        var refusing = matching.FirstOrDefault(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods
            .Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase) == true);
        if (refusing is not null && await AuthorizeAsync(context, refusing) is { } refused) return refused;
        var message = string.IsNullOrEmpty(context.Request.ContentType)
            ? "A JSON body is required (Content-Type: application/json)."
            : "The body must be JSON (Content-Type: application/json).";
        return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [message] },
            statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: message);
    }

    /// <summary>The route's authorization as the authorization middleware applies it: a challenge (401) or forbid (403), or null when allowed.</summary>
    private static async Task<IResult?> AuthorizeAsync(HttpContext context, Endpoint endpoint)
    {
        var data = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        if (data.Count == 0) return null;
        var services = context.RequestServices;
        var policy = await AuthorizationPolicy.CombineAsync(services.GetRequiredService<IAuthorizationPolicyProvider>(), data);
        if (policy is null) return null;
        var evaluator = services.GetRequiredService<IPolicyEvaluator>();
        var authentication = await evaluator.AuthenticateAsync(policy, context);
        var authorization = await evaluator.AuthorizeAsync(policy, authentication, context, endpoint);
        return authorization.Challenged ? Results.Challenge(authenticationSchemes: [.. policy.AuthenticationSchemes])
            : authorization.Forbidden ? Results.Forbid(authenticationSchemes: [.. policy.AuthenticationSchemes])
            : null;
    }
}
