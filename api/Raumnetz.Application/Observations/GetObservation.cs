using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Observations;

public sealed record GetObservationQuery(Guid Id) : IRequest<ObservationDto>;

public sealed class GetObservationHandler(IDbConnectionFactory db, ICurrentUser user, SuppressionRules rules) : IRequestHandler<GetObservationQuery, ObservationDto>
{
    public async Task<ObservationDto> Handle(GetObservationQuery request, CancellationToken cancellationToken)
    {
        var row = await db.ReadAsync((connection, _) => connection.QuerySingleOrDefaultAsync<ObservationRow>(
            $"SELECT {ObservationRow.Columns} FROM {ObservationRow.From} WHERE o.id = @Id", new { request.Id }), cancellationToken)
            ?? throw new NotFoundException("Observation", request.Id);
        return row.ToDto(SmallNumbers.Protects(user.Role), rules);
    }
}
