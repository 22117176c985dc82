using System.Data.Common;
using Dapper;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Identity;

namespace Raumnetz.Application.Authorization;

/// <summary>
/// The loads of role grants that several use cases share (users, API keys, /auth/me) and the lookups the write
/// authorization makes to find the network or spaces a command writes to (a meeting's network, a service's spaces).
/// </summary>
public sealed class GrantReads(IDbConnectionFactory db)
{
    private sealed class GrantRow
    {
        public Role Role { get; init; }
        public GrantScope Scope { get; init; }
        public Guid TargetId { get; init; }
        public string? TargetName { get; init; }
    }

    private const string Select = """
        SELECT g.role, g.scope, g.target_id, COALESCE(n.name, s.name) AS target_name
        FROM role_grants g
        LEFT JOIN networks n ON g.scope = 'Network' AND n.id = g.target_id
        LEFT JOIN spaces s ON g.scope = 'Space' AND s.id = g.target_id
        """;

    /// <summary>The grants of a user or an API key (exactly one of the two ids), in a stable order.</summary>
    public static async Task<IReadOnlyList<RoleGrantDto>> LoadAsync(DbConnection connection, DbTransaction? tx, Guid? userId,
        Guid? apiKeyId, CancellationToken ct)
    {
        var (column, id) = userId is { } u ? ("user_id", u) : ("api_key_id", apiKeyId!.Value);
        var rows = await connection.QueryAsync<GrantRow>(new CommandDefinition(
            $"{Select} WHERE g.{column} = @id ORDER BY g.scope, g.target_id, g.role", new { id }, tx, cancellationToken: ct));
        return rows.Select(r => new RoleGrantDto { Role = r.Role, Scope = r.Scope, TargetId = r.TargetId, TargetName = r.TargetName })
            .ToList();
    }

    /// <summary>The grants of every user, by user (for the list of accounts, which lists every account).</summary>
    public static async Task<ILookup<Guid, RoleGrantDto>> LoadForAllUsersAsync(DbConnection connection, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<GrantRowWithUser>(new CommandDefinition(
            $"{Select.Replace("SELECT g.role", "SELECT g.user_id, g.role", StringComparison.Ordinal)} WHERE g.user_id IS NOT NULL "
            + "ORDER BY g.scope, g.target_id, g.role", cancellationToken: ct));
        return rows.ToLookup(r => r.UserId,
            r => new RoleGrantDto { Role = r.Role, Scope = r.Scope, TargetId = r.TargetId, TargetName = r.TargetName });
    }

    private sealed class GrantRowWithUser
    {
        public Guid UserId { get; init; }
        public Role Role { get; init; }
        public GrantScope Scope { get; init; }
        public Guid TargetId { get; init; }
        public string? TargetName { get; init; }
    }

