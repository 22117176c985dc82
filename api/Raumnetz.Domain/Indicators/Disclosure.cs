using System.Runtime.InteropServices;

namespace Raumnetz.Domain.Indicators;

/// <summary>
/// Small-number protection as a property of what a reader may see: the one decision, per indicator, of which cells
/// (space and period) viewers and analysts do not get, whichever response shows them (observation lists and single
/// values, evaluation, series, map, assessment summary, exports).
/// <para>
/// The decision does not depend on what a response shows. It is taken over the whole table a reader could put together
/// from all responses: every space of the hierarchy, every period of a year, stored values and the values computed up
/// the hierarchy for spaces without one of their own (as the evaluation and the series show them). Primary suppression
/// withholds small values (<see cref="Suppression.IsPrimary"/>; a computed rating counts the raters of the values it is
/// computed from); secondary suppression (<see cref="Suppression.Secondary"/>) then withholds, wherever a visible total
/// has exactly one withheld part, the smallest other part, or the total itself when there is none, until no total
/// reveals a part: a space is the total of its child spaces, a year of its halves, quarters or months. Since every
/// response shows a subset of that table with the same cells withheld, no subtraction across responses recovers a
/// withheld cell.
/// </para>
/// <para>
/// Totals never cross a year (a year's groups hold only that year's periods) or an indicator, so the decision is taken per
/// indicator and year: a caller passes the stored values of whole years, for every space, and gets the same answer for a
/// cell whichever years it asks about.
/// </para>
/// </summary>
public static class Disclosure
{
    /// <summary>The cells of the indicator of <paramref name="shape"/> withheld from a reader protected by <paramref name="rules"/>.</summary>
    /// <param name="shape">The indicator and the whole space hierarchy (the scope is ignored: the decision covers every space).</param>
    /// <param name="stored">Every stored value of the indicator in the years concerned, for every space; values of any other
    /// indicator are ignored by the caller's choice of <paramref name="shape"/>.</param>
    /// <returns>The withheld cells, stored or computed, of the years <paramref name="stored"/> covers.</returns>
    public static HashSet<CellKey> Withheld(ValueTableShape shape, IEnumerable<StoredValue> stored, SuppressionRules rules) =>
        Withheld(shape, stored, rules, skipQuiet: true);

    /// <param name="skipQuiet">Leave out the periods that cannot hold a withheld cell (<see cref="DecidingYears"/>); false only to
    /// check that leaving them out changes nothing.</param>
    internal static HashSet<CellKey> Withheld(ValueTableShape shape, IEnumerable<StoredValue> stored, SuppressionRules rules, bool skipQuiet)
    {
        var whole = shape with { Scope = null };
        var withheld = new HashSet<CellKey>();
        IEnumerable<IReadOnlyList<StoredValue>> years = skipQuiet && Monotone(whole, rules) ? DecidingYears(whole, stored, rules) : Years(stored);
        var table = new DecisionTable();
        foreach (var deciding in years)
            if (deciding.Count > 0) withheld.UnionWith(Decide(whole, deciding, rules, table));
        return withheld;
    }

    /// <summary>The stored values by year, each year's in the order given (years in the order they first occur).</summary>
    private static Dictionary<int, List<StoredValue>>.ValueCollection Years(IEnumerable<StoredValue> stored)
    {
        var years = new Dictionary<int, List<StoredValue>>();
        foreach (var s in stored)
        {
            if (!years.TryGetValue(s.Period.Year, out var year)) years[s.Period.Year] = year = [];
            year.Add(s);
        }
        return years.Values;
    }

    /// <summary>
    /// Whether no value that is not small can give a small one up the hierarchy (sums, means and medians of values not below
    /// the threshold, summed denominators and raters are not below it): then only the periods linked to a small stored
    /// value need deciding. Not so with a negative threshold, or a count computed as a rate.
    /// </summary>
    private static bool Monotone(ValueTableShape shape, SuppressionRules rules) =>
        rules.MinCount >= 0 && rules.MinDenominator >= 0
        && !(shape.Kind == IndicatorKind.Count && shape.Aggregation == AggregationRule.Rate);

