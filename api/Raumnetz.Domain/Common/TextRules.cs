namespace Raumnetz.Domain.Common;

public static class TextRules
{
    /// <summary>Normalised form for case- and umlaut-tolerant search and sorting on every provider (ä→ae, ß→ss, lower case).</summary>
    public static string SearchKey(string text)
    {
        var s = text.Trim().ToLowerInvariant();
        return s.Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("ß", "ss");
    }
}
