using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Meetings;

/// <summary>One meeting as an .ics file, to import into a calendar.</summary>
public sealed record GetMeetingCalendarQuery(Guid Id) : IRequest<CalendarFile>;

public sealed class GetMeetingCalendarHandler(IDbConnectionFactory db) : IRequestHandler<GetMeetingCalendarQuery, CalendarFile>
{
    public async Task<CalendarFile> Handle(GetMeetingCalendarQuery request, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CalendarMeetingRow>($"{CalendarMeetingRow.Select} WHERE m.id = @Id",
            new { request.Id })
            ?? throw new NotFoundException("Meeting", request.Id);
        return new CalendarFile($"meeting-{row.StartsAt.UtcDateTime:yyyyMMdd}-{row.Id}.ics",
            ICalendarWriter.Write(row.NetworkName, [row.ToEvent()]));
    }
}
