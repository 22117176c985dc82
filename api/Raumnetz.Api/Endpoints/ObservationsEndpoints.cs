using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.Common;
using Raumnetz.Application.Observations;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Api.Endpoints;

public static class ObservationsEndpoints
{
    public static void MapObservationsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/observations").WithTags("Observations").RequireAuthorization(Policies.Read);
        group.MapGet("/", ListObservations).WithName(nameof(ListObservations)).Sorted(ListObservationsQuery.Sorts)
            .WithSummary("List measured values sorted by period, filtered by indicator, space, period range and status; small numbers withheld for viewers and analysts.").Errors(400);
        group.MapGet("/{id}", GetObservation).WithName(nameof(GetObservation))
            .WithSummary("One measured value; returns its ETag.").Errors(400, 404);
        group.MapPut("/", UpsertObservation).WithName(nameof(UpsertObservation)).RequireAuthorization(Policies.Write)
            .WithSummary("Record the value of an indicator for a space and period: 201 when new, 200 when replaced or unchanged; replacing a value needs If-Match with its ETag (428 without).").Errors(400, 412, 413).IfMatchOptional();
        group.MapDelete("/{id}", DeleteObservation).WithName(nameof(DeleteObservation)).RequireAuthorization(Policies.Write)
            .WithSummary("Delete a measured value (If-Match honoured).").Errors(400, 404, 412);
        group.MapPost("/import", ImportObservations).WithName(nameof(ImportObservations)).RequireAuthorization(Policies.Write).BodyLimit(Limits.ImportBody)
            .Accepts<List<ObservationImportRow>>("application/json", "text/csv", "text/plain", "application/octet-stream")
            .WithSummary("Import values from CSV (header: indicator, space, period, value, numerator, denominator, status, source, note) or a JSON array; "
                + "one transaction, idempotent, all or nothing (up to 20 MB). With dryRun=true every bad row is reported by line and column and nothing is written.")
            .Errors(400, 413, 415);
    }

    /// <param name="indicatorId">Only values of this indicator.</param>
    /// <param name="spaceId">Only values of this space.</param>
    /// <param name="from">Only periods starting at or after the start of this period.</param>
    /// <param name="to">Only periods ending at or before the end of this period.</param>
    /// <param name="status">Only values with this status.</param>
    /// <param name="list">Paging, sort, total and modifiedAfter (shared by every list).</param>
    public static async Task<Ok<Page<ObservationDto>>> ListObservations(IMediator mediator, Guid? indicatorId, Guid? spaceId, string? from, string? to,
        [EnumQuery(typeof(ObservationStatus))] string? status, [AsParameters] ListParameters list, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListObservationsQuery(indicatorId, spaceId, from, to, EnumQuery.Parse<ObservationStatus>(status, nameof(status)), list.Options), ct));

    public static async Task<Ok<ObservationDto>> GetObservation(Guid id, IMediator mediator, HttpContext context)
    {
        var observation = await mediator.Send(new GetObservationQuery(id), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(observation, observation.Version));
    }

    public static async Task<Results<Created<ObservationDto>, Ok<ObservationDto>>> UpsertObservation(UpsertObservationRequest body, IMediator mediator, HttpContext context)
    {
        var result = await mediator.Send(new UpsertObservationCommand(body) { ExpectedVersion = ETags.IfMatchOptional(context.Request), IfMatchMissing = ETags.Parse(context.Request) is null }, context.RequestAborted);
        var o = result.Observation;
        if (result.Created) return EndpointConventions.CreatedAt(context, $"/api/v1/observations/{o.Id}", o, o.Version);
        return TypedResults.Ok(context.WithETag(o, o.Version));
    }

    public static async Task<NoContent> DeleteObservation(Guid id, IMediator mediator, HttpContext context)
    {
        await mediator.Send(new DeleteObservationCommand(id, ETags.IfMatch(context.Request)), context.RequestAborted);
        return TypedResults.NoContent();
    }

    /// <param name="format">csv or json; taken from Content-Type when omitted.</param>
    /// <param name="dryRun">Check every row and report; nothing is written.</param>
    /// <param name="delimiter">CSV field separator: comma, semicolon or tab (detected from the header when omitted).</param>
    /// <param name="decimal">CSV decimal separator: point (default) or comma.</param>
    public static async Task<Ok<ImportObservationsResult>> ImportObservations(HttpContext context, IMediator mediator, string? format, bool? dryRun, string? delimiter, string? @decimal)
    {
        var command = ImportCommand(context.Request, format, dryRun ?? false, delimiter, @decimal);
        return TypedResults.Ok(await mediator.Send(command, context.RequestAborted));
    }

    /// <summary>The body as CSV or JSON (by format=, else by Content-Type) with the CSV options of the query string.</summary>
    private static ImportObservationsCommand ImportCommand(HttpRequest request, string? format, bool dryRun, string? delimiter, string? decimalSeparator)
    {
        var contentType = request.ContentType;
        var f = (format ?? "").Trim().ToLowerInvariant() switch
        {
            "csv" => ImportFormat.Csv,
            "json" => ImportFormat.Json,
            "" when contentType?.Contains("csv", StringComparison.OrdinalIgnoreCase) == true => ImportFormat.Csv,
            "" when contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true => ImportFormat.Json,
            "" => throw new InvalidFieldException("format", Messages.Field_ImportFormatMissing),
            _ => throw new InvalidFieldException("format", Messages.Field_ImportFormat),
        };
        var d = (delimiter ?? "").Trim().ToLowerInvariant() switch
        {
            "" => null,
            "comma" or "," => ",",
            "semicolon" or ";" => ";",
            "tab" or "\t" => "\t",
            _ => throw new InvalidFieldException("delimiter", Messages.Field_Delimiter),
        };
        var comma = (decimalSeparator ?? "").Trim().ToLowerInvariant() switch
        {
            "" or "point" or "." => false,
            "comma" or "," => true,
            _ => throw new InvalidFieldException("decimal", Messages.Field_Decimal),
        };
        if (comma && d == ",") throw new InvalidFieldException("decimal", Messages.Field_DecimalCommaDelimiter);
        return new ImportObservationsCommand { Body = request.Body, Format = f, DryRun = dryRun, Delimiter = d, DecimalComma = comma };
    }
}

// Request bodies: the endpoints above turn them into commands with what the route and headers carry (IBodyOf).
// No XML comments here: they would become descriptions in the OpenAPI document.
public sealed record UpsertObservationRequest : ObservationFields, IBodyOf<UpsertObservationCommand>;
