using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Indicators;
using Raumnetz.Application.Networks;
using Raumnetz.Domain.Indicators;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.ServiceCoverage;

/// <summary>
/// Supply per space: for the services of a category (and target group), per space on the level in the region: services,
/// capacity, capacity per 1,000 of the population, distance to the nearest service, share of the population within the
/// radius and the 2SFCA accessibility index; the spaces above the level aggregated; with a what-if, the figures as if the
/// services were closed and the difference.
/// </summary>
public sealed record GetCoverageQuery : WhatIfCoverageRequest, IRequest<ServiceCoverageDto>
{
    /// <summary>Include each space's GeoJSON geometry (for the map).</summary>
    public bool WithGeometry { get; init; }
}

public sealed class GetCoverageValidator : WhatIfCoverageRequestValidator<GetCoverageQuery>;

public sealed class GetCoverageHandler(IDbConnectionFactory db, ICurrentUser user, SuppressionRules rules, TimeProvider clock)
    : IRequestHandler<GetCoverageQuery, ServiceCoverageDto>
{
    public async Task<ServiceCoverageDto> Handle(GetCoverageQuery request, CancellationToken cancellationToken)
    {
        var on = request.On ?? clock.Today();
        return await db.ReadAsync(async (connection, ct) =>
        {
            var category = await CoverageReads.TermAsync(connection, request.Category!, TaxonomyKind.ServiceCategory, "category", ct);
            var targetGroup = string.IsNullOrWhiteSpace(request.TargetGroup) ? null
                : await CoverageReads.TermAsync(connection, request.TargetGroup, TaxonomyKind.TargetGroup, "targetGroup", ct);
            var region = await CoverageReads.RegionAsync(connection, db.Dialect, request, on, user, rules, ct);
            var supply = await CoverageReads.SupplyAsync(connection, db.Dialect, category.Code, targetGroup?.Code,
                request.CapacityUnit ?? CapacityUnit.Places, on, request.IsWhatIf ? request.FundingEndsBy : null, ct);
            var closed = CoverageReads.Closed(request, supply);
            var spaces = CoverageReads.Compute(request, region, supply, closed, request.WithGeometry);
            return new ServiceCoverageDto
            {
                Parameters = CoverageReads.Parameters(request, region, category, targetGroup, on),
                Spaces = spaces.Where(s => s.Level == region.Level).ToList(),
                Totals = spaces.Where(s => s.Level < region.Level).ToList(),
                Points = supply.Located.Select(l => new CoveragePointDto
                {
                    ServiceId = l.ServiceId, ServiceName = supply.Names[l.ServiceId], LocationId = l.LocationId,
                    Latitude = l.Position.Latitude, Longitude = l.Position.Longitude, Capacity = l.Capacity,
                    Closed = closed.Contains(l.ServiceId),
                }).ToList(),
                ClosedServices = closed.Select(id => new CoverageServiceRefDto { Id = id, Name = supply.Names[id] })
                    .OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id).ToList(),
            };
        }, cancellationToken);
    }
}
