using System.Text.Json;
using FluentValidation;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Indicators;

/// <summary>The editable fields of an indicator, shared by create and update. Optional texts that are empty are stored as null.</summary>
public abstract record IndicatorFields
{
    /// <summary>Unique code, used in imports and exports (for example "sgb2-rate").</summary>
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public IndicatorKind Kind { get; init; }
    /// <summary>Unit shown with values ("%", "per 1000", "persons", "points").</summary>
    public string? Unit { get; init; }
    /// <summary>Decimals shown in exports and reports (0 to 6).</summary>
    public int Decimals { get; init; }
    public IndicatorDirection Direction { get; init; }
    /// <summary>How values combine up the space hierarchy; must suit the kind (sum for counts, rate for rates, mean/median/none for all).</summary>
    public AggregationRule Aggregation { get; init; }
    /// <summary>Rates only: value = numerator / denominator × factor (100 for percent, 1000 for per mille).</summary>
    public double? RateFactor { get; init; }
    /// <summary>Rates only: the numerator is part of the denominator, so it can never exceed it (default true).</summary>
    public bool IsProportion { get; init; } = true;
    /// <summary>Ratings only: lowest point of the scale.</summary>
    public int? ScaleMin { get; init; }
    /// <summary>Ratings only: highest point of the scale.</summary>
    public int? ScaleMax { get; init; }
    /// <summary>Ratings only: one label per point of the scale, lowest first (optional).</summary>
    public IReadOnlyCollection<string>? ScaleLabels { get; init; }
    /// <summary>Where the figures come from (for example "Statistik der Bundesagentur für Arbeit").</summary>
    /// <summary>The lowest value this indicator can take (optional); values below are refused.</summary>
    public double? Minimum { get; init; }
    /// <summary>The highest value this indicator can take (optional); values above are refused.</summary>
    public double? Maximum { get; init; }
    public string? Source { get; init; }
    public UpdateInterval? UpdateInterval { get; init; }
    /// <summary>Topic for grouping (for example "Arbeit", "Bildung", "Jugendhilfe").</summary>
    public string? Topic { get; init; }
}

public abstract class IndicatorFieldsValidator<T> : AbstractValidator<T> where T : IndicatorFields
{
    public const int MaxScalePoints = 11;

