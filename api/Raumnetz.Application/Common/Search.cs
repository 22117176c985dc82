using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Common;

public static class Search
{
    /// <summary>A LIKE pattern (with ESCAPE '\') that finds <paramref name="text"/> anywhere in a search key.</summary>
    public static string ContainsPattern(string text)
    {
        var key = TextRules.SearchKey(text).Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
        return $"%{key}%";
    }
}
