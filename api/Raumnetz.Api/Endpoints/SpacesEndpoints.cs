using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.Common;
using Raumnetz.Application.Spaces;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.Api.Endpoints;

public static class SpacesEndpoints
{
    public static void MapSpacesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/spaces").WithTags("Spaces").RequireAuthorization(Policies.Read);
        group.MapGet("/", ListSpaces).WithName(nameof(ListSpaces)).Sorted(ListSpacesQuery.Sorts)
            .WithSummary("List social spaces sorted by name, with filters and keyset pagination.").Errors(400);
        group.MapGet("/tree", GetSpaceTree).WithName(nameof(GetSpaceTree))
            .WithSummary("The whole hierarchy of social spaces in one call.").Errors(400);
        group.MapGet("/{id}", GetSpace).WithName(nameof(GetSpace))
            .WithSummary("One social space with predecessors and successors; returns its ETag.").Errors(400, 404);
        group.MapPost("/", CreateSpace).WithName(nameof(CreateSpace)).RequireAuthorization(Policies.Write)
            .WithSummary("Create a social space.").Errors(400, 409, 413).Idempotent();
        group.MapPut("/{id}", UpdateSpace).WithName(nameof(UpdateSpace)).RequireAuthorization(Policies.Write)
            .WithSummary("Replace the fields of a social space (If-Match with its ETag).").Errors(400, 404, 409, 412, 413);
        group.MapPost("/{id}/end", EndSpace).WithName(nameof(EndSpace)).RequireAuthorization(Policies.Write)
            .WithSummary("End a social space on a date; it stays in the history with everything that references it.").Errors(400, 404, 412);
        group.MapDelete("/{id}", DeleteSpace).WithName(nameof(DeleteSpace)).RequireAuthorization(Policies.Write)
            .WithSummary("Delete a social space that nothing references (409 otherwise: end it instead).").Errors(400, 404, 409, 412);
        group.MapPost("/import", ImportSpaces).WithName(nameof(ImportSpaces)).RequireAuthorization(Policies.Write).BodyLimit(Limits.ImportBody)
            .WithSummary("Import a GeoJSON FeatureCollection of spaces (code, name, level, parentCode in properties); all or nothing.").Errors(400, 413).Idempotent();
    }

    /// <param name="level">Only spaces on this level.</param>
    /// <param name="parentId">Only direct children of this space.</param>
    /// <param name="q">Text contained in the name or code.</param>
    /// <param name="validOn">Only spaces valid on this day (yyyy-MM-dd).</param>
    /// <param name="list">Paging, sort, total and modifiedAfter (shared by every list).</param>
    public static async Task<Ok<Page<SpaceDto>>> ListSpaces(IMediator mediator, [EnumQuery(typeof(SpaceLevel))] string? level, Guid? parentId, string? q, DateOnly? validOn, [AsParameters] ListParameters list, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListSpacesQuery(EnumQuery.Parse<SpaceLevel>(level, nameof(level)), parentId, q, validOn, list.Options), ct));

    /// <param name="validOn">Only spaces valid on this day (yyyy-MM-dd).</param>
    public static async Task<Ok<IReadOnlyList<SpaceTreeNode>>> GetSpaceTree(IMediator mediator, DateOnly? validOn, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new GetSpaceTreeQuery(validOn), ct));

    public static async Task<Ok<SpaceDto>> GetSpace(Guid id, IMediator mediator, HttpContext context)
    {
        var space = await mediator.Send(new GetSpaceQuery(id), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(space, space.Version));
    }

    public static async Task<Created<SpaceDto>> CreateSpace(CreateSpaceCommand request, IMediator mediator, HttpContext context)
    {
        var space = await mediator.Send(request, context.RequestAborted);
        return EndpointConventions.CreatedAt(context, $"/api/v1/spaces/{space.Id}", space, space.Version);
    }

    public static async Task<Ok<SpaceDto>> UpdateSpace(Guid id, UpdateSpaceRequest body, IMediator mediator, HttpContext context)
    {
        var space = await mediator.Send(new UpdateSpaceCommand(body) { Id = id, ExpectedVersion = ETags.IfMatch(context.Request) }, context.RequestAborted);
        return TypedResults.Ok(context.WithETag(space, space.Version));
    }

    public static async Task<Ok<SpaceDto>> EndSpace(Guid id, EndSpaceRequest body, IMediator mediator, HttpContext context)
    {
        var space = await mediator.Send(new EndSpaceCommand { Id = id, ExpectedVersion = ETags.IfMatch(context.Request), ValidTo = body.ValidTo }, context.RequestAborted);
        return TypedResults.Ok(context.WithETag(space, space.Version));
    }

    public static async Task<NoContent> DeleteSpace(Guid id, IMediator mediator, HttpContext context)
    {
        await mediator.Send(new DeleteSpaceCommand(id, ETags.IfMatch(context.Request)), context.RequestAborted);
        return TypedResults.NoContent();
    }

    /// <param name="dryRun">Check and count only; nothing is written.</param>
    public static async Task<Ok<ImportSpacesResult>> ImportSpaces(ImportSpacesRequest body, bool? dryRun, IMediator mediator, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ImportSpacesCommand { Type = body.Type, Features = body.Features, DryRun = dryRun ?? false }, ct));
}

// Request bodies: the endpoints above turn them into commands with what the route and headers carry (IBodyOf).
// No XML comments here: they would become descriptions in the OpenAPI document.
public sealed record UpdateSpaceRequest : SpaceFields, IBodyOf<UpdateSpaceCommand>;

public sealed record EndSpaceRequest : IBodyOf<EndSpaceCommand>
{
    public DateOnly ValidTo { get; init; }
}

/// <summary>A GeoJSON FeatureCollection; foreign members ("name", "crs", "bbox" as GIS programs write them) are ignored.</summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip)]
public sealed record ImportSpacesRequest : IBodyOf<ImportSpacesCommand>
{
    public string Type { get; init; } = "";
    public IReadOnlyCollection<SpaceFeature> Features { get; init; } = [];
}
