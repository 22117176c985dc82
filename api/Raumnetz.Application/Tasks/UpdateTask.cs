using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Networks;

namespace Raumnetz.Application.Tasks;

/// <summary>Replaces the fields of an agreement (If-Match): progress, outcome, responsibles, due date.</summary>
public sealed record UpdateTaskCommand : TaskFields, ICommand<TaskDto>
{
    public UpdateTaskCommand() { }

    /// <summary>The command for these fields (a request body); the endpoint adds what the route and headers carry.</summary>
    public UpdateTaskCommand(TaskFields fields) : base(fields) { }

    public Guid Id { get; init; }
    public long? ExpectedVersion { get; init; }
}

public sealed class UpdateTaskValidator : TaskFieldsValidator<UpdateTaskCommand>;

public sealed class UpdateTaskHandler(IUnitOfWork unitOfWork, TaskReads reads, TimeProvider clock)
    : IRequestHandler<UpdateTaskCommand, TaskDto>
{
    public async Task<TaskDto> Handle(UpdateTaskCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "tasks", "Task", request.Id, request.ExpectedVersion);
        await TaskChecks.CheckReferencesAsync(connection, tx, unitOfWork.Dialect, request);
        var rows = await connection.ExecuteAsync("""
            UPDATE tasks SET network_id = @NetworkId, meeting_id = @MeetingId, title = @title, description = @description, due_date = @DueDate,
                status = @status, outcome = @outcome, version = version + 1, updated_at = @now
            WHERE id = @Id AND version = @version
            """, new
        {
            request.Id, request.NetworkId, request.MeetingId, title = request.Title.Trim(),
            description = NetworkChecks.Trimmed(request.Description),
            request.DueDate, status = request.Status.ToString(), outcome = NetworkChecks.Trimmed(request.Outcome), now = clock.GetUtcNow(),
            version,
        }, tx);
        Versioning.EnsureUpdated(rows, "Task", request.Id, version);
        await TaskChecks.ReplaceResponsiblesAsync(connection, tx, request.Id, request);
        return (await reads.LoadAsync(connection, tx, request.Id, clock.Today(), cancellationToken))!;
    }
}