    protected IndicatorFieldsValidator()
    {
        RuleFor(x => x.Code).Code();
        RuleFor(x => x.Name).RequiredText(Limits.Name);
        RuleFor(x => x.Description).MaximumLength(Limits.Note);
        RuleFor(x => x.Kind).Cascade(CascadeMode.Stop).NotEmpty().DefinedEnum();
        RuleFor(x => x.Unit).MaximumLength(Limits.ShortName);
        RuleFor(x => x.Decimals).InclusiveBetween(0, 6);
        RuleFor(x => x.Direction).Cascade(CascadeMode.Stop).NotEmpty().DefinedEnum();
        RuleFor(x => x.Aggregation).Cascade(CascadeMode.Stop).NotEmpty().DefinedEnum()
            .Must((x, a) => IndicatorRules.IsAllowed(x.Kind, a)).When(x => Enum.IsDefined(x.Kind))
            .WithMessage(x => Text.Format(Messages.Rule_AggregationUnsuitable, x.Aggregation, x.Kind));
        RuleFor(x => x.RateFactor).NotNull().When(x => x.Kind == IndicatorKind.Rate).WithMessage(_ => Messages.Rule_RateNeedsFactor);
        RuleFor(x => x.RateFactor).InclusiveBetween(1e-6, 1e9);
        RuleFor(x => x.RateFactor).Null().When(x => x.Kind != IndicatorKind.Rate).WithMessage(_ => Messages.Rule_OnlyRatesHaveFactor);
        RuleFor(x => x.ScaleMin).NotNull().When(x => x.Kind == IndicatorKind.Rating).WithMessage(_ => Messages.Rule_RatingNeedsScale);
        RuleFor(x => x.ScaleMax).NotNull().When(x => x.Kind == IndicatorKind.Rating).WithMessage(_ => Messages.Rule_RatingNeedsScale);
        RuleFor(x => x.ScaleMin).InclusiveBetween(-100, 100);
        RuleFor(x => x.ScaleMax).InclusiveBetween(-100, 100);
        RuleFor(x => x.ScaleMax).Must((x, max) => max > x.ScaleMin && max - x.ScaleMin < MaxScalePoints)
            .When(x => x.ScaleMin is not null && x.ScaleMax is not null)
            .WithMessage(_ => Text.Format(Messages.Rule_ScaleRange, MaxScalePoints));
        RuleFor(x => x.ScaleMin).Null().When(x => x.Kind != IndicatorKind.Rating).WithMessage(_ => Messages.Rule_OnlyRatingsHaveScale);
        RuleFor(x => x.ScaleMax).Null().When(x => x.Kind != IndicatorKind.Rating).WithMessage(_ => Messages.Rule_OnlyRatingsHaveScale);
        RuleFor(x => x.ScaleLabels).MaxItems(MaxScalePoints);
        RuleForEach(x => x.ScaleLabels).NotEmpty().MaximumLength(Limits.ShortName);
        RuleFor(x => x.ScaleLabels).Must((x, labels) => labels!.Count == 0 || (x.ScaleMin is not null && x.ScaleMax is not null && labels.Count == x.ScaleMax - x.ScaleMin + 1))
            .When(x => x.ScaleLabels is not null)
            .WithMessage(_ => Messages.Rule_ScaleLabels);
        RuleFor(x => x.Minimum).InclusiveBetween(-ObservationRules.MaxMagnitude, ObservationRules.MaxMagnitude);
        RuleFor(x => x.Maximum).InclusiveBetween(-ObservationRules.MaxMagnitude, ObservationRules.MaxMagnitude);
        RuleFor(x => x.Maximum).Must((x, max) => max >= x.Minimum).When(x => x.Minimum is not null && x.Maximum is not null)
            .WithMessage(_ => Text.Format(Messages.Rule_NotBelow, "maximum", "minimum"));
        RuleFor(x => x.Source).MaximumLength(Limits.Name);
        RuleFor(x => x.UpdateInterval).DefinedEnum();
        RuleFor(x => x.Topic).MaximumLength(Limits.Name);
    }
}

/// <summary>How indicator fields are stored: trimmed, empty optional texts as null, labels as a JSON array.</summary>
internal static class IndicatorText
{
    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The column values of an indicator for INSERT and UPDATE (besides id, version and timestamps).</summary>
    public static Dapper.DynamicParameters Parameters(IndicatorFields f)
    {
        var p = new Dapper.DynamicParameters();
        p.Add("code", f.Code.Trim());
        p.Add("name", f.Name.Trim());
        p.Add("searchKey", TextRules.SearchKey(f.Name));
        p.Add("description", Optional(f.Description));
        p.Add("kind", f.Kind.ToString());
        p.Add("unit", Optional(f.Unit));
        p.Add("decimals", f.Decimals);
        p.Add("direction", f.Direction.ToString());
        p.Add("aggregation", f.Aggregation.ToString());
        p.Add("rateFactor", f.Kind == IndicatorKind.Rate ? f.RateFactor : null, System.Data.DbType.Double);
        p.Add("isProportion", f.Kind == IndicatorKind.Rate && f.IsProportion);
        p.Add("scaleMin", f.Kind == IndicatorKind.Rating ? f.ScaleMin : null, System.Data.DbType.Int32);
        p.Add("scaleMax", f.Kind == IndicatorKind.Rating ? f.ScaleMax : null, System.Data.DbType.Int32);
        var labels = f.ScaleLabels?.Select(l => l.Trim()).ToList();
        p.Add("scaleLabels", f.Kind == IndicatorKind.Rating && labels is { Count: > 0 } ? JsonSerializer.Serialize(labels) : null, System.Data.DbType.String);
        p.Add("minimum", f.Minimum, System.Data.DbType.Double);
        p.Add("maximum", f.Maximum, System.Data.DbType.Double);
        p.Add("source", Optional(f.Source));
        p.Add("updateInterval", f.UpdateInterval?.ToString(), System.Data.DbType.String);
        p.Add("topic", Optional(f.Topic));
        return p;
    }
}
