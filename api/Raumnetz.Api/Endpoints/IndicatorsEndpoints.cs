using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.OpenApi;
using Raumnetz.Api.Security;
using Raumnetz.Application.Common;
using Raumnetz.Application.Indicators;
using Raumnetz.Domain.Indicators;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.Api.Endpoints;

public static class IndicatorsEndpoints
{
    public static void MapIndicatorsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/indicators").WithTags("Indicators").RequireAuthorization(Policies.Read);
        group.MapGet("/", ListIndicators).WithName(nameof(ListIndicators)).Sorted(ListIndicatorsQuery.Sorts)
            .WithSummary("List indicators sorted by name, filtered by kind, topic and text, with keyset pagination.").Errors(400);
        group.MapGet("/{id}", GetIndicator).WithName(nameof(GetIndicator))
            .WithSummary("One indicator; returns its ETag.").Errors(400, 404);
        group.MapPost("/", CreateIndicator).WithName(nameof(CreateIndicator)).RequireAuthorization(Policies.Write)
            .WithSummary("Create an indicator (count, rate, index or rating) with its unit, direction and aggregation rule.")
                .Errors(400, 409, 413);
        group.MapPut("/{id}", UpdateIndicator).WithName(nameof(UpdateIndicator)).RequireAuthorization(Policies.Write)
            .WithSummary("Replace the fields of an indicator (If-Match with its ETag); kind, factor and scale are fixed once values exist.")
                .Errors(400, 404, 409, 412, 413);
        group.MapDelete("/{id}", DeleteIndicator).WithName(nameof(DeleteIndicator)).RequireAuthorization(Policies.Write)
            .WithSummary("Delete an indicator without values, assessments or set memberships (409 otherwise).").Errors(400, 404, 409, 412);
        group.MapGet("/{id}/series", GetIndicatorSeries).WithName(nameof(GetIndicatorSeries))
            .WithSummary("The indicator's values in one space per period, measured or computed from the spaces below, flagged "
                + "aggregated, provisional or suppressed; small numbers withheld for viewers and analysts as in the aggregated export.")
            .Errors(400, 404);
        group.MapGet("/{id}/map", GetIndicatorMap).WithName(nameof(GetIndicatorMap))
            .WithSummary("Map data: the spaces of an area or level that exist (or have values) in the given periods, with geometry and "
                + "the indicator's values in those periods; small numbers withheld for viewers and analysts as in the export.")
            .Errors(400, 404);
    }

    /// <param name="kind">Only indicators of this kind.</param>
    /// <param name="topic">Only indicators of this topic (ignoring case).</param>
    /// <param name="q">Text contained in the name or code.</param>
    /// <param name="list">Paging, sort, total and modifiedAfter (shared by every list).</param>
    public static async Task<Ok<Page<IndicatorDto>>> ListIndicators(IMediator mediator, [EnumQuery(typeof(IndicatorKind))] string? kind,
        string? topic, string? q,
        [AsParameters] ListParameters list, CancellationToken ct)
        => TypedResults.Ok(
            await mediator.Send(new ListIndicatorsQuery(EnumQuery.Parse<IndicatorKind>(kind, nameof(kind)), topic, q, list.Options), ct));

    public static async Task<Ok<IndicatorDto>> GetIndicator(Guid id, IMediator mediator, HttpContext context)
    {
        var indicator = await mediator.Send(new GetIndicatorQuery(id), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(indicator, indicator.Version));
    }

    public static async Task<Created<IndicatorDto>> CreateIndicator(CreateIndicatorCommand request, IMediator mediator, HttpContext context)
    {
        var indicator = await mediator.Send(request, context.RequestAborted);
        return EndpointConventions.CreatedAt(context, $"/api/v1/indicators/{indicator.Id}", indicator, indicator.Version);
    }

    public static async Task<Ok<IndicatorDto>> UpdateIndicator(Guid id, UpdateIndicatorRequest body, IMediator mediator,
        HttpContext context)
    {
        var indicator = await mediator.Send(new UpdateIndicatorCommand(body) { Id = id, ExpectedVersion = ETags.IfMatch(context.Request) },
            context.RequestAborted);
        return TypedResults.Ok(context.WithETag(indicator, indicator.Version));
    }

    public static async Task<NoContent> DeleteIndicator(Guid id, IMediator mediator, HttpContext context)
    {
        await mediator.Send(new DeleteIndicatorCommand(id, ETags.IfMatch(context.Request)), context.RequestAborted);
        return TypedResults.NoContent();
    }

    /// <param name="id">The indicator.</param>
    /// <param name="spaceId">The space whose series is read.</param>
    /// <param name="from">Periods starting at or after the start of this period (2024, 2024-H1, 2024-Q2, 2024-05).</param>
    /// <param name="to">Periods ending at or before the end of this period.</param>
    public static async Task<Ok<IndicatorSeries>> GetIndicatorSeries(Guid id, Guid spaceId,
        [MaxLength(GetIndicatorSeriesValidator.PeriodLength)] string? from,
        [MaxLength(GetIndicatorSeriesValidator.PeriodLength)] string? to,
        IMediator mediator, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new GetIndicatorSeriesQuery(id, spaceId, from, to), ct));

    /// <param name="id">The indicator.</param>
    /// <param name="periods">The periods to show (repeat the parameter; 1 to 12), for example 2023 and 2024.</param>
    /// <param name="under">Only this space and the spaces below it.</param>
    /// <param name="level">Only spaces on this level.</param>
    /// <param name="aggregated">Also values computed from the spaces below for spaces without a measured value (default false).</param>
    public static async Task<Ok<IndicatorMap>> GetIndicatorMap(Guid id,
        [MaxLength(GetIndicatorMapValidator.MaxPeriods), ItemMaxLength(GetIndicatorSeriesValidator.PeriodLength)] string[] periods,
        Guid? under, [EnumQuery(typeof(SpaceLevel))] string? level, bool? aggregated, IMediator mediator, CancellationToken ct)
    {
        var query = new GetIndicatorMapQuery(id, periods, under, EnumQuery.Parse<SpaceLevel>(level, nameof(level)), aggregated ?? false);
        return TypedResults.Ok(await mediator.Send(query, ct));
    }
}

// Request bodies: the endpoints above turn them into commands with what the route and headers carry (IBodyOf).
// No XML comments here: they would become descriptions in the OpenAPI document.
public sealed record UpdateIndicatorRequest : IndicatorFields, IBodyOf<UpdateIndicatorCommand>;
