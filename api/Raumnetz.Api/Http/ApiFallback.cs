using Raumnetz.Domain.Common;
using Microsoft.AspNetCore.Routing.Template;

namespace Raumnetz.Api.Http;

/// <summary>
/// The catch-all for /api/... that routing falls back to. Routing also ends here when a route exists but refused the
/// request: its HTTP method is not allowed, or the body is not JSON (routing then prefers this fallback over its own
/// 415). So the fallback tells those cases apart: 405 with Allow, 415 for a missing or non-JSON body, else 404.
/// </summary>
public static class ApiFallback
{
    public static IEndpointConventionBuilder MapApiFallback(this IEndpointRouteBuilder app) =>
        app.MapFallback("/api/{**path}", (HttpContext context, EndpointDataSource endpoints) => Handle(context, endpoints))
            .ExcludeFromDescription();

    private static IResult Handle(HttpContext context, EndpointDataSource endpoints)
    {
        var path = context.Request.Path;
        var methods = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Order != int.MaxValue && e.RoutePattern.RawText is not null)
            .Where(e => new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary())
                .TryMatch(path, new RouteValueDictionary()))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (methods.Count == 0)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: Messages.Title_NotFound,
                detail: Messages.Detail_NoSuchRoute);
        if (!methods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase))
        {
            context.Response.Headers.Allow = string.Join(", ", methods);
            return Results.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: Messages.Title_MethodNotAllowed,
                detail: Text.Format(Messages.Detail_MethodNotAllowed, string.Join(", ", methods)));
        }
        var message = string.IsNullOrEmpty(context.Request.ContentType)
            ? Messages.Field_BodyRequiredWithType
            : Messages.Field_BodyMustBeJson;
        return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [message] },
            statusCode: StatusCodes.Status415UnsupportedMediaType, title: Messages.Title_UnsupportedMediaType, detail: message);
    }
}
