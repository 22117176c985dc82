using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Raumnetz.Api.Startup;

namespace Raumnetz.Api.Http;

/// <summary>
/// The one place that makes absolute links (the calendar subscription URL; every other link the API gives, such as
/// <c>Location</c>, is a path). They start with <c>Raumnetz:PublicBaseUrl</c>, else with the address the server listens
/// on; never with the request's <c>Host</c> or a forwarded host, which the client chooses.
/// </summary>
public sealed partial class PublicUrls
{
    private readonly string? configured;
    private readonly IServer server;
    private readonly ILogger<PublicUrls> logger;
    private int warned;

    public PublicUrls(RaumnetzOptions options, IServer server, ILogger<PublicUrls> logger)
    {
        configured = Parse(options.PublicBaseUrl);
        this.server = server;
        this.logger = logger;
    }

    /// <summary>The configured base URL without a trailing slash; null when not set. Throws when it is not an absolute http(s) URL.</summary>
    internal static string? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            throw new InvalidOperationException(
                $"Raumnetz:PublicBaseUrl '{value}' is not an absolute http or https URL without query (for example https://raumnetz.kreis.example).");
        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    /// <summary>The absolute URL of a path of this application ("/api/v1/...", with its query if any).</summary>
    public string Absolute(string pathAndQuery)
    {
        if (!pathAndQuery.StartsWith('/')) throw new ArgumentException("Expected a path that starts with '/'.", nameof(pathAndQuery));
        return (configured ?? ListenAddress()) + pathAndQuery;
    }

    /// <summary>The first address the server listens on, wildcard hosts as localhost.</summary>
    private string ListenAddress()
    {
        if (Interlocked.Exchange(ref warned, 1) == 0) NoPublicBaseUrl(logger);
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        address = address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri)) return "http://localhost";
        var builder = new UriBuilder(uri);
        if (builder.Host is "0.0.0.0" or "[::]" or "::") builder.Host = "localhost";
        return builder.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Raumnetz:PublicBaseUrl is not set: absolute links (calendar subscriptions) use the address the server listens on. Set it to the address users reach the app at.")]
    private static partial void NoPublicBaseUrl(ILogger logger);
}
