using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Raumnetz.Application.Audit;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Changes;

/// <summary>One change of one entity, as the feed records it.</summary>
public sealed record EntityChange
{
    /// <summary>The entity type as the audit trail names it (<see cref="AuditEntities"/>): actor, space, observation, ...</summary>
    public required string EntityType { get; init; }
    public required string EntityId { get; init; }
    /// <summary>create, update, archive, restore, end, delete, ... (as the audit trail names them).</summary>
    public required string Action { get; init; }
    /// <summary>The entity's new version, where it has one (null for a deletion).</summary>
    public long? Version { get; init; }
    /// <summary>The names of the changed fields; null when unknown (imports).</summary>
    public IReadOnlyCollection<string>? Fields { get; init; }
    /// <summary>The network a network-scoped reader needs a grant for (a network, its members, meetings, tasks).</summary>
    public Guid? NetworkId { get; init; }
    /// <summary>The space whose subtree a space-scoped reader needs a grant for (spaces, observations, assessments, locations).</summary>
    public Guid? SpaceId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>
/// The rows of one table that a bulk write (an import) inserted or changed, for <see cref="ChangeFeed.RecordRowsAsync"/>:
/// the rows of <see cref="Table"/> matching <see cref="Condition"/> (SQL with <see cref="Parameters"/>, typically
/// <c>updated_at = @now</c> with the write's own timestamp, which only rows it inserted or changed carry). Each row needs
/// <c>id</c> and <c>version</c>; version 1 is recorded as create, any other as update.
/// </summary>
public sealed record ChangedRows
{
    public required string EntityType { get; init; }
    /// <summary>A constant of the caller, never input.</summary>
    public required string Table { get; init; }
    public required string Condition { get; init; }
    public object? Parameters { get; init; }
    /// <summary>The column holding the row's network (<see cref="EntityChange.NetworkId"/>), or null.</summary>
    public string? NetworkColumn { get; init; }
    /// <summary>The column holding the row's space (<see cref="EntityChange.SpaceId"/>), or null.</summary>
    public string? SpaceColumn { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>
    /// <see cref="Table"/> holds exactly the written rows in the order of the write (a bulk upsert's
    /// <see cref="BulkUpsertCount.ChangedTable"/>): they are recorded in that order, not sorted by id.
    /// </summary>
    public bool InWriteOrder { get; init; }
}

/// <summary>
/// Writes the changes feed (table <c>entity_changes</c>, read by <c>GET /api/v1/changes</c>) in the transaction of the
/// write itself, so a rolled-back write records nothing. <see cref="AuditTrail"/> records every single-entity command;
/// commands that write many entities (imports) record their rows with <see cref="RecordRowsAsync"/>, one statement for
/// all of them. Before numbering its rows every writer takes one transaction-scoped lock (<see cref="LockAsync"/>) and
/// holds it to commit, so a change's position (seq) follows commit order: a reader asking for everything after a
/// position it has seen never misses a change that commits later with a smaller number.
/// </summary>
public static class ChangeFeed
{
    /// <summary>The lock every writer of the feed takes ("RNZFEED" in ASCII); webhooks' outbox may share it.</summary>
    public const long LockKey = 0x524E5A46454544;

    /// <summary>
    /// Entity types the feed leaves out: the caller's own start page (nobody else reads it), and bulk entries that record
    /// their rows themselves.
    /// </summary>
    private static readonly HashSet<string> UnrecordedTypes = new(StringComparer.Ordinal)
    {
        AuditEntities.UserPreferences.Type, AuditEntities.Inventory.Type,
        // webhook subscriptions are administration of the feed's readers, not data they mirror (and would notify themselves)
        AuditEntities.WebhookSubscription.Type,
    };

    /// <summary>The entity types the feed records, in the order <see cref="AuditEntities"/> names them.</summary>
    public static IReadOnlyList<string> EntityTypes { get; } = typeof(AuditEntities)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Select(f => f.GetValue(null)).OfType<AuditEntity>().Select(e => e.Type)
        .Where(t => !UnrecordedTypes.Contains(t)).Distinct().ToList();

    /// <summary>Entity types only administrators read (accounts and API keys), in their feed only.</summary>
    public static IReadOnlySet<string> AdminOnlyTypes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        AuditEntities.User.Type, AuditEntities.ApiKey.Type,
    };

    /// <summary>Actions that change no readable field of the entity: sessions, sign-ins, secrets.</summary>
    private static readonly HashSet<string> UnrecordedActions = new(StringComparer.Ordinal)
    {
        "signIn", "signInRefused", "signInFailed", "signOut", "endSession", "changePassword", "setPassword", "revokeCalendarToken",
    };

    /// <summary>Which fields of an entity's state name the network or space it belongs to, by entity type.</summary>
    private static readonly Dictionary<string, string> NetworkField = new(StringComparer.Ordinal)
    {
        [AuditEntities.Network.Type] = "id", [AuditEntities.NetworkMember.Type] = "networkId",
        [AuditEntities.Meeting.Type] = "networkId", [AuditEntities.Task.Type] = "networkId",
    };

    private static readonly Dictionary<string, string> SpaceField = new(StringComparer.Ordinal)
    {
        [AuditEntities.Space.Type] = "id", [AuditEntities.Observation.Type] = "spaceId",
        [AuditEntities.Assessment.Type] = "spaceId", [AuditEntities.Location.Type] = "spaceId",
    };

