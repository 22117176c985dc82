using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.InventoryRounds;

/// <summary>Closes a round (If-Match): it keeps the state of its region's services as final; later rounds compare with it.</summary>
public sealed record CloseInventoryRoundCommand(Guid Id, long? ExpectedVersion) : ICommand<InventoryRoundDto>;

public sealed class CloseInventoryRoundHandler(IUnitOfWork unitOfWork, InventoryRoundReads reads, TimeProvider clock)
    : IRequestHandler<CloseInventoryRoundCommand, InventoryRoundDto>
{
    public async Task<InventoryRoundDto> Handle(CloseInventoryRoundCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "inventory_rounds", "Inventory round", request.Id,
            request.ExpectedVersion);
        var round = (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
        if (round.Status == InventoryRoundStatus.Closed) throw new ConflictException("The round is closed already.");
        var start = await reads.SnapshotAsync(connection, tx, request.Id, RoundPhases.Start, cancellationToken);
        var now = await reads.RegionServicesAsync(connection, tx, round.SpaceId, start.Select(s => s.ServiceId).ToList(),
            cancellationToken);
        await InventoryRoundReads.WriteSnapshotAsync(connection, tx, request.Id, RoundPhases.End, now, cancellationToken);
        var at = clock.GetUtcNow();
        var rows = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE inventory_rounds SET status = @status, closed_at = @at, version = version + 1, updated_at = @at
            WHERE id = @Id AND version = @version
            """, new { request.Id, status = InventoryRoundStatus.Closed.ToString(), at, version }, tx,
                cancellationToken: cancellationToken));
        Versioning.EnsureUpdated(rows, "Inventory round", request.Id, version);
        return (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
    }
}
