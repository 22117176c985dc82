using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Raumnetz.Api.Http;

/// <summary>
/// The outermost steps of every request, ahead of everything else (even ASP.NET Core's host filtering and the request
/// log): the forwarded headers of trusted proxies (client address, scheme, host), then the security headers.
/// </summary>
public static class Edge
{
    public const string ForwardedHeadersSection = "Raumnetz:ForwardedHeaders";

    public static IServiceCollection AddRaumnetzEdge(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, configuration) =>
            ConfigureForwardedHeaders(o, configuration.GetSection(ForwardedHeadersSection)));
        services.AddSingleton<PublicUrls>();
        // First in the list, so its middleware wraps the framework's own startup filters (host filtering) too.
        services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, EdgeStartupFilter>());
        return services;
    }

    /// <summary>
    /// X-Forwarded-For, -Proto and -Host are honoured only from a trusted proxy: by default one on this machine (loopback),
    /// or exactly the configured <c>KnownProxies</c> (addresses) and <c>KnownNetworks</c> (CIDR). Through a chain of
    /// proxies the client is the last address that is not a trusted proxy itself.
    /// </summary>
    internal static void ConfigureForwardedHeaders(ForwardedHeadersOptions o, IConfigurationSection section)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        // No fixed count: every hop is checked against the trusted list, so walking the whole chain is safe.
        o.ForwardLimit = null;
        var proxies = Values(section.GetSection("KnownProxies")).Select(v => IPAddress.TryParse(v, out var address)
            ? address
            : throw new InvalidOperationException($"{ForwardedHeadersSection}:KnownProxies: '{v}' is not an IP address.")).ToList();
        var networks = Values(section.GetSection("KnownNetworks")).Select(v => System.Net.IPNetwork.TryParse(v, out var network)
            ? network
            : throw new InvalidOperationException($"{ForwardedHeadersSection}:KnownNetworks: '{v}' is not a network in CIDR notation (for example 10.0.0.0/8).")).ToList();
        if (proxies.Count == 0 && networks.Count == 0) return; // the framework's default: loopback only
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
        foreach (var network in networks) o.KnownIPNetworks.Add(network);
    }

    /// <summary>A list setting as one comma- or space-separated value (environment variables) or as an array (JSON, <c>__0</c>, <c>__1</c>).</summary>
    internal static IEnumerable<string> Values(IConfigurationSection section) =>
        (section.Value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(section.GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(v => v.Length > 0));

    private sealed class EdgeStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            _ = app.ApplicationServices.GetRequiredService<PublicUrls>(); // a malformed Raumnetz:PublicBaseUrl stops the start
            app.UseForwardedHeaders();
            app.UseMiddleware<SecurityHeadersMiddleware>();
            next(app);
        };
    }
}
