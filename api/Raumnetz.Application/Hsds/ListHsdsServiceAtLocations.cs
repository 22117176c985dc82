using System.Text.Json.Nodes;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Hsds;

/// <summary>
/// GET /hsds/service_at_locations: where services are offered, sorted by service and location name, filtered by search (service
/// or location name), taxonomy_term_id, taxonomy_id, organization_id, modified_after, postcode and proximity (AND). Each entry
/// carries its location; full=true adds the service.
/// </summary>
public sealed record ListHsdsServiceAtLocationsQuery(HsdsParameters Parameters) : IRequest<JsonObject>;

public sealed class ListHsdsServiceAtLocationsHandler(IDbConnectionFactory db, HsdsReads reads)
    : IRequestHandler<ListHsdsServiceAtLocationsQuery, JsonObject>
{
    public Task<JsonObject> Handle(ListHsdsServiceAtLocationsQuery request, CancellationToken cancellationToken) =>
        db.ReadAsync(async (connection, ct) =>
        {
            var p = request.Parameters;
            var entries = await reads.ServiceAtLocationEntriesAsync(connection, p.Filter, ct);
            return await HsdsPage.OfAsync(entries, p, ids => reads.ServiceAtLocationsAsync(connection, ids, p.Full, ct));
        }, cancellationToken);
}
