using Raumnetz.Domain.Indicators;

namespace Raumnetz.UnitTests.Indicators;

/// <summary>Small-number protection against hand-computed tables.</summary>
public sealed class SuppressionTests
{
    private static readonly SuppressionRules Rules = new();
    private static readonly Guid Indicator = Guid.NewGuid();
    private static readonly Period Year = Period.Parse("2024");

    [Theory]
    [InlineData(IndicatorKind.Count, 0.0, null, null, true)]
    [InlineData(IndicatorKind.Count, 2.0, null, null, true)]
    [InlineData(IndicatorKind.Count, 3.0, null, null, false)]
    [InlineData(IndicatorKind.Rate, 10.0, 9.0, null, true)]
    [InlineData(IndicatorKind.Rate, 50.0, 10.0, null, false)]
    [InlineData(IndicatorKind.Rate, 12.0, null, null, false)]
    [InlineData(IndicatorKind.Rating, 4.0, null, 2, true)]
    [InlineData(IndicatorKind.Rating, 4.0, null, 3, false)]
    [InlineData(IndicatorKind.Rating, 4.0, null, null, false)]
    [InlineData(IndicatorKind.Index, 1.0, null, null, false)]
    public void Primary_suppression_by_kind(IndicatorKind kind, double? value, double? denominator, int? ratingCount, bool suppressed) =>
        Assert.Equal(suppressed, Suppression.IsPrimary(kind, value, denominator, ratingCount, Rules));

    [Fact]
    public void Thresholds_are_configurable()
    {
        var strict = new SuppressionRules { MinCount = 5, MinDenominator = 50 };
        Assert.True(Suppression.IsPrimary(IndicatorKind.Count, 4, null, null, strict));
        Assert.True(Suppression.IsPrimary(IndicatorKind.Rate, 1, 49, null, strict));
    }

    private sealed class Table
    {
        public readonly Dictionary<Guid, Guid?> Parents = [];
        public readonly Dictionary<CellKey, double?> Values = [];
        public readonly Dictionary<string, Guid> Names = [];

        public CellKey Add(string name, string? parent, double value, string period = "2024")
        {
            var id = Names.TryGetValue(name, out var existing) ? existing : Guid.CreateVersion7();
            Names[name] = id;
            Parents[id] = parent is null ? null : Names[parent];
            var key = new CellKey(Indicator, id, Period.Parse(period));
            Values[key] = value;
            return key;
        }

        public HashSet<string> Secondary()
        {
            var primary = Values.Where(v => Suppression.IsPrimary(IndicatorKind.Count, v.Value, null, null, Rules)).Select(v => v.Key).ToHashSet();
            var groups = Suppression.Groups(Values.Keys, s => Parents[s], _ => true);
            var names = Names.ToDictionary(n => n.Value, n => n.Key);
            return Suppression.Secondary(Values, primary, groups).Select(c => c.Period == Year ? names[c.Space] : $"{names[c.Space]} {c.Period}").ToHashSet();
        }
    }

    [Fact]
    public void One_small_child_next_to_a_published_total_takes_the_smallest_sibling_with_it()
    {
        // city 25 = north 2 + centre 10 + south 13: north is withheld; without more, 25 − 10 − 13 = 2 reveals it.
        var t = new Table();
        t.Add("city", null, 25);
        t.Add("north", "city", 2);
        t.Add("centre", "city", 10);
        t.Add("south", "city", 13);
        Assert.Equal(["centre"], t.Secondary());
    }

    [Fact]
    public void Two_small_children_protect_each_other()
    {
        var t = new Table();
        t.Add("city", null, 25);
        t.Add("north", "city", 2);
        t.Add("centre", "city", 1);
        t.Add("south", "city", 22);
        Assert.Empty(t.Secondary());
    }

    [Fact]
    public void Without_a_published_total_nothing_more_is_withheld()
    {
        var t = new Table();
        t.Add("north", null, 2);
        t.Add("south", null, 13);
        Assert.Empty(t.Secondary());
    }

    [Fact]
    public void An_only_child_withholds_its_parent_and_that_cascades_up()
    {
        var t = new Table();
        t.Add("city", null, 50);
        t.Add("north", "city", 4);
        t.Add("south", "city", 46);
        t.Add("n1", "north", 2);
        // n1 is north's only part: north = n1, so north is withheld; then city − south reveals north, so south goes.
        Assert.Equal(["north", "south"], t.Secondary());
    }

    [Fact]
    public void A_year_total_protects_a_small_quarter()
    {
        // 2024 = 40 = Q1 2 + Q2 10 + Q3 12 + Q4 16.
        var t = new Table();
        t.Add("city", null, 40, "2024");
        t.Add("city", null, 2, "2024-Q1");
        t.Add("city", null, 10, "2024-Q2");
        t.Add("city", null, 12, "2024-Q3");
        t.Add("city", null, 16, "2024-Q4");
        Assert.Equal(["city 2024-Q2"], t.Secondary());
    }

    [Fact]
    public void Non_additive_indicators_form_no_groups()
    {
        var cells = new[] { new CellKey(Indicator, Guid.NewGuid(), Year) };
        Assert.Empty(Suppression.Groups(cells, _ => null, _ => false));
        Assert.True(Suppression.IsAdditive(AggregationRule.Rate));
        Assert.True(Suppression.IsAdditive(AggregationRule.Median)); // the median of one or two parts reveals them
        Assert.False(Suppression.IsAdditive(AggregationRule.None));
    }
}
