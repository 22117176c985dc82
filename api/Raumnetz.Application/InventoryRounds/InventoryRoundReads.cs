using System.Data.Common;
using Dapper;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.InventoryRounds;

/// <summary>
/// The loads of inventory rounds that several use cases share: a round with its assignments, the services of its region
/// as they are now, its snapshots, and the verifications between two instants.
/// </summary>
public sealed class InventoryRoundReads(IDbConnectionFactory db)
{
    public const string Columns = """
        r.id, r.name, r.space_id, sp.name AS space_name, r.starts_on, r.ends_on, r.status, r.previous_round_id, r.note, r.closed_at,
        r.version, r.created_at, r.updated_at
        """;

    public const string From = "inventory_rounds r JOIN spaces sp ON sp.id = r.space_id";

    private sealed class AssignmentRow
    {
        public Guid RoundId { get; init; }
        public Guid ActorId { get; init; }
        public string ActorName { get; init; } = "";
        public Guid? SpaceId { get; init; }
        public string? SpaceName { get; init; }
        public string? CategoryCode { get; init; }
    }

    private sealed class SnapshotRow
    {
        public Guid ServiceId { get; init; }
        public string Name { get; init; } = "";
        public string Status { get; init; } = "";
        public Guid? OperatorActorId { get; init; }
        public long ServiceVersion { get; init; }
        public bool Archived { get; init; }
        public DateOnly? VerifiedOn { get; init; }

        public ServiceSnapshot ToSnapshot() => new(ServiceId, Name, Status, OperatorActorId, ServiceVersion, Archived, VerifiedOn);
    }

    private sealed class CountRow
    {
        public Guid ServiceId { get; init; }
        public int Count { get; init; }
    }

    public async Task<InventoryRoundDto?> LoadAsync(DbConnection connection, DbTransaction? tx, Guid id, CancellationToken ct)
    {
        var round = await connection.QuerySingleOrDefaultAsync<InventoryRoundDto>(new CommandDefinition(
            $"SELECT {Columns} FROM {From} WHERE r.id = @id", new { id }, tx, cancellationToken: ct));
        return round is null ? null : (await CompleteAsync(connection, tx, [round], ct))[0];
    }

    /// <summary>Fills in the assignments of the rounds, keeping their order.</summary>
    public async Task<List<InventoryRoundDto>> CompleteAsync(DbConnection connection, DbTransaction? tx,
        IReadOnlyList<InventoryRoundDto> rounds,
        CancellationToken ct)
    {
        if (rounds.Count == 0) return [];
        var assignments = (await connection.QueryAsync<AssignmentRow>(new CommandDefinition($"""
            SELECT x.round_id, x.actor_id, a.name AS actor_name, x.space_id, s.name AS space_name, t.code AS category_code
            FROM inventory_round_assignments x JOIN actors a ON a.id = x.actor_id
                LEFT JOIN spaces s ON s.id = x.space_id LEFT JOIN taxonomy_terms t ON t.id = x.term_id
            WHERE {db.Dialect.In("x.round_id", "@ids")} ORDER BY x.round_id, x.sort_order
            """, new { ids = rounds.Select(r => r.Id).ToList() }, tx, cancellationToken: ct))).ToLookup(a => a.RoundId);
        return rounds.Select(r => r with
        {
            Assignments = assignments[r.Id].Select(a => new RoundAssignmentDto
            {
                ActorId = a.ActorId, ActorName = a.ActorName, SpaceId = a.SpaceId, SpaceName = a.SpaceName, CategoryCode = a.CategoryCode,
            }).ToList(),
        }).ToList();
    }

    /// <summary>The region's recursive CTE (<c>region</c>: the space and the spaces below it), bound to @regionId.</summary>
    private string Region => $"""
        {db.Dialect.WithRecursive} region (id) AS (
            SELECT id FROM spaces WHERE id = @regionId
            UNION ALL
            SELECT x.id FROM spaces x JOIN region g ON x.parent_id = g.id)
        """;

    /// <summary>
    /// The services of the region as they are now: those with a location in it or serving a space in it. Archived services
    /// only when <paramref name="alsoArchived"/> names them (they were there before and are closed now).
    /// </summary>
    public async Task<List<ServiceSnapshot>> RegionServicesAsync(DbConnection connection, DbTransaction? tx, Guid regionId,
        IReadOnlyCollection<Guid> alsoArchived, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<SnapshotRow>(new CommandDefinition($"""
            {Region}
            SELECT s.id AS service_id, s.name, s.status, s.operator_actor_id, s.version AS service_version,
                CASE WHEN s.archived_at IS NULL THEN 0 ELSE 1 END AS archived, s.verified_on
            FROM services s
            WHERE EXISTS (SELECT 1 FROM service_at_locations sl JOIN locations l ON l.id = sl.location_id JOIN region g ON g.id = l.space_id
                          WHERE sl.service_id = s.id)
               OR EXISTS (SELECT 1 FROM service_spaces ss JOIN region g ON g.id = ss.space_id WHERE ss.service_id = s.id)
            """, new { regionId }, tx, cancellationToken: ct));
        var keep = alsoArchived.ToHashSet();
        return rows.Select(r => r.ToSnapshot()).Where(s => !s.Archived || keep.Contains(s.ServiceId)).ToList();
    }

    public async Task<List<ServiceSnapshot>> SnapshotAsync(DbConnection connection, DbTransaction? tx, Guid roundId, string phase,
        CancellationToken ct) =>
        (await connection.QueryAsync<SnapshotRow>(new CommandDefinition("""
            SELECT service_id, name, status, operator_actor_id, service_version, archived, verified_on
            FROM inventory_round_snapshots WHERE round_id = @roundId AND phase = @phase
            """, new { roundId, phase }, tx, cancellationToken: ct))).Select(r => r.ToSnapshot()).ToList();

    public static async Task WriteSnapshotAsync(DbConnection connection, DbTransaction tx, Guid roundId, string phase,
        IEnumerable<ServiceSnapshot> services, CancellationToken ct)
    {
        foreach (var s in services)
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO inventory_round_snapshots (round_id, phase, service_id, name, status, operator_actor_id, service_version, archived,
                    verified_on)
                VALUES (@roundId, @phase, @ServiceId, @Name, @Status, @OperatorActorId, @Version, @Archived, @VerifiedOn)
                """, new { roundId, phase, s.ServiceId, s.Name, s.Status, s.OperatorActorId, s.Version, s.Archived, s.VerifiedOn }, tx,
                    cancellationToken: ct));
    }

    /// <summary>How often each service was verified after <paramref name="from"/> up to <paramref name="until"/> (open: up to
    /// now).</summary>
    public static async Task<Dictionary<Guid, int>> VerificationsAsync(DbConnection connection, DbTransaction? tx, DateTimeOffset from,
        DateTimeOffset? until, CancellationToken ct) =>
        (await connection.QueryAsync<CountRow>(new CommandDefinition($"""
            SELECT service_id, COUNT(*) AS count FROM service_verifications
            WHERE created_at > @from{(until is null ? "" : " AND created_at <= @until")} GROUP BY service_id
            """, new { from, until }, tx, cancellationToken: ct))).ToDictionary(r => r.ServiceId, r => r.Count);
}

public static class RoundPhases
{
    public const string Start = "start";
    public const string End = "end";
}
