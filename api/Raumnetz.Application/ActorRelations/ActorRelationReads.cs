using System.Data.Common;
using Dapper;

namespace Raumnetz.Application.ActorRelations;

/// <summary>The load of a relation that several use cases share: GET, and the answers of create and update.</summary>
public sealed class ActorRelationReads
{
    /// <summary>One relation with both actors' names; null when there is none with this id.</summary>
    public Task<ActorRelationDto?> LoadAsync(DbConnection connection, DbTransaction? tx, Guid id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<ActorRelationDto?>(new CommandDefinition("""
            SELECT r.id, r.source_actor_id, s.name AS source_actor_name, r.target_actor_id, t.name AS target_actor_name, r.relation_type AS type,
                r.is_contractual, r.valid_from, r.valid_to, r.note, r.version, r.created_at, r.updated_at
            FROM actor_relations r JOIN actors s ON s.id = r.source_actor_id JOIN actors t ON t.id = r.target_actor_id
            WHERE r.id = @id
            """, new { id }, tx, cancellationToken: ct));
}
