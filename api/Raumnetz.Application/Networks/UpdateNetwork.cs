using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Networks;

/// <summary>
/// Replaces the fields of a network. Lists left out (null) stay as they are; an empty list clears them.
/// <see cref="ExpectedVersion"/> comes from If-Match.
/// </summary>
public sealed record UpdateNetworkCommand : NetworkFields, ICommand<NetworkDto>
{
    public UpdateNetworkCommand() { }

    /// <summary>The command for these fields (a request body); the endpoint adds what the route and headers carry.</summary>
    public UpdateNetworkCommand(NetworkFields fields) : base(fields) { }

    public Guid Id { get; init; }
    public long? ExpectedVersion { get; init; }
}

public sealed class UpdateNetworkValidator : NetworkFieldsValidator<UpdateNetworkCommand>;

public sealed class UpdateNetworkHandler(IUnitOfWork unitOfWork, NetworkReads reads, TimeProvider clock)
    : IRequestHandler<UpdateNetworkCommand, NetworkDto>
{
    public async Task<NetworkDto> Handle(UpdateNetworkCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "networks", "Network", request.Id, request.ExpectedVersion);
        await NetworkChecks.CheckReferencesAsync(connection, tx, unitOfWork.Dialect, request, request.Id);
        var rows = await connection.ExecuteAsync("""
            UPDATE networks SET name = @name, search_key = @searchKey, kind = @kind, status = @status, mandate = @mandate, mandated_by = @mandatedBy,
                mandated_on = @MandatedOn, legitimation_note = @legitimationNote, started_on = @StartedOn, ended_on = @EndedOn,
                cadence_interval = @CadenceInterval, cadence_unit = @cadenceUnit, coordinator_actor_id = @CoordinatorActorId,
                version = version + 1, updated_at = @now
            WHERE id = @Id AND version = @version
            """, new
        {
            request.Id, name = request.Name.Trim(), searchKey = TextRules.SearchKey(request.Name), kind = request.Kind.ToString(),
            status = request.Status.ToString(),
            mandate = request.Mandate.Trim(), mandatedBy = NetworkChecks.Trimmed(request.MandatedBy), request.MandatedOn,
            legitimationNote = NetworkChecks.Trimmed(request.LegitimationNote), request.StartedOn, request.EndedOn,
            request.CadenceInterval, cadenceUnit = request.CadenceUnit?.ToString(), request.CoordinatorActorId, now, version,
        }, tx);
        Versioning.EnsureUpdated(rows, "Network", request.Id, version);
        await NetworkChecks.ReplacePartsAsync(connection, tx, request.Id, request, now, creating: false);
        return (await reads.LoadAsync(connection, tx, request.Id, clock.Today(), cancellationToken))!;
    }
}
