using Raumnetz.Domain.Common;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Networks;

namespace Raumnetz.Application.Networks;

/// <summary>
/// Networks sorted by name. Filters: a social space (networks covering it or any space below it), kind, status,
/// an actor that is a member today, and text in the name.
/// </summary>
public sealed record ListNetworksQuery(Guid? SpaceId, NetworkKind? Kind, NetworkStatus? Status, Guid? MemberActorId, string? Q,
    ListOptions List)
    : IRequest<Page<NetworkDto>>, IListQuery
{
    /// <summary>Sorts: name (default), kind, status, startedOn (networks without a start last), updatedAt.</summary>
    public static readonly ListDefinition Sorts = new("n.id", "n.updated_at", "name",
        new SortColumn("name", "n.search_key", SortKind.Text),
        new SortColumn("kind", "n.kind", SortKind.Text),
        new SortColumn("status", "n.status", SortKind.Text),
        SortColumn.DateOrLast("startedOn", "n.started_on"),
        new SortColumn("updatedAt", "n.updated_at", SortKind.Instant));
}

public sealed class ListNetworksValidator : AbstractValidator<ListNetworksQuery>
{
    public ListNetworksValidator()
    {
        RuleFor(x => x.Kind).DefinedEnum();
        RuleFor(x => x.Status).DefinedEnum();
        RuleFor(x => x.Q).MaximumLength(Limits.Search);
        Include(new ListOptionsValidator<ListNetworksQuery>(ListNetworksQuery.Sorts));
    }
}

public sealed class ListNetworksHandler(IDbConnectionFactory db, NetworkReads reads, TimeProvider clock)
    : IRequestHandler<ListNetworksQuery, Page<NetworkDto>>
{
    public async Task<Page<NetworkDto>> Handle(ListNetworksQuery request, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var p = new DynamicParameters();
        p.Add("today", clock.Today());
        var with = "";
        if (request.SpaceId is { } spaceId)
        {
            with = $"""
                {db.Dialect.WithRecursive} subtree (id) AS (
                    SELECT id FROM spaces WHERE id = @spaceId
                    UNION ALL
                    SELECT s.id FROM spaces s JOIN subtree t ON s.parent_id = t.id)
                """;
            where.Add("EXISTS (SELECT 1 FROM network_spaces ns JOIN subtree t ON t.id = ns.space_id WHERE ns.network_id = n.id)");
            p.Add("spaceId", spaceId);
        }
        if (request.Kind is { } kind) { where.Add("n.kind = @kind"); p.Add("kind", kind.ToString()); }
        if (request.Status is { } status) { where.Add("n.status = @status"); p.Add("status", status.ToString()); }
        if (request.MemberActorId is { } actorId)
        {
            where.Add("""
                EXISTS (SELECT 1 FROM network_members mm WHERE mm.network_id = n.id AND mm.actor_id = @actorId
                        AND mm.valid_from <= @today AND (mm.valid_to IS NULL OR mm.valid_to >= @today))
                """);
            p.Add("actorId", actorId);
        }
        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            where.Add("n.search_key LIKE @q ESCAPE '\\'");
            p.Add("q", Search.ContainsPattern(request.Q));
        }
        var sql = new ListSql(NetworkReads.Columns, NetworkReads.From, where, p, with);
        return await db.ReadAsync(async (connection, ct) =>
        {
            var page = await connection.QueryListAsync<NetworkDto>(db.Dialect, ListNetworksQuery.Sorts, request.List, sql, n => n.Id, ct);
            return page with { Items = await reads.CompleteAsync(connection, null, page.Items, ct) };
        }, cancellationToken);
    }
}
