using Raumnetz.Domain.Inventory;

namespace Raumnetz.UnitTests.Inventory;

public sealed class VerificationRulesTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Due_on_the_day_the_interval_ends_and_overdue_from_the_next()
    {
        var verified = D("2025-06-15");
        Assert.Equal(D("2026-06-15"), VerificationRules.DueOn(verified, 12));
        Assert.Equal(VerificationState.Current, VerificationRules.StateOn(verified, 12, D("2026-06-14")));
        Assert.Equal(VerificationState.Due, VerificationRules.StateOn(verified, 12, D("2026-06-15")));
        Assert.Equal(VerificationState.Overdue, VerificationRules.StateOn(verified, 12, D("2026-06-16")));
        Assert.Equal(VerificationState.Overdue, VerificationRules.StateOn(null, 12, D("2000-01-01")));
    }

    [Fact]
    public void The_threshold_day_agrees_with_the_state_on_every_day_around_month_ends()
    {
        foreach (var months in new[] { 1, 6, 12, 13, 24 })
            for (var on = D("2026-01-01"); on <= D("2026-04-30"); on = on.AddDays(1))
            {
                var overdue = VerificationRules.LastOverdueVerification(on, months);
                var due = VerificationRules.LastDueVerification(on, months);
                for (var v = overdue.AddDays(-3); v <= due.AddDays(3); v = v.AddDays(1))
                {
                    var state = VerificationRules.StateOn(v, months, on);
                    Assert.Equal(state == VerificationState.Overdue, v <= overdue);
                    Assert.Equal(state != VerificationState.Current, v <= due);
                }
            }
    }
}
