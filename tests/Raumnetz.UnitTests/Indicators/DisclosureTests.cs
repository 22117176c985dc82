using Raumnetz.Domain.Indicators;

namespace Raumnetz.UnitTests.Indicators;

/// <summary>
/// The one decision of what viewers and analysts may see (<see cref="Disclosure"/>): the bypasses of issue 11 and the
/// property that no visible total ever has exactly one withheld part, whatever response shows which cells.
/// </summary>
public sealed class DisclosureTests
{
    private static readonly SuppressionRules Rules = new();
    private static readonly Guid Parent = Guid.CreateVersion7(), A = Guid.CreateVersion7(), B = Guid.CreateVersion7();
    private static readonly Dictionary<Guid, Guid?> Parents = new() { [Parent] = null, [A] = Parent, [B] = Parent };
    private static readonly Period Y2024 = Period.Parse("2024");

    private static ValueTableShape Shape(IndicatorKind kind, AggregationRule rule, double factor = 1, IReadOnlyDictionary<Guid, Guid?>? parents = null) =>
        new(Guid.CreateVersion7(), kind, rule, factor, parents ?? Parents, null);

    private static bool Withheld(HashSet<CellKey> withheld, ValueTableShape shape, Guid space, string period = "2024") =>
        withheld.Contains(new CellKey(shape.Indicator, space, Period.Parse(period)));

    [Fact]
    public void A_stored_total_and_one_visible_part_would_reveal_the_small_part_so_the_other_part_is_withheld()
    {
        // The observations list showed parent 52 and B 50, so A = 2.
        var shape = Shape(IndicatorKind.Count, AggregationRule.Sum);
        var withheld = Disclosure.Withheld(shape, [new(Parent, Y2024, new(52)), new(A, Y2024, new(2)), new(B, Y2024, new(50))], Rules);
        Assert.True(Withheld(withheld, shape, A));
        Assert.True(Withheld(withheld, shape, B));
        Assert.False(Withheld(withheld, shape, Parent));
    }

    [Fact]
    public void A_computed_rate_counts_as_a_shown_total_for_the_stored_parts()
    {
        // The evaluation showed the parent 31/105 computed from A 1/5 and B 30/100: B is withheld, the parent stays.
        var shape = Shape(IndicatorKind.Rate, AggregationRule.Rate, 100);
        StoredValue Rate(Guid space, double n, double d) => new(space, Y2024, new Measure(n / d * 100, n, d));
        var withheld = Disclosure.Withheld(shape, [Rate(A, 1, 5), Rate(B, 30, 100)], Rules);
        Assert.True(Withheld(withheld, shape, A));
        Assert.True(Withheld(withheld, shape, B));
        Assert.False(Withheld(withheld, shape, Parent));
    }

    [Fact]
    public void A_rating_computed_from_one_small_rating_is_withheld()
    {
        // "aggregated, count 1": the parent's computed rating is A's own, rated by 2 people.
        var shape = Shape(IndicatorKind.Rating, AggregationRule.Mean);
        var withheld = Disclosure.Withheld(shape, [new(A, Y2024, new(4), 2)], Rules);
        Assert.True(Withheld(withheld, shape, A));
        Assert.True(Withheld(withheld, shape, Parent));
    }

    [Fact]
    public void A_computed_rating_counts_the_raters_of_the_ratings_below()
    {
        // 1 + 1 raters: the parent's mean rests on two people, below the threshold of 3, though each part is withheld anyway.
        var shape = Shape(IndicatorKind.Rating, AggregationRule.Mean);
        var withheld = Disclosure.Withheld(shape, [new(A, Y2024, new(4), 1), new(B, Y2024, new(2), 1)], Rules);
        Assert.True(Withheld(withheld, shape, Parent));
        var enough = Disclosure.Withheld(shape, [new(A, Y2024, new(4), 2), new(B, Y2024, new(2), 2)], Rules);
        Assert.False(Withheld(enough, shape, Parent)); // 4 raters; A and B protect each other
        Assert.True(Withheld(enough, shape, A) && Withheld(enough, shape, B));
    }

    [Fact]
    public void A_year_is_decided_on_its_own_so_asking_for_more_years_changes_nothing()
    {
        var shape = Shape(IndicatorKind.Count, AggregationRule.Sum);
        StoredValue[] y2024 = [new(Parent, Y2024, new(40)), new(A, Y2024, new(1)), new(B, Y2024, new(39))];
        StoredValue[] y2023 = [new(A, Period.Parse("2023"), new(7)), new(B, Period.Parse("2023"), new(2)), new(A, Period.Parse("2023-Q1"), new(2))];
        var alone = Disclosure.Withheld(shape, y2024, Rules);
        var both = Disclosure.Withheld(shape, [.. y2023, .. y2024], Rules);
        Assert.Equal(alone.OrderBy(c => c.Space).ToList(), both.Where(c => c.Period.Year == 2024).OrderBy(c => c.Space).ToList());
    }

