using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Raumnetz.Api.Http;

/// <summary>
/// One Information line per request, in the category <see cref="Category"/>: method, route template, status, duration
/// and trace id. The route template (<c>/api/v1/networks/{id}/calendar.ics</c>) rather than the path keeps ids out and
/// the query string (the calendar feed's token) too; headers, cookies and bodies are never read. Outermost in the
/// pipeline, so it sees the status the exception handler chose and times everything.
/// </summary>
public sealed partial class RequestLogMiddleware(RequestDelegate next, ILoggerFactory loggers)
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
            Handled(logger, context.Request.Method, RouteTemplate(context), status,
                Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1), RequestTrace.Id(context));
        }
    }

    /// <summary>The matched endpoint's route pattern; after an exception the handler has cleared it, but its feature keeps it.</summary>
    internal static string? RouteTemplate(HttpContext context) =>
        (context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint) is RouteEndpoint endpoint
            ? endpoint.RoutePattern.RawText
            : null;

    [LoggerMessage(EventId = 1, EventName = "Request", Level = LogLevel.Information,
        Message = "{Method} {Route} {Status} in {DurationMs} ms (trace {TraceId})")]
    private static partial void Handled(ILogger logger, string method, string? route, int status, double durationMs, string traceId);
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
