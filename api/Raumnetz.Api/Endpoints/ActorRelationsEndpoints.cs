using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.ActorRelations;

namespace Raumnetz.Api.Endpoints;

public static class ActorRelationsEndpoints
{
    public static void MapActorRelationsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/actor-relations").WithTags("ActorRelations").RequireAuthorization(Policies.Read);
        group.MapPost("/", CreateActorRelation).WithName(nameof(CreateActorRelation)).RequireAuthorization(Policies.Write)
            .WithSummary(
                "Create a typed, directed relation between two actors (409 when the same source, target, type and start date exist).")
            .Errors(400, 409, 413).Idempotent();
        group.MapGet("/{id}", GetActorRelation).WithName(nameof(GetActorRelation))
            .WithSummary("One relation with both actors' names; returns its ETag.").Errors(400, 404);
        group.MapPut("/{id}", UpdateActorRelation).WithName(nameof(UpdateActorRelation)).RequireAuthorization(Policies.Write)
            .WithSummary("Replace the fields of a relation (If-Match with its ETag).").Errors(400, 404, 409, 412, 413);
        group.MapDelete("/{id}", DeleteActorRelation).WithName(nameof(DeleteActorRelation)).RequireAuthorization(Policies.Write)
            .WithSummary("Delete a relation (If-Match honoured); to record that it ended, set validTo instead.").Errors(400, 404, 412);
    }

    public static async Task<Created<ActorRelationDto>> CreateActorRelation(CreateActorRelationCommand request, IMediator mediator,
        HttpContext context)
    {
        var relation = await mediator.Send(request, context.RequestAborted);
        return EndpointConventions.CreatedAt(context, $"/api/v1/actor-relations/{relation.Id}", relation, relation.Version);
    }

    public static async Task<Ok<ActorRelationDto>> GetActorRelation(Guid id, IMediator mediator, HttpContext context)
    {
        var relation = await mediator.Send(new GetActorRelationQuery(id), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(relation, relation.Version));
    }

    public static async Task<Ok<ActorRelationDto>> UpdateActorRelation(Guid id, UpdateActorRelationRequest body, IMediator mediator,
        HttpContext context)
    {
        var relation = await mediator.Send(
            new UpdateActorRelationCommand(body) { Id = id, ExpectedVersion = ETags.IfMatch(context.Request) }, context.RequestAborted);
        return TypedResults.Ok(context.WithETag(relation, relation.Version));
    }

    public static async Task<NoContent> DeleteActorRelation(Guid id, IMediator mediator, HttpContext context)
    {
        await mediator.Send(new DeleteActorRelationCommand(id, ETags.IfMatch(context.Request)), context.RequestAborted);
        return TypedResults.NoContent();
    }
}

// Request bodies: the endpoints above turn them into commands with what the route and headers carry (IBodyOf).
// No XML comments here: they would become descriptions in the OpenAPI document.
public sealed record UpdateActorRelationRequest : ActorRelationFields, IBodyOf<UpdateActorRelationCommand>;
