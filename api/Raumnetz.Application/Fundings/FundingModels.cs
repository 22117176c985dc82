using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Fundings;

/// <summary>
/// The funding of a service by one funder (HSDS funding, with the funder as an actor): programme, amount per year,
/// share, period and whether it continues after its end. Several fundings per service are normal.
/// </summary>
public sealed record FundingDto
{
    public Guid Id { get; init; }
    public Guid ServiceId { get; init; }
    public string ServiceName { get; init; } = "";
    public Guid FunderActorId { get; init; }
    public string FunderName { get; init; } = "";
    public string? Programme { get; init; }
    /// <summary>Euros per year.</summary>
    public decimal? AmountPerYear { get; init; }
    /// <summary>Share of the service's costs in percent.</summary>
    public decimal? SharePercent { get; init; }
    public DateOnly? StartsOn { get; init; }
    /// <summary>Last day (inclusive); null while open.</summary>
    public DateOnly? EndsOn { get; init; }
    public RenewalStatus RenewalStatus { get; init; }
    public string? Note { get; init; }
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A space, network or actor named by a list entry.</summary>
public sealed record InventoryRefDto
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
}

/// <summary>
/// A funding that ends within the horizon, with what it puts at risk: the service, its operator, the spaces it stands in
/// (its locations' spaces) and serves, and the networks it belongs to.
/// </summary>
public sealed record EndingFundingDto
{
    public FundingDto Funding { get; init; } = new();
    /// <summary>Days from the reference day to the last day of the funding (0: it ends that day).</summary>
    public int DaysLeft { get; init; }
    public string ServiceStatus { get; init; } = "";
    public Guid? OperatorActorId { get; init; }
    public string? OperatorName { get; init; }
    /// <summary>The share of the service's costs that all its fundings ending within the horizon carry together, in percent.</summary>
    public decimal? ShareEndingInHorizon { get; init; }
    public IReadOnlyList<InventoryRefDto> Spaces { get; init; } = [];
    public IReadOnlyList<InventoryRefDto> Networks { get; init; } = [];
}

/// <summary>The fundings ending within a horizon: the reference day, the horizon and its last day, and the page of entries.</summary>
public sealed record EndingFundingsDto
{
    public DateOnly On { get; init; }
    /// <summary>The horizon as an ISO 8601 duration (P6M).</summary>
    public string Horizon { get; init; } = "";
    /// <summary>The last day of the horizon (inclusive).</summary>
    public DateOnly Until { get; init; }
    public IReadOnlyList<EndingFundingDto> Items { get; init; } = [];
    public string? NextCursor { get; init; }
    /// <summary>The number of entries over all pages, with includeTotal=true (null otherwise).</summary>
    public int? Total { get; init; }
}
