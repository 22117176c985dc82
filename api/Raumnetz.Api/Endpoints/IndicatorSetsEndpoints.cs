using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.Common;
using Raumnetz.Application.IndicatorSets;

namespace Raumnetz.Api.Endpoints;

public static class IndicatorSetsEndpoints
{
    public static void MapIndicatorSetsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/indicator-sets").WithTags("Indicator sets").RequireAuthorization(Policies.Read);
        group.MapGet("/", ListIndicatorSets).WithName(nameof(ListIndicatorSets)).Sorted(ListIndicatorSetsQuery.Sorts)
            .WithSummary("List indicator sets sorted by name, filtered by network and text, with keyset pagination.").Errors(400);
        group.MapGet("/{id}", GetIndicatorSet).WithName(nameof(GetIndicatorSet))
            .WithSummary("One indicator set with its ordered indicators; flags sets with more than seven. Returns its ETag.").Errors(400, 404);
        group.MapPost("/", CreateIndicatorSet).WithName(nameof(CreateIndicatorSet)).RequireAuthorization(Policies.Write)
            .WithSummary("Create an indicator set with an ordered list of indicators.").Errors(400, 413);
        group.MapPut("/{id}", UpdateIndicatorSet).WithName(nameof(UpdateIndicatorSet)).RequireAuthorization(Policies.Write)
            .WithSummary("Replace name, purpose, network and indicators of a set (If-Match with its ETag).").Errors(400, 404, 412, 413);
        group.MapDelete("/{id}", DeleteIndicatorSet).WithName(nameof(DeleteIndicatorSet)).RequireAuthorization(Policies.Write)
            .WithSummary("Delete an indicator set with its baselines and targets; indicators and values stay.").Errors(400, 404, 412);
        group.MapGet("/{id}/goals", GetIndicatorSetGoals).WithName(nameof(GetIndicatorSetGoals))
            .WithSummary("Baselines and targets of the set's indicators per space.").Errors(400, 404);
        group.MapPut("/{id}/goals", SetIndicatorSetGoals).WithName(nameof(SetIndicatorSetGoals)).RequireAuthorization(Policies.Write)
            .WithSummary("Set baseline and targets for the listed indicator and space pairs (others keep theirs; If-Match with the set's ETag).").Errors(400, 404, 412, 413);
        group.MapGet("/{id}/evaluation", EvaluateIndicatorSet).WithName(nameof(EvaluateIndicatorSet))
            .WithSummary("For a space and period: each indicator's value (measured or aggregated), change against previous period and baseline, target attainment and comparison with the parent or a reference space.").Errors(400, 404);
    }

    /// <param name="networkId">Only sets owned by this network.</param>
    /// <param name="q">Text contained in the name.</param>
    /// <param name="list">Paging, sort, total and modifiedAfter (shared by every list).</param>
    public static async Task<Ok<Page<IndicatorSetDto>>> ListIndicatorSets(IMediator mediator, Guid? networkId, string? q, [AsParameters] ListParameters list, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListIndicatorSetsQuery(networkId, q, list.Options), ct));

    public static async Task<Ok<IndicatorSetDto>> GetIndicatorSet(Guid id, IMediator mediator, HttpContext context)
    {
        var set = await mediator.Send(new GetIndicatorSetQuery(id), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(set, set.Version));
    }

    public static async Task<Created<IndicatorSetDto>> CreateIndicatorSet(CreateIndicatorSetCommand request, IMediator mediator, HttpContext context)
    {
        var set = await mediator.Send(request, context.RequestAborted);
        return EndpointConventions.CreatedAt(context, $"/api/v1/indicator-sets/{set.Id}", set, set.Version);
    }

    public static async Task<Ok<IndicatorSetDto>> UpdateIndicatorSet(Guid id, UpdateIndicatorSetRequest body, IMediator mediator, HttpContext context)
    {
        var set = await mediator.Send(new UpdateIndicatorSetCommand(body) { Id = id, ExpectedVersion = ETags.IfMatch(context.Request) }, context.RequestAborted);
        return TypedResults.Ok(context.WithETag(set, set.Version));
    }

    public static async Task<NoContent> DeleteIndicatorSet(Guid id, IMediator mediator, HttpContext context)
    {
        await mediator.Send(new DeleteIndicatorSetCommand(id, ETags.IfMatch(context.Request)), context.RequestAborted);
        return TypedResults.NoContent();
    }

    /// <param name="id">The indicator set.</param>
    /// <param name="spaceId">Only the goals of this space.</param>
    public static async Task<Ok<IndicatorGoalList>> GetIndicatorSetGoals(Guid id, Guid? spaceId, IMediator mediator, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new GetIndicatorSetGoalsQuery(id, spaceId), ct));

    public static async Task<Ok<IndicatorGoalList>> SetIndicatorSetGoals(Guid id, SetIndicatorSetGoalsRequest body, IMediator mediator, HttpContext context)
        => TypedResults.Ok(await mediator.Send(new SetIndicatorSetGoalsCommand { Id = id, ExpectedVersion = ETags.IfMatch(context.Request), Goals = body.Goals }, context.RequestAborted));

    /// <param name="id">The indicator set.</param>
    /// <param name="spaceId">The space to evaluate.</param>
    /// <param name="period">The period to evaluate (2024, 2024-H1, 2024-Q2 or 2024-05).</param>
    /// <param name="referenceSpaceId">Compare with this space instead of the parent (for example the city as a whole).</param>
    public static async Task<Ok<IndicatorSetEvaluation>> EvaluateIndicatorSet(Guid id, Guid spaceId, string period, Guid? referenceSpaceId, IMediator mediator, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new EvaluateIndicatorSetQuery(id, spaceId, period, referenceSpaceId), ct));
}

// Request bodies: the endpoints above turn them into commands with what the route and headers carry (IBodyOf).
// No XML comments here: they would become descriptions in the OpenAPI document.
public sealed record UpdateIndicatorSetRequest : IndicatorSetFields, IBodyOf<UpdateIndicatorSetCommand>;

public sealed record SetIndicatorSetGoalsRequest : IBodyOf<SetIndicatorSetGoalsCommand>
{
    public IReadOnlyCollection<IndicatorGoalDto> Goals { get; init; } = [];
}
