using Dapper;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Taxonomies;

/// <summary>Every taxonomy, sorted by kind and code (there are a handful).</summary>
public sealed record ListTaxonomiesQuery : IRequest<IReadOnlyList<TaxonomyDto>>;

public sealed class ListTaxonomiesHandler(IDbConnectionFactory db) : IRequestHandler<ListTaxonomiesQuery, IReadOnlyList<TaxonomyDto>>
{
    public Task<IReadOnlyList<TaxonomyDto>> Handle(ListTaxonomiesQuery request, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<TaxonomyDto>>(async (connection, ct) => (await connection.QueryAsync<TaxonomyDto>(new CommandDefinition(
            $"SELECT {TaxonomyReads.TaxonomyColumns} FROM taxonomies t ORDER BY t.kind, t.code", cancellationToken: ct))).ToList(),
            cancellationToken);
}
