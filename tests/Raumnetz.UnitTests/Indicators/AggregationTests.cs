using Raumnetz.Domain.Indicators;

namespace Raumnetz.UnitTests.Indicators;

/// <summary>Hand-computed cases for every aggregation rule.</summary>
public sealed class AggregationTests
{
    private static readonly Measure[] Counts = [new(12), new(30), new(null), new(8)];

    [Fact]
    public void Sum_adds_the_values_and_skips_missing_ones()
    {
        var a = Aggregation.Combine(AggregationRule.Sum, Counts)!.Value;
        Assert.Equal(50, a.Value);
        Assert.Equal(3, a.Count);
    }

    [Fact]
    public void Rate_is_recomputed_from_summed_numerators_and_denominators_not_averaged()
    {
        // 10/100 = 10 %, 90/300 = 30 %: the mean of the rates would be 20 %, the true rate is 100/400 = 25 %.
        var parts = new[] { new Measure(10, 10, 100), new Measure(30, 90, 300), new Measure(50, null, null) };
        var a = Aggregation.Combine(AggregationRule.Rate, parts, 100)!.Value;
        Assert.Equal(100, a.Numerator);
        Assert.Equal(400, a.Denominator);
        Assert.Equal(25, a.Value);
        Assert.Equal(2, a.Count);
    }

    [Fact]
    public void Rate_per_thousand()
    {
        var a = Aggregation.Combine(AggregationRule.Rate, [new Measure(null, 3, 1200), new Measure(null, 9, 2800)], 1000)!.Value;
        Assert.Equal(3.0, a.Value!.Value, 12); // 12 / 4000 × 1000
    }

    [Fact]
    public void Mean_and_median()
    {
        Assert.Equal(50.0 / 3, Aggregation.Combine(AggregationRule.Mean, Counts)!.Value.Value!.Value, 12);
        Assert.Equal(12, Aggregation.Combine(AggregationRule.Median, Counts)!.Value.Value);
        Assert.Equal(3.5, Aggregation.Combine(AggregationRule.Median, [new(5), new(1), new(3), new(4)])!.Value.Value);
    }

    [Fact]
    public void Not_aggregable_and_empty_give_nothing()
    {
        Assert.Null(Aggregation.Combine(AggregationRule.None, Counts));
        Assert.Null(Aggregation.Combine(AggregationRule.Sum, [new Measure(null)]));
        Assert.Null(Aggregation.Combine(AggregationRule.Rate, [new Measure(5)], 100));
    }

    [Fact]
    public void Up_the_hierarchy_uses_own_values_first_and_aggregates_the_rest_bottom_up()
    {
        // city ─┬─ north ─┬─ n1 (4)
        //       │         └─ n2 (6)
        //       └─ south (own value 20; its child s1 = 1 is ignored for the south value)
        Guid city = Guid.NewGuid(), north = Guid.NewGuid(), south = Guid.NewGuid(), n1 = Guid.NewGuid(), n2 = Guid.NewGuid(),
            s1 = Guid.NewGuid();
        var children = new[] { (city, north), (city, south), (north, n1), (north, n2), (south, s1) }.ToLookup(x => x.Item1, x => x.Item2);
        var own = new Dictionary<Guid, Measure> { [n1] = new(4), [n2] = new(6), [south] = new(20), [s1] = new(1) };

        var values = Aggregation.UpTheHierarchy(AggregationRule.Sum, 1, own, children, [city]);

        Assert.Equal((10.0, true, 2), (values[north].Measure.Value!.Value, values[north].Aggregated, values[north].Count));
        Assert.Equal((20.0, false), (values[south].Measure.Value!.Value, values[south].Aggregated));
        Assert.Equal(30, values[city].Measure.Value);
        Assert.True(values[city].Aggregated);
    }
}
