using System.Text.Json.Nodes;
using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Taxonomies;

namespace Raumnetz.Application.Hsds;

/// <summary>
/// GET /hsds/taxonomy_terms: the terms (not archived) sorted by taxonomy, sort order and code, filtered by search (code or a
/// name), taxonomy_id, parent_id and top_only (terms without a parent), combined as AND.
/// </summary>
public sealed record ListHsdsTaxonomyTermsQuery(HsdsParameters Parameters) : IRequest<JsonObject>;

public sealed class ListHsdsTaxonomyTermsHandler(IDbConnectionFactory db) : IRequestHandler<ListHsdsTaxonomyTermsQuery, JsonObject>
{
    public Task<JsonObject> Handle(ListHsdsTaxonomyTermsQuery request, CancellationToken cancellationToken) =>
        db.ReadAsync(async (connection, ct) =>
        {
            var f = request.Parameters.Filter;
            var terms = (await connection.QueryAsync<TaxonomyTermDto>(new CommandDefinition(
                $"SELECT {TaxonomyReads.TermColumns} FROM {TaxonomyReads.TermFrom} WHERE tt.archived_at IS NULL " +
                "ORDER BY t.code, tt.sort_order, tt.code", cancellationToken: ct))).ToList();
            var taxonomies = (await connection.QueryAsync<TaxonomyDto>(new CommandDefinition(
                $"SELECT {TaxonomyReads.TaxonomyColumns} FROM taxonomies t", cancellationToken: ct))).ToDictionary(t => t.Id);
            var list = terms.Where(t => (f.TaxonomyId is null || t.TaxonomyId == f.TaxonomyId)
                    && (f.ParentId is null || t.ParentId == f.ParentId) && (!f.TopOnly || t.ParentId is null)
                    && (f.Search is not { } s || t.Code.Contains(s, StringComparison.OrdinalIgnoreCase)
                        || t.NameDe.Contains(s, StringComparison.OrdinalIgnoreCase)
                        || t.NameEn.Contains(s, StringComparison.OrdinalIgnoreCase)))
                .ToDictionary(t => t.Id);
            var entries = list.Values.Select(t => new HsdsReads.Entry { Id = t.Id, UpdatedAt = t.UpdatedAt }).ToList();
            return await HsdsPage.OfAsync(entries, request.Parameters, ids => Task.FromResult(ids.Select(id =>
                HsdsMapping.TaxonomyTerm(list[id], null).Put("taxonomy", taxonomies[list[id].TaxonomyId].Name)).ToList()));
        }, cancellationToken);
}
