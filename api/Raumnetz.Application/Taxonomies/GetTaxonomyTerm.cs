using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Taxonomies;

public sealed record GetTaxonomyTermQuery(Guid TaxonomyId, Guid Id) : IRequest<TaxonomyTermDto>;

public sealed class GetTaxonomyTermHandler(IDbConnectionFactory db) : IRequestHandler<GetTaxonomyTermQuery, TaxonomyTermDto>
{
    public async Task<TaxonomyTermDto> Handle(GetTaxonomyTermQuery request, CancellationToken cancellationToken) =>
        await db.ReadAsync((connection, ct) => TaxonomyReads.LoadTermAsync(connection, null, request.Id, ct), cancellationToken)
            is { } term && term.TaxonomyId == request.TaxonomyId ? term : throw new NotFoundException("Taxonomy term", request.Id);
}
