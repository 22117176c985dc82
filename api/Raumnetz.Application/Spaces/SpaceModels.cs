using System.Text.Json;
using AutoMapper;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.Application.Spaces;

/// <summary>A social space (Sozialraum) on one level of the hierarchy, valid from a date and possibly ended.</summary>
public sealed record SpaceDto
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public SpaceLevel Level { get; init; }
    public Guid? ParentId { get; init; }
    public string? ParentName { get; init; }
    public int? Population { get; init; }
    /// <summary>GeoJSON geometry (Polygon or MultiPolygon), if known.</summary>
    public JsonElement? Geometry { get; init; }
    public DateOnly ValidFrom { get; init; }
    /// <summary>Last day the space exists (inclusive); null while it is current.</summary>
    public DateOnly? ValidTo { get; init; }
    /// <summary>Spaces this one arose from.</summary>
    public IReadOnlyList<Guid> PredecessorIds { get; init; } = [];
    /// <summary>Spaces that arose from this one.</summary>
    public IReadOnlyList<Guid> SuccessorIds { get; init; } = [];
    public int ChildCount { get; init; }
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A node of the space tree.</summary>
public sealed record SpaceTreeNode
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public SpaceLevel Level { get; init; }
    public int? Population { get; init; }
    public DateOnly ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    public List<SpaceTreeNode> Children { get; init; } = [];

    /// <summary>
    /// Built by hand, not by AutoMapper: the node refers to itself, and self-referential maps are what AutoMapper 14's
    /// advisory GHSA-rvv3-g6hj-g44x is about (README, "Packages and advisories").
    /// </summary>
    public static SpaceTreeNode From(SpaceRow row) => new()
    {
        Id = row.Id, Code = row.Code, Name = row.Name, Level = row.Level, Population = row.Population,
        ValidFrom = row.ValidFrom, ValidTo = row.ValidTo,
    };
}

/// <summary>A row of the spaces table as Dapper reads it.</summary>
public sealed class SpaceRow
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string SearchKey { get; set; } = "";
    public SpaceLevel Level { get; set; }
    public Guid? ParentId { get; set; }
    public string? ParentName { get; set; }
    public int? Population { get; set; }
    public string? Geometry { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public int ChildCount { get; set; }
    public long Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public const string Columns = """
        s.id, s.code, s.name, s.search_key, s.level, s.parent_id, p.name AS parent_name, s.population, s.geometry,
        s.valid_from, s.valid_to, s.version, s.created_at, s.updated_at,
        (SELECT COUNT(*) FROM spaces c WHERE c.parent_id = s.id) AS child_count
        """;

    public const string From = "spaces s LEFT JOIN spaces p ON p.id = s.parent_id";
}

public sealed class SpaceMappingProfile : Profile
{
    public SpaceMappingProfile()
    {
        CreateMap<SpaceRow, SpaceDto>()
            .ForMember(d => d.Geometry, o => o.MapFrom(r => ParseGeometry(r.Geometry)))
            .ForMember(d => d.PredecessorIds, o => o.Ignore())
            .ForMember(d => d.SuccessorIds, o => o.Ignore());
    }

    private static JsonElement? ParseGeometry(string? json) =>
        json is null ? null : SpaceGeometry.Read(json);
}
