using Raumnetz.Domain.Common;

namespace Raumnetz.Api.Http;

/// <summary>Versions as strong ETags ("3") and If-Match parsing.</summary>
public static class ETags
{
    public static string Format(long version) => $"\"{version}\"";

    /// <summary>The version a client expects, or null when it sent no If-Match (or "*").</summary>
    public static long? IfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*") return null;
        var value = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"' && long.TryParse(value[1..^1], out var version) && version > 0) return version;
        throw new InvalidFieldException("If-Match", "If-Match must be the ETag of the resource as returned by GET, for example \"3\".");
    }

    /// <summary>Sets the ETag header and returns the value.</summary>
    public static T WithETag<T>(this HttpContext context, T value, long version)
    {
        context.Response.Headers.ETag = Format(version);
        return value;
    }
}
