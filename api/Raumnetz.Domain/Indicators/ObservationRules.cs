using Raumnetz.Domain.Common;
namespace Raumnetz.Domain.Indicators;

/// <summary>What the rules need to know about an indicator to check a value.</summary>
public sealed record IndicatorProfile(
    IndicatorKind Kind, AggregationRule Aggregation, double? RateFactor, bool IsProportion, int? ScaleMin, int? ScaleMax, int Decimals = 2,
    double? Minimum = null, double? Maximum = null);

/// <summary>
/// How far a value may lie outside its space's own history before it needs a confirmation (entry) or is flagged
/// (import): configured as Raumnetz:Plausibility:MaxJumpFactor (default 3; 0 or 1 and below switch the check off).
/// </summary>
public sealed record PlausibilityRules
{
    public double MaxJumpFactor { get; init; } = 3;
}

/// <summary>
/// One problem with a value, named by the field it is about: an English message, and a stable code with its arguments
/// (invariant text) so that a client can say the same in its own language.
/// </summary>
public readonly record struct FieldProblem(string Field, string Message, string Code, IReadOnlyDictionary<string, string>? Args = null)
{
    /// <summary>Marks a validation failure whose error code is one of these stable codes (the API lists it under 'codes').</summary>
    public const string StateMarker = "raumnetz.code";

    public static FieldProblem Of(string field, string code, string message, params (string Name, object? Value)[] args) =>
        new(field, message, code, args.Length == 0 ? null
            : args.ToDictionary(a => a.Name, a => Convert.ToString(a.Value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
}

/// <summary>Rules for a measured value that depend on its indicator (shared by the single upsert and the bulk import).</summary>
public static class ObservationRules
{
    /// <summary>Largest absolute value accepted.</summary>
    public const double MaxMagnitude = 1e15;

    /// <summary>
    /// Checks a value against its indicator and fills in the value of a rate from numerator and denominator when it is
    /// missing (a value given with them must be theirs, rounded at most to the indicator's decimals). Counts are whole numbers of at least 0; rates need both numerator and denominator or neither, a positive
    /// denominator, and a numerator that does not exceed the denominator when the rate is a proportion; ratings lie on
    /// the scale. Numerator and denominator belong to rates only.
    /// </summary>
    public static (double? Value, List<FieldProblem> Problems) Check(IndicatorProfile indicator, double? value, double? numerator, double? denominator)
    {
        var problems = new List<FieldProblem>();
        foreach (var (field, v) in new[] { ("value", value), ("numerator", numerator), ("denominator", denominator) })
            if (v is { } x && (double.IsNaN(x) || double.IsInfinity(x) || Math.Abs(x) > MaxMagnitude))
                problems.Add(FieldProblem.Of(field, "tooLarge", Text.Format(Messages.Obs_TooLarge, field, MaxMagnitude), ("max", MaxMagnitude)));
        if (problems.Count > 0) return (value, problems);

        if (indicator.Kind != IndicatorKind.Rate)
        {
            if (numerator is not null) problems.Add(FieldProblem.Of("numerator", "onlyRates", Messages.Obs_OnlyRatesNumerator));
            if (denominator is not null) problems.Add(FieldProblem.Of("denominator", "onlyRates", Messages.Obs_OnlyRatesDenominator));
        }
        switch (indicator.Kind)
        {
            case IndicatorKind.Count:
                if (value is null) problems.Add(FieldProblem.Of("value", "valueRequired", Messages.Obs_CountNeedsValue));
                else if (value < 0 || value != Math.Floor(value.Value)) problems.Add(FieldProblem.Of("value", "countNotWhole", Messages.Obs_CountNotWhole, ("value", value)));
                break;
            case IndicatorKind.Rate:
                if ((numerator is null) != (denominator is null))
                    problems.Add(FieldProblem.Of(numerator is null ? "numerator" : "denominator", "rateNeedsBoth", Messages.Obs_RateNeedsBoth));
                else if (numerator is { } n && denominator is { } d)
                {
                    if (n < 0) problems.Add(FieldProblem.Of("numerator", "numeratorNegative", Messages.Obs_NumeratorNegative));
                    if (d <= 0) problems.Add(FieldProblem.Of("denominator", "denominatorNotPositive", Messages.Obs_DenominatorNotPositive));
                    else if (indicator.IsProportion && n > d)
                        problems.Add(FieldProblem.Of("numerator", "numeratorAboveDenominator",
                            Text.Format(Messages.Obs_NumeratorExceeds, n, d), ("numerator", n), ("denominator", d)));
                    if (problems.Count == 0 && IndicatorRules.RateValue(n, d, indicator.RateFactor ?? 1) is { } computed)
                    {
                        // The aggregates above this space compute from numerator and denominator, so a value that says
                        // otherwise would contradict them; rounding to the indicator's decimals is allowed.
                        if (value is null) value = computed;
                        else if (Math.Abs(value.Value - computed) > 0.5 * Math.Pow(10, -indicator.Decimals) + 1e-9 * Math.Abs(computed))
                        {
                            var shown = Math.Round(computed, indicator.Decimals);
                            problems.Add(FieldProblem.Of("value", "valueContradictsRate",
                                Text.Format(Messages.Obs_ValueContradictsRate, value, n, d, shown),
                                ("value", value), ("numerator", n), ("denominator", d), ("computed", shown)));
                        }
                    }
                }
                else if (value is null) problems.Add(FieldProblem.Of("value", "valueRequired", Messages.Obs_RateNeedsValue));
                break;
            case IndicatorKind.Index:
                if (value is null) problems.Add(FieldProblem.Of("value", "valueRequired", Messages.Obs_IndexNeedsValue));
                break;
            case IndicatorKind.Rating:
                if (value is null) problems.Add(FieldProblem.Of("value", "valueRequired", Messages.Obs_RatingNeedsValue));
                else if (indicator.ScaleMin is { } min && indicator.ScaleMax is { } max && (value < min || value > max))
                    problems.Add(FieldProblem.Of("value", "outsideScale", Text.Format(Messages.Obs_OutsideScale, value, min, max), ("value", value), ("min", min), ("max", max)));
                break;
        }
        if (problems.Count == 0 && value is { } checkedValue) problems.AddRange(CheckRange(indicator, checkedValue));
        return (value, problems);
    }

    /// <summary>
    /// The range a value must lie in: a proportion (a rate whose numerator is part of its denominator) between 0 and its
    /// factor (0 to 100 %), and between the indicator's own minimum and maximum when it has them.
    /// </summary>
    public static IEnumerable<FieldProblem> CheckRange(IndicatorProfile indicator, double value)
    {
        if (indicator.Kind == IndicatorKind.Rate && indicator.IsProportion)
        {
            var top = indicator.RateFactor ?? 1;
            if (value < 0 || value > top)
                yield return FieldProblem.Of("value", "proportionOutOfRange",
                    Text.Format(Messages.Obs_ImpossibleProportion, value, top), ("value", value), ("min", 0), ("max", top));
        }
        if (indicator.Minimum is { } min && value < min)
            yield return FieldProblem.Of("value", "belowMinimum", Text.Format(Messages.Obs_BelowMinimum, value, min), ("value", value), ("min", min));
        if (indicator.Maximum is { } max && value > max)
            yield return FieldProblem.Of("value", "aboveMaximum", Text.Format(Messages.Obs_AboveMaximum, value, max), ("value", value), ("max", max));
    }

    /// <summary>
    /// A value for a period that begins after the space ended (Nordmarkt ended in 2018: no value for 2019 or 2024) is
    /// refused, named by its period. A period that overlaps the space's last days is fine. Only the end is checked: a
    /// space's validFrom defaults to the day it was entered, which says nothing about when the area began, and spaces
    /// are routinely entered today with figures back to 2015.
    /// </summary>
    public static FieldProblem? CheckValidity(Period period, DateOnly? validTo)
    {
        var first = new DateOnly(period.FirstMonth / 100, period.FirstMonth % 100, 1);
        if (validTo is not { } to || first <= to) return null;
        var end = to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return FieldProblem.Of("period", "outsideSpaceValidity", Text.Format(Messages.Obs_OutsideValidity, period, end),
            ("period", period.ToString()), ("validTo", end));
    }

    /// <summary>
    /// Whether a value lies far outside the space's own history (the lowest and highest values it has for the
    /// indicator in other periods). For values and histories of at least 0 the measure is the ratio: above the highest
    /// value times the factor, or below the lowest divided by it (340 after 40 to 60 with factor 3). Where negative
    /// values occur it is the distance: more than (factor − 1) times the larger of the history's span and size beyond
    /// it. No history, or a factor of 1 or less, never makes an outlier.
    /// </summary>
    public static bool IsOutlier(double value, double? lowest, double? highest, double maxJumpFactor)
    {
        if (lowest is not { } lo || highest is not { } hi || maxJumpFactor <= 1) return false;
        if (lo >= 0 && value >= 0) return (hi > 0 && value > hi * maxJumpFactor) || (lo > 0 && value < lo / maxJumpFactor);
        var span = Math.Max(hi - lo, Math.Max(Math.Abs(lo), Math.Abs(hi)));
        return value > hi + (maxJumpFactor - 1) * span || value < lo - (maxJumpFactor - 1) * span;
    }

    /// <summary>The problem an unconfirmed outlier makes in entry (in import it is a warning only).</summary>
    public static FieldProblem Outlier(double value, double lowest, double highest, double maxJumpFactor) =>
        FieldProblem.Of("value", "outlier",
            Text.Format(Messages.Obs_Outlier, value, lowest, highest, maxJumpFactor),
            ("value", value), ("lowest", lowest), ("highest", highest), ("factor", maxJumpFactor));
}
