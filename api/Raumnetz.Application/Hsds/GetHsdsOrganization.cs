using System.Text.Json.Nodes;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Hsds;

/// <summary>GET /hsds/organizations/{id}: an organisation of the inventory with its services (full_service=true: fully nested).
/// A person, or an actor the inventory does not name, is 404.</summary>
public sealed record GetHsdsOrganizationQuery(Guid Id, bool FullService) : IRequest<JsonObject>;

public sealed class GetHsdsOrganizationHandler(IDbConnectionFactory db, HsdsReads reads)
    : IRequestHandler<GetHsdsOrganizationQuery, JsonObject>
{
    public Task<JsonObject> Handle(GetHsdsOrganizationQuery request, CancellationToken cancellationToken) =>
        db.ReadAsync(async (connection, ct) =>
        {
            var entries = await reads.OrganizationEntriesAsync(connection, new HsdsFilter(), ct);
            var list = entries.Any(e => e.Id == request.Id)
                ? await reads.OrganizationsAsync(connection, [request.Id], true, request.FullService, ct) : [];
            return list.Count == 1 ? list[0] : throw new NotFoundException("Organization", request.Id);
        }, cancellationToken);
}
