using System.Text.Json.Nodes;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Hsds;

/// <summary>GET /hsds/service_at_locations/{id}: with its location and service; 404 when the service or location is archived.</summary>
public sealed record GetHsdsServiceAtLocationQuery(Guid Id) : IRequest<JsonObject>;

public sealed class GetHsdsServiceAtLocationHandler(IDbConnectionFactory db, HsdsReads reads)
    : IRequestHandler<GetHsdsServiceAtLocationQuery, JsonObject>
{
    public Task<JsonObject> Handle(GetHsdsServiceAtLocationQuery request, CancellationToken cancellationToken) =>
        db.ReadAsync(async (connection, ct) =>
        {
            var published = await HsdsReads.IsPublishedAsync(connection, "service_at_locations", request.Id, ct);
            var list = published ? await reads.ServiceAtLocationsAsync(connection, [request.Id], true, ct) : [];
            return list.Count == 1 ? list[0] : throw new NotFoundException("Service at location", request.Id);
        }, cancellationToken);
}
