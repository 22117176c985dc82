using Raumnetz.Domain.Common;
using AutoMapper;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Indicators;

/// <summary>Indicators sorted by name, filtered by kind, topic and text in name or code.</summary>
public sealed record ListIndicatorsQuery(IndicatorKind? Kind, string? Topic, string? Q, int? Limit, string? Cursor)
    : IRequest<Page<IndicatorDto>>;

public sealed class ListIndicatorsValidator : AbstractValidator<ListIndicatorsQuery>
{
    public ListIndicatorsValidator()
    {
        RuleFor(x => x.Kind).DefinedEnum();
        RuleFor(x => x.Topic).MaximumLength(Limits.Name);
        RuleFor(x => x.Q).MaximumLength(Limits.Search);
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(x => x.Cursor).Must(c => Cursor.TryDecode(c, out _)).WithMessage(_ => Messages.Rule_Cursor);
    }
}

public sealed class ListIndicatorsHandler(IDbConnectionFactory db, IMapper mapper)
    : IRequestHandler<ListIndicatorsQuery, Page<IndicatorDto>>
{
    public async Task<Page<IndicatorDto>> Handle(ListIndicatorsQuery request, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? Paging.DefaultLimit;
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
        Cursor.TryDecode(request.Cursor, out var cursor);
        if (cursor is not null)
        {
            where.Add("(i.search_key > @ck OR (i.search_key = @ck AND i.id > @cid))");
            p.Add("ck", cursor.Key);
            p.Add("cid", cursor.Id);
        }
        p.Add("take", limit + 1);
        var sql = $"""
            SELECT {IndicatorRow.Columns} FROM indicators i
            {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}
            ORDER BY i.search_key, i.id {db.Dialect.Limit("@take")}
            """;
        var rows = await db.ReadAsync(async (connection, ct) =>
            (await connection.QueryAsync<IndicatorRow>(new CommandDefinition(sql, p, cancellationToken: ct))).ToList(), cancellationToken);
        var page = Paging.ToPage(rows, limit, r => (r.SearchKey, r.Id));
        return new Page<IndicatorDto>(mapper.Map<List<IndicatorDto>>(page.Items), page.NextCursor);
    }
}
