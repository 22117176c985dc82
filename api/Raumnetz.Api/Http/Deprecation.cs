using System.Globalization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Raumnetz.Api.Http;

/// <summary>
/// An operation that is deprecated: since when, when it goes away (if decided), and where the policy or its successor is
/// described. Set with <see cref="DeprecationConventions.Deprecated{TBuilder}"/>.
/// </summary>
public sealed record DeprecatedEndpointMetadata(DateTimeOffset Since, DateTimeOffset? Sunset, string Link);

public static class DeprecationConventions
{
    /// <summary>The published deprecation policy (the integration guide, served with the API documentation).</summary>
    public const string PolicyLink = OpenApi.ApiDocs.GuidePath + "#deprecation-policy";

    /// <summary>
    /// Marks the endpoint deprecated: its responses carry <c>Deprecation</c> (RFC 9745), <c>Sunset</c> (RFC 8594, when
    /// <paramref name="sunset"/> is given) and <c>Link: &lt;link&gt;; rel="deprecation"</c>, and the OpenAPI document marks the
    /// operation <c>deprecated: true</c> with the dates in its description. <paramref name="link"/> defaults to the policy.
    /// </summary>
    public static TBuilder Deprecated<TBuilder>(this TBuilder builder, DateTimeOffset since, DateTimeOffset? sunset = null,
        string? link = null)
        where TBuilder : IEndpointConventionBuilder
    {
        if (sunset is { } end && end < since) throw new ArgumentException("The sunset cannot come before the deprecation.", nameof(sunset));
        var metadata = new DeprecatedEndpointMetadata(since.ToUniversalTime(), sunset?.ToUniversalTime(), link ?? PolicyLink);
        builder.Add(b => b.Metadata.Add(metadata));
        return builder;
    }

    /// <summary><c>@&lt;unix seconds&gt;</c>: an RFC 9651 Date, as RFC 9745 wants it.</summary>
    public static string DeprecationValue(DateTimeOffset since) =>
        "@" + since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>An IMF-fixdate (<c>Sun, 06 Nov 1994 08:49:37 GMT</c>), as RFC 8594 wants it.</summary>
    public static string SunsetValue(DateTimeOffset sunset) => sunset.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);

    public static string LinkValue(string link) => $"<{link}>; rel=\"deprecation\"";
}

/// <summary>
/// Adds the deprecation headers to every response of a deprecated endpoint, errors included (added when the response
/// starts, so the exception handler clearing the response cannot drop them). Runs after routing, which names the endpoint.
/// </summary>
public sealed class DeprecationMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<DeprecatedEndpointMetadata>() is { } deprecated)
            context.Response.OnStarting(static state =>
            {
                var (http, d) = ((HttpContext, DeprecatedEndpointMetadata))state;
                var headers = http.Response.Headers;
                headers["Deprecation"] = DeprecationConventions.DeprecationValue(d.Since);
                if (d.Sunset is { } sunset) headers["Sunset"] = DeprecationConventions.SunsetValue(sunset);
                headers.Append("Link", DeprecationConventions.LinkValue(d.Link));
                return Task.CompletedTask;
            }, (context, deprecated));
        return next(context);
    }
}

/// <summary>Marks deprecated operations <c>deprecated: true</c> and says since when and until when in their description.</summary>
public sealed class DeprecationOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var deprecated = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<DeprecatedEndpointMetadata>().FirstOrDefault();
        if (deprecated is null) return;
        operation.Deprecated = true;
        var note = string.Create(CultureInfo.InvariantCulture, $"Deprecated since {deprecated.Since:yyyy-MM-dd}")
            + (deprecated.Sunset is { } sunset
                ? string.Create(CultureInfo.InvariantCulture, $"; removed on {sunset:yyyy-MM-dd} (Sunset header)")
                : "")
            + $". Responses carry the Deprecation header; see {deprecated.Link}.";
        operation.Description = string.IsNullOrEmpty(operation.Description) ? note : operation.Description + "\n\n" + note;
    }
}
