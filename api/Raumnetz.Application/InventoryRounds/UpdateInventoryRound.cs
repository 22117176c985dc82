using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.InventoryRounds;

/// <summary>Replaces name, period, previous round, note and assignments of a round (If-Match); its region stays.</summary>
public sealed record UpdateInventoryRoundCommand : InventoryRoundFields, ICommand<InventoryRoundDto>
{
    public UpdateInventoryRoundCommand() { }

    /// <summary>The command for these fields (a request body); the endpoint adds what the route and headers carry.</summary>
    public UpdateInventoryRoundCommand(InventoryRoundFields fields) : base(fields) { }

    public Guid Id { get; init; }
    public long? ExpectedVersion { get; init; }
}

public sealed class UpdateInventoryRoundValidator : InventoryRoundFieldsValidator<UpdateInventoryRoundCommand>;

public sealed class UpdateInventoryRoundHandler(IUnitOfWork unitOfWork, InventoryRoundReads reads, TimeProvider clock)
    : IRequestHandler<UpdateInventoryRoundCommand, InventoryRoundDto>
{
    public async Task<InventoryRoundDto> Handle(UpdateInventoryRoundCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "inventory_rounds", "Inventory round", request.Id,
            request.ExpectedVersion);
        var spaceId = await connection.QuerySingleAsync<Guid>(new CommandDefinition(
            "SELECT space_id FROM inventory_rounds WHERE id = @Id", new { request.Id }, tx, cancellationToken: cancellationToken));
        if (spaceId != request.SpaceId)
            throw new InvalidFieldException("spaceId", "The region of a round cannot change; start a new round for another region.");
        var assignments = await InventoryRoundChecks.CheckAsync(connection, tx, request, request.Id, cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE inventory_rounds SET name = @name, search_key = @searchKey, starts_on = @StartsOn, ends_on = @EndsOn,
                previous_round_id = COALESCE(@PreviousRoundId, previous_round_id), note = @note, version = version + 1, updated_at = @now
            WHERE id = @Id AND version = @version
            """, new
        {
            request.Id, name = request.Name.Trim(), searchKey = TextRules.SearchKey(request.Name), request.StartsOn, request.EndsOn,
            request.PreviousRoundId, note = InventoryRoundChecks.Trimmed(request.Note), now = clock.GetUtcNow(), version,
        }, tx, cancellationToken: cancellationToken));
        Versioning.EnsureUpdated(rows, "Inventory round", request.Id, version);
        if (request.Assignments is not null)
            await InventoryRoundChecks.WriteAssignmentsAsync(connection, tx, request.Id, assignments, cancellationToken);
        return (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
    }
}
