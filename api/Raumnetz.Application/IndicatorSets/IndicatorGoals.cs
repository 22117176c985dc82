
namespace Raumnetz.Application.IndicatorSets;

/// <summary>A value in a period (a baseline or a target).</summary>
public sealed record PeriodValueDto
{
    /// <summary>2024, 2024-H1, 2024-Q2 or 2024-05.</summary>
    public string Period { get; init; } = "";
    public double Value { get; init; }
}

/// <summary>The baseline and targets of one indicator of a set in one space, so attainment can be judged.</summary>
public sealed record IndicatorGoalDto
{
    public Guid IndicatorId { get; init; }
    public Guid SpaceId { get; init; }
    /// <summary>Where the space started (null when none is set).</summary>
    public PeriodValueDto? Baseline { get; init; }
    /// <summary>Targets by period, earliest first.</summary>
    public IReadOnlyList<PeriodValueDto> Targets { get; init; } = [];
}

/// <summary>All goals of a set (optionally of one space).</summary>
public sealed record IndicatorGoalList(IReadOnlyList<IndicatorGoalDto> Items);

internal sealed class GoalRow
{
    public Guid IndicatorId { get; init; }
    public Guid SpaceId { get; init; }
    public string Period { get; init; } = "";
    public double Value { get; init; }
}
