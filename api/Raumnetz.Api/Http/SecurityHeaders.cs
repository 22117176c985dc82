namespace Raumnetz.Api.Http;

/// <summary>
/// The security headers of every response the application writes: the API's JSON and problem+json, the SPA's files,
/// health, the OpenAPI document. They are added when the response starts (<see cref="HttpResponse.OnStarting(Func{Task})"/>),
/// so what clears the response on the way (the exception handler, status code pages) cannot drop them, and a handler
/// cannot forget them. HSTS only goes out over HTTPS as seen after the forwarded headers of a trusted proxy.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>
    /// No inline script and no inline style elements. The one exception, allowed by its hash, is the fixed stylesheet
    /// Cytoscape (the network map) inserts into the head (<c>.__________cytoscape_container { position: relative; }</c>,
    /// cytoscape 3.34). Style attributes written through the CSSOM (React's <c>style</c> props, Recharts, Cytoscape's
    /// canvases) are not subject to the policy, so <c>'unsafe-inline'</c> is not needed; only markup with a
    /// <c>style="..."</c> attribute (for example raw HTML in Markdown minutes) is refused, which is meant.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='; "
        + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
        + "form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The policy of the API documentation (<see cref="OpenApi.ApiDocs"/>, Swagger UI under <c>/api/docs/</c>): the same, with one
    /// more stylesheet allowed by its hash, the fixed <c>&lt;style&gt;</c> inside Swagger UI's logo (an inline SVG, swagger-ui
    /// 5 as bundled by Swashbuckle 11.0.1: <c>.logo_small_svg__cls-2{fill:#fff}.logo_small_svg__cls-3{fill:#85ea2d}</c>).
    /// Still no inline script, no eval and no <c>'unsafe-inline'</c>; every other path keeps <see cref="ContentSecurityPolicy"/>.
    /// </summary>
    public const string ApiDocsContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8=' "
        + "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; "
        + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
        + "form-action 'self'; frame-ancestors 'none'";

    /// <summary>Powerful browser features the app never uses, switched off for it and anything it could embed.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
        + "midi=(), payment=(), usb=()";

    /// <summary>One year; not for subdomains, which the app does not own.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            Apply((HttpContext)state);
            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(OpenApi.ApiDocs.Path)
            ? ApiDocsContentSecurityPolicy : ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        if (context.Request.IsHttps) headers.StrictTransportSecurity = StrictTransportSecurity;
        else headers.Remove("Strict-Transport-Security");
    }
}
