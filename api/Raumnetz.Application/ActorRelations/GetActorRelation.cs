using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.ActorRelations;

public sealed record GetActorRelationQuery(Guid Id) : IRequest<ActorRelationDto>;

public sealed class GetActorRelationHandler(IDbConnectionFactory db, ActorRelationReads reads)
    : IRequestHandler<GetActorRelationQuery, ActorRelationDto>
{
    public async Task<ActorRelationDto> Handle(GetActorRelationQuery request, CancellationToken cancellationToken) =>
        await db.ReadAsync((connection, ct) => reads.LoadAsync(connection, null, request.Id, ct), cancellationToken)
            ?? throw new NotFoundException("Actor relation", request.Id);
}
