using Microsoft.AspNetCore.Http.Features;
using Raumnetz.Application.Common;

namespace Raumnetz.Api.Http;

/// <summary>Marks an endpoint that accepts a larger body than the default (imports).</summary>
public sealed record BodySizeLimitAttribute(long Bytes);

/// <summary>
/// Enforces the body limit of the matched endpoint (default <see cref="Limits.Body"/>) before anything reads the body:
/// a declared Content-Length above it is refused at once with 413; Kestrel's own limit catches chunked bodies. A request
/// that cannot have a body (no Content-Length above 0, not chunked: every GET of the SPA and of API clients) passes
/// straight on, without the per-request items dictionary the 413 needs (build/bench, pipeline).
/// </summary>
public sealed class BodySizeLimitMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false }) return next(context);
        var limit = LimitOf(context);
        context.Items[LimitKey] = limit; // the exception handler clears the endpoint before it writes the 413
        if (context.Request.ContentLength > limit)
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit;
        return next(context);
    }

    /// <summary>The body limit of the matched endpoint in bytes.</summary>
    public static long LimitOf(HttpContext context) =>
        context.Items.TryGetValue(LimitKey, out var known) && known is long bytes ? bytes
            : context.GetEndpoint()?.Metadata.GetMetadata<BodySizeLimitAttribute>()?.Bytes ?? Limits.Body;

    private static readonly object LimitKey = new();

    /// <summary>A limit as people read it: "20 MiB (20971520 bytes)".</summary>
    public static string Describe(long bytes) =>
        bytes % 1_048_576 == 0 ? $"{bytes / 1_048_576} MiB ({bytes} bytes)" : $"{bytes} bytes";
}
