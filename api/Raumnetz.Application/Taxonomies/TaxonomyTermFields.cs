using System.Data.Common;
using Dapper;
using FluentValidation;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Taxonomies;

/// <summary>The editable fields of a taxonomy term, shared by create and update.</summary>
public abstract record TaxonomyTermFields
{
    /// <summary>Unique across all taxonomies; records and exports carry it.</summary>
    public string Code { get; init; } = "";
    public string NameDe { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string? Description { get; init; }
    /// <summary>The broader term of the same taxonomy.</summary>
    public Guid? ParentId { get; init; }
    public string? TermUri { get; init; }
    /// <summary>Position among its siblings (default 0).</summary>
    public int? SortOrder { get; init; }
}

public abstract class TaxonomyTermFieldsValidator<T> : AbstractValidator<T> where T : TaxonomyTermFields
{
    protected TaxonomyTermFieldsValidator()
    {
        RuleFor(x => x.Code).Code();
        RuleFor(x => x.NameDe).RequiredText(Limits.Name);
        RuleFor(x => x.NameEn).RequiredText(Limits.Name);
        RuleFor(x => x.Description).MaximumLength(Limits.Note);
        RuleFor(x => x.TermUri).OptionalUrl();
        RuleFor(x => x.SortOrder).InclusiveBetween(0, 1_000_000);
    }
}

internal static class TaxonomyTermChecks
{
    private const int MaxDepth = 20;

    /// <summary>The taxonomy exists (404), the parent is a term of the same taxonomy and not the term itself or below it (400).</summary>
    public static async Task CheckAsync(DbConnection connection, DbTransaction tx, Guid taxonomyId, TaxonomyTermFields f, Guid? selfId)
    {
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM taxonomies WHERE id = @taxonomyId", new { taxonomyId },
            tx) == 0)
            throw new NotFoundException("Taxonomy", taxonomyId);
        var parent = f.ParentId;
        for (var depth = 0; parent is { } p; depth++)
        {
            if (p == selfId) throw new InvalidFieldException("parentId", "A term cannot lie below itself.");
            if (depth > MaxDepth) throw new InvalidFieldException("parentId", $"Terms may be nested at most {MaxDepth} deep.");
            var rows = (await connection.QueryAsync<(Guid TaxonomyId, Guid? ParentId)>(
                "SELECT taxonomy_id, parent_id FROM taxonomy_terms WHERE id = @p", new { p }, tx)).ToList();
            if (rows.Count == 0 || rows[0].TaxonomyId != taxonomyId)
                throw new InvalidFieldException("parentId", $"Term '{p}' is not a term of this taxonomy.");
            parent = rows[0].ParentId;
        }
    }

    public static object Parameters(TaxonomyTermFields f) => new
    {
        code = f.Code.Trim(), nameDe = f.NameDe.Trim(), nameEn = f.NameEn.Trim(), description = TaxonomyText.Optional(f.Description),
        parentId = f.ParentId, termUri = TaxonomyText.Optional(f.TermUri), sortOrder = f.SortOrder ?? 0,
    };
}
