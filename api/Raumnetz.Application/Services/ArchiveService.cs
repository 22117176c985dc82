using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Inventory;

namespace Raumnetz.Application.Services;

/// <summary>
/// Archives a service: it stays readable with its locations, capacity history and funding but is hidden from the list unless archived
/// services are asked for. Archiving an archived service changes nothing. <see cref="ExpectedVersion"/> comes from If-Match.
/// </summary>
public sealed record ArchiveServiceCommand(Guid Id, long? ExpectedVersion) : ICommand<ServiceDto>;

public sealed class ArchiveServiceHandler(IUnitOfWork unitOfWork, ServiceReads reads, TimeProvider clock)
    : IRequestHandler<ArchiveServiceCommand, ServiceDto>
{
    public async Task<ServiceDto> Handle(ArchiveServiceCommand request, CancellationToken cancellationToken)
    {
        await InventoryArchiving.SetAsync(unitOfWork, "services", "Service", request.Id, request.ExpectedVersion, archive: true,
            clock.GetUtcNow(), cancellationToken);
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        return (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
    }
}
