using System.Net;
using Microsoft.AspNetCore.Hosting;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Http;

/// <summary>The API serving a stand-in of the built SPA (index.html and one asset), behind a trusted proxy at 10.0.0.1.</summary>
public sealed class SpaFactory : ApiFactory
{
    public const string Proxy = "10.0.0.1";

    private readonly DirectoryInfo webRoot = Directory.CreateTempSubdirectory("raumnetz-web-");

    public SpaFactory()
    {
        File.WriteAllText(Path.Combine(webRoot.FullName, "index.html"),
            """<!doctype html><html lang="de"><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>""");
        Directory.CreateDirectory(Path.Combine(webRoot.FullName, "assets"));
        File.WriteAllText(Path.Combine(webRoot.FullName, "assets", "app.js"), "document.title = 'Raumnetz';");
    }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Raumnetz:ForwardedHeaders:KnownProxies"] = Proxy };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseWebRoot(webRoot.FullName);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) webRoot.Delete(recursive: true);
    }
}

/// <summary>Every kind of response carries the security headers: API JSON, problem+json of every origin, SPA files, health, the document.</summary>
public sealed class SecurityHeadersTests(SpaFactory factory) : IClassFixture<SpaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string, bool, int> Responses => new()
    {
        { "liveness", "GET", "/health/live", false, 200 },
        { "readiness", "GET", "/health/ready", false, 200 },
        { "OpenAPI document", "GET", "/openapi/v1.json", false, 200 },
        { "API JSON", "GET", "/api/v1/auth/me", true, 200 },
        { "API JSON list", "GET", "/api/v1/spaces", true, 200 },
        { "401 problem (authorization)", "GET", "/api/v1/spaces", false, 401 },
        { "401 problem (endpoint)", "GET", $"/api/v1/networks/{Guid.NewGuid()}/calendar.ics?token=wrong", false, 401 },
        { "404 problem (exception handler)", "GET", $"/api/v1/spaces/{Guid.NewGuid()}", true, 404 },
        { "404 problem (unknown API route)", "GET", "/api/v1/nothing-here", false, 404 },
        { "405 problem", "DELETE", "/api/v1/auth/me", true, 405 },
        { "400 validation problem", "POST", "/api/v1/auth/login", false, 400 },
        { "SPA index", "GET", "/", false, 200 },
        { "SPA route (fallback to index.html)", "GET", "/networks/some-network", false, 200 },
        { "SPA asset", "GET", "/assets/app.js", false, 200 },
        { "missing file", "GET", "/assets/missing.js", false, 404 },
        { "HEAD of the SPA", "HEAD", "/", false, 200 },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_response_carries_the_security_headers(string kind, string method, string url, bool signedIn, int status)
    {
        var client = signedIn ? await factory.AdminAsync() : factory.Anonymous();
        // health, SPA, static files and unknown routes are deliberately outside the document: only the headers are checked here
        using var request = new HttpRequestMessage(new HttpMethod(method), url).OutsideTheDocument();
        if (method == "POST") request.Content = TestData.RawJson("{}");

        using var response = await client.SendAsync(request, Ct);

        Assert.True(status == (int)response.StatusCode, $"{kind}: expected {status}, got {(int)response.StatusCode}");
        AssertSecurityHeaders(response, hsts: false);
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_only_as_the_trusted_proxy_reports_it()
    {
        using var direct = new HttpRequestMessage(HttpMethod.Get, "https://localhost/health/live").OutsideTheDocument();
        AssertSecurityHeaders(await factory.Anonymous().SendAsync(direct, Ct), hsts: true);

        var proxy = factory.ClientFrom(SpaFactory.Proxy);
        proxy.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        proxy.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.20");
        AssertSecurityHeaders(await proxy.GetAsync("/", Ct), hsts: true);
        AssertSecurityHeaders(await proxy.GetAsync("/api/v1/spaces", Ct), hsts: true);

        var stranger = factory.ClientFrom("203.0.113.5");
        stranger.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        AssertSecurityHeaders(await stranger.GetAsync("/", Ct), hsts: false);
    }

    [Fact]
    public void The_policy_allows_no_inline_script_and_no_inline_style_element_but_the_hashed_one()
    {
        var policy = Raumnetz.Api.Http.SecurityHeadersMiddleware.ContentSecurityPolicy;
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToArray());
        Assert.Equal(["'self'"], directives["default-src"]);
        Assert.Equal(["'self'"], directives["script-src"]);
        Assert.Equal("'self'", directives["style-src"][0]);
        Assert.All(directives["style-src"].Skip(1), s => Assert.StartsWith("'sha256-", s));
        Assert.DoesNotContain(directives.Values.SelectMany(v => v), s => s.Contains("unsafe", StringComparison.Ordinal));
        Assert.Equal(["'none'"], directives["frame-ancestors"]);
        Assert.Equal(["'none'"], directives["object-src"]);
        Assert.Equal(["'self'"], directives["base-uri"]);
        Assert.Equal(["'self'"], directives["form-action"]);
        Assert.Equal(["'self'"], directives["connect-src"]);
        Assert.Equal(["'self'", "data:", "blob:"], directives["img-src"]);
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response, bool hsts)
    {
        string Header(string name) => response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
            : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content)
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: no {name} header");

        var csp = Header("Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        Assert.Equal("no-referrer", Header("Referrer-Policy"));
        var permissions = Header("Permissions-Policy");
        Assert.Contains("camera=()", permissions);
        Assert.Contains("microphone=()", permissions);
        Assert.Contains("geolocation=()", permissions);
        Assert.Equal(hsts, response.Headers.Contains("Strict-Transport-Security"));
        if (hsts) Assert.StartsWith("max-age=", Header("Strict-Transport-Security"));
    }
}
