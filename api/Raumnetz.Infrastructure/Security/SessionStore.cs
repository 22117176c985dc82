using System.Security.Cryptography;
using System.Text;
using Dapper;
using Raumnetz.Application.Audit;
using Raumnetz.Application.Auth;
using Raumnetz.Application.Common;

namespace Raumnetz.Infrastructure.Security;

/// <summary>Lifetimes of sign-in sessions ("Raumnetz:Sessions").</summary>
public sealed class SessionLifetimes
{
    /// <summary>A session not used for this long ends (Raumnetz__Sessions__IdleMinutes).</summary>
    public int IdleMinutes { get; set; } = 60;
    /// <summary>A session ends this long after sign-in, however busy (Raumnetz__Sessions__AbsoluteHours).</summary>
    public int AbsoluteHours { get; set; } = 12;

    /// <summary>
    /// How long authentication keeps a session or API key it has read in memory at most (Raumnetz__Sessions__CacheSeconds;
    /// 0 turns the cache off). Any change to them ends the entry at once on every instance (<see cref="AuthCache"/>).
    /// </summary>
    public int CacheSeconds { get; set; } = 60;

    public TimeSpan Idle => TimeSpan.FromMinutes(Math.Max(1, IdleMinutes));
    public TimeSpan CacheLifetime => TimeSpan.FromSeconds(Math.Max(0, CacheSeconds));
    public TimeSpan Absolute => TimeSpan.FromHours(Math.Max(1, AbsoluteHours));
}

/// <summary>A valid session and the active user behind it.</summary>
public sealed record ActiveSession(Guid Id, CurrentUserDto User, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>The user holds role grants scoped to networks or space subtrees (so may write there whatever the role).</summary>
    public bool HasGrants { get; init; }
}

/// <summary>
/// Server-side sign-in sessions in the shared database, so every instance sees the same state. A session is named by a
/// random 256-bit token that only the session cookie carries; the table keeps its SHA-256 hash. Each request checks the
/// session together with its user, from <see cref="AuthCache"/> while nothing authentication reads has changed in the
/// database since (a revocation, a deactivation or a new role holds at the next request on every instance). Its last use is
/// written at most every minute.
/// Authentication, not a use case: it runs outside MediatR.
/// </summary>
public sealed class SessionStore(IDbConnectionFactory db, TimeProvider clock, SessionLifetimes options, AuthCache cache)
{
    /// <summary>How often a session's last use is written down at most.</summary>
    public static readonly TimeSpan SeenNotedEvery = TimeSpan.FromMinutes(1);

    /// <summary>How long a session's row is kept after its absolute expiry (for a later list of recent sessions).</summary>
    public static readonly TimeSpan KeptAfterExpiry = TimeSpan.FromDays(7);

