using Dapper;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Observations;

/// <summary>Deletes a recorded value (If-Match honoured).</summary>
public sealed record DeleteObservationCommand(Guid Id, long? ExpectedVersion) : ICommand<Unit>;

public sealed class DeleteObservationHandler(IUnitOfWork unitOfWork) : IRequestHandler<DeleteObservationCommand, Unit>
{
    public async Task<Unit> Handle(DeleteObservationCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "observations", "Observation", request.Id, request.ExpectedVersion);
        var rows = await connection.ExecuteAsync("DELETE FROM observations WHERE id = @Id AND version = @version",
            new { request.Id, version }, tx);
        Versioning.EnsureUpdated(rows, "Observation", request.Id, version);
        return Unit.Value;
    }
}
