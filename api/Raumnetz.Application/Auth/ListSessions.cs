using Dapper;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Auth;

/// <summary>One open sign-in session of the signed-in user.</summary>
public sealed record SessionDto
{
    public Guid Id { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastSeenAt { get; init; }
    /// <summary>When it ends at the latest (absolute lifetime); it ends earlier when unused for the idle time.</summary>
    public DateTimeOffset ExpiresAt { get; init; }
    public string? UserAgent { get; init; }
    /// <summary>The client address it was started from.</summary>
    public string? Address { get; init; }
    /// <summary>The session of this request.</summary>
    public bool Current { get; init; }
}

/// <summary>The signed-in user's open sessions, newest first.</summary>
public sealed record ListSessionsQuery(Guid UserId, Guid? CurrentSessionId) : IRequest<IReadOnlyList<SessionDto>>;

public sealed class ListSessionsHandler(IDbConnectionFactory db, TimeProvider clock)
    : IRequestHandler<ListSessionsQuery, IReadOnlyList<SessionDto>>
{
    private sealed class Row
    {
        public Guid Id { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset LastSeenAt { get; init; }
        public DateTimeOffset ExpiresAt { get; init; }
        public int IdleMinutes { get; init; }
        public string? UserAgent { get; init; }
        public string? Address { get; init; }
    }

    public async Task<IReadOnlyList<SessionDto>> Handle(ListSessionsQuery request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await db.ReadAsync((connection, ct) => connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT id, created_at, last_seen_at, expires_at, idle_minutes, user_agent, address FROM sessions
            WHERE user_id = @userId AND revoked_at IS NULL AND expires_at > @now
            """, new { userId = request.UserId, now }, cancellationToken: ct)), cancellationToken);
        return rows.Where(r => r.LastSeenAt + TimeSpan.FromMinutes(r.IdleMinutes) > now)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new SessionDto
            {
                Id = r.Id, CreatedAt = r.CreatedAt, LastSeenAt = r.LastSeenAt, ExpiresAt = r.ExpiresAt, UserAgent = r.UserAgent,
                Address = r.Address, Current = r.Id == request.CurrentSessionId,
            }).ToList();
    }
}
