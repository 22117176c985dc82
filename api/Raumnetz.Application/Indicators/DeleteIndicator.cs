using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Indicators;

/// <summary>Deletes an indicator that has no values, assessments or set memberships (409 otherwise).</summary>
public sealed record DeleteIndicatorCommand(Guid Id, long? ExpectedVersion) : ICommand<Unit>;

public sealed class DeleteIndicatorHandler(IUnitOfWork unitOfWork) : IRequestHandler<DeleteIndicatorCommand, Unit>
{
    public async Task<Unit> Handle(DeleteIndicatorCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "indicators", "Indicator", request.Id, request.ExpectedVersion);
        var references = await connection.ExecuteScalarAsync<long>("""
            SELECT (SELECT COUNT(*) FROM observations WHERE indicator_id = @Id)
                 + (SELECT COUNT(*) FROM assessments WHERE indicator_id = @Id)
                 + (SELECT COUNT(*) FROM indicator_set_items WHERE indicator_id = @Id)
            """, new { request.Id }, tx);
        if (references > 0)
            throw new ConflictException(Messages.Conflict_IndicatorInUse);
        try
        {
            var rows = await connection.ExecuteAsync("DELETE FROM indicators WHERE id = @Id AND version = @version",
                new { request.Id, version }, tx);
            Versioning.EnsureUpdated(rows, "Indicator", request.Id, version);
        }
        catch (Exception e) when (unitOfWork.Dialect.IsForeignKeyViolation(e))
        {
            throw new ConflictException(Messages.Conflict_IndicatorReferenced);
        }
        return Unit.Value;
    }
}
