using System.Data.Common;
using System.Text.Json;
using Dapper;

namespace Raumnetz.Application.Webhooks;

/// <summary>Loads of webhook subscriptions and deliveries that several use cases share.</summary>
public sealed class WebhookReads
{
    internal const string Columns = """
        id, url, event_types, description, active, disabled_reason, disabled_at, last_seq, attempts, next_attempt_at,
        failing_since, created_by, version, created_at, updated_at
        """;

    internal const string DeliveryColumns = """
        id, subscription_id, seq, event_id, event_type, attempt, manual, status_code, duration_ms, response_excerpt, error,
        succeeded, attempted_at
        """;

    public async Task<WebhookSubscriptionDto?> LoadAsync(DbConnection connection, DbTransaction? tx, Guid id, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<SubscriptionRow>(new CommandDefinition(
            $"SELECT {Columns} FROM webhook_subscriptions WHERE id = @id", new { id }, tx, cancellationToken: ct));
        return row?.ToDto();
    }

    public async Task<WebhookDeliveryDto?> LoadDeliveryAsync(DbConnection connection, DbTransaction? tx, Guid subscriptionId, Guid id,
        CancellationToken ct) =>
        await connection.QuerySingleOrDefaultAsync<WebhookDeliveryDto>(new CommandDefinition(
            $"SELECT {DeliveryColumns} FROM webhook_deliveries WHERE id = @id AND subscription_id = @subscriptionId",
            new { id, subscriptionId }, tx, cancellationToken: ct));

    /// <summary>The row as stored: event types as a JSON array.</summary>
    internal sealed record SubscriptionRow
    {
        public Guid Id { get; init; }
        public string Url { get; init; } = "";
        public string EventTypes { get; init; } = "[]";
        public string? Description { get; init; }
        public bool Active { get; init; }
        public string? DisabledReason { get; init; }
        public DateTimeOffset? DisabledAt { get; init; }
        public long LastSeq { get; init; }
        public int Attempts { get; init; }
        public DateTimeOffset? NextAttemptAt { get; init; }
        public DateTimeOffset? FailingSince { get; init; }
        public string CreatedBy { get; init; } = "";
        public long Version { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }

        public IReadOnlyList<string> Types => JsonSerializer.Deserialize<string[]>(EventTypes) ?? [];

        public WebhookSubscriptionDto ToDto() => new()
        {
            Id = Id, Url = Url, EventTypes = Types, Description = Description, Active = Active, DisabledReason = DisabledReason,
            DisabledAt = DisabledAt, Position = LastSeq, Attempts = Attempts, NextAttemptAt = NextAttemptAt, FailingSince = FailingSince,
            CreatedBy = CreatedBy, Version = Version, CreatedAt = CreatedAt, UpdatedAt = UpdatedAt,
        };
    }

    internal static string TypesJson(IEnumerable<string> types) =>
        JsonSerializer.Serialize(types.Distinct(StringComparer.Ordinal).ToArray());
}
