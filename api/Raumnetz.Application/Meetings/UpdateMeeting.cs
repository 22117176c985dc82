using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Networks;

namespace Raumnetz.Application.Meetings;

/// <summary>
/// Replaces the fields of a meeting (If-Match): reschedule, record attendance, minutes and decisions, or cancel it.
/// Decisions and attendance left out (null) stay as they are.
/// </summary>
public sealed record UpdateMeetingCommand : MeetingFields, ICommand<MeetingDto>
{
    public UpdateMeetingCommand() { }

    /// <summary>The command for these fields (a request body); the endpoint adds what the route and headers carry.</summary>
    public UpdateMeetingCommand(MeetingFields fields) : base(fields) { }

    public Guid Id { get; init; }
    public long? ExpectedVersion { get; init; }
}

public sealed class UpdateMeetingValidator : MeetingFieldsValidator<UpdateMeetingCommand>;

public sealed class UpdateMeetingHandler(IUnitOfWork unitOfWork, MeetingReads reads, TimeProvider clock)
    : IRequestHandler<UpdateMeetingCommand, MeetingDto>
{
    public async Task<MeetingDto> Handle(UpdateMeetingCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "meetings", "Meeting", request.Id, request.ExpectedVersion);
        var networkId = await connection.QuerySingleAsync<Guid>("SELECT network_id FROM meetings WHERE id = @Id", new { request.Id }, tx);
        await MeetingChecks.CheckAttendanceAsync(connection, tx, networkId, request);
        var rows = await connection.ExecuteAsync("""
            UPDATE meetings SET title = @title, starts_at = @StartsAt, ends_at = @EndsAt, location = @location, agenda = @agenda, minutes = @minutes,
                is_cancelled = @Cancelled, version = version + 1, updated_at = @now
            WHERE id = @Id AND version = @version
            """, new
        {
            // UTC: see CreateMeeting
            request.Id, title = NetworkChecks.Trimmed(request.Title), StartsAt = request.StartsAt.ToUniversalTime(),
            EndsAt = request.EndsAt.ToUniversalTime(),
            location = NetworkChecks.Trimmed(request.Location), agenda = NetworkChecks.Trimmed(request.Agenda),
            minutes = NetworkChecks.Trimmed(request.Minutes),
            request.Cancelled, now = clock.GetUtcNow(), version,
        }, tx);
        Versioning.EnsureUpdated(rows, "Meeting", request.Id, version);
        await MeetingChecks.ReplacePartsAsync(connection, tx, request.Id, request, creating: false);
        return (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
    }
}
