using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.Common;
using Raumnetz.Application.Indicators;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Api.Endpoints;

public static class IndicatorsEndpoints
{
    public static void MapIndicatorsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/indicators").WithTags("Indicators").RequireAuthorization(Policies.Read);
        group.MapGet("/", ListIndicators).WithName(nameof(ListIndicators))
            .WithSummary("List indicators sorted by name, filtered by kind, topic and text, with keyset pagination.").Errors(400);
        group.MapGet("/{id}", GetIndicator).WithName(nameof(GetIndicator))
            .WithSummary("One indicator; returns its ETag.").Errors(400, 404);
        group.MapPost("/", CreateIndicator).WithName(nameof(CreateIndicator)).RequireAuthorization(Policies.Write)
            .WithSummary("Create an indicator (count, rate, index or rating) with its unit, direction and aggregation rule.").Errors(400, 409, 413);
        group.MapPut("/{id}", UpdateIndicator).WithName(nameof(UpdateIndicator)).RequireAuthorization(Policies.Write)
            .WithSummary("Replace the fields of an indicator (If-Match with its ETag); kind, factor and scale are fixed once values exist.").Errors(400, 404, 409, 412, 413);
        group.MapDelete("/{id}", DeleteIndicator).WithName(nameof(DeleteIndicator)).RequireAuthorization(Policies.Write)
            .WithSummary("Delete an indicator without values, assessments or set memberships (409 otherwise).").Errors(400, 404, 409, 412);
    }

    /// <param name="kind">Only indicators of this kind.</param>
    /// <param name="topic">Only indicators of this topic (ignoring case).</param>
    /// <param name="q">Text contained in the name or code.</param>
    /// <param name="limit">Page size, 1 to 500 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    public static async Task<Ok<Page<IndicatorDto>>> ListIndicators(IMediator mediator, [EnumQuery(typeof(IndicatorKind))] string? kind, string? topic, string? q,
        int? limit, string? cursor, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListIndicatorsQuery(EnumQuery.Parse<IndicatorKind>(kind, nameof(kind)), topic, q, limit, cursor), ct));

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

    public static async Task<Ok<IndicatorDto>> UpdateIndicator(Guid id, UpdateIndicatorRequest body, IMediator mediator, HttpContext context)
    {
        var indicator = await mediator.Send(new UpdateIndicatorCommand(body) { Id = id, ExpectedVersion = ETags.IfMatch(context.Request) }, context.RequestAborted);
        return TypedResults.Ok(context.WithETag(indicator, indicator.Version));
    }

    public static async Task<NoContent> DeleteIndicator(Guid id, IMediator mediator, HttpContext context)
    {
        await mediator.Send(new DeleteIndicatorCommand(id, ETags.IfMatch(context.Request)), context.RequestAborted);
        return TypedResults.NoContent();
    }
}

// Request bodies: the endpoints above turn them into commands with what the route and headers carry (IBodyOf).
// No XML comments here: they would become descriptions in the OpenAPI document.
public sealed record UpdateIndicatorRequest : IndicatorFields, IBodyOf<UpdateIndicatorCommand>;
