namespace Raumnetz.Domain.Indicators;

/// <summary>What an indicator measures.</summary>
public enum IndicatorKind
{
    /// <summary>A number of people, cases or things (Anzahl).</summary>
    Count = 1,
    /// <summary>Numerator per denominator times a factor (Quote, for example per 100 or per 1000).</summary>
    Rate = 2,
    /// <summary>An index value without numerator and denominator.</summary>
    Index = 3,
    /// <summary>A soft factor rated on a scale (weicher Faktor), for example 1 to 5 with labels.</summary>
    Rating = 4,
}

/// <summary>Which way is better.</summary>
public enum IndicatorDirection
{
    HigherIsBetter = 1,
    LowerIsBetter = 2,
    Neutral = 3,
}

/// <summary>How values of child spaces combine into a value of their parent.</summary>
public enum AggregationRule
{
    /// <summary>Sum of the children (counts).</summary>
    Sum = 1,
    /// <summary>Rate recomputed from the summed numerators and denominators.</summary>
    Rate = 2,
    /// <summary>Unweighted mean of the children's values.</summary>
    Mean = 3,
    /// <summary>Median of the children's values.</summary>
    Median = 4,
    /// <summary>Not aggregable: a parent has only its own measured value.</summary>
    None = 5,
}

/// <summary>How often an indicator is updated.</summary>
public enum UpdateInterval
{
    Monthly = 1,
    Quarterly = 2,
    HalfYearly = 3,
    Yearly = 4,
    Irregular = 5,
}

/// <summary>Status of a measured value.</summary>
public enum ObservationStatus
{
    Provisional = 1,
    Final = 2,
    Estimated = 3,
}

public static class IndicatorRules
{
    /// <summary>The aggregation rules that make sense for a kind of indicator.</summary>
    public static bool IsAllowed(IndicatorKind kind, AggregationRule rule) => kind switch
    {
        IndicatorKind.Count => rule is AggregationRule.Sum or AggregationRule.Mean or AggregationRule.Median or AggregationRule.None,
        IndicatorKind.Rate => rule is AggregationRule.Rate or AggregationRule.Mean or AggregationRule.Median or AggregationRule.None,
        IndicatorKind.Index or IndicatorKind.Rating => rule is AggregationRule.Mean or AggregationRule.Median or AggregationRule.None,
        _ => false,
    };

    /// <summary>"Better three than 20": sets with more indicators than this are allowed but flagged.</summary>
    public const int FewAndMeaningful = 7;

    /// <summary>The value of a rate from its numerator and denominator.</summary>
    public static double? RateValue(double? numerator, double? denominator, double factor) =>
        numerator is { } n && denominator is { } d && d != 0 ? n / d * factor : null;
}
