using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Taxonomies;

public sealed record GetTaxonomyQuery(Guid Id) : IRequest<TaxonomyDto>;

public sealed class GetTaxonomyHandler(IDbConnectionFactory db) : IRequestHandler<GetTaxonomyQuery, TaxonomyDto>
{
    public async Task<TaxonomyDto> Handle(GetTaxonomyQuery request, CancellationToken cancellationToken) =>
        await db.ReadAsync((connection, ct) => TaxonomyReads.LoadTaxonomyAsync(connection, null, request.Id, ct), cancellationToken)
            ?? throw new NotFoundException("Taxonomy", request.Id);
}
