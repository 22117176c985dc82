using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Inventory;

namespace Raumnetz.Application.Locations;

/// <summary>
/// Undoes <see cref="ArchiveLocationCommand"/>: the location shows in the list again.
/// </summary>
public sealed record RestoreLocationCommand(Guid Id, long? ExpectedVersion) : ICommand<LocationDto>;

public sealed class RestoreLocationHandler(IUnitOfWork unitOfWork, LocationReads reads, TimeProvider clock)
    : IRequestHandler<RestoreLocationCommand, LocationDto>
{
    public async Task<LocationDto> Handle(RestoreLocationCommand request, CancellationToken cancellationToken)
    {
        await InventoryArchiving.SetAsync(unitOfWork, "locations", "Location", request.Id, request.ExpectedVersion, archive: false,
            clock.GetUtcNow(), cancellationToken);
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        return (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
    }
}
