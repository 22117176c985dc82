using System.Text.Json;
using System.Text.Json.Serialization;
using Raumnetz.Domain.Inventory;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.Application.ServiceCoverage;

/// <summary>
/// What every coverage request names: the services (a category and optionally a target group), the population (a count
/// indicator in a period), the spaces (a level, optionally below a region), the catchment (radius and decay), the capacity
/// unit and reference day, and optionally the services to treat as closed (what-if).
/// </summary>
public abstract record CoverageRequest
{
    /// <summary>Default catchment radius in kilometres.</summary>
    public const double DefaultRadiusKm = 5;
    /// <summary>Largest catchment radius in kilometres.</summary>
    public const double MaxRadiusKm = 100;
    /// <summary>Most services one what-if closes by id.</summary>
    public const int MaxClosedServices = 500;

    /// <summary>Code of a service category (taxonomy term); services of narrower categories count too.</summary>
    /// <remarks>Required in a JSON body ([JsonRequired]); in a query the validator names a missing one.</remarks>
    [JsonRequired]
    public string? Category { get; init; }
    /// <summary>Code of a target group; only services for it (or a narrower one) count.</summary>
    public string? TargetGroup { get; init; }
    /// <summary>A count indicator holding the population (for example Einwohner unter 6 Jahren).</summary>
    [JsonRequired]
    public Guid? PopulationIndicatorId { get; init; }
    /// <summary>The period of the population (2024, 2024-H1, 2024-Q2, 2024-05); when omitted in a query, the latest period the
    /// population indicator has values for (the answer's <c>parameters.period</c> names it). Required when storing.</summary>
    public string? Period { get; init; }
    public SpaceLevel? Level { get; init; }
    /// <summary>The region: this space and the spaces below it (every space when null).</summary>
    public Guid? Under { get; init; }
    public double? RadiusKm { get; init; }
    public DistanceDecay? Decay { get; init; }
    public CapacityUnit? CapacityUnit { get; init; }

    /// <summary>Whether services are treated as closed (<see cref="WhatIfCoverageRequest"/>).</summary>
    [JsonIgnore]
    public bool IsWhatIf => this is WhatIfCoverageRequest w && (w.CloseServiceIds is { Count: > 0 } || w.FundingEndsBy is not null);
}

/// <summary>A coverage query: capacity on a reference day, and optionally services treated as closed (what-if).</summary>
public abstract record WhatIfCoverageRequest : CoverageRequest
{
    /// <summary>Capacity as recorded on this day (latest entry on or before it); today when null.</summary>
    public DateOnly? On { get; init; }
    /// <summary>What-if: services treated as closed.</summary>
    public IReadOnlyCollection<Guid>? CloseServiceIds { get; init; }
    /// <summary>What-if: services whose funding ends on or before this day are treated as closed.</summary>
    public DateOnly? FundingEndsBy { get; init; }
}

/// <summary>Which coverage figure a gap is judged by.</summary>
public enum CoverageMeasure
{
    /// <summary>Capacity per 1,000 of the population (a gap: below the threshold).</summary>
    PerThousand = 1,
    /// <summary>Kilometres to the nearest service (a gap: above the threshold).</summary>
    Distance = 2,
    /// <summary>2SFCA accessibility index (a gap: below the threshold).</summary>
    Accessibility = 3,
    /// <summary>Share of the population within the radius, 0 to 1 (a gap: below the threshold).</summary>
    ShareWithinRadius = 4,
}

public sealed record CoverageTermDto
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
}

public sealed record CoverageServiceRefDto
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
}

/// <summary>One service at one location with coordinates (the points on the map).</summary>
public sealed record CoveragePointDto
{
    public Guid ServiceId { get; init; }
    public string ServiceName { get; init; } = "";
    public Guid LocationId { get; init; }
    public double Latitude { get; init; }
    public double Longitude { get; init; }
    public double Capacity { get; init; }
    /// <summary>Closed in the what-if.</summary>
    public bool Closed { get; init; }
}

/// <summary>The coverage figures of a space.</summary>
public sealed record CoverageFiguresDto
{
    public int Services { get; init; }
    public double Capacity { get; init; }
    /// <summary>Null when the population indicator has no value (or a withheld one) for the space and period.</summary>
    public double? Population { get; init; }
    /// <summary>Capacity per 1,000 of the population.</summary>
    public double? PerThousand { get; init; }
    /// <summary>Kilometres from the centroid to the nearest service location (haversine on WGS 84).</summary>
    public double? DistanceKm { get; init; }
    /// <summary>Share (0 to 1) of the population within the radius of a service; null unless every space directly below has a
    /// population and a geometry.</summary>
    public double? ShareWithinRadius { get; init; }
    /// <summary>2SFCA index: capacity reachable per 1,000 inhabitants (population-weighted mean above the level).</summary>
    public double? Accessibility { get; init; }
}

