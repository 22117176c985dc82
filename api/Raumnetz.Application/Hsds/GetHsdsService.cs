using System.Text.Json.Nodes;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Hsds;

/// <summary>GET /hsds/services/{id}: the fully nested service; archived services are not published (404).</summary>
public sealed record GetHsdsServiceQuery(Guid Id) : IRequest<JsonObject>;

public sealed class GetHsdsServiceHandler(IDbConnectionFactory db, HsdsReads reads) : IRequestHandler<GetHsdsServiceQuery, JsonObject>
{
    public Task<JsonObject> Handle(GetHsdsServiceQuery request, CancellationToken cancellationToken) =>
        db.ReadAsync(async (connection, ct) =>
        {
            var published = await HsdsReads.IsPublishedAsync(connection, "services", request.Id, ct);
            var list = published ? await reads.ServicesAsync(connection, [request.Id], true, ct) : [];
            return list.Count == 1 ? list[0] : throw new NotFoundException("Service", request.Id);
        }, cancellationToken);
}
