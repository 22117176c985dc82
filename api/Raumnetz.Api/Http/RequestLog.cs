using System.Collections;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Raumnetz.Api.Http;

/// <summary>
/// One Information line per request, in the category <see cref="Category"/>: method, route template, status, duration
/// and trace id. The route template (<c>/api/v1/networks/{id}/calendar.ics</c>) rather than the path keeps ids out and
/// the query string (the calendar feed's token) too; headers, cookies and bodies are never read. Outermost in the
/// pipeline, so it sees the status the exception handler chose and times everything. The entry is a
/// <see cref="RequestLogEntry"/>, which the console writer (Startup/ConsoleLines.cs) turns into its JSON line directly.
/// </summary>
public sealed class RequestLogMiddleware(RequestDelegate next, ILoggerFactory loggers)
{
    public const string Category = "Raumnetz.Requests";

    /// <summary>ASP.NET Core's own request start and finish lines, with the full URL and query string (kept at Warning, Program.cs).</summary>
    public const string FrameworkRequestCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    private readonly ILogger logger = loggers.CreateLogger(Category);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            await next(context);
            return;
        }
        var started = Stopwatch.GetTimestamp();
        var status = 0;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        catch
        {
            status = StatusCodes.Status500InternalServerError; // escaped even the exception handler: the server answers 500
            throw;
        }
        finally
        {
            var entry = new RequestLogEntry(context.Request.Method, RouteTemplate(context), status,
                Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1), RequestTrace.Id(context));
            logger.Log(LogLevel.Information, RequestLogEntry.Event, entry, null, RequestLogEntry.Format);
        }
    }

    /// <summary>The matched endpoint's route pattern; after an exception the handler has cleared it, but its feature keeps it.</summary>
    internal static string? RouteTemplate(HttpContext context) =>
        (context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint) is RouteEndpoint endpoint
            ? endpoint.RoutePattern.RawText
            : null;
}

/// <summary>
/// The request line's state: the same properties, message and <c>{OriginalFormat}</c> a <c>[LoggerMessage]</c> with
/// <see cref="OriginalFormat"/> would give every logging provider, without its formatting by a template at run time.
/// </summary>
public readonly struct RequestLogEntry(string method, string? route, int status, double durationMs, string traceId)
    : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string OriginalFormat = "{Method} {Route} {Status} in {DurationMs} ms (trace {TraceId})";

    public static readonly EventId Event = new(1, "Request");

    public static readonly Func<RequestLogEntry, Exception?, string> Format = static (entry, _) => entry.ToString();

    public string Method { get; } = method;
    public string? Route { get; } = route;
    public int Status { get; } = status;
    public double DurationMs { get; } = durationMs;
    public string TraceId { get; } = traceId;

    public int Count => 6;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("Method", Method),
        1 => new("Route", Route),
        2 => new("Status", Status),
        3 => new("DurationMs", DurationMs),
        4 => new("TraceId", TraceId),
        5 => new("{OriginalFormat}", OriginalFormat),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>The message as the template formats it: invariant culture, <c>(null)</c> for a request without a route.</summary>
    public bool TryFormatMessage(Span<char> destination, out int written) =>
        destination.TryWrite(CultureInfo.InvariantCulture,
            $"{Method} {Route ?? "(null)"} {Status} in {DurationMs} ms (trace {TraceId})", out written);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Method} {Route ?? "(null)"} {Status} in {DurationMs} ms (trace {TraceId})");

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// The id that ties a request's log line, its problem+json <c>traceId</c> and its OpenTelemetry trace together: the W3C
/// trace id of the request's activity (which honours an incoming <c>traceparent</c>), else ASP.NET Core's request id.
/// </summary>
public static class RequestTrace
{
    public static string Id(HttpContext context) =>
        context.Features.Get<IHttpActivityFeature>()?.Activity is { } activity ? activity.TraceId.ToHexString() : context.TraceIdentifier;
}
