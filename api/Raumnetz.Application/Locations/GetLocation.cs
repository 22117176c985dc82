using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Locations;

/// <summary>One location, archived or not.</summary>
public sealed record GetLocationQuery(Guid Id) : IRequest<LocationDto>;

public sealed class GetLocationHandler(IDbConnectionFactory db, LocationReads reads) : IRequestHandler<GetLocationQuery, LocationDto>
{
    public async Task<LocationDto> Handle(GetLocationQuery request, CancellationToken cancellationToken) =>
        await db.ReadAsync((connection, ct) => reads.LoadAsync(connection, null, request.Id, ct), cancellationToken)
            ?? throw new NotFoundException("Location", request.Id);
}
