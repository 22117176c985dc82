namespace Raumnetz.Domain.Indicators;

/// <summary>
/// How much of a space a computed value stands for: from <see cref="Parts"/> of the <see cref="Of"/> spaces directly
/// below that exist in the period ("aus 3 von 5 Teilräumen"), and the share of their population those parts hold where
/// every one of them has a population (null otherwise).
/// </summary>
public readonly record struct Coverage(int Parts, int Of, double? PopulationShare)
{
    /// <summary>The share the reference rule judges by: the population share where known, else parts / of.</summary>
    public double Share => PopulationShare ?? (Of == 0 ? 0 : (double)Parts / Of);
}

/// <summary>
/// Which computed value may serve as a reference (the line a space is compared with): one whose coverage reaches
/// <see cref="MinCoverage"/> (Raumnetz:Reference:MinCoverage, default 0.8). A value computed from whichever parts
/// happen to have data would otherwise move a city's reference from 14.2 % to 34.9 % with one entry for one district.
/// </summary>
public sealed record ReferenceRules
{
    public double MinCoverage { get; init; } = 0.8;

    /// <summary>Measured values always serve; computed ones when their coverage suffices.</summary>
    public bool MayServe(Coverage? coverage) => coverage is not { } c || c.Share >= MinCoverage - 1e-9;
}

public static class CoverageRules
{
    /// <summary>
    /// The coverage of a computed value: <paramref name="parts"/> are the spaces directly below that exist in the period
    /// (by their validity, or because they have a value for it: a space entered today has validFrom today but may well
    /// have figures for 2015),
    /// <paramref name="contributed"/> says which of them gave a usable value, <paramref name="population"/> their
    /// population (null when unknown).
    /// </summary>
    public static Coverage Of(IReadOnlyCollection<Guid> parts, Func<Guid, bool> contributed, Func<Guid, long?> population)
    {
        var given = parts.Where(contributed).ToList();
        double? share = null;
        if (parts.Count > 0 && parts.All(p => population(p) is > 0))
        {
            var total = parts.Sum(p => (double)population(p)!.Value);
            share = given.Sum(p => (double)population(p)!.Value) / total;
        }
        return new Coverage(given.Count, parts.Count, share);
    }

    /// <summary>Whether a part's value is one the aggregation rule uses (rates need numerator and denominator).</summary>
    public static bool IsUsable(AggregationRule rule, Measure measure) =>
        rule == AggregationRule.Rate ? measure is { Numerator: not null, Denominator: not null } : measure.Value is not null;
}

public static class SpaceTime
{
    /// <summary>Whether a space valid from <paramref name="validFrom"/> to <paramref name="validTo"/> exists during some part of the period.</summary>
    public static bool ExistsDuring(DateOnly validFrom, DateOnly? validTo, Period period)
    {
        var first = new DateOnly(period.Year, period.FirstMonth % 100, 1);
        var last = new DateOnly(period.Year, period.LastMonth % 100, 1).AddMonths(1).AddDays(-1);
        return validFrom <= last && (validTo is not { } to || to >= first);
    }

    /// <summary>
    /// Whether a map or list of spaces for a period shows the space: never once it ended before the period began (the
    /// ended Nordmarkt is not drawn over its successors in 2019 or 2024); otherwise when it exists during the period, or
    /// has a value for it (validFrom defaults to the day a space was entered, so a space entered today with figures back
    /// to 2015 is still shown for 2015).
    /// </summary>
    public static bool ShownIn(DateOnly validFrom, DateOnly? validTo, Period period, bool hasValue)
    {
        var first = new DateOnly(period.Year, period.FirstMonth % 100, 1);
        if (validTo is { } to && to < first) return false;
        return hasValue || ExistsDuring(validFrom, validTo, period);
    }
}
