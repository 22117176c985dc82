namespace Raumnetz.Domain.Indicators;

public enum AttainmentStatus
{
    /// <summary>The target value is reached (or passed in the desired direction).</summary>
    Reached = 1,
    /// <summary>Not reached yet, but at least as far from the baseline towards the target as the time elapsed suggests.</summary>
    OnTrack = 2,
    /// <summary>Behind the straight line from baseline to target, moving away from it, or the target period is over.</summary>
    OffTrack = 3,
}

/// <summary>A value in a period: a baseline, a target or a measurement.</summary>
public readonly record struct PeriodValue(Period Period, double Value);

public static class Attainment
{
    /// <summary>
    /// Judges <paramref name="current"/> against a target that starts from <paramref name="baseline"/>.
    /// The desired direction is from the baseline towards the target; when they are equal (hold the level) the
    /// indicator's direction decides which side is good. Reached: the current value is at or beyond the target.
    /// Otherwise on track when the share of the way covered, (current − baseline) / (target − baseline), is at least
    /// the share of time elapsed from the end of the baseline period to the end of the target period, and the target
    /// period is not over yet; off track otherwise.
    /// </summary>
    public static AttainmentStatus Judge(PeriodValue baseline, PeriodValue target, PeriodValue current, IndicatorDirection direction)
    {
        var desired = target.Value - baseline.Value;
        var up = desired > 0 || (desired == 0 && direction != IndicatorDirection.LowerIsBetter);
        var reached = up ? current.Value >= target.Value : current.Value <= target.Value;
        if (reached) return AttainmentStatus.Reached;
        if (current.Period.LastMonth >= target.Period.LastMonth || desired == 0) return AttainmentStatus.OffTrack;
        var total = MonthIndex(target.Period.LastMonth) - MonthIndex(baseline.Period.LastMonth);
        var elapsed = MonthIndex(current.Period.LastMonth) - MonthIndex(baseline.Period.LastMonth);
        var timeShare = total <= 0 ? 1.0 : Math.Clamp((double)elapsed / total, 0, 1);
        var wayShare = (current.Value - baseline.Value) / desired;
        return wayShare >= timeShare ? AttainmentStatus.OnTrack : AttainmentStatus.OffTrack;
    }

    /// <summary>The target that applies to a period: the first one whose period ends at or after it, else the last one.</summary>
    public static PeriodValue? TargetFor(IEnumerable<PeriodValue> targets, Period period)
    {
        var ordered = targets.OrderBy(t => t.Period).ToList();
        if (ordered.Count == 0) return null;
        foreach (var t in ordered)
            if (t.Period.LastMonth >= period.LastMonth) return t;
        return ordered[^1];
    }

    private static int MonthIndex(int yyyymm) => yyyymm / 100 * 12 + yyyymm % 100 - 1;
}
