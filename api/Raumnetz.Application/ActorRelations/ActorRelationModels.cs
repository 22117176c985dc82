using Raumnetz.Domain.Actors;

namespace Raumnetz.Application.ActorRelations;

/// <summary>A typed, directed relation from a source actor to a target actor, contractual or not, over a period.</summary>
public sealed record ActorRelationDto
{
    public Guid Id { get; init; }
    public Guid SourceActorId { get; init; }
    public string SourceActorName { get; init; } = "";
    public Guid TargetActorId { get; init; }
    public string TargetActorName { get; init; } = "";
    public RelationType Type { get; init; }
    /// <summary>Whether a contract underlies the relation (for example a cooperation agreement).</summary>
    public bool IsContractual { get; init; }
    /// <summary>First day of the relation, if known.</summary>
    public DateOnly? ValidFrom { get; init; }
    /// <summary>Last day of the relation (inclusive); null while it lasts.</summary>
    public DateOnly? ValidTo { get; init; }
    public string? Note { get; init; }
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A relation as seen from one actor: which way it points and who is at the other end.</summary>
public sealed record ActorRelationItem
{
    /// <summary>Id of the relation (GET /api/v1/actor-relations/{id}).</summary>
    public Guid Id { get; init; }
    /// <summary>Outgoing: the actor is the source; incoming: the actor is the target.</summary>
    public RelationDirection Direction { get; init; }
    public RelationType Type { get; init; }
    public bool IsContractual { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    public string? Note { get; init; }
    public Guid OtherActorId { get; init; }
    public string OtherActorName { get; init; } = "";
    public long Version { get; init; }
}
