using AutoMapper;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Actors;

/// <summary>Undoes <see cref="ArchiveActorCommand"/>: the actor shows in the list again. <see cref="ExpectedVersion"/> comes from If-Match.</summary>
public sealed record RestoreActorCommand(Guid Id, long? ExpectedVersion) : ICommand<ActorDto>;

public sealed class RestoreActorHandler(IUnitOfWork unitOfWork, IMapper mapper, TimeProvider clock) : IRequestHandler<RestoreActorCommand, ActorDto>
{
    public Task<ActorDto> Handle(RestoreActorCommand request, CancellationToken cancellationToken) =>
        ActorArchiving.SetAsync(unitOfWork, mapper, request.Id, request.ExpectedVersion, archive: false, clock.GetUtcNow(), cancellationToken);
}
