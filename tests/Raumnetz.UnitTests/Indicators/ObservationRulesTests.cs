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
