using System.Data.Common;
using Dapper;
using FluentValidation;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Actors;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Actors;

/// <summary>The editable fields of an actor, shared by create and update. Optional texts that are empty are stored as null.</summary>
public abstract record ActorFields
{
    public ActorKind Kind { get; init; }
    public string Name { get; init; } = "";
    /// <summary>Abbreviation such as "JC" or "ARGE"; found by the text search too.</summary>
    public string? ShortName { get; init; }
    /// <summary>Code of an actor type (see GET /api/v1/actor-types).</summary>
    public string Type { get; init; } = "";
    public Sector Sector { get; init; }
    /// <summary>For a person, the organisation it belongs to; for an organisation, its umbrella. Must be an organisation.</summary>
    public Guid? ParentId { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    /// <summary>Absolute http or https address.</summary>
    public string? Website { get; init; }
    public string? Street { get; init; }
    public string? PostalCode { get; init; }
    public string? City { get; init; }
    /// <summary>The social spaces the actor works in. On update, null keeps the current list.</summary>
    public IReadOnlyCollection<Guid>? SpaceIds { get; init; }
    /// <summary>Free tags; duplicates (ignoring case) are dropped. On update, null keeps the current tags.</summary>
    public IReadOnlyCollection<string>? Tags { get; init; }
    public string? Notes { get; init; }
}

public abstract class ActorFieldsValidator<T> : AbstractValidator<T> where T : ActorFields
{
    /// <summary>Something@domain.tld without spaces; empty means "no address".</summary>
    public const string EmailPattern = @"^$|^[^@\s]+@[^@\s]+\.[^@\s]+$";

    protected ActorFieldsValidator()
    {
        RuleFor(x => x.Kind).Cascade(CascadeMode.Stop).NotEmpty().DefinedEnum();
        RuleFor(x => x.Name).RequiredText(Limits.Name);
        RuleFor(x => x.ShortName).MaximumLength(Limits.ShortName);
        RuleFor(x => x.Type).NotEmpty().MaximumLength(Limits.Code);
        RuleFor(x => x.Sector).Cascade(CascadeMode.Stop).NotEmpty().DefinedEnum();
        RuleFor(x => x.Email).MaximumLength(Limits.Email).Matches(EmailPattern)
            .WithMessage(_ => Messages.Rule_Email);
        RuleFor(x => x.Phone).MaximumLength(Limits.Phone);
        RuleFor(x => x.Website).OptionalUrl();
        RuleFor(x => x.Street).MaximumLength(Limits.Street);
        RuleFor(x => x.PostalCode).MaximumLength(Limits.PostalCode);
        RuleFor(x => x.City).MaximumLength(Limits.City);
        RuleFor(x => x.Notes).MaximumLength(Limits.Note);
        RuleFor(x => x.Tags).MaxItems(Limits.Tags);
        RuleForEach(x => x.Tags).NotEmpty().MaximumLength(Limits.Tag);
        RuleFor(x => x.SpaceIds).MaxItems(Limits.Spaces);
    }
}

/// <summary>How actor fields are stored: trimmed, empty optional texts as null, the search key from name and short name.</summary>
internal static class ActorText
{
    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Name, then short name: sorting follows the name, and the text search finds either.</summary>
    public static string SearchKey(string name, string? shortName) =>
        Optional(shortName) is { } s ? $"{TextRules.SearchKey(name)} {TextRules.SearchKey(s)}" : TextRules.SearchKey(name);

