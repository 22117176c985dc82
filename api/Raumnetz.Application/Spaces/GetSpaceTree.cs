using Dapper;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Spaces;

/// <summary>The whole hierarchy in one call; with <see cref="ValidOn"/> only the spaces valid on that day.</summary>
public sealed record GetSpaceTreeQuery(DateOnly? ValidOn) : IRequest<IReadOnlyList<SpaceTreeNode>>;

public sealed class GetSpaceTreeHandler(IDbConnectionFactory db) : IRequestHandler<GetSpaceTreeQuery, IReadOnlyList<SpaceTreeNode>>
{
    public async Task<IReadOnlyList<SpaceTreeNode>> Handle(GetSpaceTreeQuery request, CancellationToken cancellationToken)
    {
        var rows = await db.ReadAsync(async (connection, ct) => (await connection.QueryAsync<SpaceRow>(new CommandDefinition("""
            SELECT s.id, s.code, s.name, s.search_key, s.level, s.parent_id, s.population, s.valid_from, s.valid_to
            FROM spaces s ORDER BY s.search_key, s.id
            """, cancellationToken: ct))).ToList(), cancellationToken);
        var day = request.ValidOn;
        var visible = rows.Where(r => day is null || Raumnetz.Domain.Spaces.SpaceRules.IsValidOn(r.ValidFrom, r.ValidTo, day.Value))
            .ToList();
        var nodes = visible.ToDictionary(r => r.Id, SpaceTreeNode.From);
        var roots = new List<SpaceTreeNode>();
        foreach (var row in visible)
        {
            if (row.ParentId is { } parent && nodes.TryGetValue(parent, out var parentNode)) parentNode.Children.Add(nodes[row.Id]);
            else roots.Add(nodes[row.Id]);
        }
        return roots;
    }
}
