using Raumnetz.Domain.Actors;
using Raumnetz.Domain.Networks;

namespace Raumnetz.Application.Networks;

/// <summary>
/// An actor (organisation or person) in a network with a role, from a day and possibly until a day. A delegate
/// names the network it is delegated from. Past memberships stay visible (state past).
/// </summary>
public sealed record NetworkMemberDto
{
    public Guid Id { get; init; }
    public Guid NetworkId { get; init; }
    public Guid ActorId { get; init; }
    public string ActorName { get; init; } = "";
    public ActorKind ActorKind { get; init; }
    public Sector Sector { get; init; }
    /// <summary>The actor's type (actor types list), for example "job-centre".</summary>
    public string TypeCode { get; init; } = "";
    public MemberRole Role { get; init; }
    public Guid? DelegatedFromNetworkId { get; init; }
    public string? DelegatedFromNetworkName { get; init; }
    public DateOnly ValidFrom { get; init; }
    /// <summary>Last day of the membership (inclusive); null while open.</summary>
    public DateOnly? ValidTo { get; init; }
    public string? Note { get; init; }
    /// <summary>Current, past or future, as of today.</summary>
    public MembershipState State { get; init; }
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
