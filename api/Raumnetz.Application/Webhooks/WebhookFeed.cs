using System.Data.Common;
using Dapper;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Webhooks;

/// <summary>
/// Reads of the changes feed (entity_changes) for webhooks. The feed is the outbox: a change is recorded in the transaction
/// of its write, so an event exists exactly when its write committed, and seq follows commit order.
/// </summary>
public static class WebhookFeed
{
    private const string Columns = "seq, entity_type, entity_id, action, version, fields, occurred_at";

    /// <summary>The newest position of the feed (0 when empty): where a new subscription starts.</summary>
    public static async Task<long> HeadAsync(DbConnection connection, DbTransaction? tx, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT MAX(seq) FROM entity_changes", transaction: tx,
            cancellationToken: ct)) ?? 0;

    /// <summary>The next changes after <paramref name="after"/>, in feed order.</summary>
    public static async Task<IReadOnlyList<WebhookChange>> ReadAfterAsync(DbConnection connection, ISqlDialect dialect, long after,
        int take, CancellationToken ct) =>
        (await connection.QueryAsync<WebhookChange>(new CommandDefinition(
            $"SELECT {Columns} FROM entity_changes WHERE seq > @after ORDER BY seq {dialect.Limit("@take")}", new { after, take },
            cancellationToken: ct))).ToList();

    /// <summary>One change by its position (null when it does not exist).</summary>
    public static async Task<WebhookChange?> LoadAsync(DbConnection connection, DbTransaction? tx, long seq, CancellationToken ct) =>
        await connection.QuerySingleOrDefaultAsync<WebhookChange>(new CommandDefinition(
            $"SELECT {Columns} FROM entity_changes WHERE seq = @seq", new { seq }, tx, cancellationToken: ct));
}
