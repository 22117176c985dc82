using System.Data.Common;
using Dapper;

namespace Raumnetz.Application.Webhooks;

/// <summary>The delivery log (webhook_deliveries): one row per attempt, written by the dispatcher, redeliveries and pings.</summary>
public static class WebhookLog
{
    /// <summary>The longest response excerpt kept (1 KB of text).</summary>
    public const int MaxExcerpt = 1024;
    public const int MaxError = 1000;

    /// <summary>A subscription's URL and secret (protected) as the sender needs them.</summary>
    public sealed record Target
    {
        public Guid Id { get; init; }
        public string Url { get; init; } = "";
        public string Secret { get; init; } = "";
    }

    public static async Task<Target?> TargetAsync(DbConnection connection, DbTransaction? tx, Guid id, CancellationToken ct) =>
        await connection.QuerySingleOrDefaultAsync<Target>(new CommandDefinition(
            "SELECT id, url, secret FROM webhook_subscriptions WHERE id = @id", new { id }, tx, cancellationToken: ct));

    public static async Task<WebhookDeliveryDto> WriteAsync(DbConnection connection, DbTransaction? tx, Guid subscriptionId, long seq,
        string eventId, string eventType, int attempt, bool manual, WebhookAttemptResult result, DateTimeOffset attemptedAt,
        CancellationToken ct)
    {
        var delivery = new WebhookDeliveryDto
        {
            Id = Guid.CreateVersion7(), SubscriptionId = subscriptionId, Seq = seq, EventId = eventId, EventType = eventType,
            Attempt = attempt, Manual = manual, StatusCode = result.StatusCode, DurationMs = result.DurationMs,
            ResponseExcerpt = Cut(result.ResponseExcerpt, MaxExcerpt), Error = Cut(result.Error, MaxError), Succeeded = result.Succeeded,
            AttemptedAt = attemptedAt,
        };
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO webhook_deliveries (id, subscription_id, seq, event_id, event_type, attempt, manual, status_code, duration_ms,
                response_excerpt, error, succeeded, attempted_at)
            VALUES (@Id, @SubscriptionId, @Seq, @EventId, @EventType, @Attempt, @Manual, @StatusCode, @DurationMs, @ResponseExcerpt,
                @Error, @Succeeded, @AttemptedAt)
            """, delivery, tx, cancellationToken: ct));
        return delivery;
    }

    /// <summary>How many attempts at this event the log already holds for the subscription.</summary>
    public static async Task<int> AttemptsAsync(DbConnection connection, DbTransaction? tx, Guid subscriptionId, string eventId,
        CancellationToken ct) =>
        await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM webhook_deliveries WHERE subscription_id = @subscriptionId AND event_id = @eventId",
            new { subscriptionId, eventId }, tx, cancellationToken: ct));

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
