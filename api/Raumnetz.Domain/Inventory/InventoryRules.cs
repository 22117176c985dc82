using System.Globalization;

namespace Raumnetz.Domain.Inventory;

/// <summary>Rules of the inventory that need no data: coordinates, languages, opening times, weekdays as RFC 5545 codes.</summary>
public static class InventoryRules
{
    /// <summary>Latitude in WGS 84: -90 to 90 degrees.</summary>
    public static bool IsLatitude(double? value) => value is null || (double.IsFinite(value.Value) && value is >= -90 and <= 90);

    /// <summary>Longitude in WGS 84: -180 to 180 degrees.</summary>
    public static bool IsLongitude(double? value) => value is null || (double.IsFinite(value.Value) && value is >= -180 and <= 180);

    /// <summary>
    /// An ISO 639 language code: a two-letter ISO 639-1 code from the list, or three lower-case letters (ISO 639-2/3).
    /// </summary>
    public static bool IsLanguageCode(string? code) =>
        code is not null && ((code.Length == 2 && Iso6391.Contains(code)) || (code.Length == 3 && code.All(c => c is >= 'a' and <= 'z')));

    /// <summary>A time of day as HH:mm (00:00 to 23:59; 24:00 as a closing time means midnight).</summary>
    public static bool TryParseTime(string? text, bool closing, out int minutes)
    {
        minutes = 0;
        if (text is not { Length: 5 } || text[2] != ':') return false;
        if (!int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return false;
        if (closing && h == 24 && m == 0) { minutes = 24 * 60; return true; }
        if (h > 23 || m > 59) return false;
        minutes = (h * 60) + m;
        return true;
    }

    /// <summary>Whether an interval ends after it starts (both times valid).</summary>
    public static bool EndsAfterStart(string? opensAt, string? closesAt) =>
        !TryParseTime(opensAt, false, out var o) || !TryParseTime(closesAt, true, out var c) || c > o;

    private static readonly string[] DayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    /// <summary>The RFC 5545 BYDAY code of a weekday ("MO").</summary>
    public static string DayCode(Weekday day) => DayCodes[(int)day - 1];

    /// <summary>Weekdays from an RFC 5545 BYDAY list ("MO,TU"); codes it does not know are skipped.</summary>
    public static List<Weekday> ParseDays(string? byday) =>
        (byday ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => Array.IndexOf(DayCodes, d.ToUpperInvariant()))
            .Where(i => i >= 0).Select(i => (Weekday)(i + 1)).ToList();

    /// <summary>The ISO 639-1 codes.</summary>
    public static readonly IReadOnlySet<string> Iso6391 = new HashSet<string>(StringComparer.Ordinal)
    {
        "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh", "bi", "bm", "bn", "bo", "br",
        "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu",
        "fa", "ff", "fi", "fj", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy",
        "hz", "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn",
        "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml",
        "mn", "mr", "ms", "mt", "my", "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os",
        "pa", "pi", "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn",
        "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw",
        "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
    };
}