/// <summary>What-if minus baseline (null where either is null).</summary>
public sealed record CoverageDifferenceDto
{
    public int Services { get; init; }
    public double Capacity { get; init; }
    public double? PerThousand { get; init; }
    public double? DistanceKm { get; init; }
    public double? ShareWithinRadius { get; init; }
    public double? Accessibility { get; init; }
}

public sealed record CoverageSpaceDto
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public SpaceLevel Level { get; init; }
    public Guid? ParentId { get; init; }
    /// <summary>The centroid the distances are measured from (null without geometry).</summary>
    public double? CentroidLatitude { get; init; }
    public double? CentroidLongitude { get; init; }
    /// <summary>True when the centroid is weighted by the population of the spaces directly below.</summary>
    public bool PopulationWeightedCentroid { get; init; }
    /// <summary>GeoJSON geometry, only with withGeometry=true.</summary>
    public JsonElement? Geometry { get; init; }
    public CoverageFiguresDto Figures { get; init; } = new();
    /// <summary>The figures as if the closed services were closed (what-if only).</summary>
    public CoverageFiguresDto? WhatIf { get; init; }
    public CoverageDifferenceDto? Difference { get; init; }
}

/// <summary>The parameters a coverage result was computed with.</summary>
public sealed record CoverageParametersDto
{
    public CoverageTermDto? Category { get; init; }
    public CoverageTermDto? TargetGroup { get; init; }
    public Guid PopulationIndicatorId { get; init; }
    public string Period { get; init; } = "";
    public SpaceLevel Level { get; init; }
    public Guid? Under { get; init; }
    public double RadiusKm { get; init; }
    public DistanceDecay Decay { get; init; }
    public CapacityUnit CapacityUnit { get; init; }
    public DateOnly On { get; init; }
    public DateOnly? FundingEndsBy { get; init; }
}

/// <summary>Supply per space of one category.</summary>
public sealed record ServiceCoverageDto
{
    public CoverageParametersDto Parameters { get; init; } = new();
    /// <summary>The spaces on the level, in tree order.</summary>
    public IReadOnlyList<CoverageSpaceDto> Spaces { get; init; } = [];
    /// <summary>The spaces above the level in the region, their figures aggregated from below.</summary>
    public IReadOnlyList<CoverageSpaceDto> Totals { get; init; } = [];
    /// <summary>The service locations with coordinates.</summary>
    public IReadOnlyList<CoveragePointDto> Points { get; init; } = [];
    /// <summary>The services the what-if closes (empty without what-if).</summary>
    public IReadOnlyList<CoverageServiceRefDto> ClosedServices { get; init; } = [];
}

public sealed record CoverageGapDto
{
    public int Rank { get; init; }
    public Guid SpaceId { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public double Value { get; init; }
    public double? Population { get; init; }
    /// <summary>The value without the what-if (what-if only).</summary>
    public double? BaselineValue { get; init; }
}

/// <summary>Spaces below (distance: above) a threshold, worst first.</summary>
public sealed record CoverageGapsDto
{
    public CoverageParametersDto Parameters { get; init; } = new();
    public CoverageMeasure Measure { get; init; }
    public double Threshold { get; init; }
    public IReadOnlyList<CoverageGapDto> Items { get; init; } = [];
}

public sealed record GapMatrixCategoryDto
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    /// <summary>Median of the spaces' values (null when none has one).</summary>
    public double? Median { get; init; }
    public int Gaps { get; init; }
}

public sealed record GapMatrixCellDto
{
    public string Category { get; init; } = "";
    public double? Value { get; init; }
    public bool Gap { get; init; }
}

public sealed record GapMatrixRowDto
{
    public Guid SpaceId { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public IReadOnlyList<GapMatrixCellDto> Cells { get; init; } = [];
}

/// <summary>Spaces × categories: the measure per cell and whether it is a gap.</summary>
public sealed record CoverageGapMatrixDto
{
    public CoverageMeasure Measure { get; init; }
    public double? Threshold { get; init; }
    public IReadOnlyList<GapMatrixCategoryDto> Categories { get; init; } = [];
    public IReadOnlyList<GapMatrixRowDto> Rows { get; init; } = [];
}
