using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.Common;
using Raumnetz.Application.InventoryRounds;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Api.Endpoints;

/// <summary>Inventory rounds (Bestandsaufnahmen): a region checked in a period, its progress and what changed since the last one.</summary>
public static class InventoryRoundsEndpoints
{
    public static void MapInventoryRoundsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/inventory-rounds").WithTags("InventoryRounds").RequireAuthorization(Policies.Read);
        group.MapGet("/", ListInventoryRounds).WithName(nameof(ListInventoryRounds)).Sorted(ListInventoryRoundsQuery.Sorts)
            .WithSummary("List inventory rounds sorted by name, filtered by region (with the spaces below it), status and text.")
                .Errors(400);
        group.MapGet("/{id}", GetInventoryRound).WithName(nameof(GetInventoryRound))
            .WithSummary("One inventory round with its assignments; returns its ETag.").Errors(400, 404);
        group.MapPost("/", CreateInventoryRound).WithName(nameof(CreateInventoryRound)).RequireAuthorization(Policies.Write)
            .WithSummary(
                "Start an inventory round for a region (a space and the spaces below it) and period, assigning spaces or categories to " +
                "responsible actors; it remembers the services it finds there now.").Errors(400, 413).Idempotent();
        group.MapPut("/{id}", UpdateInventoryRound).WithName(nameof(UpdateInventoryRound)).RequireAuthorization(Policies.Write)
            .WithSummary("Replace name, period, note and assignments of a round (If-Match with its ETag); its region stays.")
                .Errors(400, 404, 412, 413);
        group.MapPost("/{id}/close", CloseInventoryRound).WithName(nameof(CloseInventoryRound)).RequireAuthorization(Policies.Write)
            .WithSummary("Close a round (If-Match with its ETag): its final state is kept and later rounds compare with it.")
                .Errors(400, 404, 409, 412);
        group.MapGet("/{id}/progress", GetInventoryRoundProgress).WithName(nameof(GetInventoryRoundProgress))
            .WithSummary(
                "Progress of a round: each service of the region as pending, verified, changed, closed or new, counted overall and per " +
                "responsible actor.").Errors(400, 404);
        group.MapGet("/{id}/changes", GetInventoryRoundChanges).WithName(nameof(GetInventoryRoundChanges))
            .WithSummary(
                "What changed in the region since the previous round: services added, changed (with the fields), closed and removed.")
                .Errors(400, 404);
    }

    /// <param name="spaceId">Only rounds of this space or a space below it.</param>
    /// <param name="status">Only open or only closed rounds.</param>
    /// <param name="q">Text contained in the name.</param>
    /// <param name="list">Paging, sort, total and modifiedAfter (shared by every list).</param>
    public static async Task<Ok<Page<InventoryRoundDto>>> ListInventoryRounds(IMediator mediator, Guid? spaceId,
        [EnumQuery(typeof(InventoryRoundStatus))] string? status, string? q, [AsParameters] ListParameters list, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListInventoryRoundsQuery(spaceId,
            EnumQuery.Parse<InventoryRoundStatus>(status, nameof(status)), q, list.Options), ct));

    public static async Task<Ok<InventoryRoundDto>> GetInventoryRound(Guid id, IMediator mediator, HttpContext context)
    {
        var round = await mediator.Send(new GetInventoryRoundQuery(id), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(round, round.Version));
    }

    public static async Task<Created<InventoryRoundDto>> CreateInventoryRound(CreateInventoryRoundCommand request, IMediator mediator,
        HttpContext context)
    {
        var round = await mediator.Send(request, context.RequestAborted);
        return EndpointConventions.CreatedAt(context, $"/api/v1/inventory-rounds/{round.Id}", round, round.Version);
    }

    public static async Task<Ok<InventoryRoundDto>> UpdateInventoryRound(Guid id, UpdateInventoryRoundRequest body, IMediator mediator,
        HttpContext context)
    {
        var round = await mediator.Send(new UpdateInventoryRoundCommand(body) { Id = id, ExpectedVersion = ETags.IfMatch(context.Request) },
            context.RequestAborted);
        return TypedResults.Ok(context.WithETag(round, round.Version));
    }

    public static async Task<Ok<InventoryRoundDto>> CloseInventoryRound(Guid id, IMediator mediator, HttpContext context)
    {
        var round = await mediator.Send(new CloseInventoryRoundCommand(id, ETags.IfMatch(context.Request)), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(round, round.Version));
    }

    public static async Task<Ok<InventoryRoundProgressDto>> GetInventoryRoundProgress(Guid id, IMediator mediator, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new GetInventoryRoundProgressQuery(id), ct));

    public static async Task<Ok<InventoryRoundChangesDto>> GetInventoryRoundChanges(Guid id, IMediator mediator, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new GetInventoryRoundChangesQuery(id), ct));
}

// Request bodies: the endpoints above turn them into commands with what the route and headers carry (IBodyOf).
// No XML comments here: they would become descriptions in the OpenAPI document.
public sealed record UpdateInventoryRoundRequest : InventoryRoundFields, IBodyOf<UpdateInventoryRoundCommand>;
