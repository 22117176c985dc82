using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Actors;

public sealed record GetActorQuery(Guid Id) : IRequest<ActorDto>;

public sealed class GetActorHandler(IDbConnectionFactory db, ActorReads reads) : IRequestHandler<GetActorQuery, ActorDto>
{
    public async Task<ActorDto> Handle(GetActorQuery request, CancellationToken cancellationToken) =>
        await db.ReadAsync((connection, ct) => reads.LoadAsync(connection, null, request.Id, ct), cancellationToken)
            ?? throw new NotFoundException("Actor", request.Id);
}
