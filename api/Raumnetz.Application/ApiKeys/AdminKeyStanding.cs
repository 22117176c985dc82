using System.Data.Common;
using Dapper;
using Raumnetz.Domain.Identity;

namespace Raumnetz.Application.ApiKeys;

/// <summary>
/// An API key with the admin role manages accounts and keys with the authority of whoever created it, so it stands and
/// falls with that authority: it is revoked, in the same transaction, when the account that created it is deactivated,
/// erased or no longer an administrator, and when the admin key that created it is revoked, down the whole chain (an
/// admin key can create admin keys). Keys of every other role belong to the partner system they serve and outlive the
/// person who created them; the key list names each key's creator, so they can be reviewed when someone leaves.
/// Revocation is final: reactivating the account or giving it the admin role again does not bring a key back.
/// </summary>
public static class AdminKeyStanding
{
    /// <summary>Revokes the admin keys the account created (and those they created); returns how many.</summary>
    public static Task<int> RevokeKeysOfUserAsync(DbConnection connection, DbTransaction tx, Guid userId, DateTimeOffset now,
        CancellationToken ct) => RevokeKeysOfAsync(connection, tx, "user:" + userId, now, ct);

    /// <summary>Revokes the admin keys the key created (and those they created); returns how many.</summary>
    public static Task<int> RevokeKeysOfKeyAsync(DbConnection connection, DbTransaction tx, Guid keyId, DateTimeOffset now,
        CancellationToken ct) => RevokeKeysOfAsync(connection, tx, "key:" + keyId, now, ct);

    private static async Task<int> RevokeKeysOfAsync(DbConnection connection, DbTransaction tx, string principal, DateTimeOffset now,
        CancellationToken ct)
    {
        var revoked = 0;
        var creators = new Queue<string>([principal]);
        while (creators.TryDequeue(out var creator))
        {
            var keys = await connection.QueryAsync<Guid>(new CommandDefinition(
                "SELECT id FROM api_keys WHERE created_by = @creator AND role = @role AND revoked_at IS NULL",
                new { creator, role = nameof(Role.Admin) }, tx, cancellationToken: ct));
            foreach (var key in keys)
            {
                revoked += await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE api_keys SET revoked_at = @now WHERE id = @key AND revoked_at IS NULL", new { key, now }, tx,
                    cancellationToken: ct));
                creators.Enqueue("key:" + key);
            }
        }
        return revoked;
    }
}
