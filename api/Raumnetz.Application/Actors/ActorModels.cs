using AutoMapper;
using Raumnetz.Domain.Actors;

namespace Raumnetz.Application.Actors;

/// <summary>An organisation or a person, with its type, sector, umbrella or organisation, contact details and social spaces.</summary>
public sealed record ActorDto
{
    public Guid Id { get; init; }
    public ActorKind Kind { get; init; }
    public string Name { get; init; } = "";
    public string? ShortName { get; init; }
    /// <summary>Code of the actor type (see GET /api/v1/actor-types).</summary>
    public string Type { get; init; } = "";
    /// <summary>German name of the actor type.</summary>
    public string TypeName { get; init; } = "";
    public Sector Sector { get; init; }
    /// <summary>The organisation a person belongs to, or the umbrella of an organisation.</summary>
    public Guid? ParentId { get; init; }
    public string? ParentName { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Website { get; init; }
    public string? Street { get; init; }
    public string? PostalCode { get; init; }
    public string? City { get; init; }
    /// <summary>The social spaces the actor works in.</summary>
    public IReadOnlyList<Guid> SpaceIds { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Notes { get; init; }
    /// <summary>When the actor was archived; null while active. Archived actors are hidden from the list by default.</summary>
    public DateTimeOffset? ArchivedAt { get; init; }
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A row of the actors table (with type and parent names) as Dapper reads it.</summary>
public sealed class ActorRow
{
    public Guid Id { get; set; }
    public ActorKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string? ShortName { get; set; }
    public string SearchKey { get; set; } = "";
    public string TypeCode { get; set; } = "";
    public string TypeName { get; set; } = "";
    public Sector Sector { get; set; }
    public Guid? ParentId { get; set; }
    public string? ParentName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Website { get; set; }
    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset? ArchivedAt { get; set; }
    public long Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public const string Columns = """
        a.id, a.kind, a.name, a.short_name, a.search_key, a.type_code, t.name_de AS type_name, a.sector, a.parent_id, p.name AS parent_name,
        a.email, a.phone, a.website, a.street, a.postal_code, a.city, a.notes, a.archived_at, a.version, a.created_at, a.updated_at
        """;

    public const string From = "actors a JOIN actor_types t ON t.code = a.type_code LEFT JOIN actors p ON p.id = a.parent_id";
}

public sealed class ActorMappingProfile : Profile
{
    public ActorMappingProfile()
    {
        CreateMap<ActorRow, ActorDto>()
            .ForMember(d => d.Type, o => o.MapFrom(r => r.TypeCode))
            .ForMember(d => d.SpaceIds, o => o.Ignore())
            .ForMember(d => d.Tags, o => o.Ignore());
    }
}
