using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace Raumnetz.Api.Http;

/// <summary>
/// How responses travel (issue 14, speed): Brotli or gzip for the text formats (JSON, problem+json, CSV, GeoJSON, the
/// SPA's JavaScript, CSS, HTML, SVG), by the client's Accept-Encoding; the SPA's hashed assets (Vite writes
/// /assets/name-hash.ext) cached for a year as immutable, index.html and every other file revalidated on each use.
/// </summary>
/// <remarks>
/// Compression over HTTPS is on: no response mixes a secret with text an attacker controls (BREACH); the antiforgery token
/// travels in a cookie and a header, never in a compressed body.
/// </remarks>
public static class Delivery
{
    public static readonly string[] CompressedTypes =
    [
        "application/json", "application/problem+json", "text/csv", "application/geo+json", "text/javascript",
        "application/javascript", "text/css", "text/html", "image/svg+xml", "text/plain", "text/calendar",
    ];

    public const string Immutable = "public, max-age=31536000, immutable";
    public const string Revalidate = "no-cache";

    public static IServiceCollection AddRaumnetzDelivery(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = CompressedTypes;
        });
        // Dynamic responses: the fastest levels compress JSON well at little cost per request.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>Static files with their caching: hashed assets immutable, the rest (index.html) revalidated.</summary>
    public static StaticFileOptions StaticFiles() => new()
    {
        OnPrepareResponse = ctx => ctx.Context.Response.Headers[HeaderNames.CacheControl] =
            ctx.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal) ? Immutable : Revalidate,
    };
}
