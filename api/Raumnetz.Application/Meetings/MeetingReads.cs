using System.Data.Common;
using Dapper;

namespace Raumnetz.Application.Meetings;

/// <summary>The load of a meeting that several use cases share: GET, and the answers of create and update.</summary>
public sealed class MeetingReads
{
    /// <summary>The meeting with this id, with its decisions and attendance; null when there is none.</summary>
    public async Task<MeetingDto?> LoadAsync(DbConnection connection, DbTransaction? tx, Guid id, CancellationToken ct)
    {
        var meeting = await connection.QuerySingleOrDefaultAsync<MeetingDto>(new CommandDefinition("""
            SELECT m.id, m.network_id, n.name AS network_name, m.title, m.starts_at, m.ends_at, m.location, m.agenda, m.minutes,
                m.is_cancelled AS cancelled, m.version, m.created_at, m.updated_at
            FROM meetings m JOIN networks n ON n.id = m.network_id
            WHERE m.id = @id
            """, new { id }, tx, cancellationToken: ct));
        if (meeting is null) return null;
        var decisions = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT decision FROM meeting_decisions WHERE meeting_id = @id ORDER BY sort_order", new { id }, tx, cancellationToken: ct));
        var attendance = await connection.QueryAsync<MeetingAttendanceDto>(new CommandDefinition("""
            SELECT a.member_id, nm.actor_id, ac.name AS actor_name, nm.role, a.attendance
            FROM meeting_attendance a JOIN network_members nm ON nm.id = a.member_id JOIN actors ac ON ac.id = nm.actor_id
            WHERE a.meeting_id = @id ORDER BY ac.search_key, a.member_id
            """, new { id }, tx, cancellationToken: ct));
        return meeting with { Decisions = decisions.ToList(), Attendance = attendance.ToList() };
    }
}
