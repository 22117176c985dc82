using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.OpenApi;
using Raumnetz.Api.Security;
using Raumnetz.Application.Common;
using Raumnetz.Application.ServiceCoverage;
using Raumnetz.Domain.Inventory;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.Api.Endpoints;

/// <summary>
/// Coverage (Flächendeckung): supply per space, distance, 2SFCA accessibility, gaps, the gap matrix and the what-if of
/// closed services, computed from the inventory and a population indicator.
/// </summary>
public static class CoverageEndpoints
{
    private const string Common =
        " Parameters: category (required except for the matrix), targetGroup, populationIndicatorId (a count indicator), " +
        "period (default: its latest with values), level (required), under, radiusKm (above 0, at most 100; default 5), " +
        "decay (none, gaussian, stepped; default none), capacityUnit (default places), on (capacity as of; default today); " +
        "what-if: closeServiceIds (up to 500) and fundingEndsBy. 400 naming " +
        "the parameter for a radius out of range, an unknown category or target group, or a population indicator that is not a count.";

    public static void MapCoverageEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/coverage").WithTags("Coverage").RequireAuthorization(Policies.Read);
        group.MapGet("/", GetCoverage).WithName(nameof(GetCoverage))
            .WithSummary("Supply per space on a level: services, capacity, capacity per 1,000 of the population, distance from the "
                + "(population-weighted) centroid to the nearest service, share of the population within the radius and the 2SFCA "
                + "accessibility index; the spaces above the level aggregated; with a what-if the figures as if services closed and "
                + "the difference." + Common).Errors(400);
        group.MapGet("/gaps", ListCoverageGaps).WithName(nameof(ListCoverageGaps))
            .WithSummary("The spaces on the level below a threshold of a measure (distance: above it), worst first." + Common).Errors(400);
        group.MapGet("/gap-matrix", GetCoverageGapMatrix).WithName(nameof(GetCoverageGapMatrix))
            .WithSummary("Spaces × categories (up to 20; default the top-level categories): the measure per cell, whether it is a "
                + "gap, and per category the median of the spaces." + Common).Errors(400);
        group.MapPost("/indicators", StoreCoverageIndicators).WithName(nameof(StoreCoverageIndicators))
            .RequireAuthorization(Policies.Write)
            .WithSummary("Store coverage figures of a period as observations of computed indicators (one per measure and parameter "
                + "set, the parameters in the indicator's description; the same parameters write into the same indicators), for the "
                + "spaces on the level and above in the region, so they appear in sets, charts, maps and exports with the same "
                + "suppression rules. Capacity as of the period's last day. No what-if. 400 naming the field as for the queries.")
            .Errors(400, 409, 413);
    }

    public static async Task<Ok<StoredCoverageDto>> StoreCoverageIndicators(StoreCoverageIndicatorsCommand request, IMediator mediator,
        CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(request, ct));

    /// <param name="category">Code of the service category (its narrower categories count too).</param>
    /// <param name="targetGroup">Code of a target group: only services for it.</param>
    /// <param name="populationIndicatorId">A count indicator holding the population (for example residents under 6).</param>
    /// <param name="period">The population's period (2024, 2024-H1, 2024-Q2, 2024-05); default: the latest it has values for.</param>
    /// <param name="level">The level of the spaces compared.</param>
    /// <param name="under">The region: this space and the spaces below it (default: every space).</param>
    /// <param name="radiusKm">Catchment radius in km: above 0, at most 100 (default 5).</param>
    /// <param name="decay">Distance decay of the accessibility index (default none: classic 2SFCA).</param>
    /// <param name="capacityUnit">Which capacity counts (default places).</param>
    /// <param name="on">Capacity as recorded on this day (default today).</param>
    /// <param name="closeServiceIds">What-if: services treated as closed (repeat the parameter; up to 500).</param>
    /// <param name="fundingEndsBy">What-if: services whose funding ends from the reference day to this day (and is not secured or
    /// continued) are treated as closed.</param>
    /// <param name="withGeometry">Include each space's GeoJSON geometry (default false).</param>
    public static async Task<Ok<ServiceCoverageDto>> GetCoverage(IMediator mediator,
        [MaxLength(Limits.Code)] string? category, [MaxLength(Limits.Code)] string? targetGroup, Guid? populationIndicatorId,
        [MaxLength(CoverageRequestValidator<GetCoverageQuery>.PeriodLength)] string? period,
        [EnumQuery(typeof(SpaceLevel))] string? level, Guid? under,
        [Range(0, CoverageRequest.MaxRadiusKm, MinimumIsExclusive = true)] double? radiusKm,
        [EnumQuery(typeof(DistanceDecay))] string? decay, [EnumQuery(typeof(CapacityUnit))] string? capacityUnit, DateOnly? on,
        [MaxLength(CoverageRequest.MaxClosedServices)] Guid[]? closeServiceIds, DateOnly? fundingEndsBy, bool? withGeometry,
        CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new GetCoverageQuery
        {
            Category = category, TargetGroup = targetGroup, PopulationIndicatorId = populationIndicatorId, Period = period,
            Level = EnumQuery.Parse<SpaceLevel>(level, nameof(level)), Under = under, RadiusKm = radiusKm,
            Decay = EnumQuery.Parse<DistanceDecay>(decay, nameof(decay)),
            CapacityUnit = EnumQuery.Parse<CapacityUnit>(capacityUnit, nameof(capacityUnit)), On = on,
            CloseServiceIds = closeServiceIds, FundingEndsBy = fundingEndsBy, WithGeometry = withGeometry ?? false,
        }, ct));

    /// <param name="category">Code of the service category (its narrower categories count too).</param>
    /// <param name="targetGroup">Code of a target group: only services for it.</param>
    /// <param name="populationIndicatorId">A count indicator holding the population (for example residents under 6).</param>
    /// <param name="period">The population's period (2024, 2024-H1, 2024-Q2, 2024-05); default: the latest it has values for.</param>
    /// <param name="level">The level of the spaces compared.</param>
    /// <param name="under">The region: this space and the spaces below it (default: every space).</param>
    /// <param name="radiusKm">Catchment radius in km: above 0, at most 100 (default 5).</param>
    /// <param name="decay">Distance decay of the accessibility index (default none: classic 2SFCA).</param>
    /// <param name="capacityUnit">Which capacity counts (default places).</param>
    /// <param name="on">Capacity as recorded on this day (default today).</param>
    /// <param name="closeServiceIds">What-if: services treated as closed (repeat the parameter; up to 500).</param>
    /// <param name="fundingEndsBy">What-if: services whose funding ends from the reference day to this day are treated as closed.</param>
    /// <param name="measure">The measure judged (required).</param>
    /// <param name="threshold">A gap lies below it (distance: above it); at least 0 (required).</param>
    public static async Task<Ok<CoverageGapsDto>> ListCoverageGaps(IMediator mediator,
        [MaxLength(Limits.Code)] string? category, [MaxLength(Limits.Code)] string? targetGroup, Guid? populationIndicatorId,
        [MaxLength(CoverageRequestValidator<GetCoverageQuery>.PeriodLength)] string? period,
        [EnumQuery(typeof(SpaceLevel))] string? level, Guid? under,
        [Range(0, CoverageRequest.MaxRadiusKm, MinimumIsExclusive = true)] double? radiusKm,
        [EnumQuery(typeof(DistanceDecay))] string? decay, [EnumQuery(typeof(CapacityUnit))] string? capacityUnit, DateOnly? on,
        [MaxLength(CoverageRequest.MaxClosedServices)] Guid[]? closeServiceIds, DateOnly? fundingEndsBy,
        [EnumQuery(typeof(CoverageMeasure))] string? measure, double? threshold, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListCoverageGapsQuery
        {
            Category = category, TargetGroup = targetGroup, PopulationIndicatorId = populationIndicatorId, Period = period,
            Level = EnumQuery.Parse<SpaceLevel>(level, nameof(level)), Under = under, RadiusKm = radiusKm,
            Decay = EnumQuery.Parse<DistanceDecay>(decay, nameof(decay)),
            CapacityUnit = EnumQuery.Parse<CapacityUnit>(capacityUnit, nameof(capacityUnit)), On = on,
            CloseServiceIds = closeServiceIds, FundingEndsBy = fundingEndsBy,
            Measure = EnumQuery.Parse<CoverageMeasure>(measure, nameof(measure)), Threshold = threshold,
        }, ct));

    /// <param name="categories">Codes of the categories compared (repeat the parameter; up to 20; default: the top-level
    /// categories).</param>
    /// <param name="targetGroup">Code of a target group: only services for it.</param>
    /// <param name="populationIndicatorId">A count indicator holding the population (for example residents under 6).</param>
    /// <param name="period">The population's period (2024, 2024-H1, 2024-Q2, 2024-05); default: the latest it has values for.</param>
    /// <param name="level">The level of the spaces compared.</param>
    /// <param name="under">The region: this space and the spaces below it (default: every space).</param>
    /// <param name="radiusKm">Catchment radius in km: above 0, at most 100 (default 5).</param>
    /// <param name="decay">Distance decay of the accessibility index (default none: classic 2SFCA).</param>
    /// <param name="capacityUnit">Which capacity counts (default places).</param>
    /// <param name="on">Capacity as recorded on this day (default today).</param>
    /// <param name="closeServiceIds">What-if: services treated as closed (repeat the parameter; up to 500).</param>
    /// <param name="fundingEndsBy">What-if: services whose funding ends from the reference day to this day are treated as closed.</param>
    /// <param name="measure">The measure per cell (default perThousand).</param>
    /// <param name="threshold">A gap lies below it (distance: above it); without it no cell is a gap.</param>
    public static async Task<Ok<CoverageGapMatrixDto>> GetCoverageGapMatrix(IMediator mediator,
        [MaxLength(GetCoverageGapMatrixValidator.MaxCategories), ItemMaxLength(Limits.Code)] string[]? categories,
        [MaxLength(Limits.Code)] string? targetGroup, Guid? populationIndicatorId,
        [MaxLength(CoverageRequestValidator<GetCoverageQuery>.PeriodLength)] string? period,
        [EnumQuery(typeof(SpaceLevel))] string? level, Guid? under,
        [Range(0, CoverageRequest.MaxRadiusKm, MinimumIsExclusive = true)] double? radiusKm,
        [EnumQuery(typeof(DistanceDecay))] string? decay, [EnumQuery(typeof(CapacityUnit))] string? capacityUnit, DateOnly? on,
        [MaxLength(CoverageRequest.MaxClosedServices)] Guid[]? closeServiceIds, DateOnly? fundingEndsBy,
        [EnumQuery(typeof(CoverageMeasure))] string? measure, double? threshold, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new GetCoverageGapMatrixQuery
        {
            Categories = categories, TargetGroup = targetGroup, PopulationIndicatorId = populationIndicatorId, Period = period,
            Level = EnumQuery.Parse<SpaceLevel>(level, nameof(level)), Under = under, RadiusKm = radiusKm,
            Decay = EnumQuery.Parse<DistanceDecay>(decay, nameof(decay)),
            CapacityUnit = EnumQuery.Parse<CapacityUnit>(capacityUnit, nameof(capacityUnit)), On = on,
            CloseServiceIds = closeServiceIds, FundingEndsBy = fundingEndsBy,
            Measure = EnumQuery.Parse<CoverageMeasure>(measure, nameof(measure)), Threshold = threshold,
        }, ct));
}
