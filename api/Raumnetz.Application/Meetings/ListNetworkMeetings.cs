using System.Globalization;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Networks;

namespace Raumnetz.Application.Meetings;

/// <summary>Meetings of a network, latest first, optionally those starting in [from, to) only.</summary>
public sealed record ListNetworkMeetingsQuery(Guid NetworkId, DateTimeOffset? From, DateTimeOffset? To, ListOptions List)
    : IRequest<Page<MeetingSummaryDto>>, IListQuery
{
    /// <summary>Sorts: -startsAt (default, newest first), startsAt, title, updatedAt.</summary>
    public static readonly ListDefinition Sorts = new("m.id", "m.updated_at", "-startsAt",
        new SortColumn("startsAt", "m.starts_at", SortKind.Instant),
        new SortColumn("title", "m.title", SortKind.Text),
        new SortColumn("updatedAt", "m.updated_at", SortKind.Instant));
}

public sealed class ListNetworkMeetingsValidator : AbstractValidator<ListNetworkMeetingsQuery>
{
    public ListNetworkMeetingsValidator()
    {
        RuleFor(x => x.To).GreaterThan(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage(_ => Text.Format(Messages.Rule_After, "to", "from"));
        Include(new ListOptionsValidator<ListNetworkMeetingsQuery>(ListNetworkMeetingsQuery.Sorts));
    }
}

public sealed class ListNetworkMeetingsHandler(IDbConnectionFactory db) : IRequestHandler<ListNetworkMeetingsQuery, Page<MeetingSummaryDto>>
{
    public async Task<Page<MeetingSummaryDto>> Handle(ListNetworkMeetingsQuery request, CancellationToken cancellationToken)
    {
        var where = new List<string> { "m.network_id = @networkId" };
        var p = new DynamicParameters();
        p.Add("networkId", request.NetworkId);
        p.Add("present", nameof(Attendance.Present));
        p.Add("excused", nameof(Attendance.Excused));
        p.Add("absent", nameof(Attendance.Absent));
        // Instants are bound in UTC (see CreateMeeting).
        if (request.From is { } from) { where.Add("m.starts_at >= @from"); p.Add("from", from.ToUniversalTime()); }
        if (request.To is { } to) { where.Add("m.starts_at < @to"); p.Add("to", to.ToUniversalTime()); }
        const string columns = """
            m.id, m.network_id, m.title, m.starts_at, m.ends_at, m.location, m.is_cancelled AS cancelled, m.version,
                   CASE WHEN m.minutes IS NULL THEN 0 ELSE 1 END AS has_minutes,
                   (SELECT COUNT(*) FROM meeting_decisions d WHERE d.meeting_id = m.id) AS decision_count,
                   (SELECT COUNT(*) FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.attendance = @present) AS present,
                   (SELECT COUNT(*) FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.attendance = @excused) AS excused,
                   (SELECT COUNT(*) FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.attendance = @absent) AS absent
            """;
        var sql = new ListSql(columns, "meetings m", where, p);
        return await db.ReadAsync(async (connection, ct) =>
        {
            if (await connection.ExecuteScalarAsync<long>(
                    new CommandDefinition("SELECT COUNT(*) FROM networks WHERE id = @NetworkId", new { request.NetworkId },
                        cancellationToken: ct)) == 0)
                throw new NotFoundException("Network", request.NetworkId);
            return await connection.QueryListAsync<MeetingSummaryDto>(db.Dialect, ListNetworkMeetingsQuery.Sorts, request.List, sql,
                r => r.Id, ct);
        }, cancellationToken);
    }
}
