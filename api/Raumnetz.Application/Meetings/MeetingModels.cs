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