    [Fact]
    public void The_order_of_the_stored_values_and_of_the_hierarchy_changes_nothing()
    {
        var (parents, stored) = RandomTable(new Random(7), 30);
        var shape = Shape(IndicatorKind.Count, AggregationRule.Sum, parents: parents);
        var reversed = Shape(IndicatorKind.Count, AggregationRule.Sum, parents: parents.Reverse().ToDictionary()) with { Indicator = shape.Indicator };
        var one = Disclosure.Withheld(shape, stored, Rules);
        var other = Disclosure.Withheld(reversed, stored.AsEnumerable().Reverse().ToList(), Rules);
        Assert.Equal(one.OrderBy(c => c.Space).ThenBy(c => c.Period).ToList(), other.OrderBy(c => c.Space).ThenBy(c => c.Period).ToList());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void No_visible_total_has_exactly_one_withheld_part(int seed)
    {
        // Random hierarchies with counts, some small, stored at some spaces and periods (years and quarters): in the table
        // a viewer can put together from every response, each shown total (a space of its children, a year of its quarters)
        // has no withheld part or at least two.
        var (parents, stored) = RandomTable(new Random(seed), 40);
        var shape = Shape(IndicatorKind.Count, AggregationRule.Sum, parents: parents);
        var withheld = Disclosure.Withheld(shape, stored, Rules);
        var table = PublishedValues.Table(shape, stored, aggregate: true, withheld);
        Assert.Contains(table, v => v.Suppressed);
        var cells = table.ToDictionary(v => (v.Space, v.Period));
        foreach (var total in table.Where(v => !v.Suppressed))
        {
            var children = parents.Where(p => p.Value == total.Space).Select(p => (p.Key, total.Period)).Where(cells.ContainsKey).ToList();
            if (children.Count > 0) Assert.NotEqual(1, children.Count(c => cells[c].Suppressed));
            if (total.Period.Type == PeriodType.Year)
            {
                var quarters = table.Where(v => v.Space == total.Space && v.Period.Type == PeriodType.Quarter && total.Period.Contains(v.Period)).ToList();
                if (quarters.Count > 0) Assert.NotEqual(1, quarters.Count(q => q.Suppressed));
            }
        }
    }

    [Theory]
    [InlineData(IndicatorKind.Count, AggregationRule.Sum)]
    [InlineData(IndicatorKind.Count, AggregationRule.Mean)]
    [InlineData(IndicatorKind.Count, AggregationRule.Median)]
    [InlineData(IndicatorKind.Count, AggregationRule.Rate)]
    [InlineData(IndicatorKind.Rate, AggregationRule.Rate)]
    [InlineData(IndicatorKind.Rate, AggregationRule.Mean)]
    [InlineData(IndicatorKind.Rating, AggregationRule.Mean)]
    [InlineData(IndicatorKind.Rating, AggregationRule.Median)]
    public void Leaving_out_the_periods_without_a_small_value_decides_the_same_cells(IndicatorKind kind, AggregationRule rule)
    {
        // Months of 2025 (most without a small value, each on its own) and 2024 as a year with its quarters (linked): the
        // decision that leaves out what cannot be withheld is the decision over everything.
        var withheld = 0;
        for (var seed = 1; seed <= 12; seed++)
        {
            var random = new Random(seed);
            var (parents, _) = RandomTable(random, 40);
            var periods = Enumerable.Range(1, 12).Select(m => $"2025-{m:00}").Concat(["2024", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]);
            var stored = new List<StoredValue>();
            foreach (var space in parents.Keys)
                foreach (var period in periods)
                {
                    if (random.NextDouble() < 0.3) continue;
                    var small = random.NextDouble() < 0.01;
                    var d = small ? random.Next(1, 10) : random.Next(10, 500);
                    var n = random.Next(0, d + 1);
                    var measure = kind == IndicatorKind.Rate
                        ? new Measure(n * 100.0 / d, n, d)
                        : new Measure(small ? random.Next(0, 3) : random.Next(3, 60));
                    int? raters = kind == IndicatorKind.Rating ? (small ? 1 : random.Next(3, 30)) : null;
                    stored.Add(new StoredValue(space, Period.Parse(period), measure, raters));
                }
            var shape = Shape(kind, rule, 100, parents);
            var everything = Disclosure.Withheld(shape, stored, Rules, skipQuiet: false);
            Assert.True(Disclosure.Withheld(shape, stored, Rules).SetEquals(everything), $"seed {seed}");
            withheld += everything.Count;
        }
        Assert.True(withheld > 0);
    }

    private static (Dictionary<Guid, Guid?> Parents, StoredValue[] Stored) RandomTable(Random random, int spaces)
    {
        var ids = Enumerable.Range(0, spaces).Select(_ => Guid.CreateVersion7()).ToList();
        var parents = new Dictionary<Guid, Guid?> { [ids[0]] = null };
        for (var i = 1; i < spaces; i++) parents[ids[i]] = ids[random.Next(0, i)];
        var stored = new List<StoredValue>();
        foreach (var id in ids)
            foreach (var period in new[] { "2023", "2024", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4" })
                if (random.NextDouble() < 0.5)
                    stored.Add(new StoredValue(id, Period.Parse(period), new Measure(random.NextDouble() < 0.3 ? random.Next(0, 3) : random.Next(3, 60))));
        return (parents, stored.ToArray());
    }
}
