using Raumnetz.Domain.Common;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Actors;

namespace Raumnetz.Application.Actors;

/// <summary>
/// Actors sorted by name, filtered by kind, type, sector, social space (including the spaces below it) and text
/// in name or short name. Archived actors only with <see cref="IncludeArchived"/>.
/// </summary>
public sealed record ListActorsQuery(
    ActorKind? Kind, string? Type, Sector? Sector, Guid? SpaceId, string? Q, bool IncludeArchived, ListOptions List)
    : IRequest<Page<ActorDto>>, IListQuery
{
    /// <summary>Sorts: name (default), kind, type, sector, createdAt, updatedAt.</summary>
    public static readonly ListDefinition Sorts = new("a.id", "a.updated_at", "name",
        new SortColumn("name", "a.search_key", SortKind.Text),
        new SortColumn("kind", "a.kind", SortKind.Text),
        new SortColumn("type", "COALESCE(a.type_code, '')", SortKind.Text),
        new SortColumn("sector", "COALESCE(a.sector, '')", SortKind.Text),
        new SortColumn("createdAt", "a.created_at", SortKind.Instant),
        new SortColumn("updatedAt", "a.updated_at", SortKind.Instant));
}

public sealed class ListActorsValidator : AbstractValidator<ListActorsQuery>
{
    public ListActorsValidator()
    {
        RuleFor(x => x.Kind).DefinedEnum();
        RuleFor(x => x.Sector).DefinedEnum();
        RuleFor(x => x.Type).MaximumLength(Limits.Code);
        RuleFor(x => x.Q).MaximumLength(Limits.Search);
        Include(new ListOptionsValidator<ListActorsQuery>(ListActorsQuery.Sorts));
    }
}

public sealed class ListActorsHandler(IDbConnectionFactory db, ActorReads reads) : IRequestHandler<ListActorsQuery, Page<ActorDto>>
{
    public async Task<Page<ActorDto>> Handle(ListActorsQuery request, CancellationToken cancellationToken)
    {
        var with = "";
        var where = new List<string>();
        var p = new DynamicParameters();
        if (request.Kind is { } kind) { where.Add("a.kind = @kind"); p.Add("kind", kind.ToString()); }
        if (!string.IsNullOrWhiteSpace(request.Type)) { where.Add("a.type_code = @type"); p.Add("type", request.Type.Trim()); }
        if (request.Sector is { } sector) { where.Add("a.sector = @sector"); p.Add("sector", sector.ToString()); }
        if (request.SpaceId is { } spaceId)
        {
            // The space and every space below it.
            with = $"""
                {db.Dialect.WithRecursive} subtree (id) AS (
                    SELECT id FROM spaces WHERE id = @spaceId
                    UNION ALL
                    SELECT s.id FROM spaces s JOIN subtree st ON s.parent_id = st.id
                )
                """;
            where.Add("EXISTS (SELECT 1 FROM actor_spaces x JOIN subtree st ON st.id = x.space_id WHERE x.actor_id = a.id)");
            p.Add("spaceId", spaceId);
        }
        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            where.Add("a.search_key LIKE @q ESCAPE '\\'");
            p.Add("q", Search.ContainsPattern(request.Q));
        }
        if (!request.IncludeArchived) where.Add("a.archived_at IS NULL");
        var sql = new ListSql(ActorReads.Columns, ActorReads.From, where, p, with);
        return await db.ReadAsync(async (connection, ct) =>
        {
            var page = await connection.QueryListAsync<ActorDto>(db.Dialect, ListActorsQuery.Sorts, request.List, sql, a => a.Id, ct);
            return page with { Items = await reads.CompleteAsync(connection, null, page.Items, ct) };
        }, cancellationToken);
    }
}
