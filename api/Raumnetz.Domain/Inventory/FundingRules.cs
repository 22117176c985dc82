namespace Raumnetz.Domain.Inventory;

/// <summary>Where a funding stands for the time after its end (Verlängerung).</summary>
public enum RenewalStatus
{
    /// <summary>Gesichert: the funding (or its follow-up) is secured.</summary>
    Secured = 1,
    /// <summary>Beantragt: a renewal or follow-up has been applied for.</summary>
    Applied = 2,
    /// <summary>Offen: nothing is settled yet.</summary>
    Open = 3,
    /// <summary>Ausgelaufen: the funding ends (or ended) without a follow-up.</summary>
    Ended = 4,
}

/// <summary>A funding's period (first and last day, inclusive; open ends null) and its share of the service's costs in percent.</summary>
public readonly record struct FundingShare(Guid Id, DateOnly? StartsOn, DateOnly? EndsOn, decimal? SharePercent);

/// <summary>
/// The "Finanzierungspuzzle": several funders per service are normal, but on no day may the shares of the fundings that
/// run on that day add up to more than 100 %. Fundings without a share do not count.
/// </summary>
public static class FundingRules
{
    public const decimal MaxTotalShare = 100m;

    /// <summary>Whether two periods (inclusive, open ends null) share at least one day.</summary>
    public static bool Overlaps(DateOnly? aStart, DateOnly? aEnd, DateOnly? bStart, DateOnly? bEnd) =>
        (aEnd is null || bStart is null || bStart <= aEnd) && (bEnd is null || aStart is null || aStart <= bEnd);

    /// <summary>
    /// The first day within <paramref name="candidate"/>'s period on which it and the <paramref name="others"/> running that
    /// day add up to more than 100 %, with that total; null when there is none (or the candidate has no share). The total
    /// can only grow where a funding starts, so the candidate's own start and the starts of the others inside its period
    /// are the days to look at.
    /// </summary>
    public static (DateOnly? Day, decimal Total)? Excess(FundingShare candidate, IEnumerable<FundingShare> others)
    {
        if (candidate.SharePercent is not { } own || own <= 0) return null;
        var running = others.Where(o => o.Id != candidate.Id && o.SharePercent is > 0
            && Overlaps(o.StartsOn, o.EndsOn, candidate.StartsOn, candidate.EndsOn)).ToList();
        var days = new List<DateOnly?> { candidate.StartsOn };
        days.AddRange(running.Select(o => o.StartsOn).Where(s => s is not null && (candidate.StartsOn is null || s > candidate.StartsOn)));
        foreach (var day in days.Distinct().OrderBy(d => d ?? DateOnly.MinValue))
        {
            var total = own + running.Where(o => Covers(o, day)).Sum(o => o.SharePercent!.Value);
            if (total > MaxTotalShare) return (day, total);
        }
        return null;
    }

    /// <summary>Whether the funding runs on <paramref name="day"/> (null: the open beginning of time).</summary>
    private static bool Covers(FundingShare f, DateOnly? day) =>
        day is null ? f.StartsOn is null : (f.StartsOn is null || f.StartsOn <= day) && (f.EndsOn is null || f.EndsOn >= day);

    /// <summary>
    /// The last day of the horizon that starts on <paramref name="on"/>: a funding ends "within the horizon" when its last
    /// day lies from <paramref name="on"/> to this day, both inclusive.
    /// </summary>
    public static DateOnly HorizonEnd(DateOnly on, Horizon horizon) => horizon.AddTo(on);
}

/// <summary>
/// A span of calendar time written as an ISO 8601 duration of days, weeks, months or years (P6M, P90D, P2W, P1Y, P1Y6M).
/// Months and years are added as calendar months (31 January + P1M = 28 or 29 February).
/// </summary>
public readonly record struct Horizon(int Years, int Months, int Weeks, int Days)
{
    public static readonly Horizon SixMonths = new(0, 6, 0, 0);

    /// <summary>Longest accepted horizon: ten years.</summary>
    public const int MaxDays = 3660;

    public DateOnly AddTo(DateOnly day) => day.AddYears(Years).AddMonths(Months).AddDays(Weeks * 7 + Days);

    public override string ToString() =>
        "P" + (Years > 0 ? $"{Years}Y" : "") + (Months > 0 ? $"{Months}M" : "") + (Weeks > 0 ? $"{Weeks}W" : "")
            + (Days > 0 ? $"{Days}D" : "");

    /// <summary>Parses P[nY][nM][nW][nD] (case-insensitive, at least one part, each 0 to 9999, at most ten years in all).</summary>
    public static bool TryParse(string? text, out Horizon horizon)
    {
        horizon = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim().ToUpperInvariant();
        if (s.Length < 3 || s[0] != 'P') return false;
        int years = 0, months = 0, weeks = 0, days = 0, number = -1, order = -1;
        var any = false;
        for (var i = 1; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                number = number < 0 ? c - '0' : number * 10 + (c - '0');
                if (number > 9999) return false;
                continue;
            }
            var rank = "YMWD".IndexOf(c, StringComparison.Ordinal);
            if (rank < 0 || number < 0 || rank <= order) return false;
            switch (c)
            {
                case 'Y': years = number; break;
                case 'M': months = number; break;
                case 'W': weeks = number; break;
                default: days = number; break;
            }
            (order, number, any) = (rank, -1, true);
        }
        if (!any || number >= 0) return false;
        var candidate = new Horizon(years, months, weeks, days);
        var start = new DateOnly(2000, 1, 1);
        if (years > 10 || months > 120 || candidate.AddTo(start).DayNumber - start.DayNumber > MaxDays) return false;
        horizon = candidate;
        return true;
    }
}
