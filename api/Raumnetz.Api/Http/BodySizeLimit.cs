using Microsoft.AspNetCore.Http.Features;
using Raumnetz.Application.Common;

namespace Raumnetz.Api.Http;

/// <summary>Marks an endpoint that accepts a larger body than the default (imports).</summary>
public sealed record BodySizeLimitAttribute(long Bytes);

/// <summary>
/// Enforces the body limit of the matched endpoint (default <see cref="Limits.Body"/>) before anything reads the body:
/// a declared Content-Length above it is refused at once with 413; Kestrel's own limit catches chunked bodies.
/// </summary>
public sealed class BodySizeLimitMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodySizeLimitAttribute>()?.Bytes ?? Limits.Body;
        if (context.Request.ContentLength > limit)
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit;
        return next(context);
    }
}
