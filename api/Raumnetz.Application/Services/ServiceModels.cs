using Raumnetz.Application.Inventory;
using Raumnetz.Application.Taxonomies;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Services;

/// <summary>A cost option (HSDS cost_option): what it costs whom, in which period.</summary>
public sealed record CostOptionEntry
{
    /// <summary>Who or what the price applies to ("unter 18 Jahren").</summary>
    public string? Option { get; init; }
    public double? Amount { get; init; }
    /// <summary>ISO 4217 code (EUR).</summary>
    public string? Currency { get; init; }
    /// <summary>What the amount is for ("pro Stunde").</summary>
    public string? AmountDescription { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
}

/// <summary>The programme a service is part of (HSDS program).</summary>
public sealed record ProgramInfo
{
    public string Name { get; init; } = "";
    public string? AlternateName { get; init; }
    public string? Description { get; init; }
}

/// <summary>An area a service serves given as text or an extent (HSDS service_area), beside the spaces it serves.</summary>
public sealed record ServiceAreaEntry
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    /// <summary>The area as GeoJSON, TopoJSON, KML or text (see extentType).</summary>
    public string? Extent { get; init; }
    /// <summary>geojson, topojson, kml or text.</summary>
    public string? ExtentType { get; init; }
    public string? Uri { get; init; }
}

/// <summary>A document a client must bring (HSDS required_document).</summary>
public sealed record RequiredDocumentEntry
{
    public string Document { get; init; } = "";
    public string? Uri { get; init; }
}

/// <summary>A further attribute (HSDS attribute): a term of any taxonomy, with an optional link type and value.</summary>
public sealed record AttributeEntry
{
    public string TermCode { get; init; } = "";
    public string? LinkType { get; init; }
    public string? Value { get; init; }
}

/// <summary>A dated capacity figure of a service at a location.</summary>
public sealed record CapacityEntryDto
{
    public Guid Id { get; init; }
    public Guid ServiceAtLocationId { get; init; }
    public Guid LocationId { get; init; }
    public CapacityUnit Unit { get; init; }
    public double Maximum { get; init; }
    /// <summary>What was free on asOf; null when not known.</summary>
    public double? Available { get; init; }
    public DateOnly AsOf { get; init; }
    public string? Note { get; init; }
    public string? RecordedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>Where a service is offered (HSDS service_at_location), with what differs there from the service and the location.</summary>
public sealed record ServiceAtLocationDto
{
    public Guid Id { get; init; }
    public Guid LocationId { get; init; }
    public string LocationName { get; init; } = "";
    public Guid? SpaceId { get; init; }
    public string? Description { get; init; }
    public string? ExternalId { get; init; }
    public IReadOnlyList<ContactEntry> Contacts { get; init; } = [];
    public IReadOnlyList<PhoneEntry> Phones { get; init; } = [];
    public IReadOnlyList<OpeningHoursRule> OpeningHours { get; init; } = [];
    public IReadOnlyList<ClosureEntry> Closures { get; init; } = [];
    /// <summary>The latest capacity entry per unit.</summary>
    public IReadOnlyList<CapacityEntryDto> Capacity { get; init; } = [];
}

/// <summary>
/// A service (Angebot; HSDS service): what it offers whom, who runs it, where, in which categories, for which target groups
/// and ages, in which languages, at what cost, how to reach it, the networks it belongs to and the spaces it serves, and
/// when it was last verified.
/// </summary>
public sealed record ServiceDto
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string? AlternateName { get; init; }
    public string? Description { get; init; }
    public string? Url { get; init; }
    public string? Email { get; init; }
    public ServiceStatus Status { get; init; }
    /// <summary>The operating actor (Träger; HSDS organization).</summary>
    public Guid? OperatorId { get; init; }
    public string? OperatorName { get; init; }
    public IReadOnlyList<TermRef> Categories { get; init; } = [];
    public IReadOnlyList<TermRef> TargetGroups { get; init; } = [];
    public int? MinimumAge { get; init; }
    public int? MaximumAge { get; init; }
    public string? EligibilityDescription { get; init; }
    public string? FeesDescription { get; init; }
    /// <summary>Free of charge (true), with costs (false) or not known (null).</summary>
    public bool? IsFree { get; init; }
    public IReadOnlyList<CostOptionEntry> CostOptions { get; init; } = [];
    public IReadOnlyList<LanguageEntry> Languages { get; init; } = [];
    public string? InterpretationServices { get; init; }
    /// <summary>How to reach the service: registration, referral, open consultation hours (HSDS application_process).</summary>
    public string? ApplicationProcess { get; init; }
    public string? WaitTime { get; init; }
    public string? Accreditations { get; init; }
    public string? Licenses { get; init; }
    public string? Alert { get; init; }
    public ProgramInfo? Program { get; init; }
    public IReadOnlyList<Guid> NetworkIds { get; init; } = [];
    /// <summary>The spaces the service serves where that differs from where it stands.</summary>
    public IReadOnlyList<Guid> ServedSpaceIds { get; init; } = [];
    public IReadOnlyList<ServiceAreaEntry> ServiceAreas { get; init; } = [];
    public IReadOnlyList<RequiredDocumentEntry> RequiredDocuments { get; init; } = [];
    public IReadOnlyList<AttributeEntry> Attributes { get; init; } = [];
    public IReadOnlyList<ContactEntry> Contacts { get; init; } = [];
    public IReadOnlyList<PhoneEntry> Phones { get; init; } = [];
    public IReadOnlyList<OpeningHoursRule> OpeningHours { get; init; } = [];
    public IReadOnlyList<ClosureEntry> Closures { get; init; } = [];
    public IReadOnlyList<ServiceAtLocationDto> Locations { get; init; } = [];
    /// <summary>The key of the spreadsheet import.</summary>
    public string? ExternalId { get; init; }
    /// <summary>When the entry was last confirmed as correct (HSDS assured_date).</summary>
    public DateOnly? VerifiedOn { get; init; }
    /// <summary>Who confirmed it (HSDS assurer).</summary>
    public string? VerifiedBy { get; init; }
    public int VerificationIntervalMonths { get; init; }
    /// <summary>verifiedOn plus the interval; null when never verified.</summary>
    public DateOnly? VerificationDueOn { get; init; }
    /// <summary>When the service was archived; null while listed. Archived services stay readable.</summary>
    public DateTimeOffset? ArchivedAt { get; init; }
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
