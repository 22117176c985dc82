using Raumnetz.Domain.Indicators;

namespace Raumnetz.UnitTests.Indicators;

public sealed class PlausibilityRulesTests
{
    private static readonly IndicatorProfile Share = new(IndicatorKind.Rate, AggregationRule.Rate, 100, true, null, null);
    private static readonly IndicatorProfile PerThousand = new(IndicatorKind.Rate, AggregationRule.Rate, 1000, false, null, null);
    private static readonly IndicatorProfile Bounded = new(IndicatorKind.Index, AggregationRule.Mean, null, false, null, null, Minimum: -10, Maximum: 50);

    [Theory]
    [InlineData(340.0)]
    [InlineData(100.5)]
    [InlineData(-0.1)]
    public void A_proportion_given_as_value_lies_between_0_and_its_factor(double value)
    {
        var problem = Assert.Single(ObservationRules.Check(Share, value, null, null).Problems);
        Assert.Equal(("value", "proportionOutOfRange"), (problem.Field, problem.Code));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(100.0)]
    [InlineData(37.5)]
    public void A_proportion_within_0_and_100_percent_is_fine(double value) => Assert.Empty(ObservationRules.Check(Share, value, null, null).Problems);

    [Fact]
    public void A_rate_that_is_no_proportion_may_exceed_its_factor() => Assert.Empty(ObservationRules.Check(PerThousand, 1200, null, null).Problems);

    [Theory]
    [InlineData(-10.5, "belowMinimum")]
    [InlineData(50.01, "aboveMaximum")]
    public void An_indicator_s_own_minimum_and_maximum_hold(double value, string code) =>
        Assert.Equal(code, Assert.Single(ObservationRules.Check(Bounded, value, null, null).Problems).Code);

    [Fact]
    public void Values_on_the_limits_are_fine()
    {
        Assert.Empty(ObservationRules.Check(Bounded, -10, null, null).Problems);
        Assert.Empty(ObservationRules.Check(Bounded, 50, null, null).Problems);
    }

    [Theory]
    [InlineData("2024", false)]      // Nordmarkt ended in 2018
    [InlineData("2018", true)]
    [InlineData("2018-Q4", true)]
    [InlineData("2019-01", false)]
    [InlineData("2009", true)]       // validFrom is the day the space was entered, not when the area began
    public void A_value_needs_a_period_that_begins_before_the_space_ended(string period, bool ok)
    {
        var problem = ObservationRules.CheckValidity(Period.Parse(period), new DateOnly(2018, 12, 31));
        Assert.Equal(ok, problem is null);
        if (problem is { } p) Assert.Equal(("period", "outsideSpaceValidity"), (p.Field, p.Code));
    }

    [Fact]
    public void A_space_without_end_takes_every_later_period() =>
        Assert.Null(ObservationRules.CheckValidity(Period.Parse("2199"), null));

    [Theory]
    [InlineData(340, 40, 60, 3, true)]    // the 340 % employment rate
    [InlineData(150, 40, 60, 3, false)]
    [InlineData(181, 40, 60, 3, true)]
    [InlineData(14, 40, 60, 3, false)]
    [InlineData(14, 40, 60, 2, true)]     // below the lowest divided by the factor
    [InlineData(0, 0, 10, 3, false)]
    [InlineData(-50, -5, 5, 3, true)]     // histories with negative values: by distance
    [InlineData(-20, -5, 5, 3, false)]
    [InlineData(340, 40, 60, 1, false)]   // factor 1 or below: off
    public void Outliers_lie_far_outside_the_space_s_own_history(double value, double lowest, double highest, double factor, bool outlier) =>
        Assert.Equal(outlier, ObservationRules.IsOutlier(value, lowest, highest, factor));

    [Fact]
    public void Without_history_nothing_is_an_outlier() => Assert.False(ObservationRules.IsOutlier(1e9, null, null, 3));
}

public sealed class CoverageTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid(), D = Guid.NewGuid(), E = Guid.NewGuid();

    [Fact]
    public void Coverage_counts_the_parts_that_gave_a_value_of_those_that_exist()
    {
        var c = CoverageRules.Of([A, B, C, D, E], p => p == A || p == B || p == C, _ => null);
        Assert.Equal((3, 5, (double?)null), (c.Parts, c.Of, c.PopulationShare));
        Assert.Equal(0.6, c.Share, 9);
    }

    [Fact]
    public void With_every_population_known_the_share_is_by_population()
    {
        var population = new Dictionary<Guid, long?> { [A] = 80_000, [B] = 15_000, [C] = 5_000 };
        var c = CoverageRules.Of([A, B, C], p => p == A, p => population[p]);
        Assert.Equal(0.8, c.PopulationShare!.Value, 9);
        Assert.Equal(0.8, c.Share, 9);
        Assert.Null(CoverageRules.Of([A, B, C, D], p => p == A, p => population.GetValueOrDefault(p)).PopulationShare);
    }

    [Theory]
    [InlineData(4, 5, null, true)]
    [InlineData(3, 5, null, false)]    // Dortmund from one district of five: no reference
    [InlineData(1, 5, 0.85, true)]     // the one district with data holds 85 % of the people
    [InlineData(5, 5, 0.5, false)]
    public void Only_a_computed_value_that_covers_enough_serves_as_reference(int parts, int of, double? share, bool serves)
    {
        var rules = new ReferenceRules { MinCoverage = 0.8 };
        Assert.Equal(serves, rules.MayServe(new Coverage(parts, of, share)));
        Assert.True(rules.MayServe(null)); // measured
    }

    [Fact]
    public void Rates_use_parts_with_numerator_and_denominator()
    {
        Assert.False(CoverageRules.IsUsable(AggregationRule.Rate, new Measure(12)));
        Assert.True(CoverageRules.IsUsable(AggregationRule.Rate, new Measure(12, 3, 25)));
        Assert.True(CoverageRules.IsUsable(AggregationRule.Sum, new Measure(12)));
    }
}

public sealed class SpaceTimeTests
{
    private static readonly DateOnly From = new(2010, 1, 1), Ended = new(2018, 12, 31);

    [Theory]
    [InlineData("2018", false, true)]
    [InlineData("2019", false, false)]
    [InlineData("2024", true, false)]   // an ended space is not shown after its end, even with a value
    [InlineData("2005", false, false)]
    [InlineData("2005", true, true)]    // before validFrom only with a value (validFrom is often the day of entry)
    public void An_ended_space_is_never_shown_for_a_period_after_its_end(string period, bool hasValue, bool shown) =>
        Assert.Equal(shown, SpaceTime.ShownIn(From, Ended, Period.Parse(period), hasValue));
}
