using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Webhooks;

/// <summary>
/// Delivers the changes feed to webhook subscriptions: for each active subscription that is due, this instance takes its lease
/// (one UPDATE that succeeds only when no other instance holds it), reads the changes after the subscription's position,
/// sends those matching its event types one at a time in feed order, and advances the position only after a 2xx. A failure
/// schedules the same event again with growing delays (<see cref="WebhookRetrySchedule"/>), kept in the database so a
/// restart continues the schedule; after the retry window the subscription is disabled with the reason. The delivery log
/// records every attempt. The dispatcher writes bookkeeping only, outside commands, so it records nothing in the feed.
/// </summary>
public sealed partial class WebhookDispatcher(IDbConnectionFactory db, IWebhookSender sender, IWebhookSecrets secrets,
    WebhookOptions options, TimeProvider clock, ILogger<WebhookDispatcher> logger)
{
    /// <summary>The reason shown for a subscription an administrator paused.</summary>
    public static string PausedReason => Messages.Webhooks_Paused;

    /// <summary>This instance's name in leased_by.</summary>
    public string Instance { get; } = $"{Truncate(Environment.MachineName, 50)}/{Guid.NewGuid():N}";

    private sealed record Subscription
    {
        public Guid Id { get; init; }
        public string Url { get; init; } = "";
        public string EventTypes { get; init; } = "[]";
        public string Secret { get; init; } = "";
        public long LastSeq { get; init; }
        public int Attempts { get; init; }
        public DateTimeOffset? FailingSince { get; init; }
    }

    /// <summary>One round: every due subscription this instance can lease. Returns how many events were delivered.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.ReadAsync(async (connection, c) =>
        {
            var head = await WebhookFeed.HeadAsync(connection, null, c);
            return (await connection.QueryAsync<Guid>(new CommandDefinition("""
                SELECT id FROM webhook_subscriptions
                WHERE active = @yes AND last_seq < @head AND (next_attempt_at IS NULL OR next_attempt_at <= @now)
                    AND (leased_until IS NULL OR leased_until < @now)
                ORDER BY id
                """, new { yes = true, head, now }, cancellationToken: c))).ToList();
        }, ct);
        var delivered = 0;
        foreach (var id in due)
        {
            ct.ThrowIfCancellationRequested();
            if (!await LeaseAsync(id, ct)) continue;
            try
            {
                delivered += await DeliverAsync(id, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                RoundFailed(logger, id, e.GetType().Name, e.Message);
            }
            finally
            {
                await ReleaseAsync(id);
            }
        }
        return delivered;
    }

    private async Task<bool> LeaseAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await WriteAsync("""
            UPDATE webhook_subscriptions SET leased_by = @me, leased_until = @until
            WHERE id = @id AND active = @yes AND (leased_until IS NULL OR leased_until < @now)
            """, new { id, me = Instance, until = now + options.EffectiveLease, now, yes = true }, ct) == 1;
    }

    private async Task ReleaseAsync(Guid id) =>
        await WriteAsync("UPDATE webhook_subscriptions SET leased_by = NULL, leased_until = NULL WHERE id = @id AND leased_by = @me",
            new { id, me = Instance }, CancellationToken.None);

    /// <summary>Stores the position and renews the lease; false when the lease was lost or the subscription paused meanwhile.</summary>
    private async Task<bool> HoldAsync(Guid id, long position, CancellationToken ct) =>
        await WriteAsync("""
            UPDATE webhook_subscriptions SET last_seq = @position, leased_until = @until
            WHERE id = @id AND leased_by = @me AND active = @yes
            """, new { id, position, me = Instance, until = clock.GetUtcNow() + options.EffectiveLease, yes = true }, ct) == 1;

    private async Task<int> DeliverAsync(Guid id, CancellationToken ct)
    {
        var sub = await db.ReadAsync((connection, c) => connection.QuerySingleOrDefaultAsync<Subscription>(new CommandDefinition("""
            SELECT id, url, event_types, secret, last_seq, attempts, failing_since FROM webhook_subscriptions
            WHERE id = @id AND leased_by = @me
            """, new { id, me = Instance }, cancellationToken: c)), ct);
        if (sub is null) return 0;
        var types = new WebhookReads.SubscriptionRow { EventTypes = sub.EventTypes }.Types;
        var secret = secrets.Unprotect(sub.Secret);
        var position = sub.LastSeq;
        var delivered = 0;
        while (true)
        {
            var changes = await db.ReadAsync((connection, c) =>
                WebhookFeed.ReadAfterAsync(connection, db.Dialect, position, options.BatchSize, c), ct);
            foreach (var change in changes)
            {
                if (!WebhookEvents.Matches(types, change.Type))
                {
                    position = change.Seq;
                    continue;
                }
                if (!await HoldAsync(id, position, ct)) return delivered;
                var now = clock.GetUtcNow();
                var eventId = WebhookEvents.EventId(change.Seq);
                var result = await sender.SendAsync(sub.Url, secret, eventId, now, WebhookEvents.Payload(change), ct);
                var attempt = sub.Attempts + 1;
                if (result.Succeeded)
                {
                    position = change.Seq;
                    await RecordAsync(change, eventId, attempt, result, now, """
                        UPDATE webhook_subscriptions SET last_seq = @position, attempts = 0, next_attempt_at = NULL, failing_since = NULL
                        WHERE id = @id AND leased_by = @me
                        """, new { id, position, me = Instance }, ct);
                    sub = sub with { Attempts = 0, FailingSince = null };
                    delivered++;
                    continue;
                }
                var failingSince = sub.FailingSince ?? now;
                if (WebhookRetrySchedule.Exhausted(failingSince, now, options))
                {
                    var reason = Text.Format(Messages.Webhooks_DisabledAfterFailures, attempt, eventId,
                        result.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? result.Error ?? "");
                    await RecordAsync(change, eventId, attempt, result, now, """
                        UPDATE webhook_subscriptions SET last_seq = @position, attempts = @attempt, active = @no, disabled_reason = @reason,
                            disabled_at = @now, next_attempt_at = NULL, version = version + 1, updated_at = @now
                        WHERE id = @id AND leased_by = @me
                        """, new { id, position, attempt, no = false, reason = Truncate(reason, 1000), now, me = Instance }, ct);
                    Disabled(logger, id, attempt);
                }
                else
                {
                    var next = now + WebhookRetrySchedule.DelayAfter(attempt, options, Random.Shared.NextDouble());
                    await RecordAsync(change, eventId, attempt, result, now, """
                        UPDATE webhook_subscriptions SET last_seq = @position, attempts = @attempt, next_attempt_at = @next,
                            failing_since = @failingSince
                        WHERE id = @id AND leased_by = @me
                        """, new { id, position, attempt, next, failingSince, me = Instance }, ct);
                }
                return delivered;
            }
            if (changes.Count < options.BatchSize) break;
        }
        await HoldAsync(id, position, ct);
        return delivered;

        async Task RecordAsync(WebhookChange change, string eventId, int attempt, WebhookAttemptResult result, DateTimeOffset at,
            string update, object parameters, CancellationToken c)
        {
            await using var connection = await db.OpenAsync(c);
            await using var tx = await connection.BeginTransactionAsync(c);
            await WebhookLog.WriteAsync(connection, tx, id, change.Seq, eventId, change.Type, attempt, manual: false, result, at, c);
            await connection.ExecuteAsync(new CommandDefinition(update, parameters, tx, cancellationToken: c));
            await tx.CommitAsync(c);
        }
    }

    private async Task<int> WriteAsync(string sql, object parameters, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: ct));
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Webhook subscription {Id}: delivery round failed ({Error}: {Detail}); trying again later")]
    private static partial void RoundFailed(ILogger logger, Guid id, string error, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook subscription {Id} disabled after {Attempts} failed attempts")]
    private static partial void Disabled(ILogger logger, Guid id, int attempts);
}
