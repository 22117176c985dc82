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
public sealed record ListNetworksQuery(Guid? SpaceId, NetworkKind? Kind, NetworkStatus? Status, Guid? MemberActorId, string? Q, int? Limit,
    string? Cursor)
    : IRequest<Page<NetworkDto>>;

public sealed class ListNetworksValidator : AbstractValidator<ListNetworksQuery>
{
    public ListNetworksValidator()
    {
        RuleFor(x => x.Kind).DefinedEnum();
        RuleFor(x => x.Status).DefinedEnum();
        RuleFor(x => x.Q).MaximumLength(Limits.Search);
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(x => x.Cursor).Must(c => Cursor.TryDecode(c, out _)).WithMessage(_ => Messages.Rule_Cursor);
    }
}

public sealed class ListNetworksHandler(IDbConnectionFactory db, NetworkReads reads, TimeProvider clock)
    : IRequestHandler<ListNetworksQuery, Page<NetworkDto>>
{
    public async Task<Page<NetworkDto>> Handle(ListNetworksQuery request, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? Paging.DefaultLimit;
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
        Cursor.TryDecode(request.Cursor, out var cursor);
        if (cursor is not null)
        {
            where.Add("(n.search_key > @ck OR (n.search_key = @ck AND n.id > @cid))");
            p.Add("ck", cursor.Key);
            p.Add("cid", cursor.Id);
        }
        p.Add("take", limit + 1);
        var sql = $"""
            {with}
            SELECT {NetworkReads.Columns}, n.search_key AS {QueryExtensions.SortKey} FROM {NetworkReads.From}
            {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}
            ORDER BY n.search_key, n.id {db.Dialect.Limit("@take")}
            """;
        return await db.ReadAsync(async (connection, ct) =>
        {
            var page = await connection.QueryPageAsync<NetworkDto>(sql, p, limit, n => n.Id, ct);
            return page with { Items = await reads.CompleteAsync(connection, null, page.Items, ct) };
        }, cancellationToken);
    }
}
