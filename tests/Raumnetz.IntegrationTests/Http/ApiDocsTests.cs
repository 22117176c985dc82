using System.Net;
using System.Text.RegularExpressions;
using Raumnetz.Api.Http;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Http;

/// <summary>
/// The interactive API documentation (Swagger UI at /api/docs/): served anonymously, every file the page names loads, it
/// reads the API's own document, and it runs under a Content-Security-Policy as strict as everywhere else (one stylesheet
/// hash more), while every other path keeps the product's policy.
/// </summary>
public sealed partial class ApiDocsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_page_and_every_file_it_names_load_without_signing_in()
    {
        var client = factory.UncheckedClient();
        var redirect = await factory.UncheckedClient(new() { AllowAutoRedirect = false }).GetAsync("/api/docs", Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);

        var page = await client.GetAsync("/api/docs/index.html", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<title>Raumnetz API</title>", html, StringComparison.Ordinal);
        // No inline script: every <script> element names a file.
        Assert.All(ScriptElement().Matches(html), m => Assert.Contains("src=", m.Value, StringComparison.Ordinal));

        var files = AssetReference().Matches(html).Select(m => m.Groups["file"].Value).Distinct().ToList();
        Assert.Contains("./raumnetz-docs.js", files);
        Assert.Contains("index.js", files);
        Assert.Contains("./swagger-ui-bundle.js", files);
        Assert.Contains("./swagger-ui.css", files);
        foreach (var file in files)
        {
            var response = await client.GetAsync(new Uri(new Uri("http://localhost/api/docs/index.html"), file), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{file}: {(int)response.StatusCode}");
            var type = response.Content.Headers.ContentType?.MediaType;
            var expected = file.EndsWith(".css", StringComparison.Ordinal) ? type == "text/css"
                : file.EndsWith(".png", StringComparison.Ordinal) ? type == "image/png"
                : type is "text/javascript" or "application/javascript";
            Assert.True(expected, $"{file}: {type}");
            Assert.True((await response.Content.ReadAsByteArrayAsync(Ct)).Length > 0, file);
        }

        // The configuration points at the document the API serves, relative to the page, with no interceptor (eval).
        var config = await client.GetStringAsync("/api/docs/index.js", Ct);
        Assert.Contains("\"../../openapi/v1.json\"", config, StringComparison.Ordinal);
        // No interceptor functions and no plugins: Swashbuckle would turn them into code with Function/eval.
        Assert.Contains("var interceptors = {};", config, StringComparison.Ordinal);
        var configObject = ConfigObject().Match(config).Groups["json"].Value;
        Assert.Contains("\"urls\"", configObject, StringComparison.Ordinal);
        Assert.DoesNotContain("\"plugins\"", configObject, StringComparison.Ordinal);
        var document = await client.GetAsync(new Uri(new Uri("http://localhost/api/docs/index.html"), "../../openapi/v1.json"), Ct);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        // The served document (ContractTests holds it equal to the committed openapi/raumnetz.v1.json).
        Assert.Equal(await client.GetStringAsync("/openapi/v1.json", Ct), await document.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_session_script_adds_the_antiforgery_header_to_unsafe_requests_only()
    {
        var script = await factory.UncheckedClient().GetStringAsync("/api/docs/raumnetz-docs.js", Ct);
        Assert.Contains("X-XSRF-TOKEN", script, StringComparison.Ordinal);
        Assert.Contains("XSRF-TOKEN=", script, StringComparison.Ordinal);
        Assert.Contains("POST|PUT|PATCH|DELETE", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/docs/index.html")]
    [InlineData("/api/docs/index.js")]
    [InlineData("/api/docs/swagger-ui-bundle.js")]
    public async Task The_documentation_runs_under_a_strict_policy(string path)
    {
        var response = await factory.UncheckedClient().GetAsync(path, Ct);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeadersMiddleware.ApiDocsContentSecurityPolicy, policy);
        AssertStrict(policy);
        // Only the logo's stylesheet is added to the product's policy.
        Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy,
            policy.Replace(" 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api/v1/spaces")]
    [InlineData("/api/v1/docs-nothing")]
    [InlineData("/health/live")]
    public async Task Every_other_path_keeps_the_products_policy(string path)
    {
        var response = await factory.UncheckedClient().GetAsync(path, Ct);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, policy);
        Assert.DoesNotContain("RL3ie0nH", policy, StringComparison.Ordinal);
        AssertStrict(policy);
    }

    [Fact]
    public async Task The_integration_guide_is_served_beside_the_documentation()
    {
        var response = await factory.UncheckedClient().GetAsync("/api/docs/guide/README.md", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        var guide = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("## Deprecation policy", guide, StringComparison.Ordinal);
        Assert.Contains("## Rate limits", guide, StringComparison.Ordinal);
        var client = factory.UncheckedClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/docs/guide/missing.md", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/docs/guide/sub/README.md", Ct)).StatusCode);
    }

    private static void AssertStrict(string policy)
    {
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [GeneratedRegex("var configObject = (?<json>.*);")]
    private static partial Regex ConfigObject();

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptElement();

    [GeneratedRegex("""(?:src|href)=["'](?<file>[^"']+)["'] """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex AssetReference();
}
