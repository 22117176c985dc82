using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Networks;

namespace Raumnetz.Application.Tasks;

/// <summary>Records an agreement made in a network or one of its meetings.</summary>
public sealed record CreateTaskCommand : TaskFields, ICommand<TaskDto>;

public sealed class CreateTaskValidator : TaskFieldsValidator<CreateTaskCommand>;

public sealed class CreateTaskHandler(IUnitOfWork unitOfWork, TaskReads reads, TimeProvider clock)
    : IRequestHandler<CreateTaskCommand, TaskDto>
{
    public async Task<TaskDto> Handle(CreateTaskCommand request, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        await TaskChecks.CheckReferencesAsync(connection, tx, unitOfWork.Dialect, request);
        await connection.ExecuteAsync("""
            INSERT INTO tasks (id, network_id, meeting_id, title, description, due_date, status, outcome, version, created_at, updated_at)
            VALUES (@id, @NetworkId, @MeetingId, @title, @description, @DueDate, @status, @outcome, 1, @now, @now)
            """, new
        {
            id, request.NetworkId, request.MeetingId, title = request.Title.Trim(),
            description = NetworkChecks.Trimmed(request.Description),
            request.DueDate, status = request.Status.ToString(), outcome = NetworkChecks.Trimmed(request.Outcome), now,
        }, tx);
        await TaskChecks.ReplaceResponsiblesAsync(connection, tx, id, request);
        return (await reads.LoadAsync(connection, tx, id, clock.Today(), cancellationToken))!;
    }
}
