using System.Text.RegularExpressions;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Raumnetz.Domain.Common;
using Raumnetz.Infrastructure.Data;

namespace Raumnetz.Api.Http;

/// <summary>
/// The one place that turns exceptions into RFC 9457 problem+json: 400 with field errors, 403, 404, 409, 412, 413,
/// 503 when the database is away. Anything else is our fault (500, logged, no details leaked). Every title and message
/// comes from the catalogue (<see cref="Text"/>) in the request's language (<see cref="Languages"/>).
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Map(exception, context);
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Route} (trace {TraceId})", context.Request.Method,
                RequestLogMiddleware.RouteTemplate(context), RequestTrace.Id(context));
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = Messages.Title_ServerError,
                Detail = Messages.Detail_ServerError,
            };
        }
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // One line per request, no stack trace: an outage produces many of these.
            logger.LogWarning("Database unavailable for {Method} {Route} (trace {TraceId}): {Error}: {Message}", context.Request.Method,
                RequestLogMiddleware.RouteTemplate(context), RequestTrace.Id(context), exception.GetType().Name, exception.Message);
            context.Response.Headers.RetryAfter = "5";
        }
        if (exception is TooManyAttemptsException tooMany) context.Response.Headers.RetryAfter = ((int)Math.Ceiling(tooMany.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    internal static ProblemDetails? Map(Exception exception, HttpContext context) => exception switch
    {
        ValidationException v => WithCodes(Validation(v.Errors.GroupBy(e => FieldName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray())), v),
        InvalidFieldException f => Validation(new() { [f.Field] = [f.Message] }),
        NotFoundException n => Problem(404, Messages.Title_NotFound, n.Message),
        ConflictException c when c.Field is not null => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [c.Field] = [c.Message] })
            { Status = 409, Title = Messages.Title_Conflict, Detail = c.Message },
        ConflictException c => Problem(409, Messages.Title_Conflict, c.Message),
        StaleVersionException s => Problem(412, Messages.Title_PreconditionFailed, s.Message),
        PreconditionRequiredException p => Problem(428, Messages.Title_PreconditionRequired, p.Message),
        ForbiddenException f => Problem(403, Messages.Title_Forbidden, f.Message),
        PasswordChangeRequiredException p => new ProblemDetails
            { Status = 403, Title = Messages.Title_PasswordChangeRequired, Detail = p.Message, Extensions = { ["code"] = "passwordChangeRequired" } },
        LoginFailedException l => Problem(401, Messages.Title_SignInFailed, l.Message),
        TooManyAttemptsException t => Problem(429, Messages.Title_TooManyAttempts, t.Message),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => TooLarge(context),
        BadHttpRequestException b => BadRequest(b),
        _ when TransientFaults.IsUnavailable(exception) => Problem(503, Messages.Title_DatabaseUnavailable,
            HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? Messages.Detail_DatabaseUnavailableRead : Messages.Detail_DatabaseUnavailableWrite),
        OperationCanceledException when context.RequestAborted.IsCancellationRequested => Problem(499, Messages.Title_ClientClosedRequest, Messages.Detail_RequestCancelled),
        _ => null,
    };

    /// <summary>413 naming the endpoint's body limit (in the text and as "limit" in bytes).</summary>
    private static ProblemDetails TooLarge(HttpContext context)
    {
        var limit = BodySizeLimitMiddleware.LimitOf(context);
        var problem = Problem(413, Messages.Title_BodyTooLarge, limit % 1_048_576 == 0
            ? Text.Format(Messages.Detail_BodyTooLargeMiB, limit / 1_048_576, limit)
            : Text.Format(Messages.Detail_BodyTooLargeBytes, limit));
        problem.Extensions["limit"] = limit;
        return problem;
    }

    private static ProblemDetails BadRequest(BadHttpRequestException b)
    {
        if (b.StatusCode == StatusCodes.Status413PayloadTooLarge)
            return Problem(413, Messages.Title_BodyTooLarge, Messages.Detail_BodyTooLarge);
        if (b.InnerException is JsonException json) return Validation(JsonErrors(json), b.StatusCode);
        var match = ParameterName().Match(b.Message);
        // A parameter bound from a property ([AsParameters] ListParameters) is named by the property: camelCase it as the query spells it.
        var name = match.Success ? JsonNamingPolicy.CamelCase.ConvertName(match.Groups["name"].Value) : "request";
        var message = b.Message.Contains("Required parameter", StringComparison.Ordinal) ? Text.Format(Messages.Field_Required, name) : Text.Format(Messages.Field_InvalidValue, name);
        if (b.Message.Contains("Implicit body inferred", StringComparison.Ordinal) || b.Message.Contains("request body", StringComparison.OrdinalIgnoreCase))
        {
            name = "body";
            message = b.Message.Contains("Content-Type", StringComparison.OrdinalIgnoreCase) || b.Message.Contains("content type", StringComparison.OrdinalIgnoreCase)
                ? Messages.Field_BodyMustBeJson : Messages.Field_BodyRequired;
        }
        return Validation(new() { [name] = [message] }, b.StatusCode);
    }

    /// <summary>
    /// Stable codes of the product's own rules (outlier, proportionOutOfRange, outsideSpaceValidity, ...) beside the
    /// messages, as 'codes': { field: [code] }, so that a client can react to them in any language.
    /// </summary>
    private static HttpValidationProblemDetails WithCodes(HttpValidationProblemDetails problem, ValidationException v)
    {
        var coded = v.Errors.Where(e => Equals(e.CustomState, Raumnetz.Domain.Indicators.FieldProblem.StateMarker)).ToList();
        if (coded.Count > 0)
            problem.Extensions["codes"] = coded.GroupBy(e => FieldName(e.PropertyName)).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorCode).Distinct().ToArray());
        return problem;
    }

    /// <summary>
    /// The field errors for a body the strict reader refused (<see cref="StrictJson"/>), keyed by the camelCase field
    /// path ("links[0].type"): the serializer's path names the field, or the object that lacks required properties.
    /// </summary>
    internal static Dictionary<string, string[]> JsonErrors(JsonException json)
    {
        var at = json.Path is { Length: > 1 } path ? JsonPathToField(path) : "";
        string In(string name) => at.Length == 0 ? name : $"{at}.{name}";
        var message = json.Message;
        if (json is NullEntryException entry)
            return new() { [In(entry.Field)] = [Text.Format(Messages.Field_NotNull, entry.Field)] };
        if (MissingRequired().Match(message) is { Success: true } missing)
            return QuotedName().Matches(missing.Groups["names"].Value).Select(m => m.Groups[1].Value)
                .ToDictionary(In, name => new[] { Text.Format(Messages.Field_Required, name) });
        var field = at.Length == 0 ? "body" : at;
        var last = field[(field.LastIndexOf('.') + 1)..];
        string text;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal)) text = Text.Format(Messages.Field_UnknownProperty, last);
        else if (message.StartsWith("Duplicate property", StringComparison.Ordinal)) text = Text.Format(Messages.Field_Duplicate, last);
        else if (message.Contains("doesn't allow setting null", StringComparison.Ordinal)) text = Text.Format(Messages.Field_NotNull, last);
        else if (message.Contains("could not be converted", StringComparison.Ordinal)) text = Messages.Field_WrongType;
        else text = Messages.Field_MalformedJson;
        return new() { [field] = [text] };
    }

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    private static HttpValidationProblemDetails Validation(Dictionary<string, string[]> errors, int status = 400) => new(errors)
    {
        Status = status,
        Title = Messages.Title_Invalid,
        Detail = Messages.Detail_Invalid,
    };

    /// <summary>"Features[0].Properties.Code" → "features[0].properties.code".</summary>
    internal static string FieldName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));

    /// <summary>"$.parent.name" → "parent.name"; "$['x']" → "x".</summary>
    private static string JsonPathToField(string path) => path.TrimStart('$').TrimStart('.').Replace("['", ".").Replace("']", "").TrimStart('.') is { Length: > 0 } f ? f : "body";

    [GeneratedRegex("missing required properties including: (?<names>.*)$", RegexOptions.Singleline)]
    private static partial Regex MissingRequired();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedName();

    [GeneratedRegex("parameter \"(?:[^\" ]+ )?(?<name>[^\" ]+)\"")]
    private static partial Regex ParameterName();
}
