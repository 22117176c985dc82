using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.Common;
using Raumnetz.Application.HsdsImport;
using Raumnetz.Domain.Common;

namespace Raumnetz.Api.Endpoints;

/// <summary>The import of Open Referral HSDS 3.0 data into the inventory (JSON forms or a zip of the tabular CSV files).</summary>
public static class HsdsImportEndpoints
{
    public static void MapHsdsImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/inventory/imports/hsds", ImportHsds).WithName(nameof(ImportHsds)).WithTags("InventoryImport")
            .RequireAuthorization(Policies.Write).BodyLimit(Limits.ImportBody)
            .Accepts<string>("application/json", "application/zip", "application/octet-stream")
            .WithSummary(
                "Import Open Referral HSDS 3.0 data (up to 20 MiB): format=json takes a record (service_full, organization_full, " +
                "service_at_location_full, location, taxonomy, taxonomy_term), a list or HSDS page of them, a package of lists " +
                "keyed by table or the tabular JSON; format=csv-zip a zip of the CSV files of a tabular data package " +
                "(services.csv, organizations.csv, ...). Records keep their HSDS ids (also their external ids): a re-import " +
                "updates, never duplicates. All or nothing: with dryRun=true every bad record is reported by record and field " +
                "(services[id].status) and nothing is written; without, a bad record makes it 400 naming them. The CSV files " +
                "of a zip may unpack to at most 100 MiB together, each to 20 MiB; a JSON property given twice is refused, " +
                "named by its JSON path.")
            .Errors(400, 409, 413, 415);
    }

    /// <param name="format">json or csv-zip; taken from Content-Type (application/json, application/zip) when omitted.</param>
    /// <param name="dryRun">Check every record and report; nothing is written.</param>
    public static async Task<Ok<HsdsImportResult>> ImportHsds(HttpContext context, IMediator mediator, string? format, bool? dryRun)
    {
        var contentType = context.Request.ContentType ?? "";
        var chosen = (format ?? "").Trim().ToLowerInvariant() switch
        {
            "json" or "hsds-json" => HsdsImportFormat.Json,
            "csv-zip" or "hsds-csv-zip" or "zip" => HsdsImportFormat.CsvZip,
            "" when contentType.Contains("json", StringComparison.OrdinalIgnoreCase) => HsdsImportFormat.Json,
            "" when contentType.Contains("zip", StringComparison.OrdinalIgnoreCase) => HsdsImportFormat.CsvZip,
            _ => throw new InvalidFieldException("format", Messages.Field_HsdsImportFormat),
        };
        var command = new ImportHsdsCommand { Body = context.Request.Body, Format = chosen, DryRun = dryRun ?? false };
        return TypedResults.Ok(await mediator.Send(command, context.RequestAborted));
    }
}
