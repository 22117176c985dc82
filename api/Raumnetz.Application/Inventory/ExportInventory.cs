using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Exports;
using Raumnetz.Application.Locations;
using Raumnetz.Application.Services;
using Raumnetz.Application.Taxonomies;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Inventory;

/// <summary>
/// Exports the inventory the filter selects (as the services list does): CSV and XLSX with one row per service at a
/// location, GeoJSON with one feature per location (a point, or no geometry without coordinates) carrying the selected
/// services offered there as properties. Category and target-group codes travel with the rows, and the external ids of
/// service, location and service at location each in a column of its own, so that the spreadsheet import reads the
/// rows back (<c>InventoryImportColumns</c>).
/// </summary>
public sealed record ExportInventoryQuery : IRequest<InventoryExport>
{
    public required IInventoryExportFormat Format { get; init; }
    public ServiceFilter Filter { get; init; } = new();
    public CsvOptions Csv { get; init; } = CsvOptions.Default;
}

public sealed class ExportInventoryValidator : AbstractValidator<ExportInventoryQuery>
{
    public ExportInventoryValidator()
    {
        RuleFor(x => x.Filter.Q).MaximumLength(Limits.Search).OverridePropertyName("q");
        RuleFor(x => x.Filter.Category).MaximumLength(Limits.Code).OverridePropertyName("category");
        RuleFor(x => x.Filter.TargetGroup).MaximumLength(Limits.Code).OverridePropertyName("targetGroup");
    }
}

