using AutoMapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Networks;

public sealed record GetNetworkQuery(Guid Id) : IRequest<NetworkDto>;

public sealed class GetNetworkHandler(IDbConnectionFactory db, IMapper mapper, TimeProvider clock) : IRequestHandler<GetNetworkQuery, NetworkDto>
{
    public async Task<NetworkDto> Handle(GetNetworkQuery request, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await NetworkLoader.LoadAsync(connection, null, db.Dialect, mapper, request.Id, clock.Today()) ?? throw new NotFoundException("Network", request.Id);
    }
}
