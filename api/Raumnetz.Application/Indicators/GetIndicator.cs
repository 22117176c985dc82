using System.Data.Common;
using AutoMapper;
using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Indicators;

public sealed record GetIndicatorQuery(Guid Id) : IRequest<IndicatorDto>;

public sealed class GetIndicatorHandler(IDbConnectionFactory db, IMapper mapper) : IRequestHandler<GetIndicatorQuery, IndicatorDto>
{
    public async Task<IndicatorDto> Handle(GetIndicatorQuery request, CancellationToken cancellationToken) =>
        await db.ReadAsync((connection, _) => LoadAsync(connection, null, mapper, request.Id), cancellationToken)
            ?? throw new NotFoundException("Indicator", request.Id);

    internal static async Task<IndicatorDto?> LoadAsync(DbConnection connection, DbTransaction? tx, IMapper mapper, Guid id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<IndicatorRow>($"SELECT {IndicatorRow.Columns} FROM indicators i WHERE i.id = @id", new { id }, tx);
        return row is null ? null : mapper.Map<IndicatorDto>(row);
    }
}
