using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.Assessments;
using Raumnetz.Application.Common;

namespace Raumnetz.Api.Endpoints;

public static class AssessmentsEndpoints
{
    public static void MapAssessmentsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/assessments").WithTags("Assessments").RequireAuthorization(Policies.Read);
        // Individual ratings (who rated what) are for editors and above: viewers and analysts read only the summary, which
        // small-number protection covers (Disclosure).
        group.MapGet("/", ListAssessments).WithName(nameof(ListAssessments)).Sorted(ListAssessmentsQuery.Sorts).RequireAuthorization(Policies.Write)
            .WithSummary("List ratings of soft factors in the order they were made, filtered by indicator, space, period and actor.").Errors(400);
        group.MapGet("/summary", GetAssessmentSummary).WithName(nameof(GetAssessmentSummary))
            .WithSummary("The ratings of a soft factor for a space and period: count, mean, median and distribution over the scale.").Errors(400);
        group.MapGet("/{id}", GetAssessment).WithName(nameof(GetAssessment)).RequireAuthorization(Policies.Write)
            .WithSummary("One rating; returns its ETag.").Errors(400, 404);
        group.MapPost("/", CreateAssessment).WithName(nameof(CreateAssessment)).RequireAuthorization(Policies.Write)
            .WithSummary("Rate a soft factor for a space and period, as a member actor or anonymously; the measurement is recomputed.").Errors(400, 413);
        group.MapPut("/{id}", UpdateAssessment).WithName(nameof(UpdateAssessment)).RequireAuthorization(Policies.Write)
            .WithSummary("Change rating and comment (If-Match with its ETag); the measurement is recomputed.").Errors(400, 404, 412, 413);
        group.MapDelete("/{id}", DeleteAssessment).WithName(nameof(DeleteAssessment)).RequireAuthorization(Policies.Write)
            .WithSummary("Delete a rating (If-Match honoured); the measurement is recomputed.").Errors(400, 404, 412);
    }

    /// <param name="indicatorId">Only ratings of this indicator.</param>
    /// <param name="spaceId">Only ratings of this space.</param>
    /// <param name="period">Only ratings of this period.</param>
    /// <param name="actorId">Only ratings by this actor.</param>
    /// <param name="list">Paging, sort, total and modifiedAfter (shared by every list).</param>
    public static async Task<Ok<Page<AssessmentDto>>> ListAssessments(IMediator mediator, Guid? indicatorId, Guid? spaceId, string? period, Guid? actorId, [AsParameters] ListParameters list, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListAssessmentsQuery(indicatorId, spaceId, period, actorId, list.Options), ct));

    /// <param name="indicatorId">The rating indicator.</param>
    /// <param name="spaceId">The space.</param>
    /// <param name="period">The period.</param>
    public static async Task<Ok<AssessmentSummaryDto>> GetAssessmentSummary(IMediator mediator, Guid indicatorId, Guid spaceId, string period, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new GetAssessmentSummaryQuery(indicatorId, spaceId, period), ct));

    public static async Task<Ok<AssessmentDto>> GetAssessment(Guid id, IMediator mediator, HttpContext context)
    {
        var a = await mediator.Send(new GetAssessmentQuery(id), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(a, a.Version));
    }

    public static async Task<Created<AssessmentDto>> CreateAssessment(CreateAssessmentCommand request, IMediator mediator, HttpContext context)
    {
        var a = await mediator.Send(request, context.RequestAborted);
        return EndpointConventions.CreatedAt(context, $"/api/v1/assessments/{a.Id}", a, a.Version);
    }

    public static async Task<Ok<AssessmentDto>> UpdateAssessment(Guid id, UpdateAssessmentRequest body, IMediator mediator, HttpContext context)
    {
        var a = await mediator.Send(new UpdateAssessmentCommand { Id = id, ExpectedVersion = ETags.IfMatch(context.Request), Rating = body.Rating, Comment = body.Comment }, context.RequestAborted);
        return TypedResults.Ok(context.WithETag(a, a.Version));
    }

    public static async Task<NoContent> DeleteAssessment(Guid id, IMediator mediator, HttpContext context)
    {
        await mediator.Send(new DeleteAssessmentCommand(id, ETags.IfMatch(context.Request)), context.RequestAborted);
        return TypedResults.NoContent();
    }
}

// Request bodies: the endpoints above turn them into commands with what the route and headers carry (IBodyOf).
// No XML comments here: they would become descriptions in the OpenAPI document.
public sealed record UpdateAssessmentRequest : IBodyOf<UpdateAssessmentCommand>
{
    public int Rating { get; init; }
    public string? Comment { get; init; }
}
