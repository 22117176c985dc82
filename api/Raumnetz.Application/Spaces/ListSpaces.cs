using Raumnetz.Domain.Common;
using AutoMapper;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.Application.Spaces;

/// <summary>Spaces sorted by name, filtered by level, parent, text and a day on which they are valid.</summary>
public sealed record ListSpacesQuery(SpaceLevel? Level, Guid? ParentId, string? Q, DateOnly? ValidOn, int? Limit, string? Cursor)
    : IRequest<Page<SpaceDto>>;

public sealed class ListSpacesValidator : AbstractValidator<ListSpacesQuery>
{
    public ListSpacesValidator()
    {
        RuleFor(x => x.Level).DefinedEnum();
        RuleFor(x => x.Q).MaximumLength(Limits.Search);
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(x => x.Cursor).Must(c => Cursor.TryDecode(c, out _)).WithMessage(_ => Messages.Rule_Cursor);
    }
}

public sealed class ListSpacesHandler(IDbConnectionFactory db, IMapper mapper) : IRequestHandler<ListSpacesQuery, Page<SpaceDto>>
{
    public async Task<Page<SpaceDto>> Handle(ListSpacesQuery request, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? Paging.DefaultLimit;
        var where = new List<string>();
        var p = new DynamicParameters();
        if (request.Level is { } level) { where.Add("s.level = @level"); p.Add("level", level.ToString()); }
        if (request.ParentId is { } parentId) { where.Add("s.parent_id = @parentId"); p.Add("parentId", parentId); }
        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            where.Add("(s.search_key LIKE @q ESCAPE '\\' OR LOWER(s.code) LIKE @q ESCAPE '\\')");
            p.Add("q", Search.ContainsPattern(request.Q));
        }
        if (request.ValidOn is { } day)
        {
            where.Add("s.valid_from <= @day AND (s.valid_to IS NULL OR s.valid_to >= @day)");
            p.Add("day", day);
        }
        Cursor.TryDecode(request.Cursor, out var cursor);
        if (cursor is not null)
        {
            where.Add("(s.search_key > @ck OR (s.search_key = @ck AND s.id > @cid))");
            p.Add("ck", cursor.Key);
            p.Add("cid", cursor.Id);
        }
        p.Add("take", limit + 1);
        var sql = $"""
            SELECT {SpaceRow.Columns} FROM {SpaceRow.From}
            {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}
            ORDER BY s.search_key, s.id {db.Dialect.Limit("@take")}
            """;
        var rows = await db.ReadAsync(async (connection, ct) =>
            (await connection.QueryAsync<SpaceRow>(new CommandDefinition(sql, p, cancellationToken: ct))).ToList(), cancellationToken);
        var page = Paging.ToPage(rows, limit, r => (r.SearchKey, r.Id));
        return new Page<SpaceDto>(mapper.Map<List<SpaceDto>>(page.Items), page.NextCursor);
    }
}