public sealed class ExportInventoryHandler(IDbConnectionFactory db, ServiceReads services, LocationReads locations,
    TaxonomyReads taxonomies)
    : IRequestHandler<ExportInventoryQuery, InventoryExport>
{
    /// <summary>More services than this are refused (400): narrow the filter.</summary>
    public const int MaxServices = 20_000;
    private const int Chunk = 500;

    public async Task<InventoryExport> Handle(ExportInventoryQuery request, CancellationToken cancellationToken)
    {
        var filter = InventoryFilters.Services(request.Filter);
        filter.Parameters.Add("take", MaxServices + 1);
        var sql = $"""
            {filter.With(db.Dialect)}
            SELECT {ServiceReads.Columns} FROM {ServiceReads.From}
            {filter.WhereClause}
            ORDER BY sv.search_key, sv.id {db.Dialect.Limit("@take")}
            """;
        var (serviceList, locationList) = await db.ReadAsync(async (connection, ct) =>
        {
            await taxonomies.CheckFilterCodeAsync(connection, request.Filter.Category, TaxonomyKind.ServiceCategory, "category");
            await taxonomies.CheckFilterCodeAsync(connection, request.Filter.TargetGroup, TaxonomyKind.TargetGroup, "targetGroup");
            var rows = (await connection.QueryAsync<ServiceReads.Row>(new CommandDefinition(sql, filter.Parameters,
                cancellationToken: ct))).ToList();
            if (rows.Count > MaxServices)
                throw new InvalidFieldException("limit",
                    Text.Format(Messages.Field_ExportTooLarge, MaxServices));
            var full = new List<ServiceDto>(rows.Count);
            foreach (var chunk in rows.Chunk(Chunk)) full.AddRange(await services.CompleteAsync(connection, null, chunk, ct));
            var locationIds = full.SelectMany(s => s.Locations.Select(l => l.LocationId)).Distinct().ToList();
            var locs = new List<LocationDto>(locationIds.Count);
            foreach (var chunk in locationIds.Chunk(Chunk))
            {
                var locRows = (await connection.QueryAsync<LocationReads.Row>(new CommandDefinition(
                    $"SELECT {LocationReads.Columns} FROM {LocationReads.From} WHERE {db.Dialect.In("l.id", "@ids")}",
                        new { ids = chunk.ToList() },
                    cancellationToken: ct))).ToList();
                locs.AddRange(await locations.CompleteAsync(connection, null, locRows, ct));
            }
            return (full, locs);
        }, cancellationToken);

        var document = Build(serviceList, locationList, request.Csv);
        var version = Version(document, request);
        var name = $"bestandsaufnahme.{request.Format.FileExtension}";
        return new InventoryExport(name, request.Format.ContentType, version, (stream, ct) => request.Format.WriteAsync(document, stream,
            ct));
    }

    internal static InventoryExportDocument Build(IReadOnlyList<ServiceDto> list, IReadOnlyList<LocationDto> locationList, CsvOptions csv)
    {
        var byId = locationList.ToDictionary(l => l.Id);
        static string Join(IEnumerable<string> values) => string.Join('|', values);
        static string Status(ServiceStatus s) => JsonNamingPolicy.CamelCase.ConvertName(s.ToString());
        var rows = new List<InventoryExportRow>();
        foreach (var s in list)
        {
            var row = new InventoryExportRow
            {
                ServiceId = s.Id, ServiceExternalId = s.ExternalId, ServiceName = s.Name, Status = Status(s.Status),
                Categories = Join(s.Categories.Select(c => c.Code)), TargetGroups = Join(s.TargetGroups.Select(c => c.Code)),
                    Operator = s.OperatorName,
                MinimumAge = s.MinimumAge, MaximumAge = s.MaximumAge, Languages = Join(s.Languages.Select(l => l.Code)), IsFree = s.IsFree,
                Eligibility = s.EligibilityDescription, ApplicationProcess = s.ApplicationProcess, Url = s.Url, Email = s.Email,
                VerifiedOn = s.VerifiedOn, VerificationDueOn = s.VerificationDueOn,
            };
            if (s.Locations.Count == 0) rows.Add(row);
            foreach (var at in s.Locations)
            {
                var l = byId.GetValueOrDefault(at.LocationId);
                var address = l is null ? null : FirstAddress(l);
                var places = at.Capacity.FirstOrDefault(c => c.Unit == CapacityUnit.Places);
                rows.Add(row with
                {
                    LocationId = at.LocationId, LocationExternalId = l?.ExternalId, ServiceAtLocationExternalId = at.ExternalId,
                    LocationName = at.LocationName,
                    Street = address?.Address1, PostalCode = address?.PostalCode, City = address?.City, Latitude = l?.Latitude,
                    Longitude = l?.Longitude, SpaceCode = l?.SpaceCode, SpaceName = l?.SpaceName, PlacesMaximum = places?.Maximum,
                    PlacesAvailable = places?.Available, PlacesAsOf = places?.AsOf,
                });
            }
        }
        var servicesAt = list.SelectMany(s => s.Locations.Select(l => (l.LocationId, Service: s)))
            .ToLookup(x => x.LocationId, x => x.Service);
        var features = locationList.OrderBy(l => l.Name, StringComparer.Ordinal).ThenBy(l => l.Id).Select(l =>
        {
            var address = FirstAddress(l);
            return new InventoryExportLocation(l.Id, l.Name, JsonNamingPolicy.CamelCase.ConvertName(l.Kind.ToString()), l.Latitude,
                l.Longitude,
                address?.Address1, address?.PostalCode, address?.City, l.SpaceCode, l.SpaceName, l.Accessibility.StepFreeAccess,
                l.Accessibility.AccessibleToilet, l.Accessibility.Lift, l.Accessibility.HearingLoop,
                servicesAt[l.Id].Select(s => new InventoryExportService(s.Id, s.Name, Status(s.Status),
                    s.Categories.Select(c => c.Code).ToList(),
                    s.TargetGroups.Select(c => c.Code).ToList(), s.OperatorId, s.OperatorName, s.MinimumAge, s.MaximumAge,
                    s.Languages.Select(x => x.Code).ToList(), s.VerifiedOn)).ToList());
        }).ToList();
        return new InventoryExportDocument("Bestandsaufnahme der sozialen Infrastruktur", csv, rows, features);
    }

    /// <summary>The visiting address, else the first one.</summary>
    private static AddressEntry? FirstAddress(LocationDto l) =>
        l.Addresses.FirstOrDefault(a => a.Type == AddressType.Physical) ?? (l.Addresses.Count > 0 ? l.Addresses[0] : null);

    /// <summary>The version of the export's content (the ETag): a hash of what it holds and how it is written.</summary>
    private static string Version(InventoryExportDocument document, ExportInventoryQuery request)
    {
        var text = JsonSerializer.Serialize(new { document.Rows, document.Locations, format = request.Format.Name, request.Csv.Delimiter,
            request.Csv.DecimalComma });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
