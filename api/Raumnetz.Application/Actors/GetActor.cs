using System.Data.Common;
using AutoMapper;
using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Actors;

public sealed record GetActorQuery(Guid Id) : IRequest<ActorDto>;

public sealed class GetActorHandler(IDbConnectionFactory db, IMapper mapper) : IRequestHandler<GetActorQuery, ActorDto>
{
    public async Task<ActorDto> Handle(GetActorQuery request, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await LoadAsync(connection, null, db.Dialect, mapper, request.Id) ?? throw new NotFoundException("Actor", request.Id);
    }

    /// <summary>One actor with its spaces and tags; used after writes too.</summary>
    internal static async Task<ActorDto?> LoadAsync(DbConnection connection, DbTransaction? tx, ISqlDialect dialect, IMapper mapper, Guid id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ActorRow>(
            $"SELECT {ActorRow.Columns} FROM {ActorRow.From} WHERE a.id = @id", new { id }, tx);
        return row is null ? null : (await ToDtosAsync(connection, tx, dialect, mapper, [row]))[0];
    }

    private sealed class SpaceLink
    {
        public Guid ActorId { get; init; }
        public Guid SpaceId { get; init; }
    }

    private sealed class TagLink
    {
        public Guid ActorId { get; init; }
        public string Tag { get; init; } = "";
    }

    /// <summary>Maps rows to DTOs and fills in spaces and tags with one query each for the whole set.</summary>
    internal static async Task<List<ActorDto>> ToDtosAsync(DbConnection connection, DbTransaction? tx, ISqlDialect dialect, IMapper mapper, IReadOnlyList<ActorRow> rows, CancellationToken ct = default)
    {
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.Id).ToList();
        var spaces = (await connection.QueryAsync<SpaceLink>(new CommandDefinition(
                $"SELECT actor_id, space_id FROM actor_spaces WHERE {dialect.In("actor_id", "@ids")}", new { ids }, tx, cancellationToken: ct)))
            .ToLookup(l => l.ActorId, l => l.SpaceId);
        var tags = (await connection.QueryAsync<TagLink>(new CommandDefinition(
                $"SELECT actor_id, tag FROM actor_tags WHERE {dialect.In("actor_id", "@ids")}", new { ids }, tx, cancellationToken: ct)))
            .ToLookup(l => l.ActorId, l => l.Tag);
        return rows.Select(r => mapper.Map<ActorDto>(r) with
        {
            SpaceIds = spaces[r.Id].Order().ToList(),
            Tags = tags[r.Id].Order(StringComparer.OrdinalIgnoreCase).ToList(),
        }).ToList();
    }
}
