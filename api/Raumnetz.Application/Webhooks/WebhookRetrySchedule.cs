namespace Raumnetz.Application.Webhooks;

/// <summary>
/// When a failed event is tried again: exponential back-off (the first delay doubled with every failure, capped) with up to
/// 20 % jitter, so receivers that come back after an outage are not hit by every subscription at once. After the retry
/// window (at least 24 hours of failures) the subscription is disabled.
/// </summary>
public static class WebhookRetrySchedule
{
    /// <summary>The delay after the <paramref name="failures"/>-th failed attempt (1 for the first).</summary>
    public static TimeSpan DelayAfter(int failures, WebhookOptions options, double jitter)
    {
        ArgumentNullException.ThrowIfNull(options);
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var ticks = Math.Min(options.RetryDelay.Ticks * Math.Pow(2, exponent), options.MaxRetryDelay.Ticks);
        return TimeSpan.FromTicks((long)(ticks * (1 + (0.2 * Math.Clamp(jitter, 0, 1)))));
    }

    /// <summary>Whether failures since <paramref name="failingSince"/> have used up the retry window at <paramref name="now"/>.</summary>
    public static bool Exhausted(DateTimeOffset failingSince, DateTimeOffset now, WebhookOptions options) =>
        now - failingSince >= options.RetryWindow;
}
