using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.IndicatorSets;

/// <summary>The baselines and targets of a set, optionally for one space only.</summary>
public sealed record GetIndicatorSetGoalsQuery(Guid Id, Guid? SpaceId) : IRequest<IndicatorGoalList>;

public sealed class GetIndicatorSetGoalsHandler(IDbConnectionFactory db) : IRequestHandler<GetIndicatorSetGoalsQuery, IndicatorGoalList>
{
    public async Task<IndicatorGoalList> Handle(GetIndicatorSetGoalsQuery request, CancellationToken cancellationToken) =>
        await db.ReadAsync(async (connection, ct) =>
        {
            if (await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM indicator_sets WHERE id = @Id", new { request.Id }, cancellationToken: ct)) == 0)
                throw new NotFoundException("Indicator set", request.Id);
            var filter = request.SpaceId is null ? "" : " AND space_id = @SpaceId";
            var args = new { request.Id, request.SpaceId };
            var baselines = await connection.QueryAsync<GoalRow>(new CommandDefinition(
                $"SELECT indicator_id, space_id, period, value FROM indicator_baselines WHERE set_id = @Id{filter}", args, cancellationToken: ct));
            var targets = await connection.QueryAsync<GoalRow>(new CommandDefinition(
                $"SELECT indicator_id, space_id, period, value FROM indicator_targets WHERE set_id = @Id{filter}", args, cancellationToken: ct));
            return new IndicatorGoalList(Goals.Combine(baselines, targets));
        }, cancellationToken);
}
