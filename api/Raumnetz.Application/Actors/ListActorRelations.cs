using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.ActorRelations;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Actors;

/// <summary>The relations of one actor in both directions, sorted by the other actor's name.</summary>
public sealed record ListActorRelationsQuery(Guid ActorId, int? Limit, string? Cursor) : IRequest<Page<ActorRelationItem>>;

public sealed class ListActorRelationsValidator : AbstractValidator<ListActorRelationsQuery>
{
    public ListActorRelationsValidator()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(x => x.Cursor).Must(c => Cursor.TryDecode(c, out _)).WithMessage(_ => Messages.Rule_Cursor);
    }
}

public sealed class ListActorRelationsHandler(IDbConnectionFactory db) : IRequestHandler<ListActorRelationsQuery, Page<ActorRelationItem>>
{
    public async Task<Page<ActorRelationItem>> Handle(ListActorRelationsQuery request, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? Paging.DefaultLimit;
        var p = new DynamicParameters();
        p.Add("id", request.ActorId);
        p.Add("take", limit + 1);
        var where = "";
        Cursor.TryDecode(request.Cursor, out var cursor);
        if (cursor is not null)
        {
            where = "WHERE (x.other_key > @ck OR (x.other_key = @ck AND x.id > @cid))";
            p.Add("ck", cursor.Key);
            p.Add("cid", cursor.Id);
        }
        // Self-relations are refused, so no relation shows up in both halves.
        var sql = $"""
            SELECT x.id, x.direction, x.type, x.is_contractual, x.valid_from, x.valid_to, x.note, x.version, x.other_actor_id, x.other_actor_name,
                x.other_key AS {QueryExtensions.SortKey}
            FROM (
                SELECT r.id, 'Outgoing' AS direction, r.relation_type AS type, r.is_contractual, r.valid_from, r.valid_to, r.note, r.version,
                    o.id AS other_actor_id, o.name AS other_actor_name, o.search_key AS other_key
                FROM actor_relations r JOIN actors o ON o.id = r.target_actor_id
                WHERE r.source_actor_id = @id
                UNION ALL
                SELECT r.id, 'Incoming' AS direction, r.relation_type AS type, r.is_contractual, r.valid_from, r.valid_to, r.note, r.version,
                    o.id AS other_actor_id, o.name AS other_actor_name, o.search_key AS other_key
                FROM actor_relations r JOIN actors o ON o.id = r.source_actor_id
                WHERE r.target_actor_id = @id
            ) x
            {where}
            ORDER BY x.other_key, x.id {db.Dialect.Limit("@take")}
            """;
        return await db.ReadAsync(async (connection, ct) =>
        {
            if (await connection.ExecuteScalarAsync<long>(
                    new CommandDefinition("SELECT COUNT(*) FROM actors WHERE id = @id", new { id = request.ActorId },
                        cancellationToken: ct)) == 0)
                throw new NotFoundException("Actor", request.ActorId);
            return await connection.QueryPageAsync<ActorRelationItem>(sql, p, limit, r => r.Id, ct);
        }, cancellationToken);
    }
}
