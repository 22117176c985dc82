using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.ActorRelations;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Actors;

/// <summary>The relations of one actor in both directions, sorted by the other actor's name.</summary>
public sealed record ListActorRelationsQuery(Guid ActorId, ListOptions List) : IRequest<Page<ActorRelationItem>>, IListQuery
{
    /// <summary>Sorts: name (the other actor's; default), type, validFrom (undated first), updatedAt.</summary>
    public static readonly ListDefinition Sorts = new("x.id", "x.updated_at", "name",
        new SortColumn("name", "x.other_key", SortKind.Text),
        new SortColumn("type", "x.type", SortKind.Text),
        SortColumn.DateOrFirst("validFrom", "x.valid_from"),
        new SortColumn("updatedAt", "x.updated_at", SortKind.Instant));
}

public sealed class ListActorRelationsValidator : AbstractValidator<ListActorRelationsQuery>
{
    public ListActorRelationsValidator()
    {
        Include(new ListOptionsValidator<ListActorRelationsQuery>(ListActorRelationsQuery.Sorts));
    }
}

public sealed class ListActorRelationsHandler(IDbConnectionFactory db) : IRequestHandler<ListActorRelationsQuery, Page<ActorRelationItem>>
{
    public async Task<Page<ActorRelationItem>> Handle(ListActorRelationsQuery request, CancellationToken cancellationToken)
    {
        var p = new DynamicParameters();
        p.Add("id", request.ActorId);
        // Self-relations are refused, so no relation shows up in both halves.
        const string from = """
            (
                SELECT r.id, 'Outgoing' AS direction, r.relation_type AS type, r.is_contractual, r.valid_from, r.valid_to, r.note, r.version,
                    r.updated_at, o.id AS other_actor_id, o.name AS other_actor_name, o.search_key AS other_key
                FROM actor_relations r JOIN actors o ON o.id = r.target_actor_id
                WHERE r.source_actor_id = @id
                UNION ALL
                SELECT r.id, 'Incoming' AS direction, r.relation_type AS type, r.is_contractual, r.valid_from, r.valid_to, r.note, r.version,
                    r.updated_at, o.id AS other_actor_id, o.name AS other_actor_name, o.search_key AS other_key
                FROM actor_relations r JOIN actors o ON o.id = r.source_actor_id
                WHERE r.target_actor_id = @id
            ) x
            """;
        var sql = new ListSql(
            "x.id, x.direction, x.type, x.is_contractual, x.valid_from, x.valid_to, x.note, x.version, x.other_actor_id, " +
            "x.other_actor_name",
            from, [], p);
        return await db.ReadAsync(async (connection, ct) =>
        {
            if (await connection.ExecuteScalarAsync<long>(
                    new CommandDefinition("SELECT COUNT(*) FROM actors WHERE id = @id", new { id = request.ActorId },
                        cancellationToken: ct)) == 0)
                throw new NotFoundException("Actor", request.ActorId);
            return await connection.QueryListAsync<ActorRelationItem>(db.Dialect, ListActorRelationsQuery.Sorts, request.List, sql,
                r => r.Id, ct);
        }, cancellationToken);
    }
}
