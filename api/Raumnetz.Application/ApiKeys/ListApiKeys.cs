using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.ApiKeys;

public sealed record ListApiKeysQuery : IRequest<IReadOnlyList<ApiKeyDto>>;

public sealed class ListApiKeysHandler(IDbConnectionFactory db, ApiKeyReads reads)
    : IRequestHandler<ListApiKeysQuery, IReadOnlyList<ApiKeyDto>>
{
    public Task<IReadOnlyList<ApiKeyDto>> Handle(ListApiKeysQuery request, CancellationToken cancellationToken) =>
        db.ReadAsync(reads.ListAsync, cancellationToken);
}
