using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.IndicatorSets;

/// <summary>An indicator set: a few meaningful indicators chosen for a purpose, optionally owned by a network.</summary>
public sealed record IndicatorSetDto
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string? Purpose { get; init; }
    /// <summary>The owning network, if any.</summary>
    public Guid? NetworkId { get; init; }
    /// <summary>The indicators in their order.</summary>
    public IReadOnlyList<IndicatorSetItem> Indicators { get; init; } = [];
    /// <summary>True when the set has more indicators than recommended ("few and meaningful": at most 7).</summary>
    public bool ExceedsRecommendedSize { get; init; }
    /// <summary>The recommended largest number of indicators (7).</summary>
    public int RecommendedMaxIndicators { get; init; } = IndicatorRules.FewAndMeaningful;
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>One indicator of a set, in its position.</summary>
public sealed record IndicatorSetItem
{
    public int Position { get; init; }
    public Guid IndicatorId { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public IndicatorKind Kind { get; init; }
    public string? Unit { get; init; }
    public IndicatorDirection Direction { get; init; }
}
