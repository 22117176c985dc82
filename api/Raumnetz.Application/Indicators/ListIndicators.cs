using Raumnetz.Domain.Common;
using AutoMapper;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Indicators;

/// <summary>Indicators sorted by name, filtered by kind, topic and text in name or code.</summary>
public sealed record ListIndicatorsQuery(IndicatorKind? Kind, string? Topic, string? Q, ListOptions List)
    : IRequest<Page<IndicatorDto>>, IListQuery
{
    /// <summary>Sorts: name (default), code, kind, topic, updatedAt.</summary>
    public static readonly ListDefinition Sorts = new("i.id", "i.updated_at", "name",
        new SortColumn("name", "i.search_key", SortKind.Text),
        new SortColumn("code", "i.code", SortKind.Text),
        new SortColumn("kind", "i.kind", SortKind.Text),
        new SortColumn("topic", "COALESCE(i.topic, '')", SortKind.Text),
        new SortColumn("updatedAt", "i.updated_at", SortKind.Instant));
}

public sealed class ListIndicatorsValidator : AbstractValidator<ListIndicatorsQuery>
{
    public ListIndicatorsValidator()
    {
        RuleFor(x => x.Kind).DefinedEnum();
        RuleFor(x => x.Topic).MaximumLength(Limits.Name);
        RuleFor(x => x.Q).MaximumLength(Limits.Search);
        Include(new ListOptionsValidator<ListIndicatorsQuery>(ListIndicatorsQuery.Sorts));
    }
}

public sealed class ListIndicatorsHandler(IDbConnectionFactory db, IMapper mapper)
    : IRequestHandler<ListIndicatorsQuery, Page<IndicatorDto>>
{
    public async Task<Page<IndicatorDto>> Handle(ListIndicatorsQuery request, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var p = new DynamicParameters();
        if (request.Kind is { } kind) { where.Add("i.kind = @kind"); p.Add("kind", kind.ToString()); }
        if (!string.IsNullOrWhiteSpace(request.Topic)) { where.Add("LOWER(i.topic) = @topic"); p.Add("topic", request.Topic.Trim()
                .ToLowerInvariant()); }
        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            where.Add("(i.search_key LIKE @q ESCAPE '\\' OR LOWER(i.code) LIKE @q ESCAPE '\\')");
            p.Add("q", Search.ContainsPattern(request.Q));
        }
        var sql = new ListSql(IndicatorRow.Columns, "indicators i", where, p);
        var page = await db.ReadAsync((connection, ct) =>
            connection.QueryListAsync<IndicatorRow>(db.Dialect, ListIndicatorsQuery.Sorts, request.List, sql, r => r.Id, ct),
            cancellationToken);
        return new Page<IndicatorDto>(mapper.Map<List<IndicatorDto>>(page.Items), page.NextCursor, page.Total);
    }
}
