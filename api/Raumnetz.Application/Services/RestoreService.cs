using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Inventory;

namespace Raumnetz.Application.Services;

/// <summary>
/// Undoes <see cref="ArchiveServiceCommand"/>: the service shows in the list again.
/// </summary>
public sealed record RestoreServiceCommand(Guid Id, long? ExpectedVersion) : ICommand<ServiceDto>;

public sealed class RestoreServiceHandler(IUnitOfWork unitOfWork, ServiceReads reads, TimeProvider clock)
    : IRequestHandler<RestoreServiceCommand, ServiceDto>
{
    public async Task<ServiceDto> Handle(RestoreServiceCommand request, CancellationToken cancellationToken)
    {
        await InventoryArchiving.SetAsync(unitOfWork, "services", "Service", request.Id, request.ExpectedVersion, archive: false,
            clock.GetUtcNow(), cancellationToken);
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        return (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
    }
}
