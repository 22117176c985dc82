using System.Data.Common;
using System.Text.Json;
using Dapper;
using FluentValidation;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.Application.Spaces;

/// <summary>The editable fields of a space, shared by create and update.</summary>
public abstract record SpaceFields
{
    /// <summary>Unique code, for example the official municipality key (AGS) or a planning code.</summary>
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public SpaceLevel Level { get; init; }
    public Guid? ParentId { get; init; }
    public int? Population { get; init; }
    /// <summary>GeoJSON geometry object (Polygon or MultiPolygon).</summary>
    public JsonElement? Geometry { get; init; }
    /// <summary>First day of validity; today when omitted.</summary>
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    /// <summary>Spaces this one arose from (reorganisation).</summary>
    public IReadOnlyCollection<Guid>? PredecessorIds { get; init; }
}

public abstract class SpaceFieldsValidator<T> : AbstractValidator<T> where T : SpaceFields
{
    protected SpaceFieldsValidator()
    {
        RuleFor(x => x.Code).Code();
        RuleFor(x => x.Name).RequiredText(Limits.Name);
        RuleFor(x => x.Level).DefinedEnum();
        RuleFor(x => x.Population).InclusiveBetween(0, (int)Limits.MaxPopulation);
        RuleFor(x => x.ValidTo).GreaterThanOrEqualTo(x => x.ValidFrom).When(x => x.ValidFrom is not null && x.ValidTo is not null)
            .WithMessage(_ => Text.Format(Messages.Rule_NotBefore, "validTo", "validFrom"));
        RuleFor(x => x.PredecessorIds).MaxItems(Limits.Predecessors);
        RuleFor(x => x.Geometry).Must(SpaceGeometry.IsGeometry!).When(x => x.Geometry is not null)
            .WithMessage(_ => Messages.Rule_Geometry);
    }
}

public static class SpaceGeometry
{
    public static bool IsGeometry(JsonElement? geometry)
    {
        if (geometry is not { ValueKind: JsonValueKind.Object } g) return geometry is null or { ValueKind: JsonValueKind.Null };
        return g.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            && type.GetString() is "Polygon" or "MultiPolygon"
            && g.TryGetProperty("coordinates", out var c) && c.ValueKind == JsonValueKind.Array
            && g.GetRawText().Length <= Limits.Geometry;
    }

    /// <summary>The geometry as stored: its text, with its rings wound by the right-hand rule (<see cref="GeoJsonWinding"/>), so that
    /// every geometry entering by create, update or import is stored as RFC 7946 wants it.</summary>
    public static string? Serialize(JsonElement? geometry) =>
        geometry is { ValueKind: JsonValueKind.Object } g ? GeoJsonWinding.Rewind(g.GetRawText()) : null;

    /// <summary>
    /// A stored geometry as a response writes it, wound by the right-hand rule: geometries stored before the rule was kept
    /// at the entry come out right too (one pass over the points; a geometry already right is not rewritten).
    /// </summary>
    public static JsonElement Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return GeoJsonWinding.Rewind(document.RootElement.Clone());
    }
}

/// <summary>Rules only the data can decide: parent exists and sits a level above, predecessors exist, no cycles.</summary>
internal static class SpaceChecks
{
    public static async Task CheckReferencesAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, SpaceFields f,
        Guid? selfId)
    {
        if (f.ParentId is { } parentId)
        {
            if (parentId == selfId) throw new InvalidFieldException("parentId", Messages.Field_OwnParent);
            // Dapper maps enum columns on objects, not as scalars: read the text and parse it.
            var parentLevelText = await connection.QuerySingleOrDefaultAsync<string>("SELECT level FROM spaces WHERE id = @parentId",
                new { parentId }, tx);
            if (parentLevelText is null) throw new InvalidFieldException("parentId", Text.DoesNotExist("Space", parentId));
            var parentLevel = Enum.Parse<SpaceLevel>(parentLevelText);
            if (!SpaceRules.IsValidChildLevel(parentLevel, f.Level))
                throw new InvalidFieldException("parentId",
                    Text.Format(Messages.Field_LevelInsideParent, f.Level, parentLevel));
        }
        if (selfId is { } self)
        {
            // Levels strictly descend from parent to child, which also rules out cycles.
            var childLevels = (await connection.QueryAsync<string>("SELECT level FROM spaces WHERE parent_id = @self", new { self }, tx))
                .Select(Enum.Parse<SpaceLevel>).ToList();
            if (childLevels.Any(c => !SpaceRules.IsValidChildLevel(f.Level, c)))
                throw new InvalidFieldException("level",
                    Text.Format(Messages.Field_ChildLevels, childLevels.Min()));
        }
        var predecessors = f.PredecessorIds?.Distinct().ToList() ?? [];
        if (selfId is { } id && predecessors.Contains(id)) throw new InvalidFieldException("predecessorIds",
            Messages.Field_OwnPredecessor);
        if (predecessors.Count > 0)
        {
            var found = (await connection.QueryAsync<Guid>($"SELECT id FROM spaces WHERE {dialect.In("id", "@predecessors")}",
                    new { predecessors }, tx)).ToHashSet();
            var missing = predecessors.Where(p => !found.Contains(p)).ToList();
            if (missing.Count > 0) throw new InvalidFieldException("predecessorIds", Text.DoesNotExist("Space", missing[0]));
        }
    }

    public static async Task ReplacePredecessorsAsync(DbConnection connection, DbTransaction tx, Guid id,
        IReadOnlyCollection<Guid>? predecessorIds)
    {
        await connection.ExecuteAsync("DELETE FROM space_predecessors WHERE space_id = @id", new { id }, tx);
        foreach (var predecessorId in predecessorIds?.Distinct() ?? [])
            await connection.ExecuteAsync("INSERT INTO space_predecessors (space_id, predecessor_id) VALUES (@id, @predecessorId)",
                new { id, predecessorId }, tx);
    }
}
