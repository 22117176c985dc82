using System.Data.Common;
using Dapper;
using Raumnetz.Application.Authorization;

namespace Raumnetz.Application.ApiKeys;

/// <summary>The loads several API key use cases share.</summary>
public sealed class ApiKeyReads
{
    /// <summary>The columns of <see cref="ApiKeyDto"/> (without its grants).</summary>
    internal const string Columns = "id, name, role, key_prefix, created_at, last_used_at, revoked_at, rate_limit_per_minute";

    /// <summary>The key (never its secret) with its grants, or null.</summary>
    public async Task<ApiKeyDto?> LoadAsync(DbConnection connection, DbTransaction? tx, Guid id, CancellationToken ct)
    {
        var key = await connection.QuerySingleOrDefaultAsync<ApiKeyDto>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys WHERE id = @id", new { id }, tx, cancellationToken: ct));
        return key is null ? null : key with { Grants = await GrantReads.LoadAsync(connection, tx, null, id, ct) };
    }
}
