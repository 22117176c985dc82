using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Raumnetz.SyncExample;

/// <summary>
/// Keeps a local copy of actors and observations in step with a Raumnetz server, using only the public API with an API
/// key: the first run takes the feed's current end (GET /api/v1/changes/latest), copies the lists page by page and stores
/// the position; every later run reads the feed after the stored position (GET /api/v1/changes?after=...&amp;types=actor,observation),
/// fetches each changed entity once (GET /api/v1/actors/{id}, /api/v1/observations/{id}) and deletes tombstones (action
/// delete, or a 404 because the entity was deleted later). The position is saved with the rows it covers, in one local
/// transaction, so a crash repeats work but never loses any.
/// </summary>
public sealed class FeedMirror(HttpClient api, string connectionString)
{
    /// <summary>The entity types mirrored and where the API lists and serves them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Resources = new Dictionary<string, string>
    {
        ["actor"] = "/api/v1/actors", ["observation"] = "/api/v1/observations",
    };

    /// <summary>What one run did.</summary>
    public sealed record Result(bool FirstCopy, int Changes, int Fetched, int Deleted);

    public async Task<Result> SyncAsync(CancellationToken ct = default)
    {
        await using var db = new SqliteConnection(connectionString);
        await db.OpenAsync(ct);
        await CreateTablesAsync(db, ct);
        var cursor = await ScalarAsync(db, "SELECT value FROM sync_state WHERE key = 'cursor'", ct);
        if (cursor is null) return await FirstCopyAsync(db, ct);

        int changes = 0, fetched = 0, deleted = 0;
        while (true)
        {
            var types = string.Join(',', Resources.Keys);
            var page = await GetAsync($"/api/v1/changes?types={types}&limit=500&after={Uri.EscapeDataString(cursor)}", ct);
            // The same entity may change several times in one page: fetch it once, as it is now.
            var latest = new Dictionary<(string Type, string Id), string>();
            foreach (var change in page.GetProperty("items").EnumerateArray())
            {
                changes++;
                latest[(change.GetProperty("entityType").GetString()!, change.GetProperty("entityId").GetString()!)] =
                    change.GetProperty("action").GetString()!;
            }
            await using var tx = (SqliteTransaction)await db.BeginTransactionAsync(ct);
            foreach (var ((type, id), action) in latest)
            {
                var current = action == "delete" ? null : await GetOrNullAsync($"{Resources[type]}/{id}", ct);
                if (current is { } entity)
                {
                    await UpsertAsync(db, tx, type, entity, ct);
                    fetched++;
                }
                else
                {
                    await ExecuteAsync(db, tx, "DELETE FROM entities WHERE type = $type AND id = $id", ct, ("$type", type), ("$id", id));
                    deleted++;
                }
            }
            cursor = page.GetProperty("next").GetString()!;
            await SaveCursorAsync(db, tx, cursor, ct);
            await tx.CommitAsync(ct);
            if (!page.GetProperty("hasMore").GetBoolean()) return new Result(false, changes, fetched, deleted);
        }
    }

    /// <summary>
    /// The first copy: the feed's end first, then the lists. A change made while the lists are read is in the feed after
    /// that position, so the next run fetches it again: nothing is missed.
    /// </summary>
    private async Task<Result> FirstCopyAsync(SqliteConnection db, CancellationToken ct)
    {
        var start = (await GetAsync("/api/v1/changes/latest", ct)).GetProperty("cursor").GetString()!;
        await using var tx = (SqliteTransaction)await db.BeginTransactionAsync(ct);
        await ExecuteAsync(db, tx, "DELETE FROM entities", ct);
        var fetched = 0;
        foreach (var (type, url) in Resources)
        {
            var list = type == "actor" ? $"{url}?includeArchived=true&limit=500" : $"{url}?limit=500";
            string? next = null;
            do
            {
                var page = await GetAsync(next is null ? list : $"{list}&cursor={Uri.EscapeDataString(next)}", ct);
                foreach (var item in page.GetProperty("items").EnumerateArray())
                {
                    await UpsertAsync(db, tx, type, item, ct);
                    fetched++;
                }
                next = page.TryGetProperty("nextCursor", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            } while (next is not null);
        }
        await SaveCursorAsync(db, tx, start, ct);
        await tx.CommitAsync(ct);
        return new Result(true, 0, fetched, 0);
    }

    /// <summary>The local copy of one type: id to the entity's JSON as the API served it.</summary>
    public async Task<Dictionary<string, JsonElement>> ReadCopyAsync(string type, CancellationToken ct = default)
    {
        await using var db = new SqliteConnection(connectionString);
        await db.OpenAsync(ct);
        await CreateTablesAsync(db, ct);
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT id, json FROM entities WHERE type = $type";
        command.Parameters.AddWithValue("$type", type);
        var copy = new Dictionary<string, JsonElement>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) copy[reader.GetString(0)] = JsonDocument.Parse(reader.GetString(1)).RootElement.Clone();
        return copy;
    }

    private async Task<JsonElement> GetAsync(string url, CancellationToken ct)
    {
        using var response = await api.GetAsync(new Uri(url, UriKind.Relative), ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }

    private async Task<JsonElement?> GetOrNullAsync(string url, CancellationToken ct)
    {
        using var response = await api.GetAsync(new Uri(url, UriKind.Relative), ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }

    private static async Task CreateTablesAsync(SqliteConnection db, CancellationToken ct)
    {
        await using var command = db.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS entities (type TEXT NOT NULL, id TEXT NOT NULL, version INTEGER, json TEXT NOT NULL, PRIMARY KEY (type, id));
            CREATE TABLE IF NOT EXISTS sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            """;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static Task UpsertAsync(SqliteConnection db, SqliteTransaction tx, string type, JsonElement entity, CancellationToken ct) =>
        ExecuteAsync(db, tx, """
            INSERT INTO entities (type, id, version, json) VALUES ($type, $id, $version, $json)
            ON CONFLICT (type, id) DO UPDATE SET version = excluded.version, json = excluded.json
            """, ct, ("$type", type), ("$id", entity.GetProperty("id").GetString()!),
            ("$version", entity.TryGetProperty("version", out var v) ? v.GetInt64() : null), ("$json", entity.GetRawText()));

    private static Task SaveCursorAsync(SqliteConnection db, SqliteTransaction tx, string cursor, CancellationToken ct) =>
        ExecuteAsync(db, tx, """
            INSERT INTO sync_state (key, value) VALUES ('cursor', $c) ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """, ct, ("$c", cursor));

    private static async Task ExecuteAsync(SqliteConnection db, SqliteTransaction tx, string sql, CancellationToken ct,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = db.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<string?> ScalarAsync(SqliteConnection db, string sql, CancellationToken ct)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) is { Length: > 0 } s ? s : null;
    }
}
