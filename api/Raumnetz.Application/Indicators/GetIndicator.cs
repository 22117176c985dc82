using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Indicators;

public sealed record GetIndicatorQuery(Guid Id) : IRequest<IndicatorDto>;

public sealed class GetIndicatorHandler(IDbConnectionFactory db, IndicatorReads reads) : IRequestHandler<GetIndicatorQuery, IndicatorDto>
{
    public async Task<IndicatorDto> Handle(GetIndicatorQuery request, CancellationToken cancellationToken) =>
        await db.ReadAsync((connection, ct) => reads.LoadAsync(connection, null, request.Id, ct), cancellationToken)
            ?? throw new NotFoundException("Indicator", request.Id);
}
