using Dapper;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Fundings;

/// <summary>Deletes a funding entered by mistake (If-Match). A funding that ran out stays: set its renewal status to ended.</summary>
public sealed record DeleteFundingCommand(Guid Id, long? ExpectedVersion) : ICommand<Unit>;

public sealed class DeleteFundingHandler(IUnitOfWork unitOfWork) : IRequestHandler<DeleteFundingCommand, Unit>
{
    public async Task<Unit> Handle(DeleteFundingCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "service_fundings", "Funding", request.Id, request.ExpectedVersion);
        var rows = await connection.ExecuteAsync(new CommandDefinition("DELETE FROM service_fundings WHERE id = @Id AND version = @version",
            new { request.Id, version }, tx, cancellationToken: cancellationToken));
        Versioning.EnsureUpdated(rows, "Funding", request.Id, version);
        return Unit.Value;
    }
}
