using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.IndicatorSets;

public sealed record GetIndicatorSetQuery(Guid Id) : IRequest<IndicatorSetDto>;

public sealed class GetIndicatorSetHandler(IDbConnectionFactory db, IndicatorSetReads reads)
    : IRequestHandler<GetIndicatorSetQuery, IndicatorSetDto>
{
    public async Task<IndicatorSetDto> Handle(GetIndicatorSetQuery request, CancellationToken cancellationToken) =>
        await db.ReadAsync((connection, ct) => reads.LoadAsync(connection, null, request.Id, ct), cancellationToken)
            ?? throw new NotFoundException("Indicator set", request.Id);
}
