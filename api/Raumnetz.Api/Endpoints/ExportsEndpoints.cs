using MediatR;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.Exports;
using Raumnetz.Application.Inventory;
using Raumnetz.Domain.Inventory;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.Api.Endpoints;

public static class ExportsEndpoints
{
    public static void MapExportsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/exports").WithTags("Exports").RequireAuthorization(Policies.Read);
        group.MapGet("/indicators", ExportIndicators).WithName(nameof(ExportIndicators))
            .WithSummary("Export indicator values as csv, csv-wide, xlsx, json, jsonstat (JSON-stat 2.0) or geojson; streamed as a named file with an ETag "
                + "(If-None-Match gives 304). Small numbers are withheld and flagged, together with values that would reveal them through totals.")
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv", "application/json", "application/geo+json", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .Produces(StatusCodes.Status304NotModified)
            .Errors(400);
        group.MapGet("/inventory", ExportInventory).WithName(nameof(ExportInventory))
            .WithSummary("Export the inventory (Bestandsaufnahme) as csv or xlsx (one row per service at a location, with category and target-group "
                + "codes) or geojson (locations with their services as properties), filtered as the services list; with an ETag (If-None-Match gives 304).")
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv", "application/geo+json", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .Produces(StatusCodes.Status304NotModified)
            .Errors(400);
    }

    /// <param name="format">csv (default), xlsx or geojson.</param>
    /// <param name="spaceId">Only services at a location in this social space or below it, or serving such a space.</param>
    /// <param name="category">Only services of this category or a narrower one (term code).</param>
    /// <param name="targetGroup">Only services for this target group or a narrower one (term code).</param>
    /// <param name="operatorId">Only services this actor operates.</param>
    /// <param name="status">Only services with this status.</param>
    /// <param name="locationId">Only services offered at this location.</param>
    /// <param name="networkId">Only services belonging to this network.</param>
    /// <param name="q">Text contained in the service's name or alternate name.</param>
    /// <param name="includeArchived">Include archived services (default false).</param>
    /// <param name="delimiter">CSV separator: comma (default), semicolon or tab.</param>
    /// <param name="decimal">CSV decimal separator: point (default) or comma (German Excel; then the separator defaults to semicolon and the file starts with a BOM).</param>
    public static async Task<IResult> ExportInventory(HttpContext context, IMediator mediator, [FromServices] IInventoryExportFormats formats, string? format,
        Guid? spaceId, string? category, string? targetGroup, Guid? operatorId, [EnumQuery(typeof(ServiceStatus))] string? status, Guid? locationId,
        Guid? networkId, string? q, bool? includeArchived, string? delimiter, string? @decimal)
    {
        var chosen = formats.Find(format) ?? throw new InvalidFieldException("format",
            Text.Format(Messages.Field_FormatOneOf, string.Join(", ", formats.Names)));
        var export = await mediator.Send(new ExportInventoryQuery
        {
            Format = chosen,
            Filter = ServicesEndpoints.ServiceFilterOf(spaceId, category, targetGroup, operatorId, status, locationId, networkId, q, includeArchived),
            Csv = CsvOptions.Parse(delimiter, @decimal),
        }, context.RequestAborted);
        var etag = ContentETags.Of(export.Version);
        return new FileExportResult(export.FileName, export.ContentType, etag, ContentETags.NotModified(context.Request, etag), export.WriteAsync);
    }

    /// <param name="format">csv (default, one row per value), csv-wide (spaces by periods), xlsx, json, jsonstat or geojson.</param>
    /// <param name="indicatorSetId">The indicators of this set, in its order.</param>
    /// <param name="indicatorIds">These indicators (repeat the parameter; at most 200). Neither this nor indicatorSetId: all indicators.</param>
    /// <param name="spaceIds">Only these spaces (repeat the parameter; at most 200).</param>
    /// <param name="under">Only this space and the spaces below it.</param>
    /// <param name="level">Only spaces on this level.</param>
    /// <param name="from">Periods starting at or after the start of this period (2024, 2024-H1, 2024-Q2, 2024-05).</param>
    /// <param name="to">Periods ending at or before the end of this period.</param>
    /// <param name="aggregated">Also values computed up the hierarchy for spaces without a measured value (default false).</param>
    /// <param name="delimiter">CSV separator: comma (default), semicolon or tab.</param>
    /// <param name="decimal">CSV decimal separator: point (default) or comma (German Excel; then the separator defaults to semicolon and the file starts with a BOM).</param>
    /// <param name="headers">Column names of csv, csv-wide, xlsx: en (default) or de (Indikator, Sozialraum, Zeitraum, Wert, ...); both re-import.</param>
    /// <param name="withNames">Add the indicator's name beside its code (indicator_name, in German Indikatorname; default false).</param>
    public static async Task<IResult> ExportIndicators(HttpContext context, IMediator mediator, [FromServices] IExportFormats formats, string? format,
        Guid? indicatorSetId, Guid[]? indicatorIds, Guid[]? spaceIds, Guid? under, [EnumQuery(typeof(SpaceLevel))] string? level, string? from, string? to,
        bool? aggregated, string? delimiter, string? @decimal, [EnumQuery(typeof(ExportHeaderLanguage))] string? headers, bool? withNames)
    {
        var chosen = formats.Find(format) ?? throw new InvalidFieldException("format", Text.Format(Messages.Field_FormatOneOf, string.Join(", ", formats.Names)));
        var export = await mediator.Send(new ExportIndicatorsQuery
        {
            Format = chosen,
            IndicatorSetId = indicatorSetId,
            IndicatorIds = indicatorIds,
            SpaceIds = spaceIds,
            Under = under,
            Level = EnumQuery.Parse<SpaceLevel>(level, nameof(level)),
            From = from,
            To = to,
            Aggregated = aggregated ?? false,
            Csv = CsvOptions.Parse(delimiter, @decimal),
            Columns = ExportColumns.Of(EnumQuery.Parse<ExportHeaderLanguage>(headers, nameof(headers)), withNames),
        }, context.RequestAborted);
        var etag = ContentETags.Of(export.Version);
        return new ExportResult(export, etag, ContentETags.NotModified(context.Request, etag));
    }

    /// <summary>Writes the export straight to the response body as the rows arrive (nothing is buffered), or 304.</summary>
    private sealed class ExportResult(IndicatorExport export, string etag, bool notModified) : IResult
    {
        public Task ExecuteAsync(HttpContext context) =>
            new FileExportResult(export.FileName, export.ContentType, etag, notModified, export.WriteAsync).ExecuteAsync(context);
    }

    /// <summary>A named file written to the response body as it is produced, with its ETag, or 304.</summary>
    private sealed class FileExportResult(string fileName, string contentType, string etag, bool notModified,
        Func<Stream, CancellationToken, Task> write) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            var response = context.Response;
            response.Headers.ETag = etag;
            response.Headers.CacheControl = "private, no-cache";
            if (notModified)
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = contentType;
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(fileName);
            response.Headers.ContentDisposition = disposition.ToString();
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            await write(response.Body, context.RequestAborted);
        }
    }
}
