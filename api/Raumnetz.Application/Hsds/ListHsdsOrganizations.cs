using System.Text.Json.Nodes;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Hsds;

/// <summary>
/// GET /hsds/organizations: the organisations of the inventory (operators, owners of locations, funders; never persons), sorted
/// by name, filtered by search and modified_after. full=true adds their services (direct properties), full_service=true their
/// fully nested services.
/// </summary>
public sealed record ListHsdsOrganizationsQuery(HsdsParameters Parameters) : IRequest<JsonObject>;

public sealed class ListHsdsOrganizationsHandler(IDbConnectionFactory db, HsdsReads reads)
    : IRequestHandler<ListHsdsOrganizationsQuery, JsonObject>
{
    public Task<JsonObject> Handle(ListHsdsOrganizationsQuery request, CancellationToken cancellationToken) =>
        db.ReadAsync(async (connection, ct) =>
        {
            var p = request.Parameters;
            var entries = await reads.OrganizationEntriesAsync(connection, p.Filter, ct);
            return await HsdsPage.OfAsync(entries, p,
                ids => reads.OrganizationsAsync(connection, ids, p.Full || p.FullService, p.FullService, ct));
        }, cancellationToken);
}
