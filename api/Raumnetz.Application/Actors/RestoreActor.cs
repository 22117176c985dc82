using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Actors;

/// <summary>Undoes <see cref="ArchiveActorCommand"/>: the actor shows in the list again. <see cref="ExpectedVersion"/> comes from
/// If-Match.</summary>
public sealed record RestoreActorCommand(Guid Id, long? ExpectedVersion) : ICommand<ActorDto>;

public sealed class RestoreActorHandler(IUnitOfWork unitOfWork, ActorReads reads, TimeProvider clock)
    : IRequestHandler<RestoreActorCommand, ActorDto>
{
    public Task<ActorDto> Handle(RestoreActorCommand request, CancellationToken cancellationToken) =>
        ActorArchiving.SetAsync(unitOfWork, reads, request.Id, request.ExpectedVersion, archive: false, clock.GetUtcNow(),
            cancellationToken);
}
