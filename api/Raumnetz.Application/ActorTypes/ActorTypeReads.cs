using System.Data.Common;
using Dapper;

namespace Raumnetz.Application.ActorTypes;

/// <summary>The load of an actor type that several use cases share: GET, the list, and the answers of create and update.</summary>
public sealed class ActorTypeReads
{
    /// <summary>The columns of <see cref="ActorTypeDto"/>, read straight into it.</summary>
    public const string Columns = "code, name_de, name_en, version, created_at, updated_at";

    /// <summary>The actor type with this code; null when there is none.</summary>
    public Task<ActorTypeDto?> LoadAsync(DbConnection connection, DbTransaction? tx, string code, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<ActorTypeDto?>(new CommandDefinition(
            $"SELECT {Columns} FROM actor_types WHERE code = @code", new { code }, tx, cancellationToken: ct));
}
