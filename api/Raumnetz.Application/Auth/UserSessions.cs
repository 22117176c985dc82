using System.Data.Common;
using Dapper;

namespace Raumnetz.Application.Auth;

/// <summary>
/// Ends every sign-in session of a user (the <c>sessions</c> table, written by the session store in Infrastructure).
/// Sign-out everywhere uses it; so does every handler that changes a user's password, role or active flag (UpdateUser,
/// DeactivateUser, SetUserPassword, ChangePassword), inside its own transaction, so that the change and the revocation
/// are one unit. (A deactivated user's sessions are refused anyway, because the session check reads the user row.)
/// </summary>
public static class UserSessions
{
    /// <summary>Marks the user's open sessions revoked; returns how many there were.</summary>
    public static Task<int> RevokeAllAsync(DbConnection connection, DbTransaction? transaction, Guid userId, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sessions SET revoked_at = @now WHERE user_id = @userId AND revoked_at IS NULL",
            new { userId, now }, transaction, cancellationToken: ct));

    /// <summary>Marks the user's open sessions revoked except <paramref name="keep"/> (the one changing the password).</summary>
    public static Task<int> RevokeOthersAsync(DbConnection connection, DbTransaction? transaction, Guid userId, Guid? keep, DateTimeOffset now,
        CancellationToken ct) =>
        keep is not { } id ? RevokeAllAsync(connection, transaction, userId, now, ct) : connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sessions SET revoked_at = @now WHERE user_id = @userId AND revoked_at IS NULL AND id <> @id",
            new { userId, now, id }, transaction, cancellationToken: ct));
}
