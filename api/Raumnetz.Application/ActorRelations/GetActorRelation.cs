using System.Data.Common;
using AutoMapper;
using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.ActorRelations;

public sealed record GetActorRelationQuery(Guid Id) : IRequest<ActorRelationDto>;

public sealed class GetActorRelationHandler(IDbConnectionFactory db, IMapper mapper) : IRequestHandler<GetActorRelationQuery, ActorRelationDto>
{
    public async Task<ActorRelationDto> Handle(GetActorRelationQuery request, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await LoadAsync(connection, null, mapper, request.Id) ?? throw new NotFoundException("Actor relation", request.Id);
    }

    /// <summary>One relation with both actors' names; used after writes too.</summary>
    internal static async Task<ActorRelationDto?> LoadAsync(DbConnection connection, DbTransaction? tx, IMapper mapper, Guid id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ActorRelationRow>(
            $"SELECT {ActorRelationRow.Columns} FROM {ActorRelationRow.From} WHERE r.id = @id", new { id }, tx);
        return row is null ? null : mapper.Map<ActorRelationDto>(row);
    }
}
