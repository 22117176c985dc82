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
/// One indicator's values for the spaces and periods of a table, worked out as the indicator export does it: the stored
/// values, with <c>aggregate</c> also the values computed up the hierarchy for spaces without one of their own; and when
/// small numbers are protected, those withheld (primary suppression) together with whatever would reveal them through a
/// total of the same table (secondary suppression over space and period totals, <see cref="Suppression.Secondary"/>).
/// </summary>
public static class PublishedValues
{
    /// <param name="stored">The stored values of the indicator: for an aggregated table every space below the scope too.</param>
    /// <param name="rules">The thresholds, or null when the reader sees small numbers (editors and above).</param>
    /// <returns>The values of the spaces in scope, by space and period.</returns>
    public static List<PublishedValue> Table(
        ValueTableShape shape, IEnumerable<StoredValue> stored, bool aggregate, SuppressionRules? rules)
    {
        var cells = new List<(PublishedValue Value, int? RatingCount)>();
        bool InScope(Guid space) => shape.Scope is null || shape.Scope.Contains(space);
        if (!aggregate)
        {
            foreach (var s in stored)
                if (InScope(s.Space)) cells.Add((new PublishedValue(s.Space, s.Period, s.Measure, false, 1, false), s.RatingCount));
        }
        else
        {
            var children = shape.Parents.Where(p => p.Value is not null).ToLookup(p => p.Value!.Value, p => p.Key);
            var roots = shape.Parents.Where(p => p.Value is null).Select(p => p.Key).ToList();
            foreach (var period in stored.GroupBy(s => s.Period))
            {
                var own = period.GroupBy(s => s.Space).ToDictionary(g => g.Key, g => g.First());
                var measures = own.ToDictionary(o => o.Key, o => o.Value.Measure);
                var computed = Aggregation.UpTheHierarchy(shape.Aggregation, shape.RateFactor, measures, children, roots);
                foreach (var (space, value) in computed)
                    if (InScope(space))
                        cells.Add((new PublishedValue(space, period.Key, value.Measure, value.Aggregated, value.Count, false,
                                value.Aggregated ? CoverageOf(space, period.Key) : null),
                            value.Aggregated ? null : own[space].RatingCount));
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
        if (rules is null) return cells.Select(c => c.Value).ToList();

        CellKey Key(PublishedValue v) => new(shape.Indicator, v.Space, v.Period);
        // What secondary suppression gives up least of: the value, or for a rate its denominator (the population behind it).
        var weights = cells.ToDictionary(c => Key(c.Value),
            c => shape.Kind == IndicatorKind.Rate ? c.Value.Measure.Denominator : c.Value.Measure.Value);
        var primary = cells
            .Where(c => Suppression.IsPrimary(shape.Kind, c.Value.Measure.Value, c.Value.Measure.Denominator, c.RatingCount, rules))
            .Select(c => Key(c.Value)).ToHashSet();
        var groups = Suppression.Groups(weights.Keys, s => shape.Parents.TryGetValue(s, out var p) ? p : null,
            _ => Suppression.IsAdditive(shape.Aggregation));
        var suppressed = Suppression.Secondary(weights, primary, groups);
        suppressed.UnionWith(primary);
        return cells.Select(c => suppressed.Contains(Key(c.Value)) ? c.Value with { Measure = default, Suppressed = true } : c.Value)
            .ToList();
    }
}
