using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using Raumnetz.Api.Security;
using Raumnetz.Domain.Common;

namespace Raumnetz.Api.Http;

/// <summary>Request limits per minute (section <c>Raumnetz:RateLimits</c>).</summary>
public sealed class RateLimitOptions
{
    /// <summary>Off: no limits and no RateLimit headers (benchmarks).</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>Requests a minute per signed-in account (session cookie or the identity provider's bearer token).</summary>
    public int PerUserPerMinute { get; set; } = 1200;
    /// <summary>Requests a minute per API key without a limit of its own (<c>rateLimitPerMinute</c> of the key).</summary>
    public int PerKeyPerMinute { get; set; } = 600;
    /// <summary>Requests a minute per client address (IPv6: its /64) without credentials.</summary>
    public int AnonymousPerMinute { get; set; } = 300;
}

/// <summary>
/// Fixed one-minute windows aligned to the clock (a window ends at every full minute UTC), one counter per caller, held in
/// this instance's memory: several instances behind a load balancer each count on their own, so a caller can make up
/// to the limit times the number of instances. Chosen over System.Threading.RateLimiting's limiters because the
/// <c>RateLimit</c> header and <c>Retry-After</c> must say exactly when the window ends, which those do not expose.
/// </summary>
public sealed class RequestQuotas(TimeProvider clock)
{
    public const int WindowSeconds = 60;
    private const int SweepEvery = 4096;
    private readonly ConcurrentDictionary<string, Counter> counters = new(StringComparer.Ordinal);
    private long calls;

    /// <summary>Counts a request of <paramref name="partition"/> against <paramref name="limit"/>.</summary>
    public QuotaDecision Take(string partition, int limit)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var window = now / WindowSeconds;
        var reset = (int)((window + 1) * WindowSeconds - now);
        if (Interlocked.Increment(ref calls) % SweepEvery == 0) Sweep(window);
        var counter = counters.GetOrAdd(partition, static _ => new Counter());
        lock (counter)
        {
            if (counter.Window != window)
            {
                counter.Window = window;
                counter.Count = 0;
            }
            if (counter.Count >= limit) return new QuotaDecision(false, limit, 0, reset);
            counter.Count++;
            return new QuotaDecision(true, limit, limit - counter.Count, reset);
        }
    }

    /// <summary>Forgets callers whose window has ended, so the map holds only the current minute's callers.</summary>
    private void Sweep(long window)
    {
        foreach (var (key, counter) in counters)
            if (Volatile.Read(ref counter.Window) < window) counters.TryRemove(new KeyValuePair<string, Counter>(key, counter));
    }

    private sealed class Counter
    {
        public long Window = -1;
        public int Count;
    }
}

/// <summary>Whether a request may pass; what is left of the quota and in how many seconds the window ends.</summary>
public readonly record struct QuotaDecision(bool Allowed, int Limit, int Remaining, int ResetSeconds);

/// <summary>
/// Request quotas of the API (<c>/api/</c> and <c>/hsds/</c>, not the documentation's files): per API key (its own limit
/// or <see cref="RateLimitOptions.PerKeyPerMinute"/>), per signed-in account, and per client address for requests without
/// credentials. Runs after authentication, so it knows the caller. Every counted response carries the IETF
/// <c>RateLimit-Policy</c> and <c>RateLimit</c> headers (draft-ietf-httpapi-ratelimit-headers); a request over the limit
/// gets 429 problem+json with <c>Retry-After</c> (the seconds until the window ends) and does not reach the endpoint.
/// </summary>
public sealed class QuotaMiddleware(RequestDelegate next, RequestQuotas quotas, Startup.RaumnetzOptions options)
{
    /// <summary>Claim of an API key that has a request limit of its own.</summary>
    public const string KeyLimitClaim = "raumnetz:rate-limit";

    public Task InvokeAsync(HttpContext context) =>
        options.RateLimits.Enabled && Counted(context.Request.Path) ? CountedAsync(context, options.RateLimits) : next(context);

    private async Task CountedAsync(HttpContext context, RateLimitOptions limits)
    {
        var (policy, partition, limit, caller) = Caller(context, limits);
        var decision = quotas.Take(partition, Math.Max(1, limit));
        context.Response.OnStarting(static state =>
        {
            var (http, name, d) = ((HttpContext, string, QuotaDecision))state;
            var headers = http.Response.Headers;
            headers["RateLimit-Policy"] =
                string.Create(CultureInfo.InvariantCulture, $"\"{name}\";q={d.Limit};w={RequestQuotas.WindowSeconds}");
            headers["RateLimit"] = string.Create(CultureInfo.InvariantCulture, $"\"{name}\";r={d.Remaining};t={d.ResetSeconds}");
            return Task.CompletedTask;
        }, (context, policy, decision));
        if (decision.Allowed)
        {
            await next(context);
            return;
        }
        context.Response.Headers.RetryAfter = decision.ResetSeconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: Messages.Title_TooManyRequests,
            detail: Text.Format(Messages.Quota_Exceeded, caller, decision.Limit, decision.ResetSeconds)).ExecuteAsync(context);
    }

    internal static bool Counted(PathString path) =>
        (path.StartsWithSegments("/api") && !path.StartsWithSegments(OpenApi.ApiDocs.Path)) || path.StartsWithSegments("/hsds");

    private static (string Policy, string Partition, int Limit, string Caller) Caller(HttpContext context, RateLimitOptions limits)
    {
        var user = context.User;
        var id = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (id is null)
            return ("per-address", "address:" + ClientAddress.Of(context), limits.AnonymousPerMinute, Messages.Quota_ForAddress);
        if (user.FindFirstValue(AuthSchemes.AuthMethodClaim) == AuthSchemes.ApiKey)
        {
            var own = int.TryParse(user.FindFirstValue(KeyLimitClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value : (int?)null;
            return ("per-key", "key:" + id, own ?? limits.PerKeyPerMinute, Messages.Quota_ForKey);
        }
        return ("per-user", "user:" + id, limits.PerUserPerMinute, Messages.Quota_ForUser);
    }
}
