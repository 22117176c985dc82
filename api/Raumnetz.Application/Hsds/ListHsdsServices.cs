using System.Text.Json.Nodes;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Hsds;

/// <summary>
/// GET /hsds/services: services sorted by name, filtered by search, taxonomy_term_id, taxonomy_id, organization_id and
/// modified_after (AND). Items hold the direct properties; full=true nests everything; minimal=true only id, name, status and
/// last_modified.
/// </summary>
public sealed record ListHsdsServicesQuery(HsdsParameters Parameters) : IRequest<JsonObject>;

public sealed class ListHsdsServicesHandler(IDbConnectionFactory db, HsdsReads reads) : IRequestHandler<ListHsdsServicesQuery, JsonObject>
{
    public Task<JsonObject> Handle(ListHsdsServicesQuery request, CancellationToken cancellationToken) =>
        db.ReadAsync(async (connection, ct) =>
        {
            var p = request.Parameters;
            var entries = await reads.ServiceEntriesAsync(connection, p.Filter, ct);
            return await HsdsPage.OfAsync(entries, p, async ids =>
            {
                var list = await reads.ServicesAsync(connection, ids, p.Full && !p.Minimal, ct);
                return p.Minimal ? list.Select(Minimal).ToList() : list;
            });
        }, cancellationToken);

    private static JsonObject Minimal(JsonObject service) => new()
    {
        ["id"] = service["id"]!.DeepClone(), ["name"] = service["name"]!.DeepClone(), ["status"] = service["status"]!.DeepClone(),
        ["last_modified"] = service["last_modified"]!.DeepClone(),
    };
}
