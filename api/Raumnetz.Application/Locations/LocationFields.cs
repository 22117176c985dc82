using System.Data.Common;
using Dapper;
using FluentValidation;
using Raumnetz.Application.Common;
using Raumnetz.Application.Inventory;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Inventory;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.Application.Locations;

/// <summary>
/// The editable fields of a location, shared by create and update. The lists (addresses, languages, contacts, phones,
/// opening hours, closures) are replaced when given; on update, null keeps them.
/// </summary>
public abstract record LocationFields : IHasInventoryParts
{
    public string Name { get; init; } = "";
    public string? AlternateName { get; init; }
    public string? Description { get; init; }
    public LocationKind Kind { get; init; }
    public string? Url { get; init; }
    /// <summary>How to get there: public transport, parking (HSDS transportation).</summary>
    public string? Transportation { get; init; }
    /// <summary>WGS 84 latitude, -90 to 90; give it with longitude.</summary>
    public double? Latitude { get; init; }
    /// <summary>WGS 84 longitude, -180 to 180; give it with latitude.</summary>
    public double? Longitude { get; init; }
    /// <summary>
    /// The social space, set by hand. When null (or the derived space sent back unchanged) and the location has coordinates,
    /// the space is derived from the coordinates and the spaces' geometries (the finest space containing the point, its edge
    /// included).
    /// </summary>
    public Guid? SpaceId { get; init; }
    /// <summary>The actor that owns or runs the building.</summary>
    public Guid? OwnerActorId { get; init; }
    public string? ExternalIdentifier { get; init; }
    public string? ExternalIdentifierType { get; init; }
    /// <summary>The key of the spreadsheet import; unique among locations.</summary>
    public string? ExternalId { get; init; }
    public AccessibilityInfo? Accessibility { get; init; }
    public IReadOnlyList<AddressEntry>? Addresses { get; init; }
    public IReadOnlyList<LanguageEntry>? Languages { get; init; }
    public IReadOnlyList<ContactEntry>? Contacts { get; init; }
    public IReadOnlyList<PhoneEntry>? Phones { get; init; }
    public IReadOnlyList<OpeningHoursRule>? OpeningHours { get; init; }
    public IReadOnlyList<ClosureEntry>? Closures { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
}

public abstract class LocationFieldsValidator<T> : AbstractValidator<T> where T : LocationFields
{
    protected LocationFieldsValidator()
    {
        RuleFor(x => x.Name).RequiredText(Limits.Name);
        RuleFor(x => x.AlternateName).MaximumLength(Limits.Name);
        RuleFor(x => x.Description).MaximumLength(InventoryLimits.Description);
        RuleFor(x => x.Kind).DefinedEnum();
        RuleFor(x => x.Url).OptionalUrl();
        RuleFor(x => x.Transportation).MaximumLength(InventoryLimits.Description);
        RuleFor(x => x.Latitude).Must(InventoryRules.IsLatitude)
            .WithMessage("'latitude' must be a WGS 84 latitude between -90 and 90 degrees.");
        RuleFor(x => x.Longitude).Must(InventoryRules.IsLongitude)
            .WithMessage("'longitude' must be a WGS 84 longitude between -180 and 180 degrees.");
        RuleFor(x => x.Latitude).NotNull().When(x => x.Longitude is not null).WithMessage("'latitude' is required with 'longitude'.");
        RuleFor(x => x.Longitude).NotNull().When(x => x.Latitude is not null).WithMessage("'longitude' is required with 'latitude'.");
        RuleFor(x => x.ExternalIdentifier).MaximumLength(Limits.Name);
        RuleFor(x => x.ExternalIdentifierType).MaximumLength(100);
        RuleFor(x => x.ExternalId).MaximumLength(InventoryLimits.ExternalId);
        RuleFor(x => x.Accessibility!.Description).MaximumLength(InventoryLimits.Description).When(x => x.Accessibility is not null)
            .OverridePropertyName("accessibility.description");
        RuleFor(x => x.Accessibility!.Details).MaximumLength(InventoryLimits.Description).When(x => x.Accessibility is not null)
            .OverridePropertyName("accessibility.details");
        RuleFor(x => x.Accessibility!.Url).OptionalUrl().When(x => x.Accessibility is not null).OverridePropertyName("accessibility.url");
        RuleFor(x => x.Addresses).MaxItems(InventoryLimits.Addresses);
        RuleForEach(x => x.Addresses).SetValidator(new AddressEntryValidator());
        RuleFor(x => x.Languages).MaxItems(InventoryLimits.Languages).Must(InventoryParts.DistinctCodes).WithMessage(
            "A language may appear once.");
        RuleForEach(x => x.Languages).SetValidator(new LanguageEntryValidator());
        InventoryParts.AddPartRules(this);
        RuleFor(x => x.ValidTo).GreaterThanOrEqualTo(x => x.ValidFrom).When(x => x.ValidFrom is not null && x.ValidTo is not null)
            .WithMessage("'validTo' must not lie before 'validFrom'.");
    }
}

/// <summary>How location fields are stored, checked against the data and given their space.</summary>
internal static class LocationStore
{
    public static string SearchKey(string name, string? alternateName) =>
        InventoryParts.Optional(alternateName) is { } a
            ? $"{TextRules.SearchKey(name)} {TextRules.SearchKey(a)}" : TextRules.SearchKey(name);

