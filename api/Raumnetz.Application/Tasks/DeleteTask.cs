using Dapper;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Tasks;

/// <summary>Deletes an agreement recorded by mistake (an agreement given up is "dropped", not deleted).</summary>
public sealed record DeleteTaskCommand(Guid Id, long? ExpectedVersion) : ICommand<Unit>;

public sealed class DeleteTaskHandler(IUnitOfWork unitOfWork) : IRequestHandler<DeleteTaskCommand, Unit>
{
    public async Task<Unit> Handle(DeleteTaskCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "tasks", "Task", request.Id, request.ExpectedVersion);
        await connection.ExecuteAsync("DELETE FROM task_responsibles WHERE task_id = @Id", new { request.Id }, tx);
        var rows = await connection.ExecuteAsync("DELETE FROM tasks WHERE id = @Id AND version = @version", new { request.Id, version },
            tx);
        Versioning.EnsureUpdated(rows, "Task", request.Id, version);
        return Unit.Value;
    }
}
