using System.Data.Common;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Privacy;

/// <summary>
/// Where a person's name can hide outside the fields that name them: the free texts of the product (minutes, notes,
/// descriptions), the audit trail's old values and the stored answers of idempotent requests.
/// </summary>
public static class PrivacyTexts
{
    /// <summary>The free-text columns of the product: table, key column, entity type, columns.</summary>
    public static readonly (string Table, string Key, string EntityType, string[] Columns)[] FreeTexts =
    [
        ("meetings", "id", "meeting", ["title", "location", "agenda", "minutes"]),
        ("meeting_decisions", "meeting_id", "meeting", ["decision"]),
        ("tasks", "id", "task", ["title", "description", "outcome"]),
        ("actors", "id", "actor", ["name", "short_name", "notes"]),
        ("actor_relations", "id", "actorRelation", ["note"]),
        ("network_members", "id", "networkMember", ["note"]),
        ("networks", "id", "network", ["name", "legitimation_note"]),
        ("inventory_contacts", "id", "inventoryContact", ["name", "title", "department", "email"]),
        ("observations", "id", "observation", ["note"]),
        ("assessments", "id", "assessment", ["comment"]),
        ("service_verifications", "id", "serviceVerification", ["note"]),
        ("capacity_entries", "id", "capacityEntry", ["note"]),
        ("service_fundings", "id", "funding", ["programme", "note"]),
        ("services", "id", "service", ["description"]),
        ("locations", "id", "location", ["description"]),
        ("inventory_rounds", "id", "inventoryRound", ["note"]),
    ];

    /// <summary>
    /// The free texts that mention <paramref name="text"/> (case-insensitively), except those of <paramref name="except"/>.
    /// </summary>
    public static async Task<List<TextMention>> FindMentionsAsync(DbConnection connection, DbTransaction? tx, string text, Guid? except,
        CancellationToken ct)
    {
        var mentions = new List<TextMention>();
        if (string.IsNullOrWhiteSpace(text)) return mentions;
        var pattern = Like(text.Trim().ToLowerInvariant());
        foreach (var (table, key, type, columns) in FreeTexts)
            foreach (var column in columns)
            {
                var keys = await connection.QueryAsync<Guid>(new CommandDefinition(
                    $"SELECT DISTINCT {key} FROM {table} WHERE LOWER({column}) LIKE @pattern ESCAPE '\\'",
                    new { pattern }, tx, cancellationToken: ct));
                mentions.AddRange(keys.Where(k => k != except).Select(k => new TextMention(type, k.ToString(),
                    AuditJson.CamelCase(column))));
            }
        return mentions.Distinct().OrderBy(m => m.EntityType, StringComparer.Ordinal).ThenBy(m => m.EntityId, StringComparer.Ordinal)
            .ThenBy(m => m.Field, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Removes the erased values from the audit trail: every string in an entry's changes that contains one of them gets
    /// it replaced, in entries about <paramref name="entityIds"/> and in any other entry that contains one of the values.
    /// Returns how many entries changed.
    /// </summary>
    public static async Task<int> ScrubAuditAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect,
        IReadOnlyCollection<string> entityIds, IReadOnlyCollection<string> values, CancellationToken ct,
        string? personId = null, IReadOnlyCollection<string>? personalFields = null)
    {
        var erased = values.Where(v => !string.IsNullOrWhiteSpace(v) && v.Trim().Length >= 2).Select(v => v.Trim()).Distinct().ToList();
        if (erased.Count == 0) return 0;
        var p = new DynamicParameters();
        var conditions = new List<string>();
        if (entityIds.Count > 0)
        {
            conditions.Add(dialect.In("entity_id", "@ids"));
            p.Add("ids", entityIds.ToList());
        }
        var i = 0;
        foreach (var value in erased)
            foreach (var form in Forms(value))
            {
                conditions.Add($"LOWER(changes) LIKE @v{i} ESCAPE '\\'");
                p.Add($"v{i++}", Like(form.ToLowerInvariant()));
            }
        var rows = (await connection.QueryAsync<(Guid Id, string? EntityId, string Changes)>(new CommandDefinition(
            $"SELECT id, entity_id, changes FROM audit_entries WHERE changes IS NOT NULL AND ({string.Join(" OR ", conditions)})",
            p, tx, cancellationToken: ct))).ToList();
        var scrubbed = 0;
        foreach (var (id, entityId, changes) in rows)
        {
            var node = JsonNode.Parse(changes);
            if (node is null) continue;
            var blanked = entityId == personId && personalFields is not null && Blank(node, personalFields);
            if (!Scrub(node, erased, out var replaced) && !blanked) continue;
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE audit_entries SET changes = @changes WHERE id = @id", new { id,
                    changes = replaced!.ToJsonString(AuditJson.Storage) },
                tx, cancellationToken: ct));
            scrubbed++;
        }
        return scrubbed;
    }

    /// <summary>Deletes stored answers of idempotent requests that contain one of the values (they are a cache).</summary>
    public static async Task DropCachedResponsesAsync(DbConnection connection, DbTransaction tx, IReadOnlyCollection<string> values,
        CancellationToken ct)
    {
        foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v) && v.Trim().Length >= 2))
            foreach (var form in Forms(value.Trim()))
                await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM idempotency_records WHERE LOWER(body) LIKE @pattern ESCAPE '\\'",
                    new { pattern = Like(form.ToLowerInvariant()) }, tx, cancellationToken: ct));
    }

    /// <summary>Replaces the old and new values of the person's personal fields in an entry about them; true when any was set.</summary>
    private static bool Blank(JsonNode changes, IReadOnlyCollection<string> fields)
    {
        var changed = false;
        if (changes is not JsonObject obj) return false;
        foreach (var field in fields)
            if (obj[field] is JsonObject change)
                foreach (var side in new[] { "old", "new" })
                    if (change[side] is not null)
                    {
                        change[side] = Messages.Privacy_ErasedValue;
                        changed = true;
                    }
        return changed;
    }

    /// <summary>A value as plain text and as JSON escapes it (non-ASCII as \uXXXX).</summary>
    private static IEnumerable<string> Forms(string value)
    {
        yield return value;
        var escaped = JsonSerializer.Serialize(value)[1..^1];
        if (escaped != value) yield return escaped;
    }

    private static string Like(string text) => "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    /// <summary>Replaces every erased value in the strings of the JSON tree; true when anything changed.</summary>
    private static bool Scrub(JsonNode node, IReadOnlyList<string> erased, out JsonNode? result)
    {
        var changed = false;
        result = Walk(node);
        return changed;

        JsonNode? Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject obj:
                    foreach (var key in obj.Select(kv => kv.Key).ToList()) obj[key] = Walk(obj[key]?.DeepClone());
                    return obj;
                case JsonArray arr:
                    for (var k = 0; k < arr.Count; k++) arr[k] = Walk(arr[k]?.DeepClone());
                    return arr;
                case JsonValue v when v.TryGetValue<string>(out var s):
                    var t = s;
                    foreach (var value in erased) t = t.Replace(value, Messages.Privacy_ErasedValue, StringComparison.OrdinalIgnoreCase);
                    if (t == s) return v;
                    changed = true;
                    return JsonValue.Create(t);
                default:
                    return n;
            }
        }
    }
}

/// <summary>The audit trail's JSON: names in camelCase, text stored as it is (no \u escapes, so a search finds it).</summary>
public static class AuditJson
{
    public static readonly JsonSerializerOptions Storage = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string CamelCase(string column) => Audit.AuditLog.CamelCase(column);
}
