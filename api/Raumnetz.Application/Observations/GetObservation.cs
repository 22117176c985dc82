using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Indicators;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Observations;

public sealed record GetObservationQuery(Guid Id) : IRequest<ObservationDto>;

public sealed class GetObservationHandler(IDbConnectionFactory db, ICurrentUser user, SuppressionRules rules) : IRequestHandler<GetObservationQuery, ObservationDto>
{
    public async Task<ObservationDto> Handle(GetObservationQuery request, CancellationToken cancellationToken)
    {
        return await db.ReadAsync(async (connection, ct) =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<ObservationRow>(new CommandDefinition(
                $"SELECT {ObservationRow.Columns} FROM {ObservationRow.From} WHERE o.id = @Id", new { request.Id }, cancellationToken: ct))
                ?? throw new NotFoundException("Observation", request.Id);
            var withheld = await DisclosureReads.ForObservationsAsync(connection, db.Dialect, user, rules, [row], ct);
            return row.ToDto(DisclosureReads.IsWithheld(withheld, row));
        }, cancellationToken);
    }
}
