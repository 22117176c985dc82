using Raumnetz.Domain.Common;

namespace Raumnetz.Api.Http;

/// <summary>Versions as strong ETags ("3") and If-Match parsing (RFC 9110, section 13.1.1).</summary>
public static class ETags
{
    public const string Header = "If-Match";

    /// <summary>The version no resource ever has: an entity tag that names no version of ours, which can only fail (412).</summary>
    public const long UnknownVersion = 0;

    public static string Format(long version) => $"\"{version}\"";

    /// <summary>
    /// The version a client expects from If-Match: null for "*" (any current version), <see cref="UnknownVersion"/> for
    /// well-formed entity tags none of which is one of our versions (the handler answers 412, as RFC 9110 says), 400
    /// naming the header when it is not a list of entity tags, and 428 when it is missing: every change to an existing
    /// resource must say which version it changes (operations that document 412 enforce this before the body is read,
    /// see <see cref="EndpointConventions.Errors"/>).
    /// </summary>
    public static long? IfMatch(HttpRequest request) =>
        Parse(request) is { } parsed ? parsed.Version : throw Missing();

    /// <summary>Like <see cref="IfMatch"/>, but null when the header is missing (an upsert that creates needs none).</summary>
    public static long? IfMatchOptional(HttpRequest request) => Parse(request)?.Version;

    internal static PreconditionRequiredException Missing() =>
        new(Text.Format(Messages.Detail_IfMatchRequired, Header));

    /// <summary>The parsed header (Version null for "*"), or null when there is none.</summary>
    internal static (long? Version, bool Any)? Parse(HttpRequest request)
    {
        var values = request.Headers.IfMatch;
        var header = string.Join(",", values.Where(v => v is not null)).Trim();
        if (header.Length == 0) return null;
        if (header == "*") return (null, true);
        long? found = null;
        var rest = header.AsSpan();
        while (true)
        {
            rest = rest.TrimStart();
            var weak = rest.StartsWith("W/", StringComparison.Ordinal);
            if (weak) rest = rest[2..];
            if (rest.Length < 2 || rest[0] != '"') throw Malformed();
            var end = rest[1..].IndexOf('"');
            if (end < 0) throw Malformed();
            var tag = rest.Slice(1, end);
            foreach (var c in tag)
                if (c < 0x21 || c == 0x7F || c == '"') throw Malformed(); // etagc: %x21 / %x23-7E / obs-text
            // Weak tags are compared as the strong tag they name, as this API has always done; several tags match when one does,
            // and this API never has two current versions, so the first tag that names a version is the one that can match.
            if (found is null && long.TryParse(tag, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) && version > 0)
                found = version;
            rest = rest[(end + 2)..].TrimStart();
            if (rest.Length == 0) break;
            if (rest[0] != ',') throw Malformed();
            rest = rest[1..];
        }
        return (found ?? UnknownVersion, false);
    }

    private static InvalidFieldException Malformed() =>
        new(Header, Text.Format(Messages.Field_IfMatchInvalid, Header));

    /// <summary>Sets the ETag header and returns the value.</summary>
    public static T WithETag<T>(this HttpContext context, T value, long version)
    {
        context.Response.Headers.ETag = Format(version);
        return value;
    }
}
