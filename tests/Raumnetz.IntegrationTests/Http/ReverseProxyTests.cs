using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Http;

/// <summary>A deployment behind proxies: one at 10.0.0.1, a pool in 192.168.50.0/24, and a public base URL with a path.</summary>
public sealed class ProxiedFactory : ApiFactory
{
    public const string Proxy = "10.0.0.1";
    public const string PoolProxy = "192.168.50.7";
    public const string PublicBaseUrl = "https://raumnetz.kreis.example/netz";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Raumnetz:ForwardedHeaders:KnownProxies"] = Proxy,
        ["Raumnetz:ForwardedHeaders:KnownNetworks"] = "192.168.50.0/24, fd00:50::/64",
        ["Raumnetz:PublicBaseUrl"] = PublicBaseUrl + "/",
    };
}

/// <summary>The API with only AllowedHosts set (host filtering).</summary>
public sealed class AllowedHostsFactory : ApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["AllowedHosts"] = "raumnetz.kreis.example" };
}

/// <summary>What a client could put in Host or X-Forwarded-Host never comes back in a response.</summary>
internal static class HostReflection
{
    public const string Evil = "evil.example";

    /// <summary>
    /// Signs in and runs requests of every kind with Host (and, through <paramref name="proxy"/> when given, X-Forwarded-Host)
    /// set to evil.example; returns the calendar subscription URL it was given. Asserts that no header and no body names the host.
    /// </summary>
    public static async Task<JsonElement> AssertNeverReflectedAsync(ApiFactory factory, string? proxy)
    {
        var ct = TestContext.Current.CancellationToken;
        // Through the proxy the cookies come back Secure, so the client speaks https to keep sending them.
        var client = proxy is null ? factory.ClientFrom("198.51.100.77", $"http://{Evil}") : factory.ClientFrom(proxy, $"https://{Evil}");
        if (proxy is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Host", Evil);
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.78");
        }
        var responses = new List<HttpResponseMessage>();
        async Task<HttpResponseMessage> Keep(Task<HttpResponseMessage> send)
        {
            var response = await send;
            responses.Add(response);
            return response;
        }

        await Keep(client.GetAsync("/api/v1/spaces", ct)); // 401 problem
        var login = await Keep(client.PostAsJsonAsync("/api/v1/auth/login", new { email = ApiFactory.AdminEmail, password = ApiFactory.AdminPassword }, ct));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var xsrf = login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).First(c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal));
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", Uri.UnescapeDataString(xsrf["XSRF-TOKEN=".Length..]));

        var created = await Keep(client.PostAsJsonAsync("/api/v1/networks", new { status = "active", name = $"Netz {Guid.NewGuid():N}", kind = "focusGroup", mandate = "Gastgeber prüfen" }, ct));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(ct));
        Assert.False(created.Headers.Location!.IsAbsoluteUri, $"Location {created.Headers.Location} is absolute");
        var network = await created.Content.ReadFromJsonAsync<JsonElement>(Json.Options, ct);
        var token = await Keep(client.GetAsync($"/api/v1/networks/{network.Id()}/calendar-token", ct));
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        await Keep(client.GetAsync($"/api/v1/spaces/{Guid.NewGuid()}", ct)); // 404 problem
        await Keep(client.GetAsync("/api/v1/nothing-here", ct));
        await Keep(client.GetAsync("/openapi/v1.json", ct));
        await Keep(client.GetAsync("/health/ready", ct));
        await Keep(client.GetAsync("/api/v1/auth/me", ct));

        foreach (var response in responses)
        {
            var headers = response.Headers.Concat(response.Content.Headers).SelectMany(h => h.Value.Select(v => $"{h.Key}: {v}"));
            Assert.DoesNotContain(headers, h => h.Contains(Evil, StringComparison.OrdinalIgnoreCase));
            var body = await response.Content.ReadAsStringAsync(ct);
            Assert.False(body.Contains(Evil, StringComparison.OrdinalIgnoreCase), $"{response.RequestMessage!.RequestUri}: {body}");
        }
        return await token.Content.ReadFromJsonAsync<JsonElement>(Json.Options, ct);
    }
}

