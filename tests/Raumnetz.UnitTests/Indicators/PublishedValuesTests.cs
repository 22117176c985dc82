using Raumnetz.Domain.Indicators;

namespace Raumnetz.UnitTests.Indicators;

/// <summary>One indicator's published table (what the series and map read operations give) against hand-computed values.</summary>
public sealed class PublishedValuesTests
{
    private static readonly SuppressionRules Rules = new();
    private static readonly Guid City = Guid.CreateVersion7(), North = Guid.CreateVersion7(), South = Guid.CreateVersion7();
    private static readonly Guid N1 = Guid.CreateVersion7(), N2 = Guid.CreateVersion7();
    private static readonly Dictionary<Guid, Guid?> Parents = new()
    {
        [City] = null, [North] = City, [South] = City, [N1] = North, [N2] = North,
    };
    private static readonly Period Y2024 = Period.Parse("2024");

    private static ValueTableShape Shape(IndicatorKind kind, AggregationRule rule, IReadOnlySet<Guid>? scope = null, double factor = 1) =>
        new(Guid.CreateVersion7(), kind, rule, factor, Parents, scope);

    private static ValueTableShape Counts(IReadOnlySet<Guid>? scope = null) => Shape(IndicatorKind.Count, AggregationRule.Sum, scope);

    private static StoredValue Count(Guid space, double value, string period = "2024") =>
        new(space, Period.Parse(period), new Measure(value));

    /// <summary>The table as a viewer gets it: what <see cref="Disclosure"/> withholds, withheld.</summary>
    private static List<PublishedValue> Protected(ValueTableShape shape, StoredValue[] stored, bool aggregate) =>
        PublishedValues.Table(shape, stored, aggregate, Disclosure.Withheld(shape, stored, Rules));

    private static PublishedValue Cell(List<PublishedValue> table, Guid space, string period = "2024") =>
        table.Single(v => v.Space == space && v.Period == Period.Parse(period));

    [Fact]
    public void Aggregated_fills_spaces_without_a_value_from_the_spaces_below_and_keeps_measured_ones()
    {
        // north = n1 4 + n2 5 = 9 (computed from 2); city = north 9 + south 13 = 22 (computed from 2).
        StoredValue[] stored = [Count(N1, 4), Count(N2, 5), Count(South, 13)];
        var table = PublishedValues.Table(Counts(), stored, aggregate: true, withheld: null);
        Assert.Equal((9.0, true, 2), (Cell(table, North).Measure.Value!.Value, Cell(table, North).Aggregated, Cell(table, North).Count));
        Assert.Equal(22.0, Cell(table, City).Measure.Value);
        Assert.Equal((13.0, false, 1), (Cell(table, South).Measure.Value!.Value, Cell(table, South).Aggregated, Cell(table, South).Count));
        Assert.Equal(5, table.Count);
        Assert.Equal(3, PublishedValues.Table(Counts(), stored, aggregate: false, withheld: null).Count);
    }

    [Fact]
    public void Rates_are_recomputed_from_summed_numerators_and_denominators()
    {
        StoredValue Rate(Guid space, double n, double d) => new(space, Y2024, new Measure(n / d * 100, n, d));
        var shape = Shape(IndicatorKind.Rate, AggregationRule.Rate, factor: 100);
        var table = PublishedValues.Table(shape, [Rate(North, 160, 1000), Rate(South, 100, 1000)], true, null);
        Assert.Equal(13, Cell(table, City).Measure.Value!.Value, 9); // (160 + 100) / 2000 × 100
        Assert.Equal(2000, Cell(table, City).Measure.Denominator);
    }

    [Fact]
    public void Without_rules_nothing_is_withheld()
    {
        var table = PublishedValues.Table(Counts(), [Count(City, 25), Count(North, 2), Count(South, 23)], false, null);
        Assert.DoesNotContain(table, v => v.Suppressed);
        Assert.Equal(2.0, Cell(table, North).Measure.Value);
    }

    [Fact]
    public void With_rules_small_values_and_what_a_total_would_reveal_are_withheld_and_carry_no_measure()
    {
        // city 25 = north 2 + south 23: north is small, and 25 − 23 would reveal it, so south goes too (the only other part).
        var table = Protected(Counts(), [Count(City, 25), Count(North, 2), Count(South, 23)], false);
        Assert.True(Cell(table, North).Suppressed);
        Assert.Equal(default, Cell(table, North).Measure);
        Assert.True(Cell(table, South).Suppressed);
        Assert.False(Cell(table, City).Suppressed);
    }

    [Fact]
    public void What_is_withheld_does_not_depend_on_which_spaces_the_table_shows()
    {
        // The city's value is not in this table, but another response shows it: 25 − 23 would reveal north there, so south
        // is withheld here too.
        var scope = new HashSet<Guid> { North, South };
        StoredValue[] stored = [Count(City, 25), Count(North, 2), Count(South, 23)];
        var table = Protected(Counts(scope), stored, false);
        Assert.Equal(2, table.Count);
        Assert.True(Cell(table, North).Suppressed);
        Assert.True(Cell(table, South).Suppressed);
    }

    [Fact]
    public void A_computed_small_value_is_withheld_too_and_a_year_protects_its_quarters()
    {
        StoredValue[] stored =
            [Count(N1, 1), Count(South, 20, "2023"), Count(South, 2, "2023-Q1"), Count(South, 8, "2023-Q2"), Count(South, 10, "2023-H2")];
        var table = Protected(Counts(), stored, true);
        Assert.True(Cell(table, North).Suppressed && Cell(table, North).Aggregated); // computed 1 from n1
        Assert.True(Cell(table, South, "2023-Q1").Suppressed);
        Assert.True(Cell(table, South, "2023-Q2").Suppressed);                    // the year is the total of its quarters: Q2 goes too
        Assert.False(Cell(table, South, "2023").Suppressed);
    }

    [Fact]
    public void Ratings_by_few_people_are_withheld_and_a_median_of_two_would_reveal_the_other()
    {
        // north = median(4, 2) = 3 = (4 + 2) / 2: with n2's 2 shown, 2 × 3 − 2 = 4 would reveal n1, so n2 is withheld too.
        StoredValue[] stored = [new(N1, Y2024, new Measure(4), 2), new(N2, Y2024, new Measure(2), 5)];
        var table = Protected(Shape(IndicatorKind.Rating, AggregationRule.Median), stored, true);
        Assert.True(Cell(table, N1).Suppressed);
        Assert.True(Cell(table, N2).Suppressed);
        Assert.False(Cell(table, North).Suppressed); // computed from 7 raters
        Assert.Equal(3.0, Cell(table, North).Measure.Value);
    }
}
