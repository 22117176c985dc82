namespace Raumnetz.Domain.Indicators;

/// <summary>A stored value of one indicator: its space and period, the measure and (ratings) how many people rated.</summary>
public readonly record struct StoredValue(Guid Space, Period Period, Measure Measure, int? RatingCount = null);

/// <summary>
/// A value as it is published: measured, or computed from the spaces below (<see cref="Aggregated"/>, from
/// <see cref="Count"/> spaces, covering <see cref="Coverage"/> of the space when the table knows its spaces' facts); a
/// <see cref="Suppressed"/> value carries no measure.
/// </summary>
public readonly record struct PublishedValue(Guid Space, Period Period, Measure Measure, bool Aggregated, int Count, bool Suppressed, Coverage? Coverage = null);

/// <summary>What the coverage of a computed value needs to know about a space: when it exists and how many live there.</summary>
public readonly record struct SpaceFacts(DateOnly ValidFrom, DateOnly? ValidTo, long? Population);

/// <summary>What a table of published values is made of: the indicator, the space hierarchy and which spaces it shows.</summary>
/// <param name="Indicator">The indicator's id (cells of different indicators never share a total).</param>
/// <param name="Parents">The parent of every space (null for a root).</param>
/// <param name="Scope">The spaces whose values the table shows; null for all.</param>
/// <param name="Facts">Validity and population of the spaces, for the coverage of computed values (none without).</param>
public sealed record ValueTableShape(Guid Indicator, IndicatorKind Kind, AggregationRule Aggregation, double RateFactor,
    IReadOnlyDictionary<Guid, Guid?> Parents, IReadOnlySet<Guid>? Scope, IReadOnlyDictionary<Guid, SpaceFacts>? Facts = null);

/// <summary>
/// One indicator's values for the spaces and periods of a table: the stored values, with <c>aggregate</c> also the values
/// computed up the hierarchy for spaces without one of their own; the cells that <see cref="Disclosure"/> withholds from
/// the reader carry no measure and are flagged <see cref="PublishedValue.Suppressed"/>.
/// </summary>
public static class PublishedValues
{
    /// <param name="stored">The stored values of the indicator: for an aggregated table every space below the scope too.</param>
    /// <param name="withheld">What the reader may not see (<see cref="Disclosure.Withheld"/>), or null when the reader sees small
    /// numbers (editors and above).</param>
    /// <returns>The values of the spaces in scope, by space and period.</returns>
    public static List<PublishedValue> Table(
        ValueTableShape shape, IEnumerable<StoredValue> stored, bool aggregate, IReadOnlySet<CellKey>? withheld)
    {
        var values = stored as IReadOnlyList<StoredValue> ?? stored.ToList();
        var cells = new List<PublishedValue>(values.Count);
        foreach (var (v, _) in Cells(shape, values, aggregate))
            cells.Add(withheld is not null && withheld.Contains(new CellKey(shape.Indicator, v.Space, v.Period))
                ? v with { Measure = default, Suppressed = true } : v);
        return cells;
    }

    /// <summary>
    /// The cells of a table with, for ratings, how many people stand behind each: the raters of a measured value, or the
    /// raters of the values below summed for a computed one (null where no count is known). One period's at a time, as
    /// they are computed: the caller keeps what it needs of them, not the whole table (a year of a thousand spaces' months).
    /// </summary>
    internal static IEnumerable<(PublishedValue Value, int? Raters)> Cells(
        ValueTableShape shape, IEnumerable<StoredValue> stored, bool aggregate)
    {
        bool InScope(Guid space) => shape.Scope is null || shape.Scope.Contains(space);
        if (!aggregate)
        {
            foreach (var s in stored)
                if (InScope(s.Space)) yield return (new PublishedValue(s.Space, s.Period, s.Measure, false, 1, false), s.RatingCount);
            yield break;
        }
        var children = shape.Parents.Where(p => p.Value is not null).ToLookup(p => p.Value!.Value, p => p.Key);
        var roots = shape.Parents.Where(p => p.Value is null).Select(p => p.Key).ToList();
        // The values by period as positions in one list, not copies (a year of a thousand spaces' months is a large table).
        var values = stored as IReadOnlyList<StoredValue> ?? stored.ToList();
        var periods = new Dictionary<Period, List<int>>();
        for (var i = 0; i < values.Count; i++)
        {
            if (!periods.TryGetValue(values[i].Period, out var positions)) periods[values[i].Period] = positions = [];
            positions.Add(i);
        }
        // the maps of one period, emptied for the next (a period's cells are all passed on before the next is computed)
        var measures = new Dictionary<Guid, Measure>();
        var ratings = shape.Kind == IndicatorKind.Rating ? new Dictionary<Guid, int?>() : null;
        var computed = new Dictionary<Guid, (Measure Measure, bool Aggregated, int Count)>();
        var raters = new Dictionary<Guid, int?>();
        foreach (var (key, positions) in periods)
        {
            // each space's first value, spaces in the order they first occur
            measures.Clear();
            measures.EnsureCapacity(positions.Count);
            ratings?.Clear();
            ratings?.EnsureCapacity(positions.Count);
            foreach (var i in positions)
                if (measures.TryAdd(values[i].Space, values[i].Measure)) ratings?.Add(values[i].Space, values[i].RatingCount);
            Aggregation.UpTheHierarchy(shape.Aggregation, shape.RateFactor, measures, children, roots, computed);
            raters.Clear();
            int? Raters(Guid space, int depth)
            {
                if (raters.TryGetValue(space, out var known)) return known;
                if (depth > 64 || !computed.TryGetValue(space, out var value)) return null;
                if (!value.Aggregated) return raters[space] = ratings![space];
                int? sum = null;
                foreach (var child in children[space])
                    if (Raters(child, depth + 1) is { } r) sum = (sum ?? 0) + r;
                return raters[space] = sum;
            }
            foreach (var (space, value) in computed)
                if (InScope(space))
                    yield return (new PublishedValue(space, key, value.Measure, value.Aggregated, value.Count, false,
                            value.Aggregated ? CoverageOf(space, key) : null),
                        shape.Kind == IndicatorKind.Rating ? Raters(space, 0) : null);
            Coverage? CoverageOf(Guid space, Period p)
            {
                if (shape.Facts is not { } facts) return null;
                bool Contributed(Guid c) => computed.TryGetValue(c, out var part) && CoverageRules.IsUsable(shape.Aggregation, part.Measure);
                var parts = children[space]
                    .Where(c => Contributed(c) || !facts.TryGetValue(c, out var f) || SpaceTime.ExistsDuring(f.ValidFrom, f.ValidTo, p)).ToList();
                return CoverageRules.Of(parts, Contributed, c => facts.TryGetValue(c, out var f) ? f.Population : null);
            }
        }
    }
}
