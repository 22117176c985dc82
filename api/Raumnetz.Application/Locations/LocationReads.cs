using System.Data.Common;
using Dapper;
using Raumnetz.Application.Common;
using Raumnetz.Application.Inventory;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Locations;

/// <summary>The loads of locations that several use cases share: GET, the list, and the answers of the writes.</summary>
public sealed class LocationReads(IDbConnectionFactory db)
{
    public const string Columns = """
        l.id, l.name, l.alternate_name, l.description, l.kind, l.url, l.transportation, l.latitude, l.longitude, l.space_id,
        s.code AS space_code, s.name AS space_name, l.space_source, l.owner_actor_id, o.name AS owner_actor_name, l.external_identifier,
        l.external_identifier_type, l.external_id, l.step_free_access, l.accessible_toilet, l.lift, l.hearing_loop,
        l.accessibility_description, l.accessibility_details, l.accessibility_url, l.valid_from, l.valid_to, l.archived_at, l.version,
        l.created_at, l.updated_at
        """;

    public const string From = "locations l LEFT JOIN spaces s ON s.id = l.space_id LEFT JOIN actors o ON o.id = l.owner_actor_id";

    /// <summary>A location row as the columns above read it; completed into a <see cref="LocationDto"/>.</summary>
    public sealed record Row
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string? AlternateName { get; init; }
        public string? Description { get; init; }
        public LocationKind Kind { get; init; }
        public string? Url { get; init; }
        public string? Transportation { get; init; }
        public double? Latitude { get; init; }
        public double? Longitude { get; init; }
        public Guid? SpaceId { get; init; }
        public string? SpaceCode { get; init; }
        public string? SpaceName { get; init; }
        public SpaceSource? SpaceSource { get; init; }
        public Guid? OwnerActorId { get; init; }
        public string? OwnerActorName { get; init; }
        public string? ExternalIdentifier { get; init; }
        public string? ExternalIdentifierType { get; init; }
        public string? ExternalId { get; init; }
        public bool? StepFreeAccess { get; init; }
        public bool? AccessibleToilet { get; init; }
        public bool? Lift { get; init; }
        public bool? HearingLoop { get; init; }
        public string? AccessibilityDescription { get; init; }
        public string? AccessibilityDetails { get; init; }
        public string? AccessibilityUrl { get; init; }
        public DateOnly? ValidFrom { get; init; }
        public DateOnly? ValidTo { get; init; }
        public DateTimeOffset? ArchivedAt { get; init; }
        public long Version { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
    }

    private sealed record AddressRow
    {
        public Guid LocationId { get; init; }
        public string AddressType { get; init; } = "";
        public string? Attention { get; init; }
        public string Address1 { get; init; } = "";
        public string? Address2 { get; init; }
        public string City { get; init; } = "";
        public string? Region { get; init; }
        public string? StateProvince { get; init; }
        public string PostalCode { get; init; } = "";
        public string Country { get; init; } = "";
    }

    public async Task<LocationDto?> LoadAsync(DbConnection connection, DbTransaction? tx, Guid id, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM {From} WHERE l.id = @id", new { id }, tx, cancellationToken: ct));
        return row is null ? null : (await CompleteAsync(connection, tx, [row], ct))[0];
    }

    /// <summary>Adds addresses, languages and the shared parts to the rows, with one query per table for the whole set.</summary>
    public async Task<List<LocationDto>> CompleteAsync(DbConnection connection, DbTransaction? tx, IReadOnlyList<Row> rows,
        CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.Id).ToList();
        var addresses = (await connection.QueryAsync<AddressRow>(new CommandDefinition($"""
            SELECT location_id, address_type, attention, address_1, address_2, city, region, state_province, postal_code, country
            FROM location_addresses WHERE {db.Dialect.In("location_id", "@ids")} ORDER BY location_id, sort_order
            """, new { ids }, tx, cancellationToken: ct))).ToLookup(a => a.LocationId);
        var languages = await InventoryPartsStore.LoadLanguagesAsync(connection, tx, db.Dialect, "location_languages", "location_id", ids,
            ct);
        var parts = await InventoryPartsStore.LoadAsync(connection, tx, db.Dialect, PartOwner.Location, ids, ct);
        return rows.Select(r => new LocationDto
        {
            Id = r.Id, Name = r.Name, AlternateName = r.AlternateName, Description = r.Description, Kind = r.Kind, Url = r.Url,
            Transportation = r.Transportation, Latitude = r.Latitude, Longitude = r.Longitude, SpaceId = r.SpaceId, SpaceCode = r.SpaceCode,
            SpaceName = r.SpaceName, SpaceSource = r.SpaceSource, OwnerActorId = r.OwnerActorId, OwnerActorName = r.OwnerActorName,
            ExternalIdentifier = r.ExternalIdentifier, ExternalIdentifierType = r.ExternalIdentifierType, ExternalId = r.ExternalId,
            Accessibility = new AccessibilityInfo
            {
                StepFreeAccess = r.StepFreeAccess, AccessibleToilet = r.AccessibleToilet, Lift = r.Lift, HearingLoop = r.HearingLoop,
                Description = r.AccessibilityDescription, Details = r.AccessibilityDetails, Url = r.AccessibilityUrl,
            },
            Addresses = addresses[r.Id].Select(a => new AddressEntry
            {
                Type = Enum.Parse<AddressType>(a.AddressType), Attention = a.Attention, Address1 = a.Address1, Address2 = a.Address2,
                City = a.City, Region = a.Region, StateProvince = a.StateProvince, PostalCode = a.PostalCode, Country = a.Country,
            }).ToList(),
            Languages = languages[r.Id].ToList(),
            Contacts = parts[r.Id].Contacts, Phones = parts[r.Id].Phones, OpeningHours = parts[r.Id].OpeningHours,
                Closures = parts[r.Id].Closures,
            ValidFrom = r.ValidFrom, ValidTo = r.ValidTo, ArchivedAt = r.ArchivedAt, Version = r.Version, CreatedAt = r.CreatedAt,
            UpdatedAt = r.UpdatedAt,
        }).ToList();
    }
}
