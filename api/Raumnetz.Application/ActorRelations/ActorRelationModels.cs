using AutoMapper;
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

/// <summary>A row of actor_relations with both actors' names, as Dapper reads it.</summary>
public sealed class ActorRelationRow
{
    public Guid Id { get; set; }
    public Guid SourceActorId { get; set; }
    public string SourceActorName { get; set; } = "";
    public Guid TargetActorId { get; set; }
    public string TargetActorName { get; set; } = "";
    public RelationType RelationType { get; set; }
    public bool IsContractual { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public string? Note { get; set; }
    public long Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public const string Columns = """
        r.id, r.source_actor_id, s.name AS source_actor_name, r.target_actor_id, t.name AS target_actor_name, r.relation_type,
        r.is_contractual, r.valid_from, r.valid_to, r.note, r.version, r.created_at, r.updated_at
        """;

    public const string From = "actor_relations r JOIN actors s ON s.id = r.source_actor_id JOIN actors t ON t.id = r.target_actor_id";
}

/// <summary>A row of the per-actor relation list (both directions), as Dapper reads it.</summary>
public sealed class ActorRelationItemRow
{
    public Guid Id { get; set; }
    public RelationDirection Direction { get; set; }
    public RelationType RelationType { get; set; }
    public bool IsContractual { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public string? Note { get; set; }
    public Guid OtherActorId { get; set; }
    public string OtherActorName { get; set; } = "";
    /// <summary>The other actor's search key: the list is sorted by it.</summary>
    public string OtherKey { get; set; } = "";
    public long Version { get; set; }
}

public sealed class ActorRelationMappingProfile : Profile
{
    public ActorRelationMappingProfile()
    {
        CreateMap<ActorRelationRow, ActorRelationDto>()
            .ForMember(d => d.Type, o => o.MapFrom(r => r.RelationType));
        CreateMap<ActorRelationItemRow, ActorRelationItem>()
            .ForMember(d => d.Type, o => o.MapFrom(r => r.RelationType));
    }
}
