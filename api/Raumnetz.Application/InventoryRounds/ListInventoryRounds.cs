using Raumnetz.Domain.Common;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.InventoryRounds;

/// <summary>Inventory rounds sorted by name, filtered by region (rounds of this space or a space below it), status and text.</summary>
public sealed record ListInventoryRoundsQuery(Guid? SpaceId, InventoryRoundStatus? Status, string? Q, ListOptions List)
    : IRequest<Page<InventoryRoundDto>>, IListQuery
{
    /// <summary>Sorts: name (default), startsOn, endsOn, status, updatedAt.</summary>
    public static readonly ListDefinition Sorts = new("r.id", "r.updated_at", "name",
        new SortColumn("name", "r.search_key", SortKind.Text),
        new SortColumn("startsOn", "r.starts_on", SortKind.Date),
        new SortColumn("endsOn", "r.ends_on", SortKind.Date),
        new SortColumn("status", "r.status", SortKind.Text),
        new SortColumn("updatedAt", "r.updated_at", SortKind.Instant));
}

public sealed class ListInventoryRoundsValidator : AbstractValidator<ListInventoryRoundsQuery>
{
    public ListInventoryRoundsValidator()
    {
        RuleFor(x => x.Status).DefinedEnum();
        RuleFor(x => x.Q).MaximumLength(Limits.Search);
        Include(new ListOptionsValidator<ListInventoryRoundsQuery>(ListInventoryRoundsQuery.Sorts));
    }
}

public sealed class ListInventoryRoundsHandler(IDbConnectionFactory db, InventoryRoundReads reads)
    : IRequestHandler<ListInventoryRoundsQuery, Page<InventoryRoundDto>>
{
    public async Task<Page<InventoryRoundDto>> Handle(ListInventoryRoundsQuery request, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var p = new DynamicParameters();
        var with = "";
        if (request.SpaceId is { } spaceId)
        {
            with = $"""
                {db.Dialect.WithRecursive} subtree (id) AS (
                    SELECT id FROM spaces WHERE id = @spaceId
                    UNION ALL
                    SELECT s.id FROM spaces s JOIN subtree t ON s.parent_id = t.id)
                """;
            where.Add("r.space_id IN (SELECT id FROM subtree)");
            p.Add("spaceId", spaceId);
        }
        if (request.Status is { } status) { where.Add("r.status = @status"); p.Add("status", status.ToString()); }
        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            where.Add("r.search_key LIKE @q ESCAPE '\\'");
            p.Add("q", Search.ContainsPattern(request.Q));
        }
        var sql = new ListSql(InventoryRoundReads.Columns, InventoryRoundReads.From, where, p, with);
        return await db.ReadAsync(async (connection, ct) =>
        {
            var page = await connection.QueryListAsync<InventoryRoundDto>(db.Dialect, ListInventoryRoundsQuery.Sorts, request.List,
                sql, r => r.Id, ct);
            return page with { Items = await reads.CompleteAsync(connection, null, page.Items, ct) };
        }, cancellationToken);
    }
}
