using Raumnetz.Domain.Common;
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
        RuleFor(x => x.Cursor).Must(c => Cursor.TryDecode(c, out _)).WithMessage(_ => Messages.Rule_Cursor);
    }
}

public sealed class ListIndicatorSetsHandler(IDbConnectionFactory db, IndicatorSetReads reads)
    : IRequestHandler<ListIndicatorSetsQuery, Page<IndicatorSetDto>>
{
    public async Task<Page<IndicatorSetDto>> Handle(ListIndicatorSetsQuery request, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? Paging.DefaultLimit;
        var where = new List<string>();
        var p = new DynamicParameters();
        if (request.NetworkId is { } networkId) { where.Add("s.network_id = @networkId"); p.Add("networkId", networkId); }
        if (!string.IsNullOrWhiteSpace(request.Q)) { where.Add("s.search_key LIKE @q ESCAPE '\\'"); p.Add("q",
                Search.ContainsPattern(request.Q)); }
        Cursor.TryDecode(request.Cursor, out var cursor);
        if (cursor is not null)
        {
            where.Add("(s.search_key > @ck OR (s.search_key = @ck AND s.id > @cid))");
            p.Add("ck", cursor.Key);
            p.Add("cid", cursor.Id);
        }
        p.Add("take", limit + 1);
        var sql = $"""
            SELECT {IndicatorSetReads.Columns}, s.search_key AS {QueryExtensions.SortKey} FROM indicator_sets s
            {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}
            ORDER BY s.search_key, s.id {db.Dialect.Limit("@take")}
            """;
        return await db.ReadAsync(async (connection, ct) =>
        {
            var page = await connection.QueryPageAsync<IndicatorSetDto>(sql, p, limit, s => s.Id, ct);
            return page with { Items = await reads.CompleteAsync(connection, null, page.Items, ct) };
        }, cancellationToken);
    }
}
