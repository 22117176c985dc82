using System.Globalization;

namespace Raumnetz.Domain.Common;

/// <summary>
/// The product's one message catalogue (Common/Messages.resx in English, Messages.de.resx in German): every text a
/// client can read in a response (problem titles and details, field messages, conflicts, import row errors) comes from
/// it, in the request's language (<see cref="CultureInfo.CurrentUICulture"/>, set per request from Accept-Language by
/// the API; German by default). Placeholders are composite-format ones ({0}); the values are formatted in the same
/// language, so a German message shows 5,2 and an English one 5.2.
/// </summary>
public static class Text
{
    /// <summary>The languages the catalogue has, the first being the default.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["de", "en"];

    /// <summary>The message <paramref name="template"/> (a <see cref="Messages"/> property) with its placeholders filled.</summary>
    /// <remarks>Messages.Culture stays unset, so every entry is read in the current UI culture, the request's.</remarks>
    public static string Format(string template, params object?[] args) =>
        string.Format(CultureInfo.GetCultureInfo(CultureInfo.CurrentUICulture.Name), template, args);

    /// <summary>The catalogue entry named <paramref name="key"/>, or null when the catalogue has no such entry.</summary>
    public static string? Find(string key) => Messages.ResourceManager.GetString(key, CultureInfo.CurrentUICulture);

    /// <summary>A resource's name in the request's language ("Network" → "Netzwerk"), for "… was not found" messages.</summary>
    public static string Resource(string resource) => Find(ResourceKey(resource)) ?? resource;

    /// <summary>
    /// The catalogue entry of a resource's name: "Network member" → "Resource_NetworkMember", "API key" → "Resource_ApiKey".
    /// </summary>
    public static string ResourceKey(string resource) =>
        "Resource_" + string.Concat(resource.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));

    /// <summary>"Space '…' does not exist." in the request's language: a field names something that is not there.</summary>
    public static string DoesNotExist(string resource, object id) => Format(Messages.Rule_DoesNotExist, Resource(resource), id);
}
