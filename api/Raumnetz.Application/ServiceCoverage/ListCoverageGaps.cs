using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Indicators;
using Raumnetz.Application.Networks;
using Raumnetz.Domain.Indicators;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.ServiceCoverage;

/// <summary>
/// Gaps: the spaces on the level whose <see cref="Measure"/> is below <see cref="Threshold"/> (distance: above it), worst
/// first, then the larger population first, then by code. With a what-if the list is that of the what-if figures.
/// Spaces without a value (no population, no geometry) are not listed.
/// </summary>
public sealed record ListCoverageGapsQuery : WhatIfCoverageRequest, IRequest<CoverageGapsDto>
{
    public CoverageMeasure? Measure { get; init; }
    public double? Threshold { get; init; }
}

public sealed class ListCoverageGapsValidator : WhatIfCoverageRequestValidator<ListCoverageGapsQuery>
{
    public ListCoverageGapsValidator()
    {
        RuleFor(x => x.Measure).NotNull().DefinedEnum();
        RuleFor(x => x.Threshold).NotNull().GreaterThanOrEqualTo(0);
    }
}

public sealed class ListCoverageGapsHandler(IDbConnectionFactory db, ICurrentUser user, SuppressionRules rules, TimeProvider clock)
    : IRequestHandler<ListCoverageGapsQuery, CoverageGapsDto>
{
    public async Task<CoverageGapsDto> Handle(ListCoverageGapsQuery request, CancellationToken cancellationToken)
    {
        var on = request.On ?? clock.Today();
        var measure = request.Measure!.Value;
        var threshold = request.Threshold!.Value;
        return await db.ReadAsync(async (connection, ct) =>
        {
            var category = await CoverageReads.TermAsync(connection, request.Category!, TaxonomyKind.ServiceCategory, "category", ct);
            var targetGroup = string.IsNullOrWhiteSpace(request.TargetGroup) ? null
                : await CoverageReads.TermAsync(connection, request.TargetGroup, TaxonomyKind.TargetGroup, "targetGroup", ct);
            var region = await CoverageReads.RegionAsync(connection, db.Dialect, request, on, user, rules, ct);
            var supply = await CoverageReads.SupplyAsync(connection, db.Dialect, category.Code, targetGroup?.Code,
                request.CapacityUnit ?? CapacityUnit.Places, on, request.IsWhatIf ? request.FundingEndsBy : null, ct);
            var spaces = CoverageReads.Compute(request, region, supply, CoverageReads.Closed(request, supply), withGeometry: false)
                .Where(s => s.Level == region.Level);
            var gaps = spaces
                .Select(s => (Space: s, Value: CoverageReads.ValueOf(s.WhatIf ?? s.Figures, measure)))
                .Where(x => x.Value is { } v && CoverageReads.IsGap(measure, v, threshold))
                .Select(x => (x.Space, Value: x.Value!.Value));
            var ranked = (measure == CoverageMeasure.Distance ? gaps.OrderByDescending(x => x.Value) : gaps.OrderBy(x => x.Value))
                .ThenByDescending(x => x.Space.Figures.Population ?? 0).ThenBy(x => x.Space.Code, StringComparer.Ordinal).ToList();
            return new CoverageGapsDto
            {
                Parameters = CoverageReads.Parameters(request, region, category, targetGroup, on), Measure = measure, Threshold = threshold,
                Items = ranked.Select((x, i) => new CoverageGapDto
                {
                    Rank = i + 1, SpaceId = x.Space.Id, Code = x.Space.Code, Name = x.Space.Name, Value = x.Value,
                    Population = x.Space.Figures.Population,
                    BaselineValue = x.Space.WhatIf is null ? null : CoverageReads.ValueOf(x.Space.Figures, measure),
                }).ToList(),
            };
        }, cancellationToken);
    }
}
