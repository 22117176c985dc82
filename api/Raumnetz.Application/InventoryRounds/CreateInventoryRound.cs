using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.InventoryRounds;

/// <summary>Starts an inventory round for a region: it remembers the services it finds there now.</summary>
public sealed record CreateInventoryRoundCommand : InventoryRoundFields, ICommand<InventoryRoundDto>;

public sealed class CreateInventoryRoundValidator : InventoryRoundFieldsValidator<CreateInventoryRoundCommand>;

public sealed class CreateInventoryRoundHandler(IUnitOfWork unitOfWork, InventoryRoundReads reads, TimeProvider clock)
    : IRequestHandler<CreateInventoryRoundCommand, InventoryRoundDto>
{
    public async Task<InventoryRoundDto> Handle(CreateInventoryRoundCommand request, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var assignments = await InventoryRoundChecks.CheckAsync(connection, tx, request, null, cancellationToken);
        var previous = request.PreviousRoundId ?? await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition($"""
            SELECT id FROM inventory_rounds WHERE space_id = @SpaceId ORDER BY created_at DESC, id DESC {unitOfWork.Dialect.Limit("1")}
            """, new { request.SpaceId }, tx, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO inventory_rounds (id, name, search_key, space_id, starts_on, ends_on, status, previous_round_id, note, closed_at,
                version, created_at, updated_at)
            VALUES (@id, @name, @searchKey, @SpaceId, @StartsOn, @EndsOn, @status, @previous, @note, NULL, 1, @now, @now)
            """, new
        {
            id, name = request.Name.Trim(), searchKey = TextRules.SearchKey(request.Name), request.SpaceId, request.StartsOn,
                request.EndsOn,
            status = InventoryRoundStatus.Open.ToString(), previous, note = InventoryRoundChecks.Trimmed(request.Note), now,
        }, tx, cancellationToken: cancellationToken));
        await InventoryRoundChecks.WriteAssignmentsAsync(connection, tx, id, assignments, cancellationToken);
        var services = await reads.RegionServicesAsync(connection, tx, request.SpaceId, [], cancellationToken);
        await InventoryRoundReads.WriteSnapshotAsync(connection, tx, id, RoundPhases.Start, services, cancellationToken);
        return (await reads.LoadAsync(connection, tx, id, cancellationToken))!;
    }
}
