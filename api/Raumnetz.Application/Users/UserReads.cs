using System.Data.Common;
using Dapper;
using Raumnetz.Application.Authorization;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Identity;

namespace Raumnetz.Application.Users;

/// <summary>The loads and checks several account use cases share.</summary>
public sealed class UserReads
{
    /// <summary>The columns of <see cref="UserDto"/>.</summary>
    internal const string Columns = "id, email, display_name, role, is_active, must_change_password, version, created_at, updated_at";

    /// <summary>The account with its grants, or null.</summary>
    public async Task<UserDto?> LoadAsync(DbConnection connection, DbTransaction? tx, Guid id, CancellationToken ct)
    {
        var user = await connection.QuerySingleOrDefaultAsync<UserDto>(new CommandDefinition(
            $"SELECT {Columns} FROM users WHERE id = @id", new { id }, tx, cancellationToken: ct));
        return user is null ? null : user with { Grants = await GrantReads.LoadAsync(connection, tx, id, null, ct) };
    }

    /// <summary>
    /// Refuses (409 naming <paramref name="field"/>) a change that would leave no active administrator: the account is the
    /// last one. Every active administrator's row is locked first, in id order, so two administrators demoting or
    /// deactivating each other at the same time check one after the other (on every provider and instance).
    /// </summary>
    public static async Task EnsureAnotherAdministratorAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, Guid userId,
        string field, CancellationToken ct)
    {
        var admins = (await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT id FROM users WHERE role = @role AND is_active = @active", new { role = nameof(Role.Admin), active = true }, tx,
            cancellationToken: ct))).Order().ToList();
        foreach (var admin in admins) await dialect.LockForUpdateAsync(connection, tx, "users", admin, ct);
        var others = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM users WHERE role = @role AND is_active = @active AND id <> @userId",
            new { role = nameof(Role.Admin), active = true, userId }, tx, cancellationToken: ct));
        if (others == 0)
            throw new ConflictException(Messages.Conflict_LastAdministrator, field);
    }
}
