using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Taxonomies;

/// <summary>A taxonomy (HSDS taxonomy): the service categories or target groups the inventory uses, with the codes exports carry.</summary>
public sealed record TaxonomyDto
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public TaxonomyKind Kind { get; init; }
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public string? Uri { get; init; }
    /// <summary>The taxonomy's own version label (HSDS version), not the ETag version.</summary>
    public string? VersionLabel { get; init; }
    /// <summary>How many terms it has, archived ones included.</summary>
    public int TermCount { get; init; }
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A term of a taxonomy (HSDS taxonomy_term), named in German and English; codes are unique across all taxonomies.</summary>
public sealed record TaxonomyTermDto
{
    public Guid Id { get; init; }
    public Guid TaxonomyId { get; init; }
    public string TaxonomyCode { get; init; } = "";
    public string Code { get; init; } = "";
    public string NameDe { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string? Description { get; init; }
    public Guid? ParentId { get; init; }
    public string? ParentCode { get; init; }
    public string? TermUri { get; init; }
    /// <summary>Position among its siblings (smaller first).</summary>
    public int SortOrder { get; init; }
    /// <summary>When the term was retired; archived terms stay on the records that carry them but cannot be given anew.</summary>
    public DateTimeOffset? ArchivedAt { get; init; }
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A term as records carry it: its code and names.</summary>
public sealed record TermRef
{
    public string Code { get; init; } = "";
    public string NameDe { get; init; } = "";
    public string NameEn { get; init; } = "";
}
