using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Fundings;

public sealed record GetFundingQuery(Guid Id) : IRequest<FundingDto>;

public sealed class GetFundingHandler(IDbConnectionFactory db, FundingReads reads) : IRequestHandler<GetFundingQuery, FundingDto>
{
    public async Task<FundingDto> Handle(GetFundingQuery request, CancellationToken cancellationToken) =>
        await db.ReadAsync((connection, ct) => reads.LoadAsync(connection, null, request.Id, ct), cancellationToken)
            ?? throw new NotFoundException("Funding", request.Id);
}
