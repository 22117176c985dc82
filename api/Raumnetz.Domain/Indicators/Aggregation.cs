namespace Raumnetz.Domain.Indicators;

/// <summary>A value of one space, with numerator and denominator for rates.</summary>
public readonly record struct Measure(double? Value, double? Numerator = null, double? Denominator = null);

/// <summary>A value computed from the values of several spaces, and how many of them contributed.</summary>
public readonly record struct Aggregate(double? Value, double? Numerator, double? Denominator, int Count);

/// <summary>Combines the values of child spaces into a value for their parent, by an indicator's <see cref="AggregationRule"/>.</summary>
public static class Aggregation
{
    /// <summary>
    /// Sum: the values added up. Rate: numerators and denominators added up (over the parts that have both) and the
    /// rate recomputed as numerator / denominator × <paramref name="rateFactor"/>. Mean and median: of the values.
    /// None: nothing (null). Parts without a value are left out; with no usable part the result is null.
    /// </summary>
    public static Aggregate? Combine(AggregationRule rule, IEnumerable<Measure> parts, double rateFactor = 1)
    {
        switch (rule)
        {
            case AggregationRule.Sum:
            {
                var values = parts.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
                return values.Count == 0 ? null : new Aggregate(values.Sum(), null, null, values.Count);
            }
            case AggregationRule.Rate:
            {
                var usable = parts.Where(p => p.Numerator is not null && p.Denominator is not null).ToList();
                if (usable.Count == 0) return null;
                var n = usable.Sum(p => p.Numerator!.Value);
                var d = usable.Sum(p => p.Denominator!.Value);
                return new Aggregate(IndicatorRules.RateValue(n, d, rateFactor), n, d, usable.Count);
            }
            case AggregationRule.Mean:
            {
                var values = parts.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
                return values.Count == 0 ? null : new Aggregate(values.Average(), null, null, values.Count);
            }
            case AggregationRule.Median:
            {
                var values = parts.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
                return values.Count == 0 ? null : new Aggregate(Median(values), null, null, values.Count);
            }
            default:
                return null;
        }
    }

    /// <summary>The middle value, or the mean of the two middle values for an even count.</summary>
    public static double Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("The median of nothing is undefined.", nameof(values));
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>
    /// Values for every space of a hierarchy: a space's own value where it has one, otherwise the aggregate of its
    /// children (each child again by its own value or its children's aggregate), bottom up.
    /// </summary>
    /// <param name="own">Measured values by space.</param>
    /// <param name="children">The child spaces of each space.</param>
    /// <param name="roots">Where to start; every space below them is computed.</param>
    public static Dictionary<Guid, (Measure Measure, bool Aggregated, int Count)> UpTheHierarchy(
        AggregationRule rule, double rateFactor, IReadOnlyDictionary<Guid, Measure> own, ILookup<Guid, Guid> children,
            IEnumerable<Guid> roots)
    {
        var result = new Dictionary<Guid, (Measure, bool, int)>(own.Count);
        UpTheHierarchy(rule, rateFactor, own, children, roots, result);
        return result;
    }

    /// <summary>
    /// <see cref="UpTheHierarchy(AggregationRule, double, IReadOnlyDictionary{Guid, Measure}, ILookup{Guid, Guid}, IEnumerable{Guid})"/>
    /// into <paramref name="result"/>, emptied first (a caller computing many periods fills the same map for each).</summary>
    internal static void UpTheHierarchy(AggregationRule rule, double rateFactor, IReadOnlyDictionary<Guid, Measure> own,
        ILookup<Guid, Guid> children, IEnumerable<Guid> roots, Dictionary<Guid, (Measure Measure, bool Aggregated, int Count)> result)
    {
        result.Clear();
        result.EnsureCapacity(own.Count);
        foreach (var root in roots) Visit(root, 0);

        (Measure Measure, bool Aggregated, int Count)? Visit(Guid space, int depth)
        {
            if (result.TryGetValue(space, out var done)) return done;
            if (depth > 64) return null; // the space hierarchy is at most six levels deep; this guards against bad data
            // no list for a space without children (most of them), one sized for its children otherwise
            var below = children[space];
            List<Measure>? parts = null;
            foreach (var child in below)
                if (Visit(child, depth + 1) is { } c)
                    (parts ??= new List<Measure>(below.TryGetNonEnumeratedCount(out var n) ? n : 4)).Add(c.Measure);
            if (own.TryGetValue(space, out var measured) && measured.Value is not null)
                return result[space] = (measured, false, 1);
            if (parts is not null && Combine(rule, parts, rateFactor) is { Value: not null } a)
                return result[space] = (new Measure(a.Value, a.Numerator, a.Denominator), true, a.Count);
            return null;
        }
    }
}
