using System.Data.Common;
using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.ActorTypes;

public sealed record GetActorTypeQuery(string Code) : IRequest<ActorTypeDto>;

public sealed class GetActorTypeHandler(IDbConnectionFactory db) : IRequestHandler<GetActorTypeQuery, ActorTypeDto>
{
    public async Task<ActorTypeDto> Handle(GetActorTypeQuery request, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await LoadAsync(connection, null, request.Code) ?? throw new NotFoundException("Actor type", request.Code);
    }

    internal static Task<ActorTypeDto?> LoadAsync(DbConnection connection, DbTransaction? tx, string code) =>
        connection.QuerySingleOrDefaultAsync<ActorTypeDto?>($"SELECT {ActorTypeSql.Columns} FROM actor_types WHERE code = @code", new { code }, tx);
}