public sealed class ReverseProxyTests(ProxiedFactory factory) : IClassFixture<ProxiedFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).ToLowerInvariant();

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { email, password }, Ct);

    [Fact]
    public async Task The_calendar_subscription_url_starts_with_the_public_base_url_whatever_host_the_request_names()
    {
        foreach (var proxy in new string?[] { null, ProxiedFactory.Proxy })
        {
            var token = await HostReflection.AssertNeverReflectedAsync(factory, proxy);

            var url = token.Str("url");
            Assert.StartsWith($"{ProxiedFactory.PublicBaseUrl}/api/v1/networks/{token.GetProperty("networkId").GetGuid()}/calendar.ics?token=", url);
            Assert.Equal("webcal://raumnetz.kreis.example/netz" + url["https://raumnetz.kreis.example/netz".Length..], token.Str("webcalUrl"));
            // The path behind the public base URL is this API's feed.
            var feed = await factory.Anonymous().GetAsync(url[ProxiedFactory.PublicBaseUrl.Length..], Ct);
            Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        }
    }

    [Theory]
    [InlineData(ProxiedFactory.Proxy)]
    [InlineData(ProxiedFactory.PoolProxy)]
    public async Task Through_a_trusted_proxy_that_reports_https_the_cookies_are_secure(string proxy)
    {
        var client = factory.ClientFrom(proxy);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.30");

        var login = await LoginAsync(client, ApiFactory.AdminEmail, ApiFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("; secure", SetCookie(login, "raumnetz.session"));
        Assert.Contains("; secure", SetCookie(login, "XSRF-TOKEN"));
        Assert.Contains("; secure", SetCookie(login, "raumnetz.af"));
        Assert.True(login.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Forwarded_headers_from_an_untrusted_address_are_ignored()
    {
        var client = factory.ClientFrom("203.0.113.40");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var login = await LoginAsync(client, ApiFactory.AdminEmail, ApiFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.DoesNotContain("; secure", SetCookie(login, "raumnetz.session"));
        Assert.False(login.Headers.Contains("Strict-Transport-Security"));

        // Nor does X-Forwarded-For make it another client: its failed sign-ins all count for 203.0.113.40.
        var email = $"nobody-{Guid.NewGuid():N}@test.local";
        for (var i = 1; i <= 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { email, password = "wrong-password" }) };
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{i}");
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request, Ct)).StatusCode);
        }
        using var sixth = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { email, password = "wrong-password" }) };
        sixth.Headers.Add("X-Forwarded-For", "198.51.100.99");
        await HttpAssert.ProblemAsync(await client.SendAsync(sixth, Ct), HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Through_a_trusted_proxy_each_forwarded_client_counts_for_itself()
    {
        var proxy = factory.ClientFrom(ProxiedFactory.Proxy);
        var email = $"nobody-{Guid.NewGuid():N}@test.local";
        for (var i = 1; i <= 6; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { email, password = "wrong-password" }) };
            // A chain: the client, then a proxy of the trusted pool; the client is the last address that is not a trusted proxy.
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{100 + i}, {ProxiedFactory.PoolProxy}");
            Assert.Equal(HttpStatusCode.Unauthorized, (await proxy.SendAsync(request, Ct)).StatusCode);
        }
    }
}

/// <summary>Without a public base URL the listen address is used, never the Host header.</summary>
public sealed class HostHeaderTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Without_a_public_base_url_no_response_names_the_host_of_the_request()
    {
        var token = await HostReflection.AssertNeverReflectedAsync(factory, proxy: null);
        Assert.StartsWith($"{ListenAddress}/api/v1/networks/", token.Str("url"));
    }

    [Fact]
    public async Task Through_the_local_proxy_no_response_names_the_forwarded_host()
    {
        // Without configuration a proxy on the same machine (loopback) is trusted.
        var token = await HostReflection.AssertNeverReflectedAsync(factory, proxy: "127.0.0.1");
        Assert.StartsWith($"{ListenAddress}/api/v1/networks/", token.Str("url"));
    }

    /// <summary>The address the server says it listens on (the API's default, http://127.0.0.1:5080, in the test host).</summary>
    private string ListenAddress => factory.Server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
}

