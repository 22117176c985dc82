using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.ActorTypes;

public sealed record GetActorTypeQuery(string Code) : IRequest<ActorTypeDto>;

public sealed class GetActorTypeHandler(IDbConnectionFactory db, ActorTypeReads reads) : IRequestHandler<GetActorTypeQuery, ActorTypeDto>
{
    public async Task<ActorTypeDto> Handle(GetActorTypeQuery request, CancellationToken cancellationToken) =>
        await db.ReadAsync((connection, ct) => reads.LoadAsync(connection, null, request.Code, ct), cancellationToken)
            ?? throw new NotFoundException("Actor type", request.Code);
}
