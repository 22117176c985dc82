using Raumnetz.Domain.Indicators;

namespace Raumnetz.UnitTests.Indicators;

public sealed class RatingSummaryTests
{
    [Fact]
    public void Ratings_roll_up_into_count_mean_median_and_distribution()
    {
        var s = RatingSummary.Of([4, 2, 5, 4, 4, 1], 1, 5);
        Assert.Equal(6, s.Count);
        Assert.Equal(20.0 / 6, s.Mean!.Value, 12);
        Assert.Equal(4, s.Median);
        Assert.Equal([(1, 1), (2, 1), (3, 0), (4, 3), (5, 1)], s.Distribution.Select(b => (b.Rating, b.Count)));
        Assert.Equal(4, s.ValueFor(AggregationRule.Median));
        Assert.Equal(s.Mean, s.ValueFor(AggregationRule.Mean));
    }

    [Fact]
    public void No_ratings_give_an_empty_distribution_over_the_whole_scale()
    {
        var s = RatingSummary.Of([], 0, 3);
        Assert.Equal(0, s.Count);
        Assert.Null(s.Mean);
        Assert.Equal(4, s.Distribution.Count);
        Assert.All(s.Distribution, b => Assert.Equal(0, b.Count));
    }
}
