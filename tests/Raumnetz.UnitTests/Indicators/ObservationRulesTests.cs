using Raumnetz.Domain.Indicators;

namespace Raumnetz.UnitTests.Indicators;

public sealed class ObservationRulesTests
{
    private static readonly IndicatorProfile Count = new(IndicatorKind.Count, AggregationRule.Sum, null, false, null, null);
    private static readonly IndicatorProfile Share = new(IndicatorKind.Rate, AggregationRule.Rate, 100, true, null, null);
    private static readonly IndicatorProfile PerThousand = new(IndicatorKind.Rate, AggregationRule.Rate, 1000, false, null, null);
    private static readonly IndicatorProfile Rating = new(IndicatorKind.Rating, AggregationRule.Mean, null, false, 1, 5);

    [Fact]
    public void A_rate_value_is_computed_when_missing()
    {
        var (value, problems) = ObservationRules.Check(Share, null, 37, 200);
        Assert.Empty(problems);
        Assert.Equal(18.5, value);
    }

    [Theory]
    [InlineData(10.0, 1.0, 10.0, 1, true)] // 1 / 10 × 100
    [InlineData(3.0, 1.0, 10.0, 1, false)] // the tester's case: 3 stored where the counts say 10 %
    [InlineData(33.3, 1.0, 3.0, 1, true)] // 33.33… rounded to the indicator's one decimal
    [InlineData(33.3, 1.0, 3.0, 2, false)] // with two decimals it would read 33.33
    [InlineData(33.4, 1.0, 3.0, 1, false)] // more than half a unit of the last decimal off
    public void A_rate_value_given_with_numerator_and_denominator_must_be_theirs_rounded_at_most_to_its_decimals(
        double value, double numerator, double denominator, int decimals, bool ok)
    {
        var (stored, problems) = ObservationRules.Check(Share with { Decimals = decimals }, value, numerator, denominator);
        if (ok)
        {
            Assert.Empty(problems);
            Assert.Equal(value, stored); // the value as given (rounded as published), not replaced
        }
        else
        {
            var problem = Assert.Single(problems);
            Assert.Equal(("value", "valueContradictsRate"), (problem.Field, problem.Code));
            Assert.Equal(Math.Round(numerator / denominator * 100, decimals).ToString(System.Globalization.CultureInfo.InvariantCulture),
                problem.Args!["computed"]);
        }
    }

    [Fact]
    public void A_numerator_above_the_denominator_is_impossible_only_for_proportions()
    {
        Assert.Equal("numerator", Assert.Single(ObservationRules.Check(Share, null, 12, 10).Problems).Field);
        Assert.Empty(ObservationRules.Check(PerThousand, null, 12, 10).Problems);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(2.5)]
    public void Counts_are_whole_and_not_negative(double value) =>
        Assert.Equal("value", Assert.Single(ObservationRules.Check(Count, value, null, null).Problems).Field);

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(1.0, true)]
    [InlineData(3.5, true)]
    [InlineData(5.0, true)]
    [InlineData(5.5, false)]
    public void Ratings_lie_on_the_scale(double value, bool ok) =>
        Assert.Equal(ok, ObservationRules.Check(Rating, value, null, null).Problems.Count == 0);

    [Fact]
    public void Non_finite_numbers_and_stray_numerators_are_refused()
    {
        Assert.Equal("value", Assert.Single(ObservationRules.Check(Count, double.NaN, null, null).Problems).Field);
        Assert.Contains(ObservationRules.Check(Count, 3, 1, null).Problems, p => p.Field == "numerator");
        Assert.Contains(ObservationRules.Check(Share, null, 1, null).Problems, p => p.Field == "denominator");
    }
}
