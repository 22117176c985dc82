using Raumnetz.Domain.Indicators;

namespace Raumnetz.UnitTests.Indicators;

/// <summary>Baseline 2020: 20 %, target 2026: 14 % (lower is better). Six years, so each year should bring −1 point.</summary>
public sealed class AttainmentTests
{
    private static readonly PeriodValue Baseline = new(Period.Parse("2020"), 20);
    private static readonly PeriodValue Target = new(Period.Parse("2026"), 14);

    [Theory]
    [InlineData("2023", 17.0, AttainmentStatus.OnTrack)]   // half the time, half the way: exactly on the line
    [InlineData("2023", 16.0, AttainmentStatus.OnTrack)]   // ahead of the line
    [InlineData("2023", 17.5, AttainmentStatus.OffTrack)]  // behind: 2.5 of 6 points after half the time
    [InlineData("2022", 21.0, AttainmentStatus.OffTrack)]  // moving away from the target
    [InlineData("2024", 14.0, AttainmentStatus.Reached)]   // at the target early
    [InlineData("2025", 13.2, AttainmentStatus.Reached)]   // beyond it
    [InlineData("2026", 14.5, AttainmentStatus.OffTrack)]  // target period reached, value not
    [InlineData("2027", 15.0, AttainmentStatus.OffTrack)]  // after the target period
    // 30 of 72 months from the end of 2020 to mid 2023 → 2.5 points due; 2.7 covered
    [InlineData("2023-Q2", 17.3, AttainmentStatus.OnTrack)]
    public void Lower_is_better(string period, double value, AttainmentStatus expected) =>
        Assert.Equal(expected,
            Attainment.Judge(Baseline, Target, new PeriodValue(Period.Parse(period), value), IndicatorDirection.LowerIsBetter));

    [Fact]
    public void Higher_is_better_targets_point_upwards()
    {
        // Transition rate to Gymnasium: 28 % in 2020, target 34 % in 2026.
        var b = new PeriodValue(Period.Parse("2020"), 28);
        var t = new PeriodValue(Period.Parse("2026"), 34);
        Assert.Equal(AttainmentStatus.OnTrack, Attainment.Judge(b, t, new(Period.Parse("2022"), 30.5), IndicatorDirection.HigherIsBetter));
        Assert.Equal(AttainmentStatus.OffTrack, Attainment.Judge(b, t, new(Period.Parse("2022"), 29), IndicatorDirection.HigherIsBetter));
        Assert.Equal(AttainmentStatus.Reached, Attainment.Judge(b, t, new(Period.Parse("2022"), 34), IndicatorDirection.HigherIsBetter));
    }

    [Fact]
    public void Holding_a_level_uses_the_indicator_direction()
    {
        var b = new PeriodValue(Period.Parse("2020"), 4);
        var t = new PeriodValue(Period.Parse("2025"), 4);
        Assert.Equal(AttainmentStatus.Reached, Attainment.Judge(b, t, new(Period.Parse("2022"), 4.2), IndicatorDirection.HigherIsBetter));
        Assert.Equal(AttainmentStatus.OffTrack, Attainment.Judge(b, t, new(Period.Parse("2022"), 3.8), IndicatorDirection.HigherIsBetter));
        Assert.Equal(AttainmentStatus.Reached, Attainment.Judge(b, t, new(Period.Parse("2022"), 3.8), IndicatorDirection.LowerIsBetter));
    }

    [Fact]
    public void The_target_for_a_period_is_the_next_one_due()
    {
        var targets = new[] { new PeriodValue(Period.Parse("2026"), 14), new PeriodValue(Period.Parse("2023"), 17) };
        Assert.Equal(17, Attainment.TargetFor(targets, Period.Parse("2022"))!.Value.Value);
        Assert.Equal(17, Attainment.TargetFor(targets, Period.Parse("2023-Q2"))!.Value.Value);
        Assert.Equal(14, Attainment.TargetFor(targets, Period.Parse("2024"))!.Value.Value);
        Assert.Equal(14, Attainment.TargetFor(targets, Period.Parse("2030"))!.Value.Value);
        Assert.Null(Attainment.TargetFor([], Period.Parse("2024")));
    }
}
