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
