using Dapper;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.ActorTypes;

/// <summary>All actor types, sorted by German name (the list is short, so it is not paged).</summary>
public sealed record ListActorTypesQuery : IRequest<IReadOnlyList<ActorTypeDto>>;

public sealed class ListActorTypesHandler(IDbConnectionFactory db) : IRequestHandler<ListActorTypesQuery, IReadOnlyList<ActorTypeDto>>
{
    public async Task<IReadOnlyList<ActorTypeDto>> Handle(ListActorTypesQuery request, CancellationToken cancellationToken)
    {
        return await db.ReadAsync(async (connection, ct) => (await connection.QueryAsync<ActorTypeDto>(new CommandDefinition(
            $"SELECT {ActorTypeReads.Columns} FROM actor_types ORDER BY name_de, code", cancellationToken: ct))).ToList(),
                cancellationToken);
    }
}
