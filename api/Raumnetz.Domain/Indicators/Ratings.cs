namespace Raumnetz.Domain.Indicators;

/// <summary>How many ratings gave one point of the scale.</summary>
public readonly record struct RatingBucket(int Rating, int Count);

/// <summary>Ratings of a soft factor rolled up: count, mean, median and the whole distribution over the scale.</summary>
public sealed record RatingSummary(int Count, double? Mean, double? Median, IReadOnlyList<RatingBucket> Distribution)
{
    /// <summary>Summarises ratings on the scale <paramref name="min"/>..<paramref name="max"/> (every point listed, also with 0).</summary>
    public static RatingSummary Of(IReadOnlyCollection<int> ratings, int min, int max)
    {
        var distribution = Enumerable.Range(min, Math.Max(0, max - min + 1)).Select(r => new RatingBucket(r, ratings.Count(x => x == r)))
            .ToList();
        if (ratings.Count == 0) return new RatingSummary(0, null, null, distribution);
        return new RatingSummary(ratings.Count, ratings.Average(), Aggregation.Median(ratings.Select(r => (double)r).ToList()),
            distribution);
    }

    /// <summary>The value that stands for the ratings in the measurement: the median for indicators that aggregate by median, else the
    /// mean.</summary>
    public double? ValueFor(AggregationRule rule) => rule == AggregationRule.Median ? Median : Mean;
}
