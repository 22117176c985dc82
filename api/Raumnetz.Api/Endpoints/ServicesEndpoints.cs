using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.Common;
using Raumnetz.Application.Inventory;
using Raumnetz.Application.Services;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Api.Endpoints;

/// <summary>Services of the inventory (Angebote; HSDS service and service_at_location) and their capacity history.</summary>
public static class ServicesEndpoints
{
    public static void MapServicesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/services").WithTags("Services").RequireAuthorization(Policies.Read);
        group.MapGet("/", ListServices).WithName(nameof(ListServices)).Sorted(ListServicesQuery.Sorts)
            .WithSummary("List services sorted by name, with filters (social space with its sub-spaces, category and target group with " +
                "narrower terms, operator, status, location, network, text) and keyset pagination.").Errors(400);
        group.MapGet("/{id}", GetService).WithName(nameof(GetService))
            .WithSummary("One service (archived ones too) with its locations and their latest capacity; returns its ETag.").Errors(400,
                404);
        group.MapPost("/", CreateService).WithName(nameof(CreateService)).RequireAuthorization(Policies.Write)
            .WithSummary("Create a service; unknown category or target-group codes are refused naming the field.").Errors(400, 409, 413)
                .Idempotent();
        group.MapPut("/{id}", UpdateService).WithName(nameof(UpdateService)).RequireAuthorization(Policies.Write)
            .WithSummary("Replace the fields of a service (If-Match with its ETag); lists are kept when null.").Errors(400, 404, 409, 412,
                413);
        group.MapDelete("/{id}", DeleteService).WithName(nameof(DeleteService)).RequireAuthorization(Policies.Write)
            .WithSummary("Delete a service recorded by mistake (If-Match); 409 while other records refer to it: archive it instead.")
                .Errors(400, 404, 409, 412);
        group.MapPost("/{id}/archive", ArchiveService).WithName(nameof(ArchiveService)).RequireAuthorization(Policies.Write)
            .WithSummary(
                "Archive a service: it stays readable but is hidden from the list unless includeArchived=true (If-Match honoured).")
                .Errors(400, 404, 412);
        group.MapPost("/{id}/restore", RestoreService).WithName(nameof(RestoreService)).RequireAuthorization(Policies.Write)
            .WithSummary("Restore an archived service (If-Match honoured).").Errors(400, 404, 412);
        group.MapGet("/{id}/capacity", ListCapacity).WithName(nameof(ListCapacity))
            .WithSummary("The capacity history of a service by location, unit and date (oldest first).").Errors(400, 404);
        group.MapPost("/{id}/capacity", RecordCapacity).WithName(nameof(RecordCapacity)).RequireAuthorization(Policies.Write)
            .WithSummary("Record the capacity of a service at one of its locations on a date (409 when that location, unit and date has " +
                "an entry).").Errors(400, 404, 409, 413).Idempotent();
    }

    /// <param name="spaceId">Only services at a location in this social space or below it, or serving such a space.</param>
    /// <param name="category">Only services of this category or a narrower one (term code).</param>
    /// <param name="targetGroup">Only services for this target group or a narrower one (term code).</param>
    /// <param name="operatorId">Only services this actor operates.</param>
    /// <param name="status">Only services with this status.</param>
    /// <param name="locationId">Only services offered at this location.</param>
    /// <param name="networkId">Only services belonging to this network.</param>
    /// <param name="q">Text contained in the name or alternate name.</param>
    /// <param name="includeArchived">Include archived services (default false).</param>
    /// <param name="list">Paging, sort, total and modifiedAfter (shared by every list).</param>
    /// <param name="funderActorId">Only services funded by this actor.</param>
    /// <param name="verification">Only services in this verification state today: current, due (today) or overdue (or never
    /// verified).</param>
    /// <param name="fundingEndsFrom">Only services with a funding ending on or after this day (yyyy-MM-dd).</param>
    /// <param name="fundingEndsTo">Only services with a funding ending on or before this day (yyyy-MM-dd).</param>
    public static async Task<Ok<Page<ServiceDto>>> ListServices(IMediator mediator, Guid? spaceId, string? category, string? targetGroup,
        Guid? operatorId, [EnumQuery(typeof(ServiceStatus))] string? status, Guid? locationId, Guid? networkId, string? q,
        bool? includeArchived, Guid? funderActorId, [EnumQuery(typeof(VerificationState))] string? verification, DateOnly? fundingEndsFrom,
        DateOnly? fundingEndsTo, [FromServices] TimeProvider clock, [AsParameters] ListParameters list, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListServicesQuery(ServiceFilterOf(spaceId, category, targetGroup, operatorId, status,
            locationId, networkId, q, includeArchived) with
        {
            FunderId = funderActorId, Verification = EnumQuery.Parse<VerificationState>(verification, nameof(verification)),
            FundingEndsFrom = fundingEndsFrom, FundingEndsTo = fundingEndsTo, On = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
        }, list.Options), ct));

    /// <summary>The filter of the services list and the inventory export, from their common query parameters.</summary>
    internal static ServiceFilter ServiceFilterOf(Guid? spaceId, string? category, string? targetGroup, Guid? operatorId, string? status,
        Guid? locationId, Guid? networkId, string? q, bool? includeArchived) => new()
    {
        SpaceId = spaceId, Category = category, TargetGroup = targetGroup, OperatorId = operatorId,
        Status = EnumQuery.Parse<ServiceStatus>(status, nameof(status)), LocationId = locationId, NetworkId = networkId, Q = q,
        IncludeArchived = includeArchived ?? false,
    };

    public static async Task<Ok<ServiceDto>> GetService(Guid id, IMediator mediator, HttpContext context)
    {
        var service = await mediator.Send(new GetServiceQuery(id), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(service, service.Version));
    }

    public static async Task<Created<ServiceDto>> CreateService(CreateServiceCommand request, IMediator mediator, HttpContext context)
    {
        var service = await mediator.Send(request, context.RequestAborted);
        return EndpointConventions.CreatedAt(context, $"/api/v1/services/{service.Id}", service, service.Version);
    }

    public static async Task<Ok<ServiceDto>> UpdateService(Guid id, UpdateServiceRequest body, IMediator mediator, HttpContext context)
    {
        var service = await mediator.Send(new UpdateServiceCommand(body) { Id = id, ExpectedVersion = ETags.IfMatch(context.Request) },
            context.RequestAborted);
        return TypedResults.Ok(context.WithETag(service, service.Version));
    }

    public static async Task<NoContent> DeleteService(Guid id, IMediator mediator, HttpContext context)
    {
        await mediator.Send(new DeleteServiceCommand(id, ETags.IfMatch(context.Request)), context.RequestAborted);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<ServiceDto>> ArchiveService(Guid id, IMediator mediator, HttpContext context)
    {
        var service = await mediator.Send(new ArchiveServiceCommand(id, ETags.IfMatch(context.Request)), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(service, service.Version));
    }

    public static async Task<Ok<ServiceDto>> RestoreService(Guid id, IMediator mediator, HttpContext context)
    {
        var service = await mediator.Send(new RestoreServiceCommand(id, ETags.IfMatch(context.Request)), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(service, service.Version));
    }

    /// <param name="id">The service.</param>
    /// <param name="locationId">Only the entries of this location.</param>
    /// <param name="unit">Only entries of this unit.</param>
    public static async Task<Ok<IReadOnlyList<CapacityEntryDto>>> ListCapacity(Guid id, Guid? locationId,
        [EnumQuery(typeof(CapacityUnit))] string? unit, IMediator mediator, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListCapacityQuery(id, locationId, EnumQuery.Parse<CapacityUnit>(unit, nameof(unit))),
            ct));

    public static async Task<Created<CapacityEntryDto>> RecordCapacity(Guid id, RecordCapacityRequest body, IMediator mediator,
        HttpContext context)
    {
        var entry = await mediator.Send(new RecordCapacityCommand(body) { ServiceId = id }, context.RequestAborted);
        return TypedResults.Created($"/api/v1/services/{id}/capacity", entry);
    }
}

// Request bodies: the endpoints above turn them into commands with what the route and headers carry (IBodyOf).
// No XML comments here: they would become descriptions in the OpenAPI document.
public sealed record UpdateServiceRequest : ServiceFields, IBodyOf<UpdateServiceCommand>;

public sealed record RecordCapacityRequest : RecordCapacityFields, IBodyOf<RecordCapacityCommand>;
