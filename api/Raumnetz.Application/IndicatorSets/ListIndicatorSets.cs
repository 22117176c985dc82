using Raumnetz.Domain.Common;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.IndicatorSets;

/// <summary>Indicator sets sorted by name, filtered by owning network and text in the name.</summary>
public sealed record ListIndicatorSetsQuery(Guid? NetworkId, string? Q, ListOptions List) : IRequest<Page<IndicatorSetDto>>, IListQuery
{
    /// <summary>Sorts: name (default), createdAt, updatedAt.</summary>
    public static readonly ListDefinition Sorts = new("s.id", "s.updated_at", "name",
        new SortColumn("name", "s.search_key", SortKind.Text),
        new SortColumn("createdAt", "s.created_at", SortKind.Instant),
        new SortColumn("updatedAt", "s.updated_at", SortKind.Instant));
}

public sealed class ListIndicatorSetsValidator : AbstractValidator<ListIndicatorSetsQuery>
{
    public ListIndicatorSetsValidator()
    {
        RuleFor(x => x.Q).MaximumLength(Limits.Search);
        Include(new ListOptionsValidator<ListIndicatorSetsQuery>(ListIndicatorSetsQuery.Sorts));
    }
}

public sealed class ListIndicatorSetsHandler(IDbConnectionFactory db, IndicatorSetReads reads)
    : IRequestHandler<ListIndicatorSetsQuery, Page<IndicatorSetDto>>
{
    public async Task<Page<IndicatorSetDto>> Handle(ListIndicatorSetsQuery request, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var p = new DynamicParameters();
        if (request.NetworkId is { } networkId) { where.Add("s.network_id = @networkId"); p.Add("networkId", networkId); }
        if (!string.IsNullOrWhiteSpace(request.Q)) { where.Add("s.search_key LIKE @q ESCAPE '\\'"); p.Add("q",
                Search.ContainsPattern(request.Q)); }
        var sql = new ListSql(IndicatorSetReads.Columns, "indicator_sets s", where, p);
        return await db.ReadAsync(async (connection, ct) =>
        {
            var page = await connection.QueryListAsync<IndicatorSetDto>(db.Dialect, ListIndicatorSetsQuery.Sorts, request.List, sql,
                s => s.Id, ct);
            return page with { Items = await reads.CompleteAsync(connection, null, page.Items, ct) };
        }, cancellationToken);
    }
}
