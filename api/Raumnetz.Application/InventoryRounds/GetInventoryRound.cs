using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.InventoryRounds;

public sealed record GetInventoryRoundQuery(Guid Id) : IRequest<InventoryRoundDto>;

public sealed class GetInventoryRoundHandler(IDbConnectionFactory db, InventoryRoundReads reads)
    : IRequestHandler<GetInventoryRoundQuery, InventoryRoundDto>
{
    public async Task<InventoryRoundDto> Handle(GetInventoryRoundQuery request, CancellationToken cancellationToken) =>
        await db.ReadAsync((connection, ct) => reads.LoadAsync(connection, null, request.Id, ct), cancellationToken)
            ?? throw new NotFoundException("Inventory round", request.Id);
}
