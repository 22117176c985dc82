using System.Globalization;
using Raumnetz.Application.Exports;

namespace Raumnetz.Application.Inventory;

/// <summary>
/// One row of the tabular inventory export: a service at one of its locations (a service without a location gives one
/// row with empty location columns). Lists (codes, languages) are joined with "|".
/// </summary>
public sealed record InventoryExportRow
{
    public Guid ServiceId { get; init; }
    public string? ServiceExternalId { get; init; }
    public string ServiceName { get; init; } = "";
    public string Status { get; init; } = "";
    public string Categories { get; init; } = "";
    public string TargetGroups { get; init; } = "";
    public string? Operator { get; init; }
    public int? MinimumAge { get; init; }
    public int? MaximumAge { get; init; }
    public string Languages { get; init; } = "";
    public bool? IsFree { get; init; }
    public string? Eligibility { get; init; }
    public string? ApplicationProcess { get; init; }
    public string? Url { get; init; }
    public string? Email { get; init; }
    public DateOnly? VerifiedOn { get; init; }
    public DateOnly? VerificationDueOn { get; init; }
    public Guid? LocationId { get; init; }
    /// <summary>The location's external id (shared by the rows of one location).</summary>
    public string? LocationExternalId { get; init; }
    /// <summary>The service at location's own external id: the import's external_id.</summary>
    public string? ServiceAtLocationExternalId { get; init; }
    public string? LocationName { get; init; }
    public string? Street { get; init; }
    public string? PostalCode { get; init; }
    public string? City { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? SpaceCode { get; init; }
    public string? SpaceName { get; init; }
    public double? PlacesMaximum { get; init; }
    public double? PlacesAvailable { get; init; }
    public DateOnly? PlacesAsOf { get; init; }

    /// <summary>The column names, in the order of <see cref="Cells"/>.</summary>
    public static readonly string[] Header =
    [
        "service_id", "service_external_id", "service_name", "status", "categories", "target_groups", "operator", "minimum_age",
            "maximum_age",
        "languages", "is_free", "eligibility", "application_process", "url", "email", "verified_on", "verification_due_on", "location_id",
        "location_external_id", "service_at_location_external_id", "location_name", "street", "postal_code", "city", "latitude",
        "longitude", "space_code", "space_name", "places_maximum", "places_available", "places_as_of",
    ];

    /// <summary>The cells: text as string, numbers as double, flags as bool, absent values as null.</summary>
    public object?[] Cells() =>
    [
        ServiceId.ToString(), ServiceExternalId, ServiceName, Status, Categories, TargetGroups, Operator, (double?)MinimumAge,
        (double?)MaximumAge,
        Languages, IsFree, Eligibility, ApplicationProcess, Url, Email, VerifiedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            VerificationDueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        LocationId?.ToString(), LocationExternalId, ServiceAtLocationExternalId, LocationName, Street, PostalCode, City, Latitude,
        Longitude, SpaceCode, SpaceName, PlacesMaximum, PlacesAvailable, PlacesAsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    ];
}

/// <summary>A service as a GeoJSON feature of its location carries it.</summary>
public sealed record InventoryExportService(
    Guid Id, string Name, string Status, IReadOnlyList<string> Categories, IReadOnlyList<string> TargetGroups, Guid? OperatorId,
        string? Operator,
    int? MinimumAge, int? MaximumAge, IReadOnlyList<string> Languages, DateOnly? VerifiedOn);

/// <summary>A location of the GeoJSON export with the services offered there.</summary>
public sealed record InventoryExportLocation(
    Guid Id, string Name, string Kind, double? Latitude, double? Longitude, string? Street, string? PostalCode, string? City,
        string? SpaceCode,
    string? SpaceName, bool? StepFreeAccess, bool? AccessibleToilet, bool? Lift, bool? HearingLoop,
        IReadOnlyList<InventoryExportService> Services);

/// <summary>What an inventory export format writes: the rows (tabular formats) and the locations (GeoJSON).</summary>
public sealed record InventoryExportDocument(string Title, CsvOptions Csv, IReadOnlyList<InventoryExportRow> Rows,
    IReadOnlyList<InventoryExportLocation> Locations);

/// <summary>An inventory export format (strategy chosen at the edge from ?format=): csv, xlsx or geojson.</summary>
public interface IInventoryExportFormat
{
    string Name { get; }
    string ContentType { get; }
    string FileExtension { get; }
    Task WriteAsync(InventoryExportDocument document, Stream output, CancellationToken ct);
}

/// <summary>The inventory export formats by name.</summary>
public interface IInventoryExportFormats
{
    IReadOnlyList<string> Names { get; }

    /// <summary>The format of that name (any case, trimmed; csv when none is given), or null.</summary>
    IInventoryExportFormat? Find(string? name);
}

/// <summary>A prepared inventory export: its file name, content type, version (for the ETag) and writer.</summary>
public sealed record InventoryExport(string FileName, string ContentType, string Version, Func<Stream, CancellationToken, Task> WriteAsync);
