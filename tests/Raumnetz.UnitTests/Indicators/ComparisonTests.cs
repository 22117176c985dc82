using Raumnetz.Domain.Indicators;

namespace Raumnetz.UnitTests.Indicators;

public sealed class ComparisonTests
{
    [Fact]
    public void Above_the_city_average_is_worse_when_lower_is_better()
    {
        // SGB II rate 18.4 % in the district against 12.0 % in the city.
        var c = Comparison.Compare(18.4, 12.0, IndicatorDirection.LowerIsBetter, 1);
        Assert.Equal(6.4, c.Difference, 10);
        Assert.Equal(18.4 / 12.0, c.Ratio!.Value, 10);
        Assert.Equal(53.333333333, c.PercentChange!.Value, 6);
        Assert.Equal(Position.Above, c.Position);
        Assert.Equal(Judgement.Worse, c.Judgement);
    }

    [Fact]
    public void Below_is_worse_when_higher_is_better_and_neutral_is_not_judged()
    {
        Assert.Equal(Judgement.Worse, Comparison.Compare(31, 42, IndicatorDirection.HigherIsBetter).Judgement);
        Assert.Equal(Judgement.Better, Comparison.Compare(50, 42, IndicatorDirection.HigherIsBetter).Judgement);
        var neutral = Comparison.Compare(50, 42, IndicatorDirection.Neutral);
        Assert.Equal(Position.Above, neutral.Position);
        Assert.Equal(Judgement.NotJudged, neutral.Judgement);
    }

    [Fact]
    public void Differences_below_the_shown_precision_are_equal_and_a_zero_reference_has_no_ratio()
    {
        var c = Comparison.Compare(12.04, 12.0, IndicatorDirection.LowerIsBetter, 1);
        Assert.Equal(Position.Equal, c.Position);
        Assert.Equal(Judgement.Same, c.Judgement);
        Assert.Equal(Position.Above, Comparison.Compare(12.06, 12.0, IndicatorDirection.LowerIsBetter, 1).Position);
        var zero = Comparison.Compare(3, 0, IndicatorDirection.LowerIsBetter);
        Assert.Null(zero.Ratio);
        Assert.Null(zero.PercentChange);
        Assert.Equal(3, zero.Difference);
    }
}
