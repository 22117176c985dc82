using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Meetings;

/// <summary>Deletes a meeting with its attendance and decisions; one that agreements refer to cannot be deleted (409): cancel it
/// instead.</summary>
public sealed record DeleteMeetingCommand(Guid Id, long? ExpectedVersion) : ICommand<Unit>;

public sealed class DeleteMeetingHandler(IUnitOfWork unitOfWork) : IRequestHandler<DeleteMeetingCommand, Unit>
{
    public async Task<Unit> Handle(DeleteMeetingCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "meetings", "Meeting", request.Id, request.ExpectedVersion);
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM tasks WHERE meeting_id = @Id", new { request.Id }, tx) > 0)
            throw new ConflictException(Messages.Conflict_MeetingHasAgreements);
        await connection.ExecuteAsync("DELETE FROM meeting_attendance WHERE meeting_id = @Id", new { request.Id }, tx);
        await connection.ExecuteAsync("DELETE FROM meeting_decisions WHERE meeting_id = @Id", new { request.Id }, tx);
        var rows = await connection.ExecuteAsync("DELETE FROM meetings WHERE id = @Id AND version = @version", new { request.Id, version },
            tx);
        Versioning.EnsureUpdated(rows, "Meeting", request.Id, version);
        return Unit.Value;
    }
}
