using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Networks;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Meetings;

/// <summary>Schedules (or records) a meeting of a network.</summary>
public sealed record CreateMeetingCommand : MeetingFields, ICommand<MeetingDto>
{
    public CreateMeetingCommand() { }

    /// <summary>The command for these fields (a request body); the endpoint adds what the route and headers carry.</summary>
    public CreateMeetingCommand(MeetingFields fields) : base(fields) { }

    public Guid NetworkId { get; init; }
}

public sealed class CreateMeetingValidator : MeetingFieldsValidator<CreateMeetingCommand>;

public sealed class CreateMeetingHandler(IUnitOfWork unitOfWork, MeetingReads reads, TimeProvider clock)
    : IRequestHandler<CreateMeetingCommand, MeetingDto>
{
    public async Task<MeetingDto> Handle(CreateMeetingCommand request, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM networks WHERE id = @NetworkId", new { request.NetworkId },
                tx) == 0)
            throw new NotFoundException("Network", request.NetworkId);
        await MeetingChecks.CheckAttendanceAsync(connection, tx, request.NetworkId, request);
        await connection.ExecuteAsync("""
            INSERT INTO meetings (id, network_id, title, starts_at, ends_at, location, agenda, minutes, is_cancelled, version, created_at, updated_at)
            VALUES (@id, @NetworkId, @title, @StartsAt, @EndsAt, @location, @agenda, @minutes, @Cancelled, 1, @now, @now)
            """, new
        {
            // Instants are bound in UTC: Dapper's built-in mapping of DateTimeOffset bypasses the type handler, and
            // PostgreSQL only accepts offset 0 (SQLite would store the local offset and compare text wrongly).
            id, request.NetworkId, title = NetworkChecks.Trimmed(request.Title), StartsAt = request.StartsAt.ToUniversalTime(),
            EndsAt = request.EndsAt.ToUniversalTime(),
            location = NetworkChecks.Trimmed(request.Location), agenda = NetworkChecks.Trimmed(request.Agenda),
            minutes = NetworkChecks.Trimmed(request.Minutes),
            request.Cancelled, now,
        }, tx);
        await MeetingChecks.ReplacePartsAsync(connection, tx, id, request, creating: true);
        return (await reads.LoadAsync(connection, tx, id, cancellationToken))!;
    }
}
