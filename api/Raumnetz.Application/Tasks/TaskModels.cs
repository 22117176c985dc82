using Raumnetz.Domain.Networks;

namespace Raumnetz.Application.Tasks;

/// <summary>
/// An agreement (Verabredung) made in a network, possibly in one of its meetings: what was agreed, who is
/// responsible (one or more actors), by when, where it stands, and the outcome.
/// </summary>
public sealed record TaskDto
{
    public Guid Id { get; init; }
    public Guid NetworkId { get; init; }
    public string NetworkName { get; init; } = "";
    /// <summary>The meeting the agreement was made in, if any.</summary>
    public Guid? MeetingId { get; init; }
    public DateTimeOffset? MeetingStartsAt { get; init; }
    public string Title { get; init; } = "";
    public string? Description { get; init; }
    public IReadOnlyList<TaskResponsibleDto> Responsibles { get; init; } = [];
    public DateOnly? DueDate { get; init; }
    public AgreementStatus Status { get; init; }
    public string? Outcome { get; init; }
    /// <summary>Past its due date and neither done nor dropped.</summary>
    public bool IsOverdue { get; init; }
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>An actor responsible for an agreement.</summary>
public sealed record TaskResponsibleDto
{
    public Guid ActorId { get; init; }
    public string Name { get; init; } = "";
}
