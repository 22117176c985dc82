using System.Text;
using Swashbuckle.AspNetCore.SwaggerUI;

namespace Raumnetz.Api.OpenApi;

/// <summary>
/// The interactive API documentation: Swagger UI (Swashbuckle) at <c>/api/docs/</c>, reading the OpenAPI document the
/// API serves at <c>/openapi/v1.json</c> (the committed <c>openapi/raumnetz.v1.json</c>; the contract tests hold them
/// equal). Anonymous like the document itself; "Try it out" calls the API with the browser's session or with an API key
/// entered under "Authorize".
/// <para>
/// It runs under the product's strict Content-Security-Policy with one stylesheet hash more (the logo's, see
/// <see cref="Http.SecurityHeadersMiddleware.ApiDocsContentSecurityPolicy"/>, for this path only): Swagger UI's page loads its
/// configuration as a
/// script file (<c>index.js</c>), not inline, and no request interceptor or plugin is configured, since Swashbuckle
/// turns those into functions with <c>Function</c>/<c>eval</c>, which the policy forbids. The one addition is
/// <see cref="ScriptPath"/>, a script file of our own in the page's head that adds the <c>X-XSRF-TOKEN</c> header (from the
/// readable <c>XSRF-TOKEN</c> cookie) to unsafe requests, as the web app does, so "Try it out" works with the session.
/// </para>
/// </summary>
public static class ApiDocs
{
    public const string Path = "/api/docs";
    public const string ScriptPath = Path + "/raumnetz-docs.js";
    /// <summary>The integration guide (openapi/guide/*.md, embedded), served as Markdown beside the documentation.</summary>
    public const string GuideFolder = Path + "/guide/";
    public const string GuidePath = GuideFolder + "README.md";

    /// <summary>Sends the antiforgery header with every unsafe request the page makes through <c>fetch</c>.</summary>
    internal const string Script = """
        // Raumnetz API documentation: "Try it out" with the signed-in session sends the antiforgery header, as the web app does.
        (function () {
          var unsafe = /^(POST|PUT|PATCH|DELETE)$/i;
          var original = window.fetch.bind(window);
          window.fetch = function (input, init) {
            init = init || {};
            var method = init.method || (input && input.method) || 'GET';
            var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
            if (unsafe.test(method) && match) {
              var headers = new Headers(init.headers || (input && input.headers) || {});
              if (!headers.has('X-XSRF-TOKEN')) headers.set('X-XSRF-TOKEN', decodeURIComponent(match[1]));
              init.headers = headers;
            }
            return original(input, init);
          };
        })();
        """;

    /// <summary>A page of the embedded guide by its file name (<c>/README.md</c>), or null.</summary>
    private static byte[]? Guide(string? name)
    {
        if (name is null || name.Length < 2 || name.IndexOf('/', 1) >= 0 || !name.EndsWith(".md", StringComparison.Ordinal)) return null;
        using var stream = typeof(ApiDocs).Assembly.GetManifestResourceStream("guide/" + name[1..]);
        if (stream is null) return null;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static async Task ServeAsync(HttpContext context, RequestDelegate next, byte[] script)
    {
        var path = context.Request.Path;
        if (path.Equals(ScriptPath, StringComparison.Ordinal))
        {
            context.Response.ContentType = "text/javascript; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.Body.WriteAsync(script, context.RequestAborted);
            return;
        }
        if (path.StartsWithSegments(GuideFolder.TrimEnd('/'), out var rest) && Guide(rest.Value) is { } page)
        {
            context.Response.ContentType = "text/markdown; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.Body.WriteAsync(page, context.RequestAborted);
            return;
        }
        await next(context);
    }

    /// <summary>
    /// Ahead of routing, so the page and its files are served before authentication and the API's fallback. Only requests
    /// under <see cref="Path"/> enter it; every other request passes straight on (no state machine, no Swagger UI path match).
    /// </summary>
    public static IApplicationBuilder UseRaumnetzApiDocs(this IApplicationBuilder app)
    {
        var script = Encoding.UTF8.GetBytes(Script);
        app.Use((context, next) =>
            (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                && context.Request.Path.StartsWithSegments(Path)
                ? ServeAsync(context, next, script)
                : next(context));
        return app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), docs => docs.UseSwaggerUI(o =>
        {
            o.RoutePrefix = Path.TrimStart('/');
            o.DocumentTitle = "Raumnetz API";
            // Relative to the page (/api/docs/index.html), so a path base in front of the app is kept.
            o.SwaggerEndpoint("../../openapi/" + OpenApiSetup.DocumentName + ".json", "Raumnetz API v1");
            o.InjectJavascript("./" + ScriptPath[(Path.Length + 1)..]);
            o.DisplayOperationId();
            o.DisplayRequestDuration();
            o.EnableDeepLinking();
            o.EnableFilter();
            o.DocExpansion(DocExpansion.None);
            o.DefaultModelsExpandDepth(0);
        }));
    }
}