public sealed class AllowedHostsTests(AllowedHostsFactory factory) : IClassFixture<AllowedHostsFactory>
{
    [Fact]
    public async Task With_allowed_hosts_another_host_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var evil = await factory.ClientFrom("198.51.100.5", $"http://{HostReflection.Evil}").GetAsync("/health/live", ct);
        Assert.Equal(HttpStatusCode.BadRequest, evil.StatusCode);
        Assert.DoesNotContain(HostReflection.Evil, await evil.Content.ReadAsStringAsync(ct));
        SecurityHeadersTests.AssertSecurityHeaders(evil, hsts: false);

        var allowed = await factory.ClientFrom("198.51.100.5", "http://raumnetz.kreis.example").GetAsync("/health/live", ct);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }
}

/// <summary>How the edge reads its settings and names clients.</summary>
public sealed class EdgeSettingsTests
{
    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void A_client_is_its_IPv4_address_or_its_IPv6_64(string address, string key) =>
        Assert.Equal(key, Raumnetz.Api.Security.ClientAddress.Key(IPAddress.Parse(address)));

    [Theory]
    [InlineData("https://raumnetz.kreis.example", "https://raumnetz.kreis.example")]
    [InlineData("https://raumnetz.kreis.example/", "https://raumnetz.kreis.example")]
    [InlineData("https://kreis.example/raumnetz/", "https://kreis.example/raumnetz")]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080")]
    [InlineData("", null)]
    public void The_public_base_url_is_kept_without_its_trailing_slash(string value, string? expected) =>
        Assert.Equal(expected, Raumnetz.Api.Http.PublicUrls.Parse(value));

    [Theory]
    [InlineData("raumnetz.kreis.example")]
    [InlineData("/netz")]
    [InlineData("ftp://kreis.example")]
    [InlineData("https://kreis.example/?a=1")]
    [InlineData("https://user:pw@kreis.example")]
    public void A_public_base_url_that_is_not_an_absolute_http_url_stops_the_start(string value) =>
        Assert.Throws<InvalidOperationException>(() => Raumnetz.Api.Http.PublicUrls.Parse(value));

    [Fact]
    public void Trusted_proxies_replace_the_loopback_default_and_take_lists_in_either_form()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["F:KnownProxies"] = "10.0.0.1, 10.0.0.2",
            ["F:KnownNetworks:0"] = "192.168.0.0/16",
            ["F:KnownNetworks:1"] = "fd00::/8",
        }).Build();
        var options = new Microsoft.AspNetCore.Builder.ForwardedHeadersOptions();
        Raumnetz.Api.Http.Edge.ConfigureForwardedHeaders(options, configuration.GetSection("F"));
        Assert.Equal([IPAddress.Parse("10.0.0.1"), IPAddress.Parse("10.0.0.2")], options.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("192.168.0.0/16"), System.Net.IPNetwork.Parse("fd00::/8")], options.KnownIPNetworks);
        Assert.Null(options.ForwardLimit);

        var defaults = new Microsoft.AspNetCore.Builder.ForwardedHeadersOptions();
        Raumnetz.Api.Http.Edge.ConfigureForwardedHeaders(defaults, new ConfigurationBuilder().Build().GetSection("F"));
        Assert.Contains(IPAddress.IPv6Loopback, defaults.KnownProxies);

        var bad = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["F:KnownNetworks"] = "10.0.0.0/33" }).Build();
        Assert.Throws<InvalidOperationException>(() => { Raumnetz.Api.Http.Edge.ConfigureForwardedHeaders(new Microsoft.AspNetCore.Builder.ForwardedHeadersOptions(), bad.GetSection("F")); });
    }
}
