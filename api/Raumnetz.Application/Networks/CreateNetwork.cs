using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Networks;

public sealed record CreateNetworkCommand : NetworkFields, ICommand<NetworkDto>;

public sealed class CreateNetworkValidator : NetworkFieldsValidator<CreateNetworkCommand>;

public sealed class CreateNetworkHandler(IUnitOfWork unitOfWork, NetworkReads reads, TimeProvider clock)
    : IRequestHandler<CreateNetworkCommand, NetworkDto>
{
    public async Task<NetworkDto> Handle(CreateNetworkCommand request, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        await NetworkChecks.CheckReferencesAsync(connection, tx, unitOfWork.Dialect, request, id);
        await connection.ExecuteAsync("""
            INSERT INTO networks (id, name, search_key, kind, status, mandate, mandated_by, mandated_on, legitimation_note, started_on, ended_on,
                cadence_interval, cadence_unit, coordinator_actor_id, version, created_at, updated_at)
            VALUES (@id, @name, @searchKey, @kind, @status, @mandate, @mandatedBy, @MandatedOn, @legitimationNote, @StartedOn, @EndedOn,
                @CadenceInterval, @cadenceUnit, @CoordinatorActorId, 1, @now, @now)
            """, new
        {
            id, name = request.Name.Trim(), searchKey = TextRules.SearchKey(request.Name), kind = request.Kind.ToString(),
            status = request.Status.ToString(),
            mandate = request.Mandate.Trim(), mandatedBy = NetworkChecks.Trimmed(request.MandatedBy), request.MandatedOn,
            legitimationNote = NetworkChecks.Trimmed(request.LegitimationNote), request.StartedOn, request.EndedOn,
            request.CadenceInterval, cadenceUnit = request.CadenceUnit?.ToString(), request.CoordinatorActorId, now,
        }, tx);
        await NetworkChecks.ReplacePartsAsync(connection, tx, id, request, now, creating: true);
        return (await reads.LoadAsync(connection, tx, id, clock.Today(), cancellationToken))!;
    }
}
