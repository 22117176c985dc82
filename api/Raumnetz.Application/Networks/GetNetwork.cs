using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Networks;

public sealed record GetNetworkQuery(Guid Id) : IRequest<NetworkDto>;

public sealed class GetNetworkHandler(IDbConnectionFactory db, NetworkReads reads, TimeProvider clock)
    : IRequestHandler<GetNetworkQuery, NetworkDto>
{
    public async Task<NetworkDto> Handle(GetNetworkQuery request, CancellationToken cancellationToken) =>
        await db.ReadAsync((connection, ct) => reads.LoadAsync(connection, null, request.Id, clock.Today(), ct), cancellationToken)
            ?? throw new NotFoundException("Network", request.Id);
}
