namespace Raumnetz.Application.Webhooks;

/// <summary>
/// A webhook subscription as an administrator sees it: never its secret. <see cref="Position"/> is the sequence number of the
/// last change the subscriber acknowledged (or skipped as not matching); <see cref="Attempts"/> and
/// <see cref="NextAttemptAt"/> describe the retry schedule of the event it is stuck on, if any.
/// </summary>
public record WebhookSubscriptionDto
{
    public Guid Id { get; init; }
    public string Url { get; init; } = "";
    /// <summary>Event types such as actor.create, actor.* or *.</summary>
    public IReadOnlyList<string> EventTypes { get; init; } = [];
    public string? Description { get; init; }
    /// <summary>False after an administrator paused it or after deliveries failed for longer than the retry window.</summary>
    public bool Active { get; init; }
    /// <summary>Why the subscription is disabled (null while active).</summary>
    public string? DisabledReason { get; init; }
    public DateTimeOffset? DisabledAt { get; init; }
    /// <summary>The changes feed's sequence number up to which events were delivered.</summary>
    public long Position { get; init; }
    /// <summary>Failed attempts at the current event (0 when nothing is pending).</summary>
    public int Attempts { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }
    /// <summary>When the current run of failures began (null when the last delivery succeeded).</summary>
    public DateTimeOffset? FailingSince { get; init; }
    public string CreatedBy { get; init; } = "";
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A new subscription: <see cref="Secret"/> (whsec_...) is shown this once and cannot be retrieved again.</summary>
public sealed record CreatedWebhookSubscriptionDto : WebhookSubscriptionDto
{
    public string Secret { get; init; } = "";
}

/// <summary>One attempt at delivering one event (a log entry).</summary>
public sealed record WebhookDeliveryDto
{
    public Guid Id { get; init; }
    public Guid SubscriptionId { get; init; }
    /// <summary>The changes feed's sequence number of the event (0 for a ping).</summary>
    public long Seq { get; init; }
    /// <summary>The webhook-id header: the same for every attempt at one event.</summary>
    public string EventId { get; init; } = "";
    public string EventType { get; init; } = "";
    /// <summary>1 for the first attempt, counting on with each retry; manual redeliveries and pings count from 1 on their own.</summary>
    public int Attempt { get; init; }
    /// <summary>Sent on an administrator's request (redelivery or ping), not by the dispatcher.</summary>
    public bool Manual { get; init; }
    /// <summary>The receiver's status code (null when no response came: timeout, refused connection, forbidden address).</summary>
    public int? StatusCode { get; init; }
    public int DurationMs { get; init; }
    /// <summary>The start of the response body (at most 1 KB).</summary>
    public string? ResponseExcerpt { get; init; }
    public string? Error { get; init; }
    public bool Succeeded { get; init; }
    public DateTimeOffset AttemptedAt { get; init; }
}

/// <summary>Configuration of webhooks (Raumnetz__Webhooks__*).</summary>
public sealed class WebhookOptions
{
    /// <summary>Accept targets in private, loopback, link-local and unique-local ranges (default false).</summary>
    public bool AllowPrivateTargets { get; set; }
    /// <summary>Accept loopback targets only (127.0.0.0/8, ::1): for tests and a receiver on the same machine (default false).</summary>
    public bool AllowLoopbackTargets { get; set; }
    /// <summary>Accept http:// targets; null means only in the Development environment.</summary>
    public bool? AllowHttp { get; set; }
    /// <summary>Run the dispatcher in this instance (default true).</summary>
    public bool Dispatcher { get; set; } = true;
    /// <summary>How often the dispatcher looks for due events (default 2 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>Time a receiver has to answer one delivery (default 10 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>How long an instance holds a subscription while it delivers (renewed per event; default 60 s).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>Delay before the first retry; doubled with each failure (default 30 s).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>The longest delay between two retries (default 2 h).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(2);
    /// <summary>How long an event is retried before the subscription is disabled (default 26 h, at least a day).</summary>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromHours(26);
    /// <summary>Events read per round for one subscription (default 100).</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>The lease actually used: long enough to outlast a delivery that runs into its timeout.</summary>
    public TimeSpan EffectiveLease => Lease > Timeout * 2 ? Lease : Timeout * 2;
}

/// <summary>Checks webhook target addresses (scheme, and the addresses its host resolves to).</summary>
public interface IWebhookTargets
{
    /// <summary>
    /// Throws <see cref="Domain.Common.InvalidFieldException"/> naming <paramref name="field"/> when the URL may not be a target.
    /// </summary>
    Task CheckAsync(string url, string field, CancellationToken ct);
}

/// <summary>What one delivery attempt came to.</summary>
public sealed record WebhookAttemptResult(int? StatusCode, int DurationMs, string? ResponseExcerpt, string? Error)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

/// <summary>Sends one signed event (Standard Webhooks headers) to a target, with the timeout, no redirects and the address check.</summary>
public interface IWebhookSender
{
    Task<WebhookAttemptResult> SendAsync(string url, string secret, string eventId, DateTimeOffset timestamp, string body,
        CancellationToken ct);
}

/// <summary>Keeps signing secrets unreadable at rest (ASP.NET Data Protection in Infrastructure).</summary>
public interface IWebhookSecrets
{
    string Protect(string secret);
    string Unprotect(string stored);
}