    public static List<string> Tags(IEnumerable<string> tags) =>
        tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The column values of an actor for INSERT and UPDATE (besides id, version and timestamps).</summary>
    public static DynamicParameters Parameters(ActorFields f)
    {
        var p = new DynamicParameters();
        p.Add("kind", f.Kind.ToString());
        p.Add("name", f.Name.Trim());
        p.Add("shortName", Optional(f.ShortName));
        p.Add("searchKey", SearchKey(f.Name, f.ShortName));
        p.Add("typeCode", f.Type.Trim());
        p.Add("sector", f.Sector.ToString());
        p.Add("parentId", f.ParentId);
        p.Add("email", Optional(f.Email));
        p.Add("phone", Optional(f.Phone));
        p.Add("website", Optional(f.Website));
        p.Add("street", Optional(f.Street));
        p.Add("postalCode", Optional(f.PostalCode));
        p.Add("city", Optional(f.City));
        p.Add("notes", Optional(f.Notes));
        return p;
    }
}

/// <summary>Rules only the data can decide: the type exists, the parent is an organisation without loops, the spaces exist.</summary>
internal static class ActorChecks
{
    /// <summary>Umbrella chains deeper than this are refused (and keep SQL Server's recursion limit away).</summary>
    public const int MaxChainDepth = 50;

    public static async Task CheckReferencesAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, ActorFields f,
        Guid? selfId)
    {
        var typeCode = f.Type.Trim();
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM actor_types WHERE code = @typeCode", new { typeCode }, tx) == 0)
            throw new InvalidFieldException("type", Text.Format(Messages.Field_UnknownActorType, typeCode));

        if (f.ParentId is { } parentId)
        {
            // Dapper maps enum columns on objects, not as scalars: read the text and parse it.
            var parentKindText = parentId == selfId ? null
                : await connection.QuerySingleOrDefaultAsync<string>("SELECT kind FROM actors WHERE id = @parentId", new { parentId }, tx);
            var parentKind = parentKindText is null ? (ActorKind?)null : Enum.Parse<ActorKind>(parentKindText);
            if (ActorRules.ParentProblem(f.Kind, selfId, parentId, parentKind) is { } problem)
                throw new InvalidFieldException("parentId", problem);
            if (selfId is { } self)
            {
                var chain = (await connection.QueryAsync<Guid>($"""
                    {dialect.WithRecursive} chain (id, parent_id, depth) AS (
                        SELECT id, parent_id, 0 FROM actors WHERE id = @parentId
                        UNION ALL
                        SELECT a.id, a.parent_id, c.depth + 1 FROM actors a JOIN chain c ON a.id = c.parent_id WHERE c.depth < {MaxChainDepth}
                    )
                    SELECT id FROM chain
                    """, new { parentId }, tx)).ToList();
                if (ActorRules.CycleProblem(self, chain) is { } cycle) throw new InvalidFieldException("parentId", cycle);
            }
        }

        if (selfId is { } id)
        {
            var members = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM actors WHERE parent_id = @id", new { id }, tx);
            if (ActorRules.KindProblem(f.Kind, members) is { } problem) throw new InvalidFieldException("kind", problem);
        }

        var spaceIds = f.SpaceIds?.Distinct().ToList() ?? [];
        if (spaceIds.Count > 0)
        {
            var found = (await connection.QueryAsync<Guid>($"SELECT id FROM spaces WHERE {dialect.In("id", "@spaceIds")}", new { spaceIds },
                    tx)).ToHashSet();
            var missing = spaceIds.Where(s => !found.Contains(s)).ToList();
            if (missing.Count > 0) throw new InvalidFieldException("spaceIds", Text.DoesNotExist("Space", missing[0]));
        }
    }

    public static async Task ReplaceSpacesAsync(DbConnection connection, DbTransaction tx, Guid id, IReadOnlyCollection<Guid> spaceIds)
    {
        await connection.ExecuteAsync("DELETE FROM actor_spaces WHERE actor_id = @id", new { id }, tx);
        foreach (var spaceId in spaceIds.Distinct())
            await connection.ExecuteAsync("INSERT INTO actor_spaces (actor_id, space_id) VALUES (@id, @spaceId)", new { id, spaceId }, tx);
    }

    public static async Task ReplaceTagsAsync(DbConnection connection, DbTransaction tx, Guid id, IReadOnlyCollection<string> tags)
    {
        await connection.ExecuteAsync("DELETE FROM actor_tags WHERE actor_id = @id", new { id }, tx);
        foreach (var tag in ActorText.Tags(tags))
            await connection.ExecuteAsync("INSERT INTO actor_tags (actor_id, tag) VALUES (@id, @tag)", new { id, tag }, tx);
    }
}
