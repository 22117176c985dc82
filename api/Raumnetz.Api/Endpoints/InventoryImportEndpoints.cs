using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.Common;
using Raumnetz.Application.InventoryImport;
using Raumnetz.Domain.Common;

namespace Raumnetz.Api.Endpoints;

/// <summary>The spreadsheet import of the inventory (CSV or XLSX, one row per service at a location).</summary>
public static class InventoryImportEndpoints
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapInventoryImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/inventory/imports", ImportInventory).WithName(nameof(ImportInventory)).WithTags("InventoryImport")
            .RequireAuthorization(Policies.Write).BodyLimit(Limits.ImportBody)
            .Accepts<string>("text/csv", XlsxContentType, "text/plain", "application/octet-stream")
            .WithSummary(
                "Import the inventory from a spreadsheet (CSV or XLSX, first sheet, up to 20 MiB and 20,000 rows; an XLSX " +
                "workbook may unpack to at most 100 MiB): a header, " +
                "then one row per service at a location. Columns (English or German headers, any case): external_id (Externe " +
                "ID, required), location_external_id (Standort-ID), location_name (Einrichtung/Standort, required), street " +
                "(Straße), postal_code (PLZ), city (Ort), latitude/longitude (WGS 84; the space is derived from them), space " +
                "(Sozialraum code), service_name (Angebot, required), category (codes, ';'-separated), operator (Träger: actor " +
                "name or id), target_group (codes), ages (3-6, ab 60), capacity (Kapazität) and capacity_unit (places, " +
                "hoursPerWeek, consultationsPerMonth), funders (Förderer: names or ids, ';'-separated), funding_end " +
                "(Förderende: 2026-12-31 or 31.12.2026), status, service_external_id (one service offered at several " +
                "locations), minimum_age/maximum_age. Numbers: in a ';'-separated file ',' is the decimal mark and '.' " +
                "separates thousands; elsewhere a number that reads two ways (2.500) is a row error (ambiguousNumber); " +
                "coordinates take '.' or ','. The inventory export (CSV, XLSX) imports back; its columns this import does not " +
                "write are skipped. Idempotent by external id (a re-import updates, never " +
                "duplicates); all or nothing in one transaction. With dryRun=true every bad row is reported by line and column " +
                "and nothing is written; without, a bad row makes it 400 naming lines[n].column.")
            .Errors(400, 409, 413, 415);
    }

    /// <param name="format">csv or xlsx; taken from Content-Type when omitted.</param>
    /// <param name="dryRun">Check every row and report what would change; nothing is written.</param>
    /// <param name="delimiter">CSV field separator: comma, semicolon or tab (detected from the header when omitted).</param>
    public static async Task<Ok<InventoryImportResult>> ImportInventory(HttpContext context, IMediator mediator,
        [FromServices] ISpreadsheetReaders readers, string? format, bool? dryRun, string? delimiter)
    {
        var reader = readers.Find(format, context.Request.ContentType);
        if (reader is null)
        {
            if (!string.IsNullOrWhiteSpace(format))
                throw new InvalidFieldException("format",
                    Text.Format(Messages.Field_FormatOneOf, string.Join(", ", readers.Names)));
            throw new InvalidFieldException("format",
                Text.Format(Messages.Field_SpreadsheetFormatMissing, XlsxContentType));
        }
        var d = (delimiter ?? "").Trim().ToLowerInvariant() switch
        {
            "" => null,
            "comma" or "," => ",",
            "semicolon" or ";" => ";",
            "tab" or "\t" => "\t",
            _ => throw new InvalidFieldException("delimiter", Messages.Field_Delimiter),
        };
        var command = new ImportInventoryCommand
        {
            Body = context.Request.Body, Reader = reader, Options = new SpreadsheetOptions(d), DryRun = dryRun ?? false,
        };
        return TypedResults.Ok(await mediator.Send(command, context.RequestAborted));
    }
}