    public static DynamicParameters Parameters(LocationFields f, Guid? spaceId, SpaceSource? source)
    {
        var a = f.Accessibility ?? new AccessibilityInfo();
        var p = new DynamicParameters();
        p.Add("name", f.Name.Trim());
        p.Add("searchKey", SearchKey(f.Name, f.AlternateName));
        p.Add("alternateName", InventoryParts.Optional(f.AlternateName));
        p.Add("description", InventoryParts.Optional(f.Description));
        p.Add("kind", f.Kind.ToString());
        p.Add("url", InventoryParts.Optional(f.Url));
        p.Add("transportation", InventoryParts.Optional(f.Transportation));
        p.Add("latitude", f.Latitude);
        p.Add("longitude", f.Longitude);
        p.Add("spaceId", spaceId);
        p.Add("spaceSource", source?.ToString());
        p.Add("ownerActorId", f.OwnerActorId);
        p.Add("externalIdentifier", InventoryParts.Optional(f.ExternalIdentifier));
        p.Add("externalIdentifierType", InventoryParts.Optional(f.ExternalIdentifierType));
        p.Add("externalId", InventoryParts.Optional(f.ExternalId));
        p.Add("stepFreeAccess", a.StepFreeAccess);
        p.Add("accessibleToilet", a.AccessibleToilet);
        p.Add("lift", a.Lift);
        p.Add("hearingLoop", a.HearingLoop);
        p.Add("accessibilityDescription", InventoryParts.Optional(a.Description));
        p.Add("accessibilityDetails", InventoryParts.Optional(a.Details));
        p.Add("accessibilityUrl", InventoryParts.Optional(a.Url));
        p.Add("validFrom", f.ValidFrom);
        p.Add("validTo", f.ValidTo);
        return p;
    }

    /// <summary>
    /// The owner exists (400 ownerActorId otherwise); then the space. From the coordinates and the spaces' geometries the
    /// space is derived (the finest one containing the point). A spaceId given by hand must exist and wins, unless it is the
    /// derived one, or the one derived before and sent back unchanged (<paramref name="current"/>): a client that reads a
    /// location and writes it back with new coordinates gets the space derived anew, not its old one fixed by hand.
    /// </summary>
    public static async Task<(Guid? SpaceId, SpaceSource? Source)> CheckAndPlaceAsync(DbConnection connection, DbTransaction tx,
        LocationFields f, DateOnly today, (Guid? SpaceId, string? Source)? current = null)
    {
        if (f.OwnerActorId is { } owner
            && await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM actors WHERE id = @owner", new { owner }, tx) == 0)
            throw new InvalidFieldException("ownerActorId", $"Actor '{owner}' does not exist.");
        if (f.SpaceId is { } spaceId
            && await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM spaces WHERE id = @spaceId", new { spaceId }, tx) == 0)
            throw new InvalidFieldException("spaceId", $"Space '{spaceId}' does not exist.");
        var derived = await DeriveAsync(connection, tx, f, today);
        if (f.SpaceId is { } given && given != derived
            && !(current is { Source: nameof(SpaceSource.Derived) } c && c.SpaceId == given))
            return (given, SpaceSource.Manual);
        return derived is { } id ? (id, SpaceSource.Derived) : (null, null);
    }

    private static async Task<Guid?> DeriveAsync(DbConnection connection, DbTransaction tx, LocationFields f, DateOnly today)
    {
        if (f.Latitude is not { } lat || f.Longitude is not { } lon) return null;
        var spaces = await connection.QueryAsync<(Guid Id, string Code, string Level, string Geometry)>("""
            SELECT id, code, level, geometry FROM spaces
            WHERE geometry IS NOT NULL AND valid_from <= @today AND (valid_to IS NULL OR valid_to >= @today)
            """, new { today }, tx);
        return SpaceLocator.Locate(lat, lon,
            spaces.Select(s => new LocatableSpace(s.Id, s.Code, (int)Enum.Parse<SpaceLevel>(s.Level), s.Geometry)));
    }

    /// <summary>Replaces the addresses, languages and shared parts that are given.</summary>
    public static async Task ReplaceListsAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, Guid id, LocationFields f)
    {
        if (f.Addresses is not null)
        {
            await connection.ExecuteAsync("DELETE FROM location_addresses WHERE location_id = @id", new { id }, tx);
            var order = 0;
            foreach (var a in f.Addresses)
            {
                await connection.ExecuteAsync("""
                    INSERT INTO location_addresses (id, location_id, address_type, attention, address_1, address_2, city, region,
                        state_province, postal_code, country, sort_order)
                    VALUES (@aid, @id, @type, @attention, @address1, @address2, @city, @region, @stateProvince, @postalCode, @country, @order)
                    """, new
                {
                    aid = Guid.CreateVersion7(), id, type = a.Type.ToString(), attention = InventoryParts.Optional(a.Attention),
                    address1 = a.Address1.Trim(), address2 = InventoryParts.Optional(a.Address2), city = a.City.Trim(),
                    region = InventoryParts.Optional(a.Region), stateProvince = InventoryParts.Optional(a.StateProvince),
                    postalCode = a.PostalCode.Trim(), country = InventoryParts.Optional(a.Country) ?? "DE", order = order++,
                }, tx);
            }
        }
        if (f.Languages is not null)
            await InventoryPartsStore.InsertLanguagesAsync(connection, tx, "location_languages", "location_id", id, f.Languages);
        await InventoryPartsStore.ReplaceAsync(connection, tx, dialect, PartOwner.Location, id, f);
    }

    public static ConflictException Conflict(Exception e, ISqlDialect dialect, string? externalId) =>
        dialect.IsUniqueViolation(e)
            ? new ConflictException($"Another location has the external id '{externalId}'.", "externalId")
            : new ConflictException("The owner or the space was removed meanwhile. Reload and try again.");
}
