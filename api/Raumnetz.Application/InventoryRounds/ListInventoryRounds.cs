using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.InventoryRounds;

/// <summary>Inventory rounds sorted by name, filtered by region (rounds of this space or a space below it), status and text.</summary>
public sealed record ListInventoryRoundsQuery(Guid? SpaceId, InventoryRoundStatus? Status, string? Q, int? Limit, string? Cursor)
    : IRequest<Page<InventoryRoundDto>>;

public sealed class ListInventoryRoundsValidator : AbstractValidator<ListInventoryRoundsQuery>
{
    public ListInventoryRoundsValidator()
    {
        RuleFor(x => x.Status).DefinedEnum();
        RuleFor(x => x.Q).MaximumLength(Limits.Search);
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(x => x.Cursor).Must(c => Cursor.TryDecode(c, out _)).WithMessage("'cursor' is not a cursor this API issued.");
    }
}

public sealed class ListInventoryRoundsHandler(IDbConnectionFactory db, InventoryRoundReads reads)
    : IRequestHandler<ListInventoryRoundsQuery, Page<InventoryRoundDto>>
{
    public async Task<Page<InventoryRoundDto>> Handle(ListInventoryRoundsQuery request, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? Paging.DefaultLimit;
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
        Cursor.TryDecode(request.Cursor, out var cursor);
        if (cursor is not null)
        {
            where.Add("(r.search_key > @ck OR (r.search_key = @ck AND r.id > @cid))");
            p.Add("ck", cursor.Key);
            p.Add("cid", cursor.Id);
        }
        p.Add("take", limit + 1);
        var sql = $"""
            {with}
            SELECT {InventoryRoundReads.Columns}, r.search_key AS {QueryExtensions.SortKey} FROM {InventoryRoundReads.From}
            {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}
            ORDER BY r.search_key, r.id {db.Dialect.Limit("@take")}
            """;
        return await db.ReadAsync(async (connection, ct) =>
        {
            var page = await connection.QueryPageAsync<InventoryRoundDto>(sql, p, limit, r => r.Id, ct);
            return page with { Items = await reads.CompleteAsync(connection, null, page.Items, ct) };
        }, cancellationToken);
    }
}
