using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.IndicatorSets;

/// <summary>Indicator sets sorted by name, filtered by owning network and text in the name.</summary>
public sealed record ListIndicatorSetsQuery(Guid? NetworkId, string? Q, int? Limit, string? Cursor) : IRequest<Page<IndicatorSetDto>>;

public sealed class ListIndicatorSetsValidator : AbstractValidator<ListIndicatorSetsQuery>
{
    public ListIndicatorSetsValidator()
    {
        RuleFor(x => x.Q).MaximumLength(Limits.Search);
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(x => x.Cursor).Must(c => Cursor.TryDecode(c, out _)).WithMessage("'cursor' is not a cursor this API issued.");
    }
}

public sealed class ListIndicatorSetsHandler(IDbConnectionFactory db) : IRequestHandler<ListIndicatorSetsQuery, Page<IndicatorSetDto>>
{
    public async Task<Page<IndicatorSetDto>> Handle(ListIndicatorSetsQuery request, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? Paging.DefaultLimit;
        var where = new List<string>();
        var p = new DynamicParameters();
        if (request.NetworkId is { } networkId) { where.Add("s.network_id = @networkId"); p.Add("networkId", networkId); }
        if (!string.IsNullOrWhiteSpace(request.Q)) { where.Add("s.search_key LIKE @q ESCAPE '\\'"); p.Add("q", Search.ContainsPattern(request.Q)); }
        Cursor.TryDecode(request.Cursor, out var cursor);
        if (cursor is not null)
        {
            where.Add("(s.search_key > @ck OR (s.search_key = @ck AND s.id > @cid))");
            p.Add("ck", cursor.Key);
            p.Add("cid", cursor.Id);
        }
        p.Add("take", limit + 1);
        var sql = $"""
            SELECT {IndicatorSetRow.Columns} FROM indicator_sets s
            {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}
            ORDER BY s.search_key, s.id {db.Dialect.Limit("@take")}
            """;
        return await db.ReadAsync(async (connection, ct) =>
        {
            var rows = (await connection.QueryAsync<IndicatorSetRow>(new CommandDefinition(sql, p, cancellationToken: ct))).ToList();
            var page = Paging.ToPage(rows, limit, r => (r.SearchKey, r.Id));
            return new Page<IndicatorSetDto>(await IndicatorSetLoader.ToDtosAsync(connection, null, db.Dialect, page.Items, ct), page.NextCursor);
        }, cancellationToken);
    }
}
