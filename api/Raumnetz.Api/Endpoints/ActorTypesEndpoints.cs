using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.ActorTypes;

namespace Raumnetz.Api.Endpoints;

/// <summary>The editable list of actor types: everyone who may read sees it, writers add and rename entries.</summary>
public static class ActorTypesEndpoints
{
    public static void MapActorTypesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/actor-types").WithTags("ActorTypes").RequireAuthorization(Policies.Read);
        group.MapGet("/", ListActorTypes).WithName(nameof(ListActorTypes))
            .WithSummary("All actor types with German and English names, sorted by German name.");
        group.MapGet("/{code}", GetActorType).WithName(nameof(GetActorType))
            .WithSummary("One actor type; returns its ETag.").Errors(404);
        group.MapPost("/", CreateActorType).WithName(nameof(CreateActorType)).RequireAuthorization(Policies.Write)
            .WithSummary("Add an actor type to the list (409 when the code exists).").Errors(400, 409, 413).Idempotent();
        group.MapPut("/{code}", UpdateActorType).WithName(nameof(UpdateActorType)).RequireAuthorization(Policies.Write)
            .WithSummary("Rename an actor type (If-Match with its ETag); the code stays.").Errors(400, 404, 412, 413);
    }

    public static async Task<Ok<IReadOnlyList<ActorTypeDto>>> ListActorTypes(IMediator mediator, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListActorTypesQuery(), ct));

    public static async Task<Ok<ActorTypeDto>> GetActorType(string code, IMediator mediator, HttpContext context)
    {
        var type = await mediator.Send(new GetActorTypeQuery(code), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(type, type.Version));
    }

    public static async Task<Created<ActorTypeDto>> CreateActorType(CreateActorTypeCommand request, IMediator mediator, HttpContext context)
    {
        var type = await mediator.Send(request, context.RequestAborted);
        return EndpointConventions.CreatedAt(context, $"/api/v1/actor-types/{Uri.EscapeDataString(type.Code)}", type, type.Version);
    }

    public static async Task<Ok<ActorTypeDto>> UpdateActorType(string code, UpdateActorTypeRequest body, IMediator mediator,
        HttpContext context)
    {
        var type = await mediator.Send(new UpdateActorTypeCommand(body) { Code = code, ExpectedVersion = ETags.IfMatch(context.Request) },
            context.RequestAborted);
        return TypedResults.Ok(context.WithETag(type, type.Version));
    }
}

// Request bodies: the endpoints above turn them into commands with what the route and headers carry (IBodyOf).
// No XML comments here: they would become descriptions in the OpenAPI document.
public sealed record UpdateActorTypeRequest : ActorTypeFields, IBodyOf<UpdateActorTypeCommand>;
