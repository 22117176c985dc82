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
        return builder;
    }

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
