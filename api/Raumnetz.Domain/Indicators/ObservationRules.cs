namespace Raumnetz.Domain.Indicators;

/// <summary>What the rules need to know about an indicator to check a value.</summary>
public sealed record IndicatorProfile(
    IndicatorKind Kind, AggregationRule Aggregation, double? RateFactor, bool IsProportion, int? ScaleMin, int? ScaleMax, int Decimals = 2);

/// <summary>
/// One problem with a value, named by the field it is about: an English message, and a stable code with its arguments
/// (invariant text) so that a client can say the same in its own language.
/// </summary>
public readonly record struct FieldProblem(string Field, string Message, string Code, IReadOnlyDictionary<string, string>? Args = null)
{
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
    /// missing. Counts are whole numbers of at least 0; rates need both numerator and denominator or neither, a positive
    /// denominator, and a numerator that does not exceed the denominator when the rate is a proportion; ratings lie on
    /// the scale. Numerator and denominator belong to rates only.
    /// </summary>
    public static (double? Value, List<FieldProblem> Problems) Check(IndicatorProfile indicator, double? value, double? numerator, double? denominator)
    {
        var problems = new List<FieldProblem>();
        foreach (var (field, v) in new[] { ("value", value), ("numerator", numerator), ("denominator", denominator) })
            if (v is { } x && (double.IsNaN(x) || double.IsInfinity(x) || Math.Abs(x) > MaxMagnitude))
                problems.Add(FieldProblem.Of(field, "tooLarge", $"'{field}' must be a finite number of at most {MaxMagnitude:0e0} in size.", ("max", MaxMagnitude)));
        if (problems.Count > 0) return (value, problems);

        if (indicator.Kind != IndicatorKind.Rate)
        {
            if (numerator is not null) problems.Add(FieldProblem.Of("numerator", "onlyRates", "Only rates have a numerator."));
            if (denominator is not null) problems.Add(FieldProblem.Of("denominator", "onlyRates", "Only rates have a denominator."));
        }
        switch (indicator.Kind)
        {
            case IndicatorKind.Count:
                if (value is null) problems.Add(FieldProblem.Of("value", "valueRequired", "A count needs a value."));
                else if (value < 0 || value != Math.Floor(value.Value)) problems.Add(FieldProblem.Of("value", "countNotWhole", "A count must be a whole number of at least 0.", ("value", value)));
                break;
            case IndicatorKind.Rate:
                if ((numerator is null) != (denominator is null))
                    problems.Add(FieldProblem.Of(numerator is null ? "numerator" : "denominator", "rateNeedsBoth", "A rate needs both numerator and denominator, or neither."));
                else if (numerator is { } n && denominator is { } d)
                {
                    if (n < 0) problems.Add(FieldProblem.Of("numerator", "numeratorNegative", "The numerator must not be negative."));
                    if (d <= 0) problems.Add(FieldProblem.Of("denominator", "denominatorNotPositive", "The denominator must be greater than 0."));
                    else if (indicator.IsProportion && n > d)
                        problems.Add(FieldProblem.Of("numerator", "numeratorAboveDenominator",
                            $"The numerator ({n}) exceeds the denominator ({d}); this rate is a proportion, so that is impossible.", ("numerator", n), ("denominator", d)));
                    if (problems.Count == 0 && value is null) value = IndicatorRules.RateValue(n, d, indicator.RateFactor ?? 1);
                }
                else if (value is null) problems.Add(FieldProblem.Of("value", "valueRequired", "A rate needs a value, or numerator and denominator."));
                break;
            case IndicatorKind.Index:
                if (value is null) problems.Add(FieldProblem.Of("value", "valueRequired", "An index needs a value."));
                break;
            case IndicatorKind.Rating:
                if (value is null) problems.Add(FieldProblem.Of("value", "valueRequired", "A rating needs a value."));
                else if (indicator.ScaleMin is { } min && indicator.ScaleMax is { } max && (value < min || value > max))
                    problems.Add(FieldProblem.Of("value", "outsideScale", $"The value {value} lies outside the scale {min} to {max}.", ("value", value), ("min", min), ("max", max)));
                break;
        }
        return (value, problems);
    }
}
