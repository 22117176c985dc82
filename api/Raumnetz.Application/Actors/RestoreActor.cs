using AutoMapper;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Actors;

/// <summary>Undoes <see cref="ArchiveActorCommand"/>: the actor shows in the list again. <see cref="ExpectedVersion"/> comes from If-Match.</summary>
public sealed record RestoreActorCommand(Guid Id, long? ExpectedVersion) : IRequest<ActorDto>;

public sealed class RestoreActorHandler(IDbConnectionFactory db, IMapper mapper, TimeProvider clock) : IRequestHandler<RestoreActorCommand, ActorDto>
{
    public Task<ActorDto> Handle(RestoreActorCommand request, CancellationToken cancellationToken) =>
        ActorArchiving.SetAsync(db, mapper, request.Id, request.ExpectedVersion, archive: false, clock.GetUtcNow(), cancellationToken);
}
