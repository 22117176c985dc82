using System.Data.Common;
using Dapper;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Actors;

/// <summary>The loads of actors that several use cases share: GET, the list, and the answers of create, update, archive and
/// restore.</summary>
public sealed class ActorReads(IDbConnectionFactory db)
{
    /// <summary>The columns of <see cref="ActorDto"/> (without its spaces and tags), read straight into it.</summary>
    public const string Columns = """
        a.id, a.kind, a.name, a.short_name, a.type_code AS type, t.name_de AS type_name, a.sector, a.parent_id, p.name AS parent_name,
        a.email, a.phone, a.website, a.street, a.postal_code, a.city, a.notes, a.archived_at, a.version, a.created_at, a.updated_at
        """;

    public const string From = "actors a JOIN actor_types t ON t.code = a.type_code LEFT JOIN actors p ON p.id = a.parent_id";

    /// <summary>One actor with its spaces and tags; null when there is none with this id.</summary>
    public async Task<ActorDto?> LoadAsync(DbConnection connection, DbTransaction? tx, Guid id, CancellationToken ct)
    {
        var p = new { id };
        var actor = await connection.QuerySingleOrDefaultAsync<ActorDto>(new CommandDefinition(
            $"SELECT {Columns} FROM {From} WHERE a.id = @id", p, tx, cancellationToken: ct));
        if (actor is null) return null;
        // One actor: its spaces and tags by equality, read as plain values (no list parameter to expand, no rows to group).
        var spaces = await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT space_id FROM actor_spaces WHERE actor_id = @id", p, tx, cancellationToken: ct));
        var tags = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT tag FROM actor_tags WHERE actor_id = @id", p, tx, cancellationToken: ct));
        return WithLinks(actor, spaces, tags);
    }

    /// <summary>Fills in the spaces and tags of the actors, with one query each for the whole set.</summary>
    public async Task<List<ActorDto>> CompleteAsync(DbConnection connection, DbTransaction? tx, IReadOnlyList<ActorDto> actors,
        CancellationToken ct)
    {
        if (actors.Count == 0) return [];
        var p = new { ids = actors.Select(a => a.Id).ToList() };
        var spaces = await connection.QueryByOwnerAsync<Guid>(
            $"SELECT actor_id, space_id FROM actor_spaces WHERE {db.Dialect.In("actor_id", "@ids")}", p, "space_id", tx, ct);
        var tags = await connection.QueryByOwnerAsync<string>(
            $"SELECT actor_id, tag FROM actor_tags WHERE {db.Dialect.In("actor_id", "@ids")}", p, "tag", tx, ct);
        return actors.Select(a => WithLinks(a, spaces[a.Id], tags[a.Id])).ToList();
    }

    /// <summary>The actor with its spaces and tags in the order every read gives them (spaces by id, tags ignoring case).</summary>
    private static ActorDto WithLinks(ActorDto actor, IEnumerable<Guid> spaces, IEnumerable<string> tags) => actor with
    {
        SpaceIds = spaces.Order().ToList(),
        Tags = tags.Order(StringComparer.OrdinalIgnoreCase).ToList(),
    };
}
