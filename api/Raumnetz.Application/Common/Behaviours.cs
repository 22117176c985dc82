using System.Diagnostics;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Raumnetz.Application.Common;

/// <summary>
/// Logs every request's name and duration at Debug: the API's one Information line per HTTP request already carries the
/// duration, and a GET sends several requests (session or key lookup, the query). Only the type name is logged, never
/// the request itself: commands carry passwords and tokens.
/// </summary>
public sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        // Debug is off in production: then no clock, no argument array and no boxing per request (build/bench, pipeline).
        if (!logger.IsEnabled(LogLevel.Debug)) return await next();
        var name = typeof(TRequest).Name;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            logger.LogDebug("Handled {Request} in {Elapsed} ms", name, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception e)
        {
            logger.LogDebug("{Request} failed after {Elapsed} ms: {Error}", name, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                e.GetType().Name);
            throw;
        }
    }
}

/// <summary>Runs every FluentValidation validator of the request; failures become a 400 with field errors.</summary>
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        List<FluentValidation.Results.ValidationFailure>? failures = null; // most queries have no validator: nothing to allocate
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            if (result.Errors.Count > 0) (failures ??= []).AddRange(result.Errors);
        }
        if (failures is not null) throw new ValidationException(failures);
        return await next();
    }
}
