using System.Security.Cryptography;
using System.Text;

namespace Raumnetz.Api.Http;

/// <summary>
/// ETags for content without a version number of its own (exports): a strong ETag hashed from a text that changes
/// whenever the content would, and the If-None-Match check that answers 304.
/// </summary>
public static class ContentETags
{
    public static string Of(string version) => "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(version)))[..32] + "\"";

    /// <summary>Whether If-None-Match names this ETag (strong or weak) or is "*": the client has the content already.</summary>
    public static bool NotModified(HttpRequest request, string etag) =>
        request.Headers.IfNoneMatch.ToString() is { Length: > 0 } header
        && header.Split(',').Select(t => t.Trim()).Any(t => t == etag || t == "W/" + etag || t == "*");
}
