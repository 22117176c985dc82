using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Dapper;

namespace Raumnetz.Application.Audit;

/// <summary>An entry to write: the caller's connection and transaction decide whether it is kept.</summary>
public sealed record AuditRecord
{
    public required string Principal { get; init; }
    public Guid? UserId { get; init; }
    public Guid? ApiKeyId { get; init; }
    public required string EntityType { get; init; }
    public string? EntityId { get; init; }
    public required string Action { get; init; }
    /// <summary>Field name to (old, new), as JSON values.</summary>
    public IReadOnlyDictionary<string, (JsonNode? Old, JsonNode? New)> Changes { get; init; } =
        new Dictionary<string, (JsonNode? Old, JsonNode? New)>();
    public string? TraceId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>
/// Writes audit entries and computes their changes by diffing two states of an entity (any object that serialises to a
/// JSON object: a DTO or a row). Fields that say nothing about the change (id, version, timestamps) are left out, and so is
/// every field whose name says it holds a secret (password, hash, token, secret, key): those never reach the table.
/// </summary>
public static class AuditLog
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "version", "createdAt", "updatedAt", "created_at", "updated_at", "searchKey", "search_key", "etag",
    };

    private static readonly string[] SecretParts = ["password", "hash", "secret", "token", "salt"];

    /// <summary>Whether a field of this name may hold a secret and so never enters an entry.</summary>
    public static bool IsSecret(string field)
    {
        var lower = field.ToLowerInvariant();
        if (lower is "mustchangepassword" or "must_change_password") return false; // a flag, not a secret
        return lower is "key" or "keyprefix" or "key_prefix" || SecretParts.Any(lower.Contains);
    }

    /// <summary>The fields that differ between the two states (a create has no old state, a delete no new one).</summary>
    public static Dictionary<string, (JsonNode? Old, JsonNode? New)> Diff(object? before, object? after)
    {
        var old = Fields(before);
        var @new = Fields(after);
        var changes = new Dictionary<string, (JsonNode? Old, JsonNode? New)>(StringComparer.Ordinal);
        foreach (var field in old.Keys.Union(@new.Keys).Order(StringComparer.Ordinal))
        {
            if (Ignored.Contains(field) || IsSecret(field)) continue;
            old.TryGetValue(field, out var o);
            @new.TryGetValue(field, out var n);
            if (IsEmpty(o) && IsEmpty(n)) continue;
            if (JsonNode.DeepEquals(o, n)) continue;
            changes[field] = (o?.DeepClone(), n?.DeepClone());
        }
        return changes;
    }

    private static bool IsEmpty(JsonNode? node) => node is null || node is JsonArray { Count: 0 };

    /// <summary>The top-level fields of a state, with camelCase names.</summary>
    public static Dictionary<string, JsonNode?> Fields(object? state)
    {
        if (state is null) return [];
        if (state is IDictionary<string, object?> row)
            return row.ToDictionary(kv => CamelCase(kv.Key), kv => JsonSerializer.SerializeToNode(kv.Value, Json), StringComparer.Ordinal);
        return JsonSerializer.SerializeToNode(state, state.GetType(), Json) is JsonObject obj
            ? obj.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal)
            : [];
    }

    /// <summary>snake_case column names (rows read as dictionaries) in the API's camelCase.</summary>
    public static string CamelCase(string name)
    {
        var parts = name.Split('_', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return name;
        return parts[0].ToLowerInvariant() + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0])
            + p[1..].ToLowerInvariant()));
    }

    /// <summary>The changes as stored: { field: { "old": ..., "new": ... } }, or null when there are none.</summary>
    public static string? Serialize(IReadOnlyDictionary<string, (JsonNode? Old, JsonNode? New)> changes)
    {
        if (changes.Count == 0) return null;
        var obj = new JsonObject();
        foreach (var (field, (o, n)) in changes.OrderBy(c => c.Key, StringComparer.Ordinal))
            obj[field] = new JsonObject { ["old"] = o?.DeepClone(), ["new"] = n?.DeepClone() };
        return obj.ToJsonString(Privacy.AuditJson.Storage);
    }

    /// <summary>The stored changes as the API shows them.</summary>
    public static IReadOnlyList<AuditChangeDto> Parse(string? changes)
    {
        if (string.IsNullOrEmpty(changes) || JsonNode.Parse(changes) is not JsonObject obj) return [];
        return obj.Select(kv => new AuditChangeDto(kv.Key, Text(kv.Value?["old"]), Text(kv.Value?["new"]))).ToList();
    }

    private static string? Text(JsonNode? node) =>
        node is null ? null : node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString();

    public static async Task WriteAsync(DbConnection connection, DbTransaction? tx, AuditRecord record, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO audit_entries (id, occurred_at, principal, user_id, api_key_id, entity_type, entity_id, action, changes, trace_id)
            VALUES (@id, @OccurredAt, @Principal, @UserId, @ApiKeyId, @EntityType, @EntityId, @Action, @changes, @TraceId)
            """, new
            {
                id = Guid.CreateVersion7(), record.OccurredAt, Principal = Cut(record.Principal, 100), record.UserId, record.ApiKeyId,
                record.EntityType, EntityId = Cut(record.EntityId, 100), record.Action, changes = Serialize(record.Changes),
                TraceId = Cut(record.TraceId, 32),
            }, tx, cancellationToken: ct));
    }

    private static string? Cut(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
