using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Indicators;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Assessments;

/// <summary>Deletes an assessment (If-Match honoured); the measurement is recomputed from the ratings left.</summary>
public sealed record DeleteAssessmentCommand(Guid Id, long? ExpectedVersion) : ICommand<Unit>;

public sealed class DeleteAssessmentHandler(IUnitOfWork unitOfWork, AssessmentReads reads, TimeProvider clock) : IRequestHandler<DeleteAssessmentCommand, Unit>
{
    public async Task<Unit> Handle(DeleteAssessmentCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "assessments", "Assessment", request.Id, request.ExpectedVersion);
        var current = (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
        var rows = await connection.ExecuteAsync("DELETE FROM assessments WHERE id = @Id AND version = @version", new { request.Id, version }, tx);
        Versioning.EnsureUpdated(rows, "Assessment", request.Id, version);
        var indicator = (await IndicatorRow.LoadAsync(connection, tx, unitOfWork.Dialect, [current.IndicatorId], cancellationToken)).Single();
        await AssessmentRollUp.ApplyAsync(connection, tx, unitOfWork.Dialect, indicator, current.SpaceId, Period.Parse(current.Period), clock.GetUtcNow());
        return Unit.Value;
    }
}
