using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Spaces;

public sealed record GetSpaceQuery(Guid Id) : IRequest<SpaceDto>;

public sealed class GetSpaceHandler(IDbConnectionFactory db, SpaceReads reads) : IRequestHandler<GetSpaceQuery, SpaceDto>
{
    public async Task<SpaceDto> Handle(GetSpaceQuery request, CancellationToken cancellationToken) =>
        await db.ReadAsync((connection, ct) => reads.LoadAsync(connection, null, request.Id, ct), cancellationToken)
            ?? throw new NotFoundException("Space", request.Id);
}
