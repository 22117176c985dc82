using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Networks;

/// <summary>Health of one network; the attendance rate covers the last <see cref="Meetings"/> meetings (default 5).</summary>
public sealed record GetNetworkHealthQuery(Guid NetworkId, int? Meetings) : IRequest<NetworkHealthDto>;

public sealed class GetNetworkHealthValidator : AbstractValidator<GetNetworkHealthQuery>
{
    public GetNetworkHealthValidator() => RuleFor(x => x.Meetings).InclusiveBetween(1, NetworkLimits.MaxHealthMeetings);
}

public sealed class GetNetworkHealthHandler(IDbConnectionFactory db, TimeProvider clock)
    : IRequestHandler<GetNetworkHealthQuery, NetworkHealthDto>
{
    public async Task<NetworkHealthDto> Handle(GetNetworkHealthQuery request, CancellationToken cancellationToken)
    {
        var health = await db.ReadAsync((connection, _) => NetworkHealthCalculator.ComputeAsync(
            connection, request.NetworkId, clock.GetUtcNow(), clock.Today(), request.Meetings ?? NetworkLimits.HealthMeetings),
                cancellationToken);
        return health.Count == 1 ? health[0] : throw new NotFoundException("Network", request.NetworkId);
    }
}
