using System.Data.Common;
using Dapper;
using Raumnetz.Application.Authorization;

namespace Raumnetz.Application.ApiKeys;

/// <summary>The loads several API key use cases share.</summary>
public sealed class ApiKeyReads
{
    /// <summary>The columns of <see cref="ApiKeyDto"/> (without its grants and its creator's name).</summary>
    internal const string Columns = "id, name, role, key_prefix, created_by, created_at, last_used_at, revoked_at, rate_limit_per_minute";

    /// <summary>The key (never its secret) with its grants and its creator's name, or null.</summary>
    public async Task<ApiKeyDto?> LoadAsync(DbConnection connection, DbTransaction? tx, Guid id, CancellationToken ct)
    {
        var key = await connection.QuerySingleOrDefaultAsync<ApiKeyDto>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys WHERE id = @id", new { id }, tx, cancellationToken: ct));
        return key is null ? null : await CompleteAsync(connection, tx, key, [], ct);
    }

    /// <summary>Every key, newest first, each with its grants and its creator's name.</summary>
    public async Task<IReadOnlyList<ApiKeyDto>> ListAsync(DbConnection connection, CancellationToken ct)
    {
        var keys = (await connection.QueryAsync<ApiKeyDto>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys ORDER BY created_at DESC, id", cancellationToken: ct))).ToList();
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        var result = new List<ApiKeyDto>(keys.Count);
        foreach (var key in keys) result.Add(await CompleteAsync(connection, null, key, names, ct));
        return result;
    }

    private static async Task<ApiKeyDto> CompleteAsync(DbConnection connection, DbTransaction? tx, ApiKeyDto key,
        Dictionary<string, string?> names, CancellationToken ct)
    {
        if (!names.TryGetValue(key.CreatedBy, out var creator))
            names[key.CreatedBy] = creator = await CreatorNameAsync(connection, tx, key.CreatedBy, ct);
        return key with { CreatedByName = creator, Grants = await GrantReads.LoadAsync(connection, tx, null, key.Id, ct) };
    }

    /// <summary>The display name of the account or the name of the key a principal names, as they are now.</summary>
    private static async Task<string?> CreatorNameAsync(DbConnection connection, DbTransaction? tx, string principal, CancellationToken ct)
    {
        var (sql, text) = principal.Split(':', 2) switch
        {
            ["user", var id] => ("SELECT display_name FROM users WHERE id = @id", id),
            ["key", var id] => ("SELECT name FROM api_keys WHERE id = @id", id),
            _ => (null, null),
        };
        return sql is not null && Guid.TryParse(text, out var guid)
            ? await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(sql, new { id = guid }, tx, cancellationToken: ct))
            : null;
    }
}
