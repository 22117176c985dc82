using System.Text.Json.Nodes;
using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Taxonomies;

namespace Raumnetz.Application.Hsds;

/// <summary>GET /hsds/taxonomies: every taxonomy sorted by code, filtered by search (name or code).</summary>
public sealed record ListHsdsTaxonomiesQuery(HsdsParameters Parameters) : IRequest<JsonObject>;

public sealed class ListHsdsTaxonomiesHandler(IDbConnectionFactory db) : IRequestHandler<ListHsdsTaxonomiesQuery, JsonObject>
{
    public Task<JsonObject> Handle(ListHsdsTaxonomiesQuery request, CancellationToken cancellationToken) =>
        db.ReadAsync(async (connection, ct) =>
        {
            var all = (await connection.QueryAsync<TaxonomyDto>(new CommandDefinition(
                $"SELECT {TaxonomyReads.TaxonomyColumns} FROM taxonomies t ORDER BY t.code, t.id", cancellationToken: ct))).ToList();
            var search = request.Parameters.Filter.Search;
            var list = all.Where(t => search is null || t.Name.Contains(search, StringComparison.OrdinalIgnoreCase)
                || t.Code.Contains(search, StringComparison.OrdinalIgnoreCase)).ToDictionary(t => t.Id);
            var entries = list.Values.Select(t => new HsdsReads.Entry { Id = t.Id, UpdatedAt = t.UpdatedAt }).ToList();
            return await HsdsPage.OfAsync(entries, request.Parameters,
                ids => Task.FromResult(ids.Select(id => HsdsMapping.Taxonomy(list[id])).ToList()));
        }, cancellationToken);
}