    /// <summary>
    /// Starts a session for the user and returns its token (to be carried by the cookie, never stored). Removes the
    /// rows of sessions that expired more than <see cref="KeptAfterExpiry"/> ago, so the table does not grow.
    /// </summary>
    public async Task<string> CreateAsync(Guid userId, string? userAgent, string? address, CancellationToken ct)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO sessions (id, token_hash, user_id, created_at, last_seen_at, expires_at, idle_minutes, revoked_at, user_agent, address)
            VALUES (@id, @hash, @userId, @now, @now, @expires, @idle, NULL, @userAgent, @address)
            """, new
            {
                id = Guid.CreateVersion7(), hash = Hash(token), userId, now, expires = now + options.Absolute,
                idle = (int)options.Idle.TotalMinutes, userAgent = Cut(userAgent, 200), address = Cut(address, 64),
            }, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sessions WHERE expires_at < @cutoff", new { cutoff = now - KeptAfterExpiry }, cancellationToken: ct));
        return token;
    }

    /// <summary>
    /// The session named by the token if it is open (not revoked, not past its absolute expiry, used within its idle
    /// timeout) and its user is active; otherwise null. Notes its use at most every minute.
    /// </summary>
    public async Task<ActiveSession?> FindAsync(string token, CancellationToken ct)
    {
        if (token.Length is 0 or > 100) return null;
        var hash = Hash(token);
        var key = CacheKey(hash);
        var now = clock.GetUtcNow();
        var row = await cache.GetAsync(key, t => LoadAsync(hash, now, t), ct);
        // The cached row's last use may lag behind one another instance wrote: before refusing for idleness, read it afresh.
        if (row is not null && !row.OpenAt(now)) row = await cache.GetAsync(key, t => LoadAsync(hash, now, t), ct, fresh: true);
        if (row is null || !row.OpenAt(now)) return null;
        if (row.LastSeenAt < now - SeenNotedEvery)
        {
            // Bookkeeping, not retried: a write is never repeated once sent.
            await using var connection = await db.OpenAsync(ct);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE sessions SET last_seen_at = @now WHERE id = @Id AND last_seen_at < @now",
                new { row.Id, now }, cancellationToken: ct));
            row.LastSeenAt = now;
        }
        // One answer per cached row (its fields but the last use never change): the ticket store can keep what it builds
        // from it for as long as the row is cached, instead of a new principal per request (build/bench, pipeline).
        return row.Session ??= new ActiveSession(row.Id, new CurrentUserDto { Id = row.UserId, Email = row.Email,
                DisplayName = row.DisplayName, Role = row.Role, MustChangePassword = row.MustChangePassword },
            row.CreatedAt, row.ExpiresAt) { HasGrants = row.GrantCount > 0 };
    }

    private Task<SessionRow?> LoadAsync(string hash, DateTimeOffset now, CancellationToken ct) =>
        db.ReadAsync((connection, t) => connection.QuerySingleOrDefaultAsync<SessionRow>(new CommandDefinition("""
            SELECT s.id, s.created_at, s.last_seen_at, s.expires_at, s.idle_minutes, u.id AS user_id, u.email, u.display_name, u.role, u.must_change_password,
                (SELECT COUNT(*) FROM role_grants g WHERE g.user_id = u.id) AS grant_count
            FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.token_hash = @hash AND s.revoked_at IS NULL AND s.expires_at > @now AND u.is_active = @active
            """, new { hash, now, active = true }, cancellationToken: t)), ct);

    private static string CacheKey(string hash) => "session:" + hash;

    /// <summary>Ends the session named by the token (sign-out) and records the sign-out in the audit trail.</summary>
    public async Task RevokeAsync(string token, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var hash = Hash(token);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var userId = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT user_id FROM sessions WHERE token_hash = @hash AND revoked_at IS NULL", new { hash }, tx, cancellationToken: ct));
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sessions SET revoked_at = @now WHERE token_hash = @hash AND revoked_at IS NULL", new { hash, now }, tx, cancellationToken: ct));
        if (rows > 0 && userId is { } id) await AuditSignOutAsync(connection, tx, id, "signOut", now, ct);
        await tx.CommitAsync(ct);
        cache.Forget(CacheKey(hash));
    }

    /// <summary>Ends every session of the user (sign-out everywhere), recorded in the audit trail; returns how many were open.</summary>
    public async Task<int> RevokeAllAsync(Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var count = await UserSessions.RevokeAllAsync(connection, tx, userId, now, ct);
        await AuditSignOutAsync(connection, tx, userId, "signOutEverywhere", now, ct);
        await tx.CommitAsync(ct);
        cache.Changed();
        return count;
    }

    private static Task AuditSignOutAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, Guid userId,
        string action, DateTimeOffset now, CancellationToken ct) =>
        AuditLog.WriteAsync(connection, tx, new AuditRecord
        {
            Principal = "user:" + userId, UserId = userId, EntityType = AuditEntities.UserEvent.Type, EntityId = userId.ToString(),
            Action = action, TraceId = AuditTrail.CurrentTraceId(), OccurredAt = now,
        }, ct);

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string? Cut(string? text, int length) => string.IsNullOrEmpty(text) ? null : text.Length <= length ? text : text[..length];

    private sealed class SessionRow
    {
        public Guid Id { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        /// <summary>Set when this instance notes a use, so the cached row knows it too.</summary>
        public DateTimeOffset LastSeenAt { get; set; }
        public DateTimeOffset ExpiresAt { get; init; }
        public int IdleMinutes { get; init; }

        /// <summary>Not past its absolute expiry and used within its idle timeout.</summary>
        public bool OpenAt(DateTimeOffset now) => ExpiresAt > now && LastSeenAt + TimeSpan.FromMinutes(IdleMinutes) > now;
        public Guid UserId { get; init; }
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public Raumnetz.Domain.Identity.Role Role { get; init; }
        public bool MustChangePassword { get; init; }
        public long GrantCount { get; init; }
        /// <summary>What <see cref="FindAsync"/> answers for this row (not a column).</summary>
        public ActiveSession? Session { get; set; }
    }
}
