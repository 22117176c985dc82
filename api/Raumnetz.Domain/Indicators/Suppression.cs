using System.Runtime.InteropServices;

namespace Raumnetz.Domain.Indicators;

/// <summary>Thresholds of small-number protection (configurable: Raumnetz:Suppression).</summary>
public sealed record SuppressionRules
{
    /// <summary>Counts below this are suppressed (default 3).</summary>
    public double MinCount { get; init; } = 3;
    /// <summary>Rates whose denominator is below this are suppressed (default 10).</summary>
    public double MinDenominator { get; init; } = 10;
}

/// <summary>One cell of an export: an indicator's value for a space and period.</summary>
public readonly record struct CellKey(Guid Indicator, Guid Space, Period Period);

/// <summary>A published total and the cells that add up to it.</summary>
public sealed record SuppressionGroup(CellKey Total, IReadOnlyList<CellKey> Members);

/// <summary>Small-number protection (Geheimhaltung): primary suppression of small values, secondary suppression against recovery from totals.</summary>
public static class Suppression
{
    /// <summary>
    /// Whether a value is small enough to be withheld: counts below <see cref="SuppressionRules.MinCount"/>, rates with a
    /// denominator below <see cref="SuppressionRules.MinDenominator"/>, and ratings given by fewer than MinCount people
    /// (so no single rater can be singled out). Index values are never suppressed.
    /// </summary>
    public static bool IsPrimary(IndicatorKind kind, double? value, double? denominator, int? ratingCount, SuppressionRules rules) => kind switch
    {
        IndicatorKind.Count => value is { } v && v < rules.MinCount,
        IndicatorKind.Rate => denominator is { } d && d < rules.MinDenominator,
        IndicatorKind.Rating => ratingCount is { } c && c < rules.MinCount,
        _ => false,
    };

    /// <summary>
    /// Whether a total can reveal a part for this rule, so that a total and its parts form a group for secondary suppression:
    /// sums, rates and means do (total minus the other parts), and so do medians (the median of one part is that part, of
    /// two parts their mean); only <see cref="AggregationRule.None"/>, which computes no total, does not.
    /// </summary>
    public static bool IsAdditive(AggregationRule rule) => rule is not AggregationRule.None;

    /// <summary>
    /// Secondary suppression. A group is a published total with its parts. When exactly one part of a group with a
    /// published total is suppressed, total minus the other parts would reveal it: the smallest other part by
    /// <paramref name="values"/> (the cheapest loss; callers pass the denominator for rates) is suppressed too, or the total when there is no other part. Repeated until no group reveals anything,
    /// because a suppressed total is itself a part of a larger group.
    /// </summary>
    /// <returns>The cells to suppress in addition to <paramref name="primary"/>.</returns>
    public static HashSet<CellKey> Secondary(IReadOnlyDictionary<CellKey, double?> values, IReadOnlySet<CellKey> primary, IReadOnlyList<SuppressionGroup> groups)
    {
        var suppressed = new HashSet<CellKey>(primary);
        // In a fixed order (by total), so that the same cells give the same decision whatever order the caller built them in.
        var ordered = groups.OrderBy(g => g.Total.Indicator).ThenBy(g => g.Total.Space).ThenBy(g => g.Total.Period)
            .ThenBy(g => g.Members.Count > 0 ? g.Members[0].Period : g.Total.Period)
            .ThenBy(g => g.Members.Count > 0 ? g.Members[0].Space : g.Total.Space).ToList();
        bool changed;
        var rounds = 0;
        do
        {
            changed = false;
            foreach (var group in ordered)
            {
                if (suppressed.Contains(group.Total)) continue;
                var hidden = 0;
                foreach (var m in group.Members) if (suppressed.Contains(m)) hidden++;
                if (hidden != 1) continue;
                CellKey? cheapest = null;
                var cheapestValue = double.MaxValue;
                foreach (var m in group.Members)
                {
                    if (suppressed.Contains(m)) continue;
                    var v = values.TryGetValue(m, out var x) && x is { } y ? Math.Abs(y) : double.MaxValue;
                    if (cheapest is null || v < cheapestValue || (v == cheapestValue && Order(m, cheapest.Value) < 0)) { cheapest = m; cheapestValue = v; }
                }
                suppressed.Add(cheapest ?? group.Total);
                changed = true;
            }
        } while (changed && ++rounds < 100);
        suppressed.ExceptWith(primary);
        return suppressed;
    }

