using Raumnetz.Domain.Common;
using AutoMapper;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.Application.Spaces;

/// <summary>Spaces sorted by name, filtered by level, parent, text and a day on which they are valid.</summary>
public sealed record ListSpacesQuery(SpaceLevel? Level, Guid? ParentId, string? Q, DateOnly? ValidOn, ListOptions List)
    : IRequest<Page<SpaceDto>>, IListQuery
{
    /// <summary>Sorts: name (default), code, level, validFrom, updatedAt.</summary>
    public static readonly ListDefinition Sorts = new("s.id", "s.updated_at", "name",
        new SortColumn("name", "s.search_key", SortKind.Text),
        new SortColumn("code", "s.code", SortKind.Text),
        new SortColumn("level", "s.level", SortKind.Text),
        new SortColumn("validFrom", "s.valid_from", SortKind.Date),
        new SortColumn("updatedAt", "s.updated_at", SortKind.Instant));
}

public sealed class ListSpacesValidator : AbstractValidator<ListSpacesQuery>
{
    public ListSpacesValidator()
    {
        RuleFor(x => x.Level).DefinedEnum();
        RuleFor(x => x.Q).MaximumLength(Limits.Search);
        Include(new ListOptionsValidator<ListSpacesQuery>(ListSpacesQuery.Sorts));
    }
}

public sealed class ListSpacesHandler(IDbConnectionFactory db, IMapper mapper) : IRequestHandler<ListSpacesQuery, Page<SpaceDto>>
{
    public async Task<Page<SpaceDto>> Handle(ListSpacesQuery request, CancellationToken cancellationToken)
    {
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
        var sql = new ListSql(SpaceRow.Columns, SpaceRow.From, where, p);
        var page = await db.ReadAsync((connection, ct) =>
            connection.QueryListAsync<SpaceRow>(db.Dialect, ListSpacesQuery.Sorts, request.List, sql, r => r.Id, ct), cancellationToken);
        return new Page<SpaceDto>(mapper.Map<List<SpaceDto>>(page.Items), page.NextCursor, page.Total);
    }
}
