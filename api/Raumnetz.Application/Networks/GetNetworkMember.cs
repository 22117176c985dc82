using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Networks;

public sealed record GetNetworkMemberQuery(Guid NetworkId, Guid MemberId) : IRequest<NetworkMemberDto>;

public sealed class GetNetworkMemberHandler(IDbConnectionFactory db, NetworkReads reads, TimeProvider clock)
    : IRequestHandler<GetNetworkMemberQuery, NetworkMemberDto>
{
    public async Task<NetworkMemberDto> Handle(GetNetworkMemberQuery request, CancellationToken cancellationToken) =>
        await db.ReadAsync((connection, ct)
            => reads.LoadMemberAsync(connection, null, request.NetworkId, request.MemberId, clock.Today(), ct), cancellationToken)
            ?? throw new NotFoundException("Network member", request.MemberId);
}
