using Raumnetz.Domain.Networks;

namespace Raumnetz.Application.Networks;

/// <summary>
/// A network (Netzwerk): a steering group, focus group, working group ... with a mandate (why it meets), its
/// legitimation (who mandated it and when), functions, goals, status with dates, the social spaces it covers,
/// its meeting cadence and its coordinating actor. Links to other networks are shown both ways.
/// </summary>
public sealed record NetworkDto
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public NetworkKind Kind { get; init; }
    public NetworkStatus Status { get; init; }
    /// <summary>What the network is for (Aufgabenstellung). Null only for data recorded without one (see health).</summary>
    public string? Mandate { get; init; }
    /// <summary>Who mandated the network, for example "Stadtverordnetenversammlung Teltow".</summary>
    public string? MandatedBy { get; init; }
    /// <summary>When it was mandated.</summary>
    public DateOnly? MandatedOn { get; init; }
    /// <summary>Further detail on the legitimation, for example the resolution number.</summary>
    public string? LegitimationNote { get; init; }
    public IReadOnlyList<NetworkFunction> Functions { get; init; } = [];
    public IReadOnlyList<string> Goals { get; init; } = [];
    public DateOnly? StartedOn { get; init; }
    /// <summary>Set when the network has ended (status ended).</summary>
    public DateOnly? EndedOn { get; init; }
    /// <summary>Meets every <c>cadenceInterval</c> <c>cadenceUnit</c> (for example 3 months).</summary>
    public int? CadenceInterval { get; init; }
    public CadenceUnit? CadenceUnit { get; init; }
    public Guid? CoordinatorActorId { get; init; }
    public string? CoordinatorActorName { get; init; }
    public IReadOnlyList<NetworkSpaceDto> Spaces { get; init; } = [];
    /// <summary>Links from this network to others (it delegates or reports to them).</summary>
    public IReadOnlyList<NetworkLinkDto> Links { get; init; } = [];
    /// <summary>Links from other networks to this one (they delegate or report to it).</summary>
    public IReadOnlyList<NetworkLinkDto> IncomingLinks { get; init; } = [];
    /// <summary>Number of actors that are members today.</summary>
    public int MemberCount { get; init; }
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A social space a network covers.</summary>
public sealed record NetworkSpaceDto
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
}

/// <summary>A link between two networks, seen from one of them: the other network, the type and a note.</summary>
public sealed record NetworkLinkDto
{
    /// <summary>The other network (the target of an outgoing link, the source of an incoming one).</summary>
    public Guid NetworkId { get; init; }
    public string NetworkName { get; init; } = "";
    public NetworkLinkType Type { get; init; }
    public string? Note { get; init; }
}

internal static class Clock
{
    /// <summary>Today's date (UTC) for rules about current memberships, overdue agreements and health.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
