using System.Text.Json.Nodes;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Taxonomies;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Hsds;

/// <summary>GET /hsds/taxonomy_terms/{id}: the term with its taxonomy (taxonomy_detail); archived terms stay readable.</summary>
public sealed record GetHsdsTaxonomyTermQuery(Guid Id) : IRequest<JsonObject>;

public sealed class GetHsdsTaxonomyTermHandler(IDbConnectionFactory db) : IRequestHandler<GetHsdsTaxonomyTermQuery, JsonObject>
{
    public Task<JsonObject> Handle(GetHsdsTaxonomyTermQuery request, CancellationToken cancellationToken) =>
        db.ReadAsync(async (connection, ct) =>
        {
            var term = await TaxonomyReads.LoadTermAsync(connection, null, request.Id, ct)
                ?? throw new NotFoundException("Taxonomy term", request.Id);
            return HsdsMapping.TaxonomyTerm(term, await TaxonomyReads.LoadTaxonomyAsync(connection, null, term.TaxonomyId, ct));
        }, cancellationToken);
}
