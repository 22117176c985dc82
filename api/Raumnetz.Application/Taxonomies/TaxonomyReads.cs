using System.Data.Common;
using Dapper;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Taxonomies;

/// <summary>Loads of taxonomies and terms, and the one place that turns term codes into term ids (refusing unknown codes).</summary>
public sealed class TaxonomyReads(IDbConnectionFactory db)
{
    public const string TaxonomyColumns = """
        t.id, t.code, t.kind, t.name, t.description, t.uri, t.version_label,
        (SELECT COUNT(*) FROM taxonomy_terms x WHERE x.taxonomy_id = t.id) AS term_count, t.version, t.created_at, t.updated_at
        """;

    public const string TermColumns = """
        tt.id, tt.taxonomy_id, t.code AS taxonomy_code, tt.code, tt.name_de, tt.name_en, tt.description, tt.parent_id,
        p.code AS parent_code, tt.term_uri, tt.sort_order, tt.archived_at, tt.version, tt.created_at, tt.updated_at
        """;

    public const string TermFrom =
        "taxonomy_terms tt JOIN taxonomies t ON t.id = tt.taxonomy_id LEFT JOIN taxonomy_terms p ON p.id = tt.parent_id";

    public static async Task<TaxonomyDto?> LoadTaxonomyAsync(DbConnection connection, DbTransaction? tx, Guid id, CancellationToken ct) =>
        await connection.QuerySingleOrDefaultAsync<TaxonomyDto>(new CommandDefinition(
            $"SELECT {TaxonomyColumns} FROM taxonomies t WHERE t.id = @id", new { id }, tx, cancellationToken: ct));

    public static async Task<TaxonomyTermDto?> LoadTermAsync(DbConnection connection, DbTransaction? tx, Guid id, CancellationToken ct) =>
        await connection.QuerySingleOrDefaultAsync<TaxonomyTermDto>(new CommandDefinition(
            $"SELECT {TermColumns} FROM {TermFrom} WHERE tt.id = @id", new { id }, tx, cancellationToken: ct));

    /// <summary>
    /// The ids of the terms with these codes in taxonomies of <paramref name="kind"/>, in the order given (duplicates dropped). An
    /// unknown or archived code, or one of another kind, is a 400 naming <paramref name="field"/> ("categories[1]").
    /// </summary>
    public async Task<List<Guid>> ResolveAsync(DbConnection connection, DbTransaction? tx, IReadOnlyList<string>? codes, TaxonomyKind kind,
        string field, bool allowArchived = false, bool indexed = true)
    {
        if (codes is null || codes.Count == 0) return [];
        var list = codes.Select(c => c.Trim()).ToList();
        var rows = (await connection.QueryAsync<(Guid Id, string Code, string Kind, long Archived)>($"""
            SELECT tt.id, tt.code, t.kind, CASE WHEN tt.archived_at IS NULL THEN 0 ELSE 1 END AS archived
            FROM taxonomy_terms tt JOIN taxonomies t ON t.id = tt.taxonomy_id WHERE {db.Dialect.In("tt.code", "@list")}
            """, new { list = list.Distinct().ToList() }, tx)).ToDictionary(r => r.Code, StringComparer.Ordinal);
        var ids = new List<Guid>();
        for (var i = 0; i < list.Count; i++)
        {
            var at = indexed ? $"{field}[{i}]" : field;
            var what = kind == TaxonomyKind.ServiceCategory ? "category" : "target group";
            if (!rows.TryGetValue(list[i], out var row))
                throw new InvalidFieldException(at, $"'{list[i]}' is not a known {what} code (see GET /api/v1/taxonomies).");
            if (row.Kind != kind.ToString())
                throw new InvalidFieldException(at, $"'{list[i]}' is not a {what}: it belongs to a taxonomy of another kind.");
            if (row.Archived != 0 && !allowArchived)
                throw new InvalidFieldException(at, $"The {what} '{list[i]}' is archived and cannot be given anew.");
            if (!ids.Contains(row.Id)) ids.Add(row.Id);
        }
        return ids;
    }

    /// <summary>A filter's term code (category, targetGroup): unknown is a 400 naming the parameter, not an empty list.</summary>
    public async Task CheckFilterCodeAsync(DbConnection connection, string? code, TaxonomyKind kind, string parameter)
    {
        if (!string.IsNullOrWhiteSpace(code)) await ResolveAsync(connection, null, [code], kind, parameter, allowArchived: true,
            indexed: false);
    }

    /// <summary>The id of one term code of any taxonomy (for attributes); 400 naming <paramref name="field"/> when unknown.</summary>
    public static async Task<Guid> ResolveAnyAsync(DbConnection connection, DbTransaction? tx, string code, string field) =>
        await connection.QuerySingleOrDefaultAsync<Guid?>("SELECT id FROM taxonomy_terms WHERE code = @code", new { code = code.Trim() },
            tx)
            ?? throw new InvalidFieldException(field, $"'{code}' is not a known taxonomy term code (see GET /api/v1/taxonomies).");
}
