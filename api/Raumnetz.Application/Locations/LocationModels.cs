using Raumnetz.Application.Inventory;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Locations;

/// <summary>The accessibility of a location: a checklist (null = not known) and HSDS accessibility text.</summary>
public sealed record AccessibilityInfo
{
    public bool? StepFreeAccess { get; init; }
    public bool? AccessibleToilet { get; init; }
    public bool? Lift { get; init; }
    public bool? HearingLoop { get; init; }
    /// <summary>What a visitor should know (HSDS accessibility description).</summary>
    public string? Description { get; init; }
    /// <summary>Further details (HSDS accessibility details).</summary>
    public string? Details { get; init; }
    public string? Url { get; init; }
}

/// <summary>
/// A location (Einrichtung, Standort; HSDS location) with its address, WGS 84 coordinates, social space, accessibility,
/// languages, contacts, opening hours and closures.
/// </summary>
public sealed record LocationDto
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string? AlternateName { get; init; }
    public string? Description { get; init; }
    public LocationKind Kind { get; init; }
    public string? Url { get; init; }
    /// <summary>How to get there (HSDS transportation).</summary>
    public string? Transportation { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    /// <summary>The social space the location lies in.</summary>
    public Guid? SpaceId { get; init; }
    public string? SpaceCode { get; init; }
    public string? SpaceName { get; init; }
    /// <summary>derived: found from the coordinates and the spaces' geometries; manual: set by hand.</summary>
    public SpaceSource? SpaceSource { get; init; }
    /// <summary>The actor that owns or runs the building (HSDS organization of the location).</summary>
    public Guid? OwnerActorId { get; init; }
    public string? OwnerActorName { get; init; }
    /// <summary>An identifier in another register (HSDS external_identifier), with its type.</summary>
    public string? ExternalIdentifier { get; init; }
    public string? ExternalIdentifierType { get; init; }
    /// <summary>The key of the spreadsheet import.</summary>
    public string? ExternalId { get; init; }
    public AccessibilityInfo Accessibility { get; init; } = new();
    public IReadOnlyList<AddressEntry> Addresses { get; init; } = [];
    public IReadOnlyList<LanguageEntry> Languages { get; init; } = [];
    public IReadOnlyList<ContactEntry> Contacts { get; init; } = [];
    public IReadOnlyList<PhoneEntry> Phones { get; init; } = [];
    public IReadOnlyList<OpeningHoursRule> OpeningHours { get; init; } = [];
    public IReadOnlyList<ClosureEntry> Closures { get; init; } = [];
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    /// <summary>When the location was archived; null while in use. Archived locations are hidden from the list by default.</summary>
    public DateTimeOffset? ArchivedAt { get; init; }
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
