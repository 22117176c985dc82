using System.Data.Common;
using AutoMapper;
using Dapper;

namespace Raumnetz.Application.Spaces;

/// <summary>The loads of spaces that several use cases share: one space as GET returns it, and as create, update and end answer.</summary>
public sealed class SpaceReads(IMapper mapper)
{
    private sealed class PredecessorLink
    {
        public Guid SpaceId { get; init; }
        public Guid PredecessorId { get; init; }
    }

    /// <summary>One space with its predecessors and successors; null when there is none with this id.</summary>
    public async Task<SpaceDto?> LoadAsync(DbConnection connection, DbTransaction? tx, Guid id, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<SpaceRow>(new CommandDefinition(
            $"SELECT {SpaceRow.Columns} FROM {SpaceRow.From} WHERE s.id = @id", new { id }, tx, cancellationToken: ct));
        if (row is null) return null;
        var links = (await connection.QueryAsync<PredecessorLink>(new CommandDefinition(
            "SELECT space_id, predecessor_id FROM space_predecessors WHERE space_id = @id OR predecessor_id = @id", new { id }, tx,
                cancellationToken: ct))).ToList();
        return mapper.Map<SpaceDto>(row) with
        {
            PredecessorIds = links.Where(l => l.SpaceId == id).Select(l => l.PredecessorId).ToList(),
            SuccessorIds = links.Where(l => l.PredecessorId == id).Select(l => l.SpaceId).ToList(),
        };
    }
}