    /// <summary>
    /// The stored values the decision depends on, by year, each year's in the order given: those of the periods linked,
    /// through periods that overlap, to a period with a small stored value. Every total groups cells of one period (a space
    /// and its children) or of periods inside one another (one space), so the cells of periods not linked that way share no
    /// total with the others and are decided on their own; with no small stored value, none of their cells is small either,
    /// computed ones included (<see cref="Monotone"/>), so none is withheld, primary or secondary.
    /// Two passes over <paramref name="stored"/> (which must be enumerable twice): the first finds each year's periods and
    /// those with a small value, the second keeps the values of the periods linked to one, so the values of the quiet
    /// periods are never copied.
    /// </summary>
    private static IEnumerable<IReadOnlyList<StoredValue>> DecidingYears(ValueTableShape shape, IEnumerable<StoredValue> stored,
        SuppressionRules rules)
    {
        // per year: how many values each period has, and the periods with a small one
        // (values come in runs of one year, a space's months, so the year of the value before is looked up again only when it changes)
        var periods = new Dictionary<int, (Dictionary<Period, int> Counts, HashSet<Period> Small)>();
        (Dictionary<Period, int> Counts, HashSet<Period> Small) counting = ([], []); // replaced at the first value
        var current = int.MinValue;
        foreach (var s in stored)
        {
            if (s.Period.Year != current && !periods.TryGetValue(current = s.Period.Year, out counting))
                periods[current] = counting = ([], []);
            CollectionsMarshal.GetValueRefOrAddDefault(counting.Counts, s.Period, out _)++;
            if (Suppression.IsPrimary(shape.Kind, s.Measure.Value, s.Measure.Denominator, s.RatingCount, rules))
                counting.Small.Add(s.Period);
        }
        // per year with a small value: the periods to keep, null for all of them (each year's list sized for them at once)
        var keep = new Dictionary<int, HashSet<Period>?>();
        var sizes = new Dictionary<int, int>();
        foreach (var (number, year) in periods)
        {
            if (year.Small.Count == 0) continue;
            var reached = Reached(year.Counts.Keys, year.Small);
            var all = reached.Count == year.Counts.Count;
            keep[number] = all ? null : reached;
            sizes[number] = year.Counts.Where(c => all || reached.Contains(c.Key)).Sum(c => c.Value);
        }
        if (sizes.Count == 0) return [];
        if (stored is IReadOnlyList<StoredValue> list) return Positions.Of(list, keep, sizes);
        var years = sizes.ToDictionary(y => y.Key, y => new List<StoredValue>(y.Value));
        List<StoredValue>? into = null;
        HashSet<Period>? only = null;
        current = int.MinValue;
        foreach (var s in stored)
        {
            if (s.Period.Year != current)
            {
                into = years.GetValueOrDefault(current = s.Period.Year);
                only = into is null ? null : keep[current];
            }
            if (into is not null && (only is null || only.Contains(s.Period))) into.Add(s);
        }
        return years.Values;
    }

    /// <summary>The periods reached from the small ones through periods that overlap one already reached.</summary>
    private static HashSet<Period> Reached(IEnumerable<Period> periods, HashSet<Period> small)
    {
        var all = periods.ToList();
        var reached = new HashSet<Period>(small);
        var queue = new Queue<Period>(small);
        while (queue.TryDequeue(out var p))
            foreach (var other in all)
                if (!reached.Contains(other) && other.FirstMonth <= p.LastMonth && p.FirstMonth <= other.LastMonth && reached.Add(other))
                    queue.Enqueue(other);
        return reached;
    }

