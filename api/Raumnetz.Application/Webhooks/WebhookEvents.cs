using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Raumnetz.Application.Webhooks;

/// <summary>One change of the changes feed (a row of entity_changes) as the dispatcher reads it.</summary>
public sealed record WebhookChange
{
    public long Seq { get; init; }
    public string EntityType { get; init; } = "";
    public string EntityId { get; init; } = "";
    public string Action { get; init; } = "";
    public long? Version { get; init; }
    /// <summary>The changed field names as the feed stores them (a JSON array).</summary>
    public string? Fields { get; init; }
    public DateTimeOffset OccurredAt { get; init; }

    public string Type => WebhookEvents.TypeOf(EntityType, Action);
}

/// <summary>Event types, event ids, payloads and secrets of webhooks (Standard Webhooks).</summary>
public static partial class WebhookEvents
{
    public const int MaxEventTypes = 20;
    public const int MaxEventType = 100;
    public const int MaxDescription = 500;
    public const string SecretPrefix = "whsec_";
    public const string PingType = "webhook.ping";

    /// <summary>"actor.create", "actor.*" or "*".</summary>
    [GeneratedRegex(@"^(\*|[a-zA-Z][a-zA-Z0-9]*\.(\*|[a-zA-Z][a-zA-Z0-9]*))$")]
    public static partial Regex TypePattern();

    public static string TypeOf(string entityType, string action) => $"{entityType}.{action}";

    /// <summary>Whether an event of <paramref name="type"/> ("actor.update") is one of <paramref name="subscribed"/>.</summary>
    public static bool Matches(IEnumerable<string> subscribed, string type)
    {
        var dot = type.IndexOf('.', StringComparison.Ordinal);
        var entity = dot < 0 ? type : type[..dot];
        foreach (var pattern in subscribed)
        {
            if (pattern == "*") return true;
            if (string.Equals(pattern, type, StringComparison.OrdinalIgnoreCase)) return true;
            if (pattern.EndsWith(".*", StringComparison.Ordinal)
                && string.Equals(pattern[..^2], entity, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>The webhook-id of an event: the same on every attempt and redelivery, so receivers can drop duplicates.</summary>
    public static string EventId(long seq) => $"evt_{seq}";

    /// <summary>The cursor of the changes feed (GET /api/v1/changes?after=) that continues after this event.</summary>
    public static string Cursor(long seq) => Changes.ChangeCursor.Encode(seq);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The body of an event: {type, timestamp, data:{entityType, entityId, action, version, fields, cursor}}.</summary>
    public static string Payload(WebhookChange change)
    {
        string[] fields;
        try
        {
            fields = string.IsNullOrEmpty(change.Fields) ? [] : JsonSerializer.Deserialize<string[]>(change.Fields) ?? [];
        }
        catch (JsonException)
        {
            fields = [];
        }
        return JsonSerializer.Serialize(new
        {
            type = change.Type,
            timestamp = change.OccurredAt.ToUniversalTime(),
            data = new
            {
                entityType = change.EntityType, entityId = change.EntityId, action = change.Action, version = change.Version, fields,
                cursor = Cursor(change.Seq),
            },
        }, Json);
    }

    /// <summary>The body of a ping: {type: "webhook.ping", timestamp, data:{subscriptionId}}.</summary>
    public static string PingPayload(Guid subscriptionId, DateTimeOffset now) =>
        JsonSerializer.Serialize(new { type = PingType, timestamp = now.ToUniversalTime(), data = new { subscriptionId } }, Json);

    /// <summary>A new signing secret: whsec_ and 32 random bytes in base64.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Whether a secret given by the administrator can sign: whsec_ and base64 of 24 to 64 bytes.</summary>
    public static bool IsValidSecret(string? secret)
    {
        if (secret is null || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal)) return false;
        var body = secret[SecretPrefix.Length..];
        var buffer = new byte[body.Length];
        return Convert.TryFromBase64String(body, buffer, out var written) && written is >= 24 and <= 64;
    }
}
