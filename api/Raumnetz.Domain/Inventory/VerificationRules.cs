namespace Raumnetz.Domain.Inventory;

/// <summary>Where a service stands in keeping the inventory current, on a given day.</summary>
public enum VerificationState
{
    /// <summary>Verified, and the next verification is not due yet.</summary>
    Current = 1,
    /// <summary>The next verification is due today.</summary>
    Due = 2,
    /// <summary>The due day has passed, or the service was never verified.</summary>
    Overdue = 3,
}

/// <summary>
/// A service is verified on a day and should be verified again after its interval in months (default twelve): it is due
/// on <c>verifiedOn + interval months</c> and overdue from the day after. A service never verified is overdue.
/// </summary>
public static class VerificationRules
{
    public const int DefaultIntervalMonths = 12;
    public const int MaxIntervalMonths = 120;

    /// <summary>The day the next verification is due; null when never verified.</summary>
    public static DateOnly? DueOn(DateOnly? verifiedOn, int intervalMonths) =>
        verifiedOn?.AddMonths(Math.Clamp(intervalMonths, 1, MaxIntervalMonths));

    public static VerificationState StateOn(DateOnly? verifiedOn, int intervalMonths, DateOnly on) =>
        DueOn(verifiedOn, intervalMonths) is not { } due ? VerificationState.Overdue
            : due < on ? VerificationState.Overdue
            : due == on ? VerificationState.Due
            : VerificationState.Current;

    /// <summary>
    /// The latest verification day that is overdue on <paramref name="on"/> for this interval: a service verified on or
    /// before it is overdue, one verified after it is not. Adding months is monotonic (31 March and 30 March + 1 month are
    /// both 30 April), so "verifiedOn + n months &lt; on" is the same as "verifiedOn &lt;= this day", which portable SQL
    /// can compare without date arithmetic of its own.
    /// </summary>
    public static DateOnly LastOverdueVerification(DateOnly on, int intervalMonths)
    {
        var months = Math.Clamp(intervalMonths, 1, MaxIntervalMonths);
        var day = on.AddMonths(-months);
        while (day.AddMonths(months) >= on) day = day.AddDays(-1);
        while (day.AddDays(1).AddMonths(months) < on) day = day.AddDays(1);
        return day;
    }

    /// <summary>The latest verification day that is due (or overdue) on <paramref name="on"/>: verified on or before it means due or
    /// overdue.</summary>
    public static DateOnly LastDueVerification(DateOnly on, int intervalMonths) => LastOverdueVerification(on.AddDays(1), intervalMonths);
}
