using Dapper;
using Raumnetz.Application.Auth;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Identity;

namespace Raumnetz.Infrastructure.Security;

/// <summary>An active account linked to the identity provider, as bearer authentication sees it.</summary>
public sealed record ExternalAccount(CurrentUserDto User, bool HasGrants);

/// <summary>An active API key, as authentication sees it.</summary>
public sealed record ApiKeyAccount
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public Role Role { get; init; }
    /// <summary>The key holds role grants scoped to networks or space subtrees.</summary>
    public bool HasGrants { get; init; }
    /// <summary>The key's own request limit per minute; null: the configured default for keys.</summary>
    public int? RateLimitPerMinute { get; init; }
}

/// <summary>
/// The account lookup authentication makes on every request with an <c>X-Api-Key</c> header, with its own SQL and
/// outside the MediatR pipeline (it is not a use case). The key is read with the read retry and kept in <see cref="AuthCache"/>
/// while nothing authentication reads has changed in the database, so a revoked key is refused at its next request on every
/// instance. Session cookies are checked by <see cref="SessionStore"/>.
/// </summary>
public sealed class AccountReader(IDbConnectionFactory db, TimeProvider clock, AuthCache cache)
{
    /// <summary>How often an API key's last use is written down at most.</summary>
    private static readonly TimeSpan UseNotedEvery = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The active key for a presented secret, or null (malformed, unknown or revoked); notes its use at most every five minutes.
    /// </summary>
    public async Task<ApiKeyAccount?> ActiveApiKeyAsync(string key, CancellationToken ct)
    {
        if (!key.StartsWith(ApiKeySecrets.Prefix, StringComparison.Ordinal) || key.Length > 100) return null;
        var hash = ApiKeySecrets.Hash(key);
        var now = clock.GetUtcNow();
        var row = await cache.GetAsync("key:" + hash, t => db.ReadAsync((connection, token) =>
            connection.QuerySingleOrDefaultAsync<ApiKeyRow>(new CommandDefinition(
                "SELECT id, name, role, last_used_at, rate_limit_per_minute, "
                + "(SELECT COUNT(*) FROM role_grants g WHERE g.api_key_id = k.id) AS grant_count "
                + "FROM api_keys k WHERE key_hash = @hash AND revoked_at IS NULL",
                new { hash }, cancellationToken: token)), t), ct);
        if (row is null) return null;
        if (row.LastUsedAt is null || row.LastUsedAt < now - UseNotedEvery)
        {
            // Bookkeeping, not retried: a write is never repeated once sent.
            await using var connection = await db.OpenAsync(ct);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE api_keys SET last_used_at = @now WHERE id = @Id AND (last_used_at IS NULL OR last_used_at < @threshold)",
                new { row.Id, now, threshold = now - UseNotedEvery }, cancellationToken: ct));
            row.LastUsedAt = now;
        }
        // One answer per cached row, so the authentication handler can keep its ticket for as long as the row is cached.
        return row.Account ??= new ApiKeyAccount
        {
            Id = row.Id, Name = row.Name, Role = row.Role, HasGrants = row.GrantCount > 0, RateLimitPerMinute = row.RateLimitPerMinute,
        };
    }

    /// <summary>
    /// The active account linked to an identity provider's subject (for a bearer token of the provider), with whether it
    /// holds grants; null when none is linked or it is deactivated. Read afresh each time, as sessions are.
    /// </summary>
    public async Task<ExternalAccount?> ActiveExternalUserAsync(string subject, CancellationToken ct)
    {
        var row = await db.ReadAsync((connection, token) => connection.QuerySingleOrDefaultAsync<ExternalRow>(new CommandDefinition("""
            SELECT u.id, u.email, u.display_name, u.role, u.must_change_password,
                (SELECT COUNT(*) FROM role_grants g WHERE g.user_id = u.id) AS grant_count
            FROM users u WHERE u.external_subject = @subject AND u.is_active = @active
            """, new { subject, active = true }, cancellationToken: token)), ct);
        return row is null ? null : new ExternalAccount(new CurrentUserDto
        {
            Id = row.Id, Email = row.Email, DisplayName = row.DisplayName, Role = row.Role, MustChangePassword = row.MustChangePassword,
        }, row.GrantCount > 0);
    }

    private sealed class ExternalRow
    {
        public Guid Id { get; init; }
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public Role Role { get; init; }
        public bool MustChangePassword { get; init; }
        public long GrantCount { get; init; }
    }

    private sealed class ApiKeyRow
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public Role Role { get; init; }
        /// <summary>Set when this instance notes a use, so the cached row knows it too.</summary>
        public DateTimeOffset? LastUsedAt { get; set; }
        public int? RateLimitPerMinute { get; init; }
        public long GrantCount { get; init; }
        /// <summary>What <see cref="ActiveApiKeyAsync"/> answers for this row (not a column).</summary>
        public ApiKeyAccount? Account { get; set; }
    }
}
