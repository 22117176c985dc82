using FluentValidation;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.ServiceCoverage;

/// <summary>The rules every coverage request shares: required parameters, the radius (above 0, at most 100 km), the period's
/// form and the list limits. Whether the category, target group, indicator and region exist is checked against the data.</summary>
public abstract class CoverageRequestValidator<T> : AbstractValidator<T> where T : CoverageRequest
{
    /// <summary>Longest period text (2024-H1).</summary>
    public const int PeriodLength = 7;

    protected CoverageRequestValidator(bool categoryRequired = true)
    {
        if (categoryRequired) RuleFor(x => x.Category).NotEmpty();
        RuleFor(x => x.Category).MaximumLength(Limits.Code);
        RuleFor(x => x.TargetGroup).MaximumLength(Limits.Code);
        RuleFor(x => x.PopulationIndicatorId).NotEmpty();
        RuleFor(x => x.Period).MaximumLength(PeriodLength);
        RuleFor(x => x.Period).Must(p => Period.TryParse(p, out _)).When(x => !string.IsNullOrEmpty(x.Period))
            .WithMessage(x => Text.Format(Messages.Rule_Period, "period"));
        RuleFor(x => x.Level).NotNull().DefinedEnum();
        RuleFor(x => x.RadiusKm).Must(r => r is null || (r > 0 && r <= CoverageRequest.MaxRadiusKm))
            .WithMessage(_ => Text.Format(Messages.Coverage_Radius, CoverageRequest.MaxRadiusKm));
        RuleFor(x => x.Decay).DefinedEnum();
        RuleFor(x => x.CapacityUnit).DefinedEnum();
    }
}

/// <summary>The rules of a coverage query: those of every coverage request and the what-if list's limit.</summary>
public abstract class WhatIfCoverageRequestValidator<T> : CoverageRequestValidator<T> where T : WhatIfCoverageRequest
{
    protected WhatIfCoverageRequestValidator(bool categoryRequired = true) : base(categoryRequired) =>
        RuleFor(x => x.CloseServiceIds).MaxItems(CoverageRequest.MaxClosedServices);
}
