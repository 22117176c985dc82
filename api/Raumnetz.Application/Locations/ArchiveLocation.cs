using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Inventory;

namespace Raumnetz.Application.Locations;

/// <summary>
/// Archives a location: it stays readable with its services and history but is hidden from the list unless archived
/// locations are asked for. Archiving an archived location changes nothing. <see cref="ExpectedVersion"/> comes from If-Match.
/// </summary>
public sealed record ArchiveLocationCommand(Guid Id, long? ExpectedVersion) : ICommand<LocationDto>;

public sealed class ArchiveLocationHandler(IUnitOfWork unitOfWork, LocationReads reads, TimeProvider clock)
    : IRequestHandler<ArchiveLocationCommand, LocationDto>
{
    public async Task<LocationDto> Handle(ArchiveLocationCommand request, CancellationToken cancellationToken)
    {
        await InventoryArchiving.SetAsync(unitOfWork, "locations", "Location", request.Id, request.ExpectedVersion, archive: true,
            clock.GetUtcNow(), cancellationToken);
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        return (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
    }
}
