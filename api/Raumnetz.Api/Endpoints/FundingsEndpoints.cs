using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.Common;
using Raumnetz.Application.Fundings;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Api.Endpoints;

/// <summary>Funding of services (Förderung, the "Finanzierungspuzzle") and the list of funding ending soon.</summary>
public static class FundingsEndpoints
{
    public static void MapFundingsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/fundings").WithTags("Fundings").RequireAuthorization(Policies.Read);
        group.MapGet("/", ListFundings).WithName(nameof(ListFundings)).Sorted(ListFundingsQuery.Sorts)
            .WithSummary("List fundings in the order they were recorded, filtered by service, funder and renewal status.").Errors(400);
        group.MapGet("/ending", ListFundingsEnding).WithName(nameof(ListFundingsEnding)).Sorted(ListFundingsEndingQuery.Sorts)
            .WithSummary(
                "Funding ending soon: fundings whose last day lies from the reference day (on, default today) to the end of the horizon " +
                "(an ISO 8601 duration, default P6M = six months), both included, sorted by that day, with the services, spaces and " +
                "networks affected. Ended and open-ended fundings are not listed.").Errors(400);
        group.MapGet("/{id}", GetFunding).WithName(nameof(GetFunding))
            .WithSummary("One funding; returns its ETag.").Errors(400, 404);
        group.MapPost("/", CreateFunding).WithName(nameof(CreateFunding)).RequireAuthorization(Policies.Write)
            .WithSummary(
                "Record the funding of a service by a funder (an actor). Overlapping fundings of one service may together cover at most " +
                "100 % (400 naming sharePercent).").Errors(400, 413).Idempotent();
        group.MapPut("/{id}", UpdateFunding).WithName(nameof(UpdateFunding)).RequireAuthorization(Policies.Write)
            .WithSummary("Replace the fields of a funding (If-Match with its ETag); the shares are checked as on creation.")
                .Errors(400, 404, 412, 413);
        group.MapDelete("/{id}", DeleteFunding).WithName(nameof(DeleteFunding)).RequireAuthorization(Policies.Write)
            .WithSummary(
                "Delete a funding entered by mistake (If-Match with its ETag); one that ran out keeps its record with renewal status " +
                "ended.")
                .Errors(400, 404, 412);
    }

    /// <param name="serviceId">Only fundings of this service.</param>
    /// <param name="funderActorId">Only fundings by this funder.</param>
    /// <param name="renewalStatus">Only fundings with this renewal status.</param>
    /// <param name="list">Paging, sort, total and modifiedAfter (shared by every list).</param>
    public static async Task<Ok<Page<FundingDto>>> ListFundings(IMediator mediator, Guid? serviceId, Guid? funderActorId,
        [EnumQuery(typeof(RenewalStatus))] string? renewalStatus, [AsParameters] ListParameters list, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListFundingsQuery(serviceId, funderActorId,
            EnumQuery.Parse<RenewalStatus>(renewalStatus, nameof(renewalStatus)), list.Options), ct));

    /// <param name="horizon">How far ahead to look, as an ISO 8601 duration of years, months, weeks or days (P6M, P90D, P1Y; up to ten
    /// years); default P6M, six months.</param>
    /// <param name="on">The reference day (yyyy-MM-dd); today when omitted.</param>
    /// <param name="spaceId">Only services standing in (their locations) or serving this space or a space below it.</param>
    /// <param name="networkId">Only services belonging to this network.</param>
    /// <param name="funderActorId">Only fundings by this funder.</param>
    /// <param name="renewalStatus">Only fundings with this renewal status (for example open: nothing settled yet).</param>
    /// <param name="list">Paging, sort, total and modifiedAfter (shared by every list).</param>
    public static async Task<Ok<EndingFundingsDto>> ListFundingsEnding(IMediator mediator, string? horizon, DateOnly? on, Guid? spaceId,
        Guid? networkId, Guid? funderActorId, [EnumQuery(typeof(RenewalStatus))] string? renewalStatus, [AsParameters] ListParameters list,
        CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListFundingsEndingQuery(horizon, on, spaceId, networkId, funderActorId,
            EnumQuery.Parse<RenewalStatus>(renewalStatus, nameof(renewalStatus)), list.Options), ct));

    public static async Task<Ok<FundingDto>> GetFunding(Guid id, IMediator mediator, HttpContext context)
    {
        var funding = await mediator.Send(new GetFundingQuery(id), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(funding, funding.Version));
    }

    public static async Task<Created<FundingDto>> CreateFunding(CreateFundingCommand request, IMediator mediator, HttpContext context)
    {
        var funding = await mediator.Send(request, context.RequestAborted);
        return EndpointConventions.CreatedAt(context, $"/api/v1/fundings/{funding.Id}", funding, funding.Version);
    }

    public static async Task<Ok<FundingDto>> UpdateFunding(Guid id, UpdateFundingRequest body, IMediator mediator, HttpContext context)
    {
        var funding = await mediator.Send(new UpdateFundingCommand(body) { Id = id, ExpectedVersion = ETags.IfMatch(context.Request) },
            context.RequestAborted);
        return TypedResults.Ok(context.WithETag(funding, funding.Version));
    }

    public static async Task<NoContent> DeleteFunding(Guid id, IMediator mediator, HttpContext context)
    {
        await mediator.Send(new DeleteFundingCommand(id, ETags.IfMatch(context.Request)), context.RequestAborted);
        return TypedResults.NoContent();
    }
}

// Request bodies: the endpoints above turn them into commands with what the route and headers carry (IBodyOf).
// No XML comments here: they would become descriptions in the OpenAPI document.
public sealed record UpdateFundingRequest : FundingFields, IBodyOf<UpdateFundingCommand>;
