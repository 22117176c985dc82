using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.ActorRelations;
using Raumnetz.Application.Actors;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Actors;

namespace Raumnetz.Api.Endpoints;

public static class ActorsEndpoints
{
    public static void MapActorsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/actors").WithTags("Actors").RequireAuthorization(Policies.Read);
        group.MapGet("/", ListActors).WithName(nameof(ListActors)).Sorted(ListActorsQuery.Sorts)
            .WithSummary(
                "List actors sorted by name, with filters (kind, type, sector, social space with its sub-spaces, text) and keyset " +
                "pagination.").Errors(400);
        group.MapGet("/{id}", GetActor).WithName(nameof(GetActor))
            .WithSummary("One actor with its spaces and tags; returns its ETag.").Errors(400, 404);
        group.MapPost("/", CreateActor).WithName(nameof(CreateActor)).RequireAuthorization(Policies.Write)
            .WithSummary("Create an organisation or a person.").Errors(400, 409, 413).Idempotent();
        group.MapPut("/{id}", UpdateActor).WithName(nameof(UpdateActor)).RequireAuthorization(Policies.Write)
            .WithSummary("Replace the fields of an actor (If-Match with its ETag); spaceIds and tags are kept when null.")
                .Errors(400, 404, 409, 412, 413);
        group.MapPost("/{id}/archive", ArchiveActor).WithName(nameof(ArchiveActor)).RequireAuthorization(Policies.Write)
            .WithSummary(
                "Archive an actor: it keeps its relations but is hidden from the list unless includeArchived=true (If-Match honoured).")
                .Errors(400, 404, 412);
        group.MapPost("/{id}/restore", RestoreActor).WithName(nameof(RestoreActor)).RequireAuthorization(Policies.Write)
            .WithSummary("Restore an archived actor (If-Match honoured).").Errors(400, 404, 412);
        group.MapGet("/{id}/relations", ListActorRelations).WithName(nameof(ListActorRelations)).Sorted(ListActorRelationsQuery.Sorts)
            .WithSummary("The relations of an actor in both directions (outgoing and incoming), sorted by the other actor's name.")
                .Errors(400, 404);
    }

    /// <param name="kind">Only organisations or only persons.</param>
    /// <param name="type">Only actors of this type (code from the actor types list).</param>
    /// <param name="sector">Only actors of this sector.</param>
    /// <param name="spaceId">Only actors working in this social space or in a space below it.</param>
    /// <param name="q">Text contained in the name or short name.</param>
    /// <param name="includeArchived">Include archived actors (default false).</param>
    /// <param name="list">Paging, sort, total and modifiedAfter (shared by every list).</param>
    public static async Task<Ok<Page<ActorDto>>> ListActors(IMediator mediator, [EnumQuery(typeof(ActorKind))] string? kind, string? type,
        [EnumQuery(typeof(Sector))] string? sector, Guid? spaceId, string? q, bool? includeArchived, [AsParameters] ListParameters list,
            CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListActorsQuery(
            EnumQuery.Parse<ActorKind>(kind, nameof(kind)), type, EnumQuery.Parse<Sector>(sector, nameof(sector)), spaceId, q,
            includeArchived ?? false, list.Options), ct));

    public static async Task<Ok<ActorDto>> GetActor(Guid id, IMediator mediator, HttpContext context)
    {
        var actor = await mediator.Send(new GetActorQuery(id), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(actor, actor.Version));
    }

    public static async Task<Created<ActorDto>> CreateActor(CreateActorCommand request, IMediator mediator, HttpContext context)
    {
        var actor = await mediator.Send(request, context.RequestAborted);
        return EndpointConventions.CreatedAt(context, $"/api/v1/actors/{actor.Id}", actor, actor.Version);
    }

    public static async Task<Ok<ActorDto>> UpdateActor(Guid id, UpdateActorRequest body, IMediator mediator, HttpContext context)
    {
        var actor = await mediator.Send(new UpdateActorCommand(body) { Id = id, ExpectedVersion = ETags.IfMatch(context.Request) },
            context.RequestAborted);
        return TypedResults.Ok(context.WithETag(actor, actor.Version));
    }

    public static async Task<Ok<ActorDto>> ArchiveActor(Guid id, IMediator mediator, HttpContext context)
    {
        var actor = await mediator.Send(new ArchiveActorCommand(id, ETags.IfMatch(context.Request)), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(actor, actor.Version));
    }

    public static async Task<Ok<ActorDto>> RestoreActor(Guid id, IMediator mediator, HttpContext context)
    {
        var actor = await mediator.Send(new RestoreActorCommand(id, ETags.IfMatch(context.Request)), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(actor, actor.Version));
    }

    /// <param name="id">The actor.</param>
    /// <param name="list">Paging, sort, total and modifiedAfter (shared by every list).</param>
    public static async Task<Ok<Page<ActorRelationItem>>> ListActorRelations(Guid id, IMediator mediator,
        [AsParameters] ListParameters list, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListActorRelationsQuery(id, list.Options), ct));
}

// Request bodies: the endpoints above turn them into commands with what the route and headers carry (IBodyOf).
// No XML comments here: they would become descriptions in the OpenAPI document.
public sealed record UpdateActorRequest : ActorFields, IBodyOf<UpdateActorCommand>;
