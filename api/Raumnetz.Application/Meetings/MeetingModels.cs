using System.Data.Common;
using AutoMapper;
using Dapper;
using Raumnetz.Domain.Networks;

namespace Raumnetz.Application.Meetings;

/// <summary>A meeting (Sitzung) of a network: when and where, agenda, attendance per member, minutes (Markdown) and decisions.</summary>
public sealed record MeetingDto
{
    public Guid Id { get; init; }
    public Guid NetworkId { get; init; }
    public string NetworkName { get; init; } = "";
    /// <summary>Title; calendars show the network's name when it is empty.</summary>
    public string? Title { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public string? Location { get; init; }
    public string? Agenda { get; init; }
    /// <summary>Minutes (Protokoll) in Markdown.</summary>
    public string? Minutes { get; init; }
    public IReadOnlyList<string> Decisions { get; init; } = [];
    public IReadOnlyList<MeetingAttendanceDto> Attendance { get; init; } = [];
    public bool Cancelled { get; init; }
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>Attendance of one member (a membership of the network) at a meeting.</summary>
public sealed record MeetingAttendanceDto
{
    public Guid MemberId { get; init; }
    public Guid ActorId { get; init; }
    public string ActorName { get; init; } = "";
    public MemberRole Role { get; init; }
    public Attendance Attendance { get; init; }
}

/// <summary>A meeting in a list: without agenda, minutes and the attendance of each member, but with counts.</summary>
public sealed record MeetingSummaryDto
{
    public Guid Id { get; init; }
    public Guid NetworkId { get; init; }
    public string? Title { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public string? Location { get; init; }
    public bool Cancelled { get; init; }
    public bool HasMinutes { get; init; }
    public int DecisionCount { get; init; }
    public int Present { get; init; }
    public int Excused { get; init; }
    public int Absent { get; init; }
    public long Version { get; init; }
}

public sealed class MeetingRow
{
    public Guid Id { get; init; }
    public Guid NetworkId { get; init; }
    public string NetworkName { get; init; } = "";
    public string? Title { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public string? Location { get; init; }
    public string? Agenda { get; init; }
    public string? Minutes { get; init; }
    public bool IsCancelled { get; init; }
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public const string Columns = """
        m.id, m.network_id, n.name AS network_name, m.title, m.starts_at, m.ends_at, m.location, m.agenda, m.minutes, m.is_cancelled,
        m.version, m.created_at, m.updated_at
        """;

    public const string From = "meetings m JOIN networks n ON n.id = m.network_id";
}

public sealed class MeetingSummaryRow
{
    public Guid Id { get; init; }
    public Guid NetworkId { get; init; }
    public string? Title { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public string? Location { get; init; }
    public bool IsCancelled { get; init; }
    public int MinutesFlag { get; init; }
    public int DecisionCount { get; init; }
    public int Present { get; init; }
    public int Excused { get; init; }
    public int Absent { get; init; }
    public long Version { get; init; }
}

public sealed class MeetingMappingProfile : Profile
{
    public MeetingMappingProfile()
    {
        CreateMap<MeetingRow, MeetingDto>()
            .ForMember(d => d.Cancelled, o => o.MapFrom(r => r.IsCancelled))
            .ForMember(d => d.Decisions, o => o.Ignore())
            .ForMember(d => d.Attendance, o => o.Ignore());
        CreateMap<MeetingSummaryRow, MeetingSummaryDto>()
            .ForMember(d => d.Cancelled, o => o.MapFrom(r => r.IsCancelled))
            .ForMember(d => d.HasMinutes, o => o.MapFrom(r => r.MinutesFlag != 0));
    }
}

internal static class MeetingLoader
{
    private sealed class AttendanceRow
    {
        public Guid MemberId { get; init; }
        public Guid ActorId { get; init; }
        public string ActorName { get; init; } = "";
        public MemberRole Role { get; init; }
        public Attendance Attendance { get; init; }
    }

    public static async Task<MeetingDto?> LoadAsync(DbConnection connection, DbTransaction? tx, IMapper mapper, Guid id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<MeetingRow>($"SELECT {MeetingRow.Columns} FROM {MeetingRow.From} WHERE m.id = @id", new { id }, tx);
        if (row is null) return null;
        var decisions = await connection.QueryAsync<string>("SELECT decision FROM meeting_decisions WHERE meeting_id = @id ORDER BY sort_order", new { id }, tx);
        var attendance = await connection.QueryAsync<AttendanceRow>("""
            SELECT a.member_id, nm.actor_id, ac.name AS actor_name, nm.role, a.attendance
            FROM meeting_attendance a JOIN network_members nm ON nm.id = a.member_id JOIN actors ac ON ac.id = nm.actor_id
            WHERE a.meeting_id = @id ORDER BY ac.search_key, a.member_id
            """, new { id }, tx);
        return mapper.Map<MeetingDto>(row) with
        {
            Decisions = decisions.ToList(),
            Attendance = attendance.Select(a => new MeetingAttendanceDto
                { MemberId = a.MemberId, ActorId = a.ActorId, ActorName = a.ActorName, Role = a.Role, Attendance = a.Attendance }).ToList(),
        };
    }
}
