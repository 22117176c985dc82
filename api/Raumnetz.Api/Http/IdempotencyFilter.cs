using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Raumnetz.Application.Common;
using Raumnetz.Application.Idempotency;
using Raumnetz.Domain.Common;

namespace Raumnetz.Api.Http;

/// <summary>Marks an endpoint whose POST honours the Idempotency-Key header (the OpenAPI document shows it).</summary>
public sealed class IdempotentEndpointMetadata
{
    public static readonly IdempotentEndpointMetadata Instance = new();
    private IdempotentEndpointMetadata() { }
}

public static class IdempotencyConventions
{
    /// <summary>
    /// Makes a creating POST safe to retry: with an Idempotency-Key header, the first successful response is stored
    /// and a retry with the same key and the same request gets it again without running the handler.
    /// </summary>
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder builder)
    {
        builder.WithMetadata(IdempotentEndpointMetadata.Instance);
        builder.AddEndpointFilter<IdempotencyFilter>();
        // The filter runs after the body was bound, so the body must be buffered before that to be read again for the hash.
        builder.Finally(endpoint =>
        {
            if (endpoint.RequestDelegate is not { } inner) return;
            endpoint.RequestDelegate = context =>
            {
                if (context.Request.Headers.ContainsKey(IdempotencyFilter.HeaderName)) context.Request.EnableBuffering();
                return inner(context);
            };
        });
        return builder;
    }
}

/// <summary>
/// Idempotency-Key (1 to 100 characters) for POSTs that create something. The key is remembered per principal for
/// 24 hours together with a SHA-256 hash of method, path, query and body and the successful (2xx) response:
/// the same key with the same request replays that response (status, Location, body; header Idempotent-Replayed: true),
/// the same key with a different request is refused with 422. The key is reserved (a pending record, committed on its
/// own) before the work starts, so of concurrent requests with the key exactly one does the work; the others wait up to
/// <see cref="Wait"/> for its response and replay it, or get 409 with Retry-After while it is still at work. A failed
/// request releases the key, so it can be retried.
/// </summary>
public sealed class IdempotencyFilter(IMediator mediator, ICurrentUser user, IOptions<JsonOptions> json, ILogger<IdempotencyFilter> logger) : IEndpointFilter
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>How long a request waits for a concurrent one with the same key before it answers 409.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(HeaderName, out var values)) return await next(context);
        var key = values.ToString().Trim();
        if (values.Count != 1 || key.Length is 0 or > Limits.IdempotencyKey)
            throw new InvalidFieldException(HeaderName, Text.Format(Messages.Field_IdempotencyKey, HeaderName, Limits.IdempotencyKey));

        var ct = http.RequestAborted;
        var hash = await HashAsync(http.Request, ct);
        var started = Stopwatch.GetTimestamp();
        while (!await mediator.Send(new ReserveIdempotencyKeyCommand(key, user.Principal, hash), ct))
        {
            var stored = await mediator.Send(new FindIdempotentResponseQuery(key, user.Principal), ct);
            if (stored is not null && stored.RequestHash != hash)
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: Messages.Title_IdempotencyKeyReused, detail: Text.Format(Messages.Detail_IdempotencyKeyReused, HeaderName, key));
            if (stored is { Pending: false }) return new ReplayResult(stored);
            // Null: the request holding the key failed and released it just now; the loop reserves it again.
            if (stored is not null && Stopwatch.GetElapsedTime(started) >= Wait)
            {
                http.Response.Headers.RetryAfter = "1";
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: Messages.Title_IdempotencyKeyInProgress, detail: Text.Format(Messages.Detail_IdempotencyKeyInProgress, HeaderName, key));
            }
            await Task.Delay(PollInterval, ct);
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await ReleaseAsync(key);
            throw;
        }
        if (Capture(result) is not { } response)
        {
            await ReleaseAsync(key);
            return result;
        }
        var body = response.Value is null ? null : JsonSerializer.Serialize(response.Value, response.Value.GetType(), json.Value.SerializerOptions);
        try
        {
            // Not cancelled with the request: a client that gave up after the work was done is exactly the one that retries.
            await mediator.Send(new SaveIdempotentResponseCommand(key, user.Principal, hash, response.Status, response.Location,
                body is null ? null : "application/json; charset=utf-8", body), CancellationToken.None);
        }
        catch (Exception e)
        {
            // The work is done and committed; failing the response now would invite the very retry that repeats it.
            logger.LogWarning(e, "Could not store the response for Idempotency-Key {Key} of {Principal}", key, user.Principal);
        }
        return result;
    }

    /// <summary>Gives the key up after a failed request (not cancelled with the request: the key must not stay blocked).</summary>
    private async Task ReleaseAsync(string key)
    {
        try
        {
            await mediator.Send(new ReleaseIdempotencyKeyCommand(key, user.Principal), CancellationToken.None);
        }
        catch (Exception e)
        {
            // The reservation then expires after IdempotentResponse.ReservationLifetime.
            logger.LogWarning(e, "Could not release Idempotency-Key {Key} of {Principal}", key, user.Principal);
        }
    }

    /// <summary>SHA-256 (hex) of method, path with query and the raw body.</summary>
    internal static async Task<string> HashAsync(HttpRequest request, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}{request.QueryString}\n"));
        if (!request.Body.CanSeek) throw new InvalidOperationException("The request body is not buffered; map the endpoint with Idempotent().");
        request.Body.Position = 0;
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0) sha.AppendData(buffer, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>The status, Location and value of a successful result; null for anything that is not stored.</summary>
    private static (int Status, string? Location, object? Value)? Capture(object? result)
    {
        if (result is IStatusCodeHttpResult { StatusCode: { } status })
        {
            if (status is < 200 or > 299) return null;
            var location = result.GetType().GetProperty("Location")?.GetValue(result) as string;
            return (status, location, (result as IValueHttpResult)?.Value);
        }
        return result is null or IResult ? null : (StatusCodes.Status200OK, null, result);
    }

    /// <summary>Writes a stored response again, exactly as it was stored.</summary>
    private sealed class ReplayResult(IdempotentResponse stored) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => stored.StatusCode;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = stored.StatusCode;
            response.Headers[ReplayedHeader] = "true";
            if (stored.Location is not null) response.Headers.Location = stored.Location;
            if (stored.Body is null) return;
            response.ContentType = stored.ContentType ?? "application/json; charset=utf-8";
            await response.WriteAsync(stored.Body, httpContext.RequestAborted);
        }
    }
}
