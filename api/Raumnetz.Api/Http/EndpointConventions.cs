using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Raumnetz.Api.Http;

public static class EndpointConventions
{
    /// <summary>
    /// Declares the problem+json error responses an operation can give: 400 as validation problem (always with
    /// "errors"), the others as problem details (a 409 names the field in "errors" only when one field is at fault).
    /// </summary>
    public static RouteHandlerBuilder Errors(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var code in statusCodes)
        {
            if (code is 400) builder.Produces<HttpValidationProblemDetails>(code, "application/problem+json");
            else builder.Produces<ProblemDetails>(code, "application/problem+json");
        }
        if (statusCodes.Contains(StatusCodes.Status412PreconditionFailed)) RequireIfMatch(builder);
        return builder;
    }

    /// <summary>
    /// An operation that can answer 412 changes an existing resource, so it needs If-Match: without it the request is
    /// refused with 428 before the body is read (a malformed one with 400 naming the header), unless the endpoint is
    /// marked <see cref="IfMatchOptional"/>. The OpenAPI document shows the header as required and the 428 response.
    /// </summary>
    private static void RequireIfMatch(RouteHandlerBuilder builder)
    {
        builder.Produces<ProblemDetails>(StatusCodes.Status428PreconditionRequired, "application/problem+json");
        builder.Finally(endpoint =>
        {
            if (endpoint.Metadata.OfType<IfMatchOptionalMetadata>().Any() || endpoint.RequestDelegate is not { } inner) return;
            endpoint.RequestDelegate = context =>
            {
                if (ETags.Parse(context.Request) is null) throw ETags.Missing();
                return inner(context);
            };
        });
    }

    /// <summary>If-Match is honoured but not required (an upsert that may create: 428 only when it would replace a value).</summary>
    public static RouteHandlerBuilder IfMatchOptional(this RouteHandlerBuilder builder) => builder.WithMetadata(IfMatchOptionalMetadata.Instance);

    /// <summary>Allows a larger request body on this endpoint (and documents it).</summary>
    public static RouteHandlerBuilder BodyLimit(this RouteHandlerBuilder builder, long bytes) =>
        builder.WithMetadata(new BodySizeLimitAttribute(bytes));

    /// <summary>201 Created with the Location of the new resource and its ETag.</summary>
    public static Created<T> CreatedAt<T>(HttpContext context, string location, T value, long version)
    {
        context.Response.Headers.ETag = ETags.Format(version);
        return TypedResults.Created(location, value);
    }
}

/// <summary>Marks an endpoint whose If-Match is optional although it documents 412 (see <see cref="EndpointConventions.IfMatchOptional"/>).</summary>
public sealed class IfMatchOptionalMetadata
{
    public static readonly IfMatchOptionalMetadata Instance = new();
    private IfMatchOptionalMetadata() { }
}