    /// <summary>
    /// Replaces the grants of a user or an API key. Every target must exist (400 naming <c>grants[i].targetId</c>); the same
    /// grant given twice is stored once.
    /// </summary>
    public static async Task ReplaceAsync(DbConnection connection, DbTransaction tx, Guid? userId, Guid? apiKeyId,
        IReadOnlyList<RoleGrantInput> grants, DateTimeOffset now, CancellationToken ct)
    {
        for (var i = 0; i < grants.Count; i++)
        {
            var g = grants[i];
            var table = g.Scope == GrantScope.Network ? "networks" : "spaces";
            var exists = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                $"SELECT COUNT(*) FROM {table} WHERE id = @TargetId", new { g.TargetId }, tx, cancellationToken: ct));
            if (exists == 0)
                throw new InvalidFieldException($"grants[{i}].targetId",
                    Text.Format(Messages.Rule_DoesNotExist, g.Scope == GrantScope.Network ? "Network" : "Space", g.TargetId));
        }
        var (column, id) = userId is { } u ? ("user_id", u) : ("api_key_id", apiKeyId!.Value);
        await connection.ExecuteAsync(new CommandDefinition($"DELETE FROM role_grants WHERE {column} = @id", new { id }, tx,
            cancellationToken: ct));
        foreach (var g in grants.Distinct())
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO role_grants (id, user_id, api_key_id, role, scope, target_id, created_at)
                VALUES (@gid, @userId, @apiKeyId, @role, @scope, @TargetId, @now)
                """, new
                {
                    gid = Guid.CreateVersion7(), userId, apiKeyId, role = g.Role.ToString(), scope = g.Scope.ToString(), g.TargetId, now
                },
                tx, cancellationToken: ct));
    }

    /// <summary>The grants of a user or an API key with their targets' names, as /auth/me lists them.</summary>
    public Task<IReadOnlyList<RoleGrantDto>> ListAsync(Guid? userId, Guid? apiKeyId, CancellationToken ct) =>
        db.ReadAsync((connection, token) => LoadAsync(connection, null, userId, apiKeyId, token), ct);

    /// <summary>The grants whose network or space exists (claim mapping rules name targets by id from configuration).</summary>
    public static async Task<IReadOnlyList<RoleGrantInput>> ExistingAsync(DbConnection connection, DbTransaction tx,
        IReadOnlyList<RoleGrantInput> grants, CancellationToken ct)
    {
        var existing = new List<RoleGrantInput>();
        foreach (var g in grants)
        {
            var table = g.Scope == GrantScope.Network ? "networks" : "spaces";
            if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                    $"SELECT COUNT(*) FROM {table} WHERE id = @TargetId", new { g.TargetId }, tx, cancellationToken: ct)) > 0)
                existing.Add(g);
        }
        return existing;
    }

    /// <summary>The grants the authorization checks a write against (read afresh for every write).</summary>
    public Task<IReadOnlyList<RoleGrant>> OfAsync(Guid? userId, Guid? apiKeyId, CancellationToken ct)
    {
        if (userId is null && apiKeyId is null) return Task.FromResult<IReadOnlyList<RoleGrant>>([]);
        return db.ReadAsync(async (connection, token) =>
            (IReadOnlyList<RoleGrant>)(await LoadAsync(connection, null, userId, apiKeyId, token))
                .Select(g => new RoleGrant(g.Role, g.Scope, g.TargetId)).ToList(), ct);
    }

    /// <summary>The space and all its ancestors (empty when there is no such space).</summary>
    public Task<IReadOnlyList<Guid>> AncestorsAndSelfAsync(Guid spaceId, CancellationToken ct) =>
        db.ReadAsync(async (connection, token) => (IReadOnlyList<Guid>)(await connection.QueryAsync<Guid>(new CommandDefinition($"""
            {db.Dialect.WithRecursive} up (id, parent_id, depth) AS (
                SELECT id, parent_id, 0 FROM spaces WHERE id = @spaceId
                UNION ALL
                SELECT s.id, s.parent_id, up.depth + 1 FROM spaces s JOIN up ON s.id = up.parent_id WHERE up.depth < 64)
            SELECT id FROM up
            """, new { spaceId }, cancellationToken: token))).ToList(), ct);

    /// <summary>One id a single-row lookup returns, or null.</summary>
    private Task<Guid?> OneAsync(string sql, object parameters, CancellationToken ct) =>
        db.ReadAsync((connection, token) => connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(sql, parameters,
            cancellationToken: token)), ct);

    private Task<IReadOnlyList<Guid>> ManyAsync(string sql, object parameters, CancellationToken ct) =>
        db.ReadAsync(async (connection, token) => (IReadOnlyList<Guid>)(await connection.QueryAsync<Guid>(
            new CommandDefinition(sql, parameters, cancellationToken: token))).ToList(), ct);

    public Task<Guid?> NetworkOfMeetingAsync(Guid meetingId, CancellationToken ct) =>
        OneAsync("SELECT network_id FROM meetings WHERE id = @meetingId", new { meetingId }, ct);

    public Task<Guid?> NetworkOfTaskAsync(Guid taskId, CancellationToken ct) =>
        OneAsync("SELECT network_id FROM tasks WHERE id = @taskId", new { taskId }, ct);

    public Task<Guid?> ParentOfSpaceAsync(Guid spaceId, CancellationToken ct) =>
        OneAsync("SELECT parent_id FROM spaces WHERE id = @spaceId", new { spaceId }, ct);

    public Task<Guid?> SpaceOfObservationAsync(Guid observationId, CancellationToken ct) =>
        OneAsync("SELECT space_id FROM observations WHERE id = @observationId", new { observationId }, ct);

    public Task<Guid?> SpaceOfAssessmentAsync(Guid assessmentId, CancellationToken ct) =>
        OneAsync("SELECT space_id FROM assessments WHERE id = @assessmentId", new { assessmentId }, ct);

    /// <summary>The space of a location; null when it has none or does not exist.</summary>
    public Task<Guid?> SpaceOfLocationAsync(Guid locationId, CancellationToken ct) =>
        OneAsync("SELECT space_id FROM locations WHERE id = @locationId", new { locationId }, ct);

    /// <summary>The spaces of the given locations (locations without a space count as none: see <see cref="WriteTarget"/>).</summary>
    public async Task<IReadOnlyList<Guid?>> SpacesOfLocationsAsync(IReadOnlyCollection<Guid> locationIds, CancellationToken ct)
    {
        var result = new List<Guid?>();
        foreach (var id in locationIds.Distinct()) result.Add(await SpaceOfLocationAsync(id, ct));
        return result;
    }

    /// <summary>The spaces a service is tied to: those of its locations and those it serves.</summary>
    public Task<IReadOnlyList<Guid>> SpacesOfServiceAsync(Guid serviceId, CancellationToken ct) =>
        ManyAsync("""
            SELECT l.space_id FROM service_at_locations sl JOIN locations l ON l.id = sl.location_id
            WHERE sl.service_id = @serviceId AND l.space_id IS NOT NULL
            UNION SELECT space_id FROM service_spaces WHERE service_id = @serviceId
            """, new { serviceId }, ct);

    /// <summary>Whether a location without a space is among a service's locations (it cannot be in any subtree).</summary>
    public Task<bool> ServiceHasUnplacedLocationAsync(Guid serviceId, CancellationToken ct) =>
        db.ReadAsync(async (connection, token) => await connection.ExecuteScalarAsync<int>(new CommandDefinition("""
            SELECT COUNT(*) FROM service_at_locations sl JOIN locations l ON l.id = sl.location_id
            WHERE sl.service_id = @serviceId AND l.space_id IS NULL
            """, new { serviceId }, cancellationToken: token)) > 0, ct);

    public Task<Guid?> ServiceOfFundingAsync(Guid fundingId, CancellationToken ct) =>
        OneAsync("SELECT service_id FROM service_fundings WHERE id = @fundingId", new { fundingId }, ct);

    public async Task<bool> ServiceExistsAsync(Guid serviceId, CancellationToken ct) =>
        await OneAsync("SELECT id FROM services WHERE id = @serviceId", new { serviceId }, ct) is not null;
}
