using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.Verification;

namespace Raumnetz.Api.Endpoints;

/// <summary>Keeping the inventory current: verifying services and the queue of services due for it.</summary>
public static class VerificationEndpoints
{
    public static void MapVerificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/services").WithTags("Verification").RequireAuthorization(Policies.Read);
        group.MapGet("/verification-queue", ListVerificationQueue).WithName(nameof(ListVerificationQueue))
            .Sorted(ListVerificationQueueQuery.Sorts)
            .WithSummary(
                "Services overdue for verification on the reference day (on, default today): never verified, or verified on + interval " +
                "(default twelve months) lies before the day; includeDue=true adds those due on the day. Never verified first, then by " +
                "due day.").Errors(400);
        group.MapPost("/{id}/verify", VerifyService).WithName(nameof(VerifyService)).RequireAuthorization(Policies.Write)
            .WithSummary(
                "Mark a service as verified (If-Match with its ETag): verified on today (or the day given) by the caller, with an " +
                "optional note; the verification is kept in its history and the service gets a new ETag.").Errors(400, 404, 409, 412, 413);
    }

    /// <param name="on">The reference day (yyyy-MM-dd); today when omitted.</param>
    /// <param name="includeDue">Also list services due on the reference day itself (default false: only overdue ones).</param>
    /// <param name="spaceId">Only services standing in (their locations) or serving this space or a space below it.</param>
    /// <param name="operatorActorId">Only services run by this actor.</param>
    /// <param name="list">Paging, sort, total and modifiedAfter (shared by every list).</param>
    public static async Task<Ok<VerificationQueueDto>> ListVerificationQueue(IMediator mediator, DateOnly? on, bool? includeDue,
        Guid? spaceId, Guid? operatorActorId, [AsParameters] ListParameters list, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(
            new ListVerificationQueueQuery(on, includeDue ?? false, spaceId, operatorActorId, list.Options), ct));

    public static async Task<Ok<VerificationDto>> VerifyService(Guid id, VerifyServiceRequest body, IMediator mediator, HttpContext context)
    {
        var verification = await mediator.Send(new VerifyServiceCommand
        {
            ServiceId = id, ExpectedVersion = ETags.IfMatch(context.Request), VerifiedOn = body.VerifiedOn, Note = body.Note,
        }, context.RequestAborted);
        return TypedResults.Ok(context.WithETag(verification, verification.ServiceVersion));
    }
}

// Request bodies: the endpoints above turn them into commands with what the route and headers carry (IBodyOf).
// No XML comments here: they would become descriptions in the OpenAPI document.
public sealed record VerifyServiceRequest : IBodyOf<VerifyServiceCommand>
{
    public DateOnly? VerifiedOn { get; init; }
    public string? Note { get; init; }
}
