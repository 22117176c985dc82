using Dapper;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.IndicatorSets;

/// <summary>Deletes an indicator set with its baselines and targets; the indicators and their values stay.</summary>
public sealed record DeleteIndicatorSetCommand(Guid Id, long? ExpectedVersion) : ICommand<Unit>;

public sealed class DeleteIndicatorSetHandler(IUnitOfWork unitOfWork) : IRequestHandler<DeleteIndicatorSetCommand, Unit>
{
    public async Task<Unit> Handle(DeleteIndicatorSetCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "indicator_sets", "Indicator set", request.Id, request.ExpectedVersion);
        foreach (var table in new[] { "indicator_baselines", "indicator_targets", "indicator_set_items" })
            await connection.ExecuteAsync($"DELETE FROM {table} WHERE set_id = @Id", new { request.Id }, tx);
        var rows = await connection.ExecuteAsync("DELETE FROM indicator_sets WHERE id = @Id AND version = @version",
            new { request.Id, version }, tx);
        Versioning.EnsureUpdated(rows, "Indicator set", request.Id, version);
        return Unit.Value;
    }
}
