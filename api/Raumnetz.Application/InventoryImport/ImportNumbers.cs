using System.Globalization;

namespace Raumnetz.Application.InventoryImport;

/// <summary>How a spreadsheet writes the numbers in its cells.</summary>
public enum NumberNotation
{
    /// <summary>Not known: a CSV separated by ',' or a tab, or an XLSX text cell. '.' and ',' may each be the decimal mark.</summary>
    Unknown,

    /// <summary>German: a CSV separated by ';' (German Excel, the exports with decimal=comma). ',' is the decimal mark, '.' groups
    /// thousands.</summary>
    German,

    /// <summary>A number the file stores as a number (an XLSX number cell): invariant form, never ambiguous.</summary>
    Invariant,
}

/// <summary>What a number cell was read as: a value, two values it may equally mean, or nothing.</summary>
public readonly record struct NumberReading(double? Value, double? Other = null)
{
    public bool IsAmbiguous => Other is not null;
}

/// <summary>
/// The import's one rule for numbers written as text. A text is read both ways: with ',' as decimal mark and '.' grouping
/// thousands (German, "2.500,5"), and with '.' as decimal mark and ',' grouping thousands ("2,500.5"); a group separator
/// must stand between groups of three digits ("1.234.567"), a number may have a sign and an exponent ("1E-05"). Where only one
/// reading is a number, or both give the same ("2500", "52,41", "52.41", "1.234,5"), that is the value. Where they differ
/// ("2.500": 2500 or 2.5; "1,250": 1.25 or 1250), a German file takes the German reading; in a file that does not show its
/// notation the value is ambiguous, and the import says so rather than guessing. Columns that cannot reach 1,000
/// (coordinates) have no thousands: there a single '.' or ',' is always the decimal mark.
/// </summary>
public static class ImportNumbers
{
    public static NumberReading Read(string text, NumberNotation notation, bool thousands)
    {
        var t = text.Trim();
        if (notation == NumberNotation.Invariant)
            return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact) && double.IsFinite(exact)
                ? new NumberReading(exact) : default;
        var german = Parse(t, decimalMark: ',', groupMark: '.', thousands);
        var point = Parse(t, decimalMark: '.', groupMark: ',', thousands);
        if (german is null || point is null || german == point) return new NumberReading(german ?? point);
        return notation == NumberNotation.German ? new NumberReading(german) : new NumberReading(german, point);
    }

    /// <summary>The value of <paramref name="t"/> written with that decimal mark and (where <paramref name="thousands"/>) that
    /// group mark, or null when it is no such number.</summary>
    private static double? Parse(string t, char decimalMark, char groupMark, bool thousands)
    {
        var i = 0;
        var invariant = new System.Text.StringBuilder(t.Length);
        if (i < t.Length && t[i] is '+' or '-') invariant.Append(t[i++]);
        // the whole part: digits, or groups of three after a first group of one to three digits
        var start = i;
        var group = 0; // digits in the current group
        var grouped = false;
        for (; i < t.Length; i++)
        {
            var c = t[i];
            if (char.IsAsciiDigit(c))
            {
                invariant.Append(c);
                group++;
                continue;
            }
            if (c != groupMark || !thousands) break;
            if (group == 0 || (grouped ? group != 3 : group > 3) || (!grouped && t[start] == '0')) return null;
            grouped = true;
            group = 0;
        }
        if (grouped && group != 3) return null;
        var whole = i - start;
        var fraction = 0;
        if (i < t.Length && t[i] == decimalMark)
        {
            invariant.Append('.');
            for (i++; i < t.Length && char.IsAsciiDigit(t[i]); i++, fraction++) invariant.Append(t[i]);
            if (fraction == 0) return null;
        }
        if (whole == 0 && fraction == 0) return null;
        if (i < t.Length && t[i] is 'e' or 'E')
        {
            invariant.Append('E');
            i++;
            if (i < t.Length && t[i] is '+' or '-') invariant.Append(t[i++]);
            var exponent = 0;
            for (; i < t.Length && char.IsAsciiDigit(t[i]); i++, exponent++) invariant.Append(t[i]);
            if (exponent == 0) return null;
        }
        if (i != t.Length) return null;
        return double.TryParse(invariant.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v : null;
    }
}
