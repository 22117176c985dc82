namespace Raumnetz.Domain.Indicators;

/// <summary>Where a value lies against a reference.</summary>
public enum Position
{
    Above = 1,
    Below = 2,
    Equal = 3,
}

/// <summary>What that means, given the indicator's direction.</summary>
public enum Judgement
{
    Better = 1,
    Worse = 2,
    Same = 3,
    /// <summary>The indicator is neutral: higher is neither better nor worse.</summary>
    NotJudged = 4,
}

/// <summary>A value against a reference (the parent space, a chosen space, the baseline or the previous period).</summary>
public sealed record ComparisonResult(double Value, double Reference, double Difference, double? Ratio, double? PercentChange,
    Position Position, Judgement Judgement);

public static class Comparison
{
    /// <summary>
    /// Difference (value − reference), ratio (value / reference, null when the reference is 0), percent change and
    /// above/below. Values that differ by less than half a unit of the last shown decimal count as equal.
    /// </summary>
    public static ComparisonResult Compare(double value, double reference, IndicatorDirection direction, int decimals = 2)
    {
        var difference = value - reference;
        var tolerance = 0.5 * Math.Pow(10, -Math.Clamp(decimals, 0, 10));
        var position = Math.Abs(difference) < tolerance ? Position.Equal : difference > 0 ? Position.Above : Position.Below;
        double? ratio = reference == 0 ? null : value / reference;
        double? percent = reference == 0 ? null : difference / Math.Abs(reference) * 100;
        var judgement = direction switch
        {
            IndicatorDirection.Neutral => Judgement.NotJudged,
            _ when position == Position.Equal => Judgement.Same,
            IndicatorDirection.HigherIsBetter => position == Position.Above ? Judgement.Better : Judgement.Worse,
            _ => position == Position.Below ? Judgement.Better : Judgement.Worse,
        };
        return new ComparisonResult(value, reference, difference, ratio, percent, position, judgement);
    }
}
