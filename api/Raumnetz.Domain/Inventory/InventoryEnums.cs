namespace Raumnetz.Domain.Inventory;

/// <summary>HSDS location_type: a building one can visit, a place on the web or phone, or an address for letters only.</summary>
public enum LocationKind
{
    Physical = 1,
    Virtual = 2,
    Postal = 3,
}

/// <summary>HSDS address_type.</summary>
public enum AddressType
{
    Physical = 1,
    Postal = 2,
    Virtual = 3,
}

/// <summary>How a location got its social space: derived from its coordinates and the spaces' geometries, or set by hand.</summary>
public enum SpaceSource
{
    Derived = 1,
    Manual = 2,
}

/// <summary>HSDS service status (temporarilyClosed is HSDS temporarily closed).</summary>
public enum ServiceStatus
{
    Active = 1,
    Inactive = 2,
    Defunct = 3,
    TemporarilyClosed = 4,
}

/// <summary>What a taxonomy classifies: service categories or target groups.</summary>
public enum TaxonomyKind
{
    ServiceCategory = 1,
    TargetGroup = 2,
}

/// <summary>What a capacity entry counts.</summary>
public enum CapacityUnit
{
    Places = 1,
    HoursPerWeek = 2,
    ConsultationsPerMonth = 3,
}

/// <summary>A public holiday or another closure (holidays of the facility, a single day).</summary>
public enum ClosureKind
{
    Holiday = 1,
    Closure = 2,
}

public enum Weekday
{
    Monday = 1,
    Tuesday = 2,
    Wednesday = 3,
    Thursday = 4,
    Friday = 5,
    Saturday = 6,
    Sunday = 7,
}