    /// <summary>
    /// The withheld cells of the table computed from <paramref name="stored"/>. What the decision needs of each cell (its
    /// weight, whether it is small) is taken as the table is computed, one period at a time, so the table itself is never
    /// held (a year of a thousand spaces' months is large); the weights are sized at once for the stored values and a
    /// computed one per parent space and period.
    /// </summary>
    private static HashSet<CellKey> Decide(ValueTableShape shape, IReadOnlyList<StoredValue> stored, SuppressionRules rules,
        DecisionTable table)
    {
        var periods = new HashSet<Period>();
        foreach (var s in stored) periods.Add(s.Period);
        var parents = shape.Parents.Values.Where(p => p is not null).Distinct().Count();
        // What secondary suppression gives up least of: the value, or for a rate its denominator (the population behind it).
        var (weights, primary) = table.Cleared(stored.Count + periods.Count * parents);
        foreach (var (value, raters) in PublishedValues.Cells(shape, stored, aggregate: true))
        {
            var key = new CellKey(shape.Indicator, value.Space, value.Period);
            weights.Add(key, shape.Kind == IndicatorKind.Rate ? value.Measure.Denominator : value.Measure.Value);
            if (Suppression.IsPrimary(shape.Kind, value.Measure.Value, value.Measure.Denominator, raters, rules)) primary.Add(key);
        }
        // the cells are the weights' keys (distinct, all of this indicator): no second set of them
        var groups = Suppression.IsAdditive(shape.Aggregation)
            ? Suppression.GroupsOf(weights.Keys, weights.ContainsKey, s => shape.Parents.TryGetValue(s, out var p) ? p : null)
            : [];
        var withheld = Suppression.Secondary(weights, primary, groups);
        withheld.UnionWith(primary);
        return withheld;
    }

    /// <summary>
    /// The weights and primary cells of one year's table, reused for the next year of the same decision: sized for a year
    /// of a thousand spaces' months they are large objects, which only a full collection frees (measured: allocated anew for
    /// every year they were the largest part of the PostgreSQL long CSV export's large-object allocations).
    /// </summary>
    private sealed class DecisionTable
    {
        private readonly Dictionary<CellKey, double?> weights = [];
        private readonly HashSet<CellKey> primary = [];

        /// <summary>Both emptied, the weights sized for <paramref name="cells"/> cells.</summary>
        public (Dictionary<CellKey, double?> Weights, HashSet<CellKey> Primary) Cleared(int cells)
        {
            weights.Clear();
            weights.EnsureCapacity(cells);
            primary.Clear();
            return (weights, primary);
        }
    }

    /// <summary>
    /// The values to decide of a year as positions in the list the caller passed, not copies (a year of a thousand spaces'
    /// months is large, and the caller holds the values anyway); in the list's order, as the copies would be.
    /// </summary>
    private sealed class Positions(IReadOnlyList<StoredValue> all, List<int> at) : IReadOnlyList<StoredValue>
    {
        /// <summary>For each year of <paramref name="sizes"/> (with the number of its values to decide), the positions of the
        /// values of its periods in <paramref name="keep"/> (null: all of them).</summary>
        public static List<IReadOnlyList<StoredValue>> Of(IReadOnlyList<StoredValue> all, Dictionary<int, HashSet<Period>?> keep,
            Dictionary<int, int> sizes)
        {
            var positions = sizes.ToDictionary(y => y.Key, y => new List<int>(y.Value));
            List<int>? into = null;
            HashSet<Period>? only = null;
            var current = int.MinValue;
            for (var i = 0; i < all.Count; i++)
            {
                var period = all[i].Period;
                if (period.Year != current)
                {
                    into = positions.GetValueOrDefault(current = period.Year);
                    only = into is null ? null : keep[current];
                }
                if (into is not null && (only is null || only.Contains(period))) into.Add(i);
            }
            return [.. positions.Values.Select(p => new Positions(all, p))];
        }

        public StoredValue this[int index] => all[at[index]];
        public int Count => at.Count;

        public IEnumerator<StoredValue> GetEnumerator()
        {
            foreach (var i in at) yield return all[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
