using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Raumnetz.Domain.Indicators;

/// <summary>How long a period lasts.</summary>
public enum PeriodType
{
    Year = 1,
    HalfYear = 2,
    Quarter = 3,
    Month = 4,
}

/// <summary>
/// A reporting period: a year (<c>2024</c>), half year (<c>2024-H1</c>), quarter (<c>2024-Q2</c>) or month
/// (<c>2024-05</c>). Periods order by their first month, and a longer period before the shorter ones that start with it
/// (2024, 2024-H1, 2024-Q1, 2024-01, 2024-02, ...). <see cref="FirstMonth"/> and <see cref="LastMonth"/> are
/// yyyymm numbers, stored with each observation so the database can filter and sort by time.
/// </summary>
public readonly record struct Period : IComparable<Period>
{
    public const int MinYear = 1900;
    public const int MaxYear = 2200;

    private Period(int year, PeriodType type, int number)
    {
        Year = year;
        Type = type;
        Number = number;
    }

    public int Year { get; }
    public PeriodType Type { get; }
    /// <summary>1 for a year; the half (1–2), quarter (1–4) or month (1–12) otherwise.</summary>
    public int Number { get; }

    public static Period OfYear(int year) => Create(year, PeriodType.Year, 1);

    private static Period Create(int year, PeriodType type, int number)
    {
        if (year is < MinYear or > MaxYear || number < 1 || number > PartsPerYear(type)) throw new ArgumentOutOfRangeException(
            nameof(number), $"No such period: {year} {type} {number}.");
        return new Period(year, type, number);
    }

    private static int PartsPerYear(PeriodType type) => type switch
    {
        PeriodType.Year => 1,
        PeriodType.HalfYear => 2,
        PeriodType.Quarter => 4,
        _ => 12,
    };

    private int Months => 12 / PartsPerYear(Type);

    /// <summary>First month as yyyymm (2024-Q2 → 202404).</summary>
    public int FirstMonth => Year * 100 + (Number - 1) * Months + 1;

    /// <summary>Last month as yyyymm (2024-Q2 → 202406).</summary>
    public int LastMonth => Year * 100 + Number * Months;

    public static Period Parse(string text) =>
        TryParse(text, out var p) ? p : throw new FormatException($"'{text}' is not a period (2024, 2024-H1, 2024-Q2 or 2024-05).");

    /// <summary>Parses the canonical forms; "h" and "q" may be lower case and surrounding white space is ignored.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Period period)
    {
        period = default;
        if (text is null) return false;
        var s = text.Trim();
        if (s.Length < 4 || !int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year is < MinYear or > MaxYear) return false;
        if (s.Length == 4) { period = new Period(year, PeriodType.Year, 1); return true; }
        if (s[4] != '-') return false;
        var rest = s[5..];
        if (rest.Length == 2 && (rest[0] is 'H' or 'h' or 'Q' or 'q') && rest[1] is >= '1' and <= '9')
        {
            var type = rest[0] is 'H' or 'h' ? PeriodType.HalfYear : PeriodType.Quarter;
            var n = rest[1] - '0';
            if (n > PartsPerYear(type)) return false;
            period = new Period(year, type, n);
            return true;
        }
        if (rest.Length == 2 && char.IsAsciiDigit(rest[0]) && char.IsAsciiDigit(rest[1]))
        {
            var month = (rest[0] - '0') * 10 + (rest[1] - '0');
            if (month is < 1 or > 12) return false;
            period = new Period(year, PeriodType.Month, month);
            return true;
        }
        return false;
    }

    /// <summary>The period of the same length before this one (2024-Q1 → 2023-Q4); null before <see cref="MinYear"/>.</summary>
    public Period? Previous()
    {
        if (Number > 1) return new Period(Year, Type, Number - 1);
        return Year > MinYear ? new Period(Year - 1, Type, PartsPerYear(Type)) : null;
    }

    /// <summary>Whether <paramref name="other"/> lies wholly inside this period (a period contains itself).</summary>
    public bool Contains(Period other) => FirstMonth <= other.FirstMonth && other.LastMonth <= LastMonth;

    /// <summary>Parts of one length that make up this period, for example the four quarters of a year.</summary>
    public bool IsPartitionedBy(PeriodType type) => (int)type > (int)Type;

    public int CompareTo(Period other)
    {
        var c = FirstMonth.CompareTo(other.FirstMonth);
        return c != 0 ? c : other.LastMonth.CompareTo(LastMonth);
    }

    public static bool operator <(Period a, Period b) => a.CompareTo(b) < 0;
    public static bool operator >(Period a, Period b) => a.CompareTo(b) > 0;
    public static bool operator <=(Period a, Period b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Period a, Period b) => a.CompareTo(b) >= 0;

    public override string ToString() => Type switch
    {
        PeriodType.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        PeriodType.HalfYear => $"{Year:D4}-H{Number}",
        PeriodType.Quarter => $"{Year:D4}-Q{Number}",
        _ => $"{Year:D4}-{Number:D2}",
    };
}
