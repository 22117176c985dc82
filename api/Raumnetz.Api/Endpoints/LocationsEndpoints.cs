using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.Common;
using Raumnetz.Application.Inventory;
using Raumnetz.Application.Locations;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Api.Endpoints;

/// <summary>Locations of the inventory (Einrichtungen, Standorte; HSDS location).</summary>
public static class LocationsEndpoints
{
    public static void MapLocationsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/locations").WithTags("Locations").RequireAuthorization(Policies.Read);
        group.MapGet("/", ListLocations).WithName(nameof(ListLocations)).Sorted(ListLocationsQuery.Sorts)
            .WithSummary("List locations sorted by name, with filters (social space with its sub-spaces, category and target group of " +
                "their services, operator, kind, text) and keyset pagination.").Errors(400);
        group.MapGet("/{id}", GetLocation).WithName(nameof(GetLocation))
            .WithSummary("One location (archived ones too) with address, space, accessibility, languages, contacts, opening hours and " +
                "closures; returns its ETag.").Errors(400, 404);
        group.MapPost("/", CreateLocation).WithName(nameof(CreateLocation)).RequireAuthorization(Policies.Write)
            .WithSummary("Create a location; without spaceId its social space is derived from the coordinates and the spaces' geometries.")
                .Errors(400, 409, 413).Idempotent();
        group.MapPut("/{id}", UpdateLocation).WithName(nameof(UpdateLocation)).RequireAuthorization(Policies.Write)
            .WithSummary("Replace the fields of a location (If-Match with its ETag); lists are kept when null.").Errors(400, 404, 409, 412,
                413);
        group.MapDelete("/{id}", DeleteLocation).WithName(nameof(DeleteLocation)).RequireAuthorization(Policies.Write)
            .WithSummary("Delete a location recorded by mistake (If-Match); 409 while other records refer to it: archive it instead.")
                .Errors(400, 404, 409, 412);
        group.MapPost("/{id}/archive", ArchiveLocation).WithName(nameof(ArchiveLocation)).RequireAuthorization(Policies.Write)
            .WithSummary(
                "Archive a location: it stays readable but is hidden from the list unless includeArchived=true (If-Match honoured).")
                .Errors(400, 404, 412);
        group.MapPost("/{id}/restore", RestoreLocation).WithName(nameof(RestoreLocation)).RequireAuthorization(Policies.Write)
            .WithSummary("Restore an archived location (If-Match honoured).").Errors(400, 404, 412);
    }

    /// <param name="spaceId">Only locations in this social space or in a space below it.</param>
    /// <param name="category">Only locations offering a service of this category or a narrower one (term code).</param>
    /// <param name="targetGroup">Only locations offering a service for this target group or a narrower one (term code).</param>
    /// <param name="operatorId">Only locations owned by this actor or offering a service it operates.</param>
    /// <param name="kind">Only locations of this kind.</param>
    /// <param name="q">Text contained in the name or alternate name.</param>
    /// <param name="includeArchived">Include archived locations (default false).</param>
    /// <param name="list">Paging, sort, total and modifiedAfter (shared by every list).</param>
    public static async Task<Ok<Page<LocationDto>>> ListLocations(IMediator mediator, Guid? spaceId, string? category, string? targetGroup,
        Guid? operatorId, [EnumQuery(typeof(LocationKind))] string? kind, string? q, bool? includeArchived,
        [AsParameters] ListParameters list, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListLocationsQuery(new LocationFilter
        {
            SpaceId = spaceId, Category = category, TargetGroup = targetGroup, OperatorId = operatorId,
            Kind = EnumQuery.Parse<LocationKind>(kind, nameof(kind)), Q = q, IncludeArchived = includeArchived ?? false,
        }, list.Options), ct));

    public static async Task<Ok<LocationDto>> GetLocation(Guid id, IMediator mediator, HttpContext context)
    {
        var location = await mediator.Send(new GetLocationQuery(id), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(location, location.Version));
    }

    public static async Task<Created<LocationDto>> CreateLocation(CreateLocationCommand request, IMediator mediator, HttpContext context)
    {
        var location = await mediator.Send(request, context.RequestAborted);
        return EndpointConventions.CreatedAt(context, $"/api/v1/locations/{location.Id}", location, location.Version);
    }

    public static async Task<Ok<LocationDto>> UpdateLocation(Guid id, UpdateLocationRequest body, IMediator mediator, HttpContext context)
    {
        var location = await mediator.Send(new UpdateLocationCommand(body) { Id = id, ExpectedVersion = ETags.IfMatch(context.Request) },
            context.RequestAborted);
        return TypedResults.Ok(context.WithETag(location, location.Version));
    }

    public static async Task<NoContent> DeleteLocation(Guid id, IMediator mediator, HttpContext context)
    {
        await mediator.Send(new DeleteLocationCommand(id, ETags.IfMatch(context.Request)), context.RequestAborted);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<LocationDto>> ArchiveLocation(Guid id, IMediator mediator, HttpContext context)
    {
        var location = await mediator.Send(new ArchiveLocationCommand(id, ETags.IfMatch(context.Request)), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(location, location.Version));
    }

    public static async Task<Ok<LocationDto>> RestoreLocation(Guid id, IMediator mediator, HttpContext context)
    {
        var location = await mediator.Send(new RestoreLocationCommand(id, ETags.IfMatch(context.Request)), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(location, location.Version));
    }
}

// Request bodies: the endpoints above turn them into commands with what the route and headers carry (IBodyOf).
// No XML comments here: they would become descriptions in the OpenAPI document.
public sealed record UpdateLocationRequest : LocationFields, IBodyOf<UpdateLocationCommand>;
