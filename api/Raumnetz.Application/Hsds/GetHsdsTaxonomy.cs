using System.Text.Json.Nodes;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Taxonomies;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Hsds;

/// <summary>GET /hsds/taxonomies/{id}.</summary>
public sealed record GetHsdsTaxonomyQuery(Guid Id) : IRequest<JsonObject>;

public sealed class GetHsdsTaxonomyHandler(IDbConnectionFactory db) : IRequestHandler<GetHsdsTaxonomyQuery, JsonObject>
{
    public Task<JsonObject> Handle(GetHsdsTaxonomyQuery request, CancellationToken cancellationToken) =>
        db.ReadAsync(async (connection, ct) =>
            HsdsMapping.Taxonomy(await TaxonomyReads.LoadTaxonomyAsync(connection, null, request.Id, ct)
                ?? throw new NotFoundException("Taxonomy", request.Id)), cancellationToken);
}
