using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.InventoryRounds;

/// <summary>Who is responsible in a round: an actor for a space (with the spaces below it) or for a category.</summary>
public sealed record RoundAssignmentDto
{
    public Guid ActorId { get; init; }
    public string ActorName { get; init; } = "";
    public Guid? SpaceId { get; init; }
    public string? SpaceName { get; init; }
    /// <summary>Code of a category (taxonomy term).</summary>
    public string? CategoryCode { get; init; }
}

/// <summary>
/// An inventory round (Bestandsaufnahme): a named check of every service of a region (a space and the spaces below it)
/// in a period, with the actors responsible for spaces or categories. It remembers the services it found when it began
/// and, once closed, when it ended; progress and the change report compare against them.
/// </summary>
public sealed record InventoryRoundDto
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public Guid SpaceId { get; init; }
    public string SpaceName { get; init; } = "";
    public DateOnly StartsOn { get; init; }
    public DateOnly EndsOn { get; init; }
    public InventoryRoundStatus Status { get; init; }
    /// <summary>The round this one compares with (by default the latest earlier round of the same region).</summary>
    public Guid? PreviousRoundId { get; init; }
    public string? Note { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public IReadOnlyList<RoundAssignmentDto> Assignments { get; init; } = [];
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>Counts of the services of a round by progress.</summary>
public sealed record RoundCountsDto
{
    public int Total { get; init; }
    public int Pending { get; init; }
    public int Verified { get; init; }
    public int Changed { get; init; }
    public int Closed { get; init; }
    public int New { get; init; }
    /// <summary>Share of services no longer pending, in percent (0 to 100, one decimal; 100 when there are none).</summary>
    public double PercentDone { get; init; }
}

public sealed record RoundServiceDto
{
    public Guid ServiceId { get; init; }
    public string Name { get; init; } = "";
    public RoundServiceProgress Progress { get; init; }
    /// <summary>The actors responsible for it in this round (by space or category).</summary>
    public IReadOnlyList<Guid> ResponsibleActorIds { get; init; } = [];
}

public sealed record RoundActorProgressDto
{
    public Guid ActorId { get; init; }
    public string ActorName { get; init; } = "";
    public RoundCountsDto Counts { get; init; } = new();
}

/// <summary>Where a round stands: counts overall and per responsible actor, and each service's progress.</summary>
public sealed record InventoryRoundProgressDto
{
    public Guid RoundId { get; init; }
    public RoundCountsDto Counts { get; init; } = new();
    public IReadOnlyList<RoundActorProgressDto> Actors { get; init; } = [];
    /// <summary>Services that no assignment covers.</summary>
    public int Unassigned { get; init; }
    public IReadOnlyList<RoundServiceDto> Services { get; init; } = [];
}

public sealed record ServiceChangeDto
{
    public Guid ServiceId { get; init; }
    public string Name { get; init; } = "";
    public ServiceChange Change { get; init; }
    /// <summary>For a changed service the fields that differ (name, status, operator, archived) or "other".</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];
}

/// <summary>
/// What changed in the region since the previous round: compared are the previous round's final state (its start when
/// it is still open; this round's own start when there is no previous round) and this round's final state (now while open).
/// </summary>
public sealed record InventoryRoundChangesDto
{
    public Guid RoundId { get; init; }
    public Guid? PreviousRoundId { get; init; }
    public string? PreviousRoundName { get; init; }
    /// <summary>The instant of the state compared against.</summary>
    public DateTimeOffset Since { get; init; }
    public DateTimeOffset Until { get; init; }
    public int Added { get; init; }
    public int Changed { get; init; }
    public int Closed { get; init; }
    public int Removed { get; init; }
    public IReadOnlyList<ServiceChangeDto> Items { get; init; } = [];
}