    private static int Order(CellKey a, CellKey b)
    {
        var c = a.Space.CompareTo(b.Space);
        return c != 0 ? c : a.Period.CompareTo(b.Period);
    }

    /// <summary>
    /// The groups of a table: a space's cell is the total of its child spaces' cells (same indicator and period), and a
    /// period's cell is the total of the cells of one shorter period type inside it (a year of its quarters, say; same
    /// indicator and space). Only for indicators where <paramref name="isAdditive"/> holds.
    /// </summary>
    public static List<SuppressionGroup> Groups(IEnumerable<CellKey> cells, Func<Guid, Guid?> parentOf, Func<Guid, bool> isAdditive)
    {
        // sized at once: the cells of a year are many
        var set = new HashSet<CellKey>(cells.TryGetNonEnumeratedCount(out var count) ? count : 0);
        foreach (var c in cells)
            if (isAdditive(c.Indicator)) set.Add(c);
        return GroupsOf(set, set.Contains, parentOf);
    }

    /// <summary>
    /// <see cref="Groups"/> of <paramref name="set"/>: distinct cells, all of additive indicators, <paramref name="contains"/>
    /// telling whether a cell is one of them (so a caller that holds them as a dictionary's keys needs no set of its own).
    /// </summary>
    internal static List<SuppressionGroup> GroupsOf(IEnumerable<CellKey> set, Func<CellKey, bool> contains, Func<Guid, Guid?> parentOf)
    {
        // each published parent's cell with its children's cells, in the order the parents first occur, children by space
        // (one list per group, no grouping and sorting copies: a year of a thousand spaces has many cells)
        // (each list sized at once for its members, counted first: grown by doubling, a year's lists were most of what the
        // decision allocated)
        var sizes = new Dictionary<CellKey, int>();
        foreach (var c in set)
            if (parentOf(c.Space) is { } p && contains(c with { Space = p }))
                CollectionsMarshal.GetValueRefOrAddDefault(sizes, c with { Space = p }, out _)++;
        var children = new Dictionary<CellKey, List<CellKey>>(sizes.Count);
        foreach (var c in set)
        {
            if (parentOf(c.Space) is not { } p) continue;
            var total = c with { Space = p };
            if (!sizes.TryGetValue(total, out var size)) continue;
            (CollectionsMarshal.GetValueRefOrAddDefault(children, total, out _) ??= new(size)).Add(c);
        }
        var groups = new List<SuppressionGroup>(children.Count);
        foreach (var (total, members) in children)
        {
            members.Sort(static (a, b) => a.Space.CompareTo(b.Space)); // spaces differ within a group: the same order as a stable sort
            groups.Add(new SuppressionGroup(total, members));
        }
        // Periods that no shorter type partitions (months) are no period's total: without longer ones there is nothing to group.
        var types = new[] { PeriodType.HalfYear, PeriodType.Quarter, PeriodType.Month };
        // (spelled out: a method group of each cell's period would allocate a delegate per cell)
        if (!set.Any(c => c.Period.IsPartitionedBy(PeriodType.HalfYear) || c.Period.IsPartitionedBy(PeriodType.Quarter)
                || c.Period.IsPartitionedBy(PeriodType.Month))) return groups;
        var byIndicatorSpace = set.GroupBy(c => (c.Indicator, c.Space));
        foreach (var cellsOfSeries in byIndicatorSpace)
        {
            var list = cellsOfSeries.ToList();
            foreach (var total in list)
            {
                foreach (var type in types)
                {
                    if (!total.Period.IsPartitionedBy(type)) continue;
                    var members = list.Where(c => c.Period.Type == type && total.Period.Contains(c.Period)).OrderBy(c => c.Period).ToList();
                    if (members.Count > 0) groups.Add(new SuppressionGroup(total, members));
                }
            }
        }
        return groups;
    }
}