    /// <summary>
    /// Whether a command of this registration appears in the feed by <see cref="AuditTrail"/>: an entity change with an
    /// id. Bulk registrations (imports) record their rows themselves; bookkeeping and sign-ins are no entity changes.
    /// </summary>
    public static bool RecordedByAuditTrail(AuditRegistration registration) =>
        registration.NotAudited is null && registration.Summary is null && !UnrecordedTypes.Contains(registration.Entity.Type)
        && !UnrecordedActions.Contains(registration.Action);

    /// <summary>Whether an action, as it turned out, is an entity change (a resolved sign-in is none).</summary>
    public static bool IsChange(string action) => !UnrecordedActions.Contains(action);

    /// <summary>Takes the feed's lock until the transaction ends (see <see cref="ISqlDialect.LockTransactionAsync"/>).</summary>
    public static Task LockAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, CancellationToken ct) =>
        dialect.LockTransactionAsync(connection, tx, LockKey, ct);

    /// <summary>The change of one entity from its audited states (before and after the command) and changed fields.</summary>
    public static EntityChange Of(string entityType, string entityId, string action, object? before, object? after,
        IEnumerable<string> changedFields, DateTimeOffset occurredAt)
    {
        var state = AuditLog.Fields(after ?? before);
        return new EntityChange
        {
            EntityType = entityType, EntityId = entityId, Action = action,
            Version = after is null ? null : Long(state.GetValueOrDefault("version")),
            Fields = changedFields.ToList(),
            NetworkId = NetworkField.TryGetValue(entityType, out var n) ? GuidOf(state.GetValueOrDefault(n)) : null,
            SpaceId = SpaceField.TryGetValue(entityType, out var s) ? GuidOf(state.GetValueOrDefault(s)) : null,
            OccurredAt = occurredAt,
        };
    }

    /// <summary>Records one change in the caller's transaction.</summary>
    public static async Task RecordAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, EntityChange change,
        CancellationToken ct)
    {
        await LockAsync(connection, tx, dialect, ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO entity_changes (entity_type, entity_id, action, version, fields, network_id, space_id, occurred_at)
            VALUES (@EntityType, @EntityId, @Action, @Version, @fields, @NetworkId, @SpaceId, @OccurredAt)
            """, new
            {
                change.EntityType, change.EntityId, change.Action, change.Version,
                fields = change.Fields is null ? null : JsonSerializer.Serialize(change.Fields.Order(StringComparer.Ordinal)),
                change.NetworkId, change.SpaceId, change.OccurredAt,
            }, tx, cancellationToken: ct));
    }

    /// <summary>
    /// Records one change per row a bulk write inserted or changed, in one INSERT ... SELECT (no round trip per row), in the
    /// caller's transaction; rows a re-import left as they were (same <c>updated_at</c> as before) record nothing. Call it
    /// after the rows are written, once per table. The rows are numbered by id, or in the order of the write when
    /// <see cref="ChangedRows.InWriteOrder"/> (the feed promises no order within one transaction). Returns the number of
    /// changes recorded.
    /// </summary>
    public static async Task<int> RecordRowsAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, ChangedRows rows,
        CancellationToken ct)
    {
        await LockAsync(connection, tx, dialect, ct);
        var parameters = new DynamicParameters(rows.Parameters);
        parameters.Add("changeEntityType", rows.EntityType);
        parameters.Add("changeOccurredAt", rows.OccurredAt);
        return await connection.ExecuteAsync(new CommandDefinition($"""
            INSERT INTO entity_changes (entity_type, entity_id, action, version, fields, network_id, space_id, occurred_at)
            SELECT @changeEntityType, {dialect.IdText("id")}, CASE WHEN version = 1 THEN 'create' ELSE 'update' END, version, NULL,
                {rows.NetworkColumn ?? "NULL"}, {rows.SpaceColumn ?? "NULL"}, @changeOccurredAt
            FROM {rows.Table} WHERE {rows.Condition}
            {(rows.InWriteOrder ? "" : $"ORDER BY {rows.Table}.id")}
            """, parameters, tx, cancellationToken: ct, commandTimeout: 0));
    }

    /// <summary>The inventory's tables an import (spreadsheet or HSDS) writes, with the entity type each row is in the feed.</summary>
    private static readonly (string Type, string Table, string? SpaceColumn)[] InventoryTables =
    [
        (AuditEntities.Taxonomy.Type, "taxonomies", null), (AuditEntities.TaxonomyTerm.Type, "taxonomy_terms", null),
        (AuditEntities.Actor.Type, "actors", null), (AuditEntities.Location.Type, "locations", "space_id"),
        (AuditEntities.Service.Type, "services", null), (AuditEntities.Funding.Type, "service_fundings", null),
    ];

    /// <summary>
    /// Records what an inventory import inserted or changed: every row of the inventory's tables (and actors, which the
    /// HSDS import writes as organisations) whose updated_at is the import's own <paramref name="now"/>.
    /// </summary>
    public static async Task<int> RecordInventoryRowsAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect,
        DateTimeOffset now, CancellationToken ct)
    {
        var recorded = 0;
        foreach (var (type, table, space) in InventoryTables)
            recorded += await RecordRowsAsync(connection, tx, dialect, new ChangedRows
            {
                EntityType = type, Table = table, Condition = "updated_at = @now", Parameters = new { now }, SpaceColumn = space,
                OccurredAt = now,
            }, ct);
        return recorded;
    }

    private static long? Long(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<long>(out var l) ? l
        : node is JsonValue t && t.TryGetValue<string>(out var s) && long.TryParse(s, CultureInfo.InvariantCulture, out var p) ? p : null;

    private static Guid? GuidOf(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && Guid.TryParse(s, out var g) ? g
        : node is JsonValue w && w.TryGetValue<Guid>(out var h) ? h : null;
}
