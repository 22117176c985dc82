using AutoMapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Networks;

public sealed record GetNetworkMemberQuery(Guid NetworkId, Guid MemberId) : IRequest<NetworkMemberDto>;

public sealed class GetNetworkMemberHandler(IDbConnectionFactory db, IMapper mapper, TimeProvider clock) : IRequestHandler<GetNetworkMemberQuery, NetworkMemberDto>
{
    public async Task<NetworkMemberDto> Handle(GetNetworkMemberQuery request, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await NetworkMemberLoader.LoadAsync(connection, null, mapper, request.NetworkId, request.MemberId, clock.Today())
            ?? throw new NotFoundException("Network member", request.MemberId);
    }
}
