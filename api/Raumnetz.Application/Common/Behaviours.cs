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
        var name = typeof(TRequest).Name;
        var watch = Stopwatch.StartNew();
        try
        {
            var response = await next();
            logger.LogDebug("Handled {Request} in {Elapsed} ms", name, watch.ElapsedMilliseconds);
            return response;
        }
        catch (Exception e)
        {
            logger.LogDebug("{Request} failed after {Elapsed} ms: {Error}", name, watch.ElapsedMilliseconds, e.GetType().Name);
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
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors);
        }
        if (failures.Count > 0) throw new ValidationException(failures);
        return await next();
    }
}
