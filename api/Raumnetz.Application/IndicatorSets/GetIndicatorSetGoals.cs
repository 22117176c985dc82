using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.IndicatorSets;

/// <summary>The baselines and targets of a set, optionally for one space only.</summary>
public sealed record GetIndicatorSetGoalsQuery(Guid Id, Guid? SpaceId) : IRequest<IndicatorGoalList>;

public sealed class GetIndicatorSetGoalsHandler(IDbConnectionFactory db, IndicatorSetReads reads)
    : IRequestHandler<GetIndicatorSetGoalsQuery, IndicatorGoalList>
{
    public async Task<IndicatorGoalList> Handle(GetIndicatorSetGoalsQuery request, CancellationToken cancellationToken) =>
        await db.ReadAsync(async (connection, ct) =>
        {
            if (await connection.ExecuteScalarAsync<long>(
                    new CommandDefinition("SELECT COUNT(*) FROM indicator_sets WHERE id = @Id", new { request.Id },
                        cancellationToken: ct)) == 0)
                throw new NotFoundException("Indicator set", request.Id);
            return await reads.GoalsAsync(connection, null, request.Id, request.SpaceId, ct);
        }, cancellationToken);
}
