using System.Data.Common;
using AutoMapper;
using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Spaces;

public sealed record GetSpaceQuery(Guid Id) : IRequest<SpaceDto>;

public sealed class GetSpaceHandler(IDbConnectionFactory db, IMapper mapper) : IRequestHandler<GetSpaceQuery, SpaceDto>
{
    public async Task<SpaceDto> Handle(GetSpaceQuery request, CancellationToken cancellationToken)
    {
        return await db.ReadAsync((connection, _) => LoadAsync(connection, null, mapper, request.Id), cancellationToken)
            ?? throw new NotFoundException("Space", request.Id);
    }

    private sealed class PredecessorLink
    {
        public Guid SpaceId { get; init; }
        public Guid PredecessorId { get; init; }
    }

    /// <summary>One space with its predecessors and successors; used after writes too.</summary>
    internal static async Task<SpaceDto?> LoadAsync(DbConnection connection, DbTransaction? tx, IMapper mapper, Guid id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<SpaceRow>(
            $"SELECT {SpaceRow.Columns} FROM {SpaceRow.From} WHERE s.id = @id", new { id }, tx);
        if (row is null) return null;
        var links = (await connection.QueryAsync<PredecessorLink>(
            "SELECT space_id, predecessor_id FROM space_predecessors WHERE space_id = @id OR predecessor_id = @id", new { id }, tx)).ToList();
        return mapper.Map<SpaceDto>(row) with
        {
            PredecessorIds = links.Where(l => l.SpaceId == id).Select(l => l.PredecessorId).ToList(),
            SuccessorIds = links.Where(l => l.PredecessorId == id).Select(l => l.SpaceId).ToList(),
        };
    }
}
