using Raumnetz.Domain.Networks;

namespace Raumnetz.Application.Meetings;

/// <summary>Meeting rows for calendars and how they become events.</summary>
internal sealed class CalendarMeetingRow
{
    public Guid Id { get; init; }
    public string NetworkName { get; init; } = "";
    public string? Title { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public string? Location { get; init; }
    public string? Agenda { get; init; }
    public bool IsCancelled { get; init; }
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public const string Select = """
        SELECT m.id, n.name AS network_name, m.title, m.starts_at, m.ends_at, m.location, m.agenda, m.is_cancelled, m.version, m.created_at, m.updated_at
        FROM meetings m JOIN networks n ON n.id = m.network_id
        """;

    /// <summary>The event: title (or the network's name), place, and the agenda as description. Minutes stay out of calendars.</summary>
    public CalendarEvent ToEvent() => new()
    {
        Uid = $"{Id}@raumnetz",
        Start = StartsAt,
        End = EndsAt,
        Stamp = UpdatedAt,
        Created = CreatedAt,
        Summary = string.IsNullOrWhiteSpace(Title) ? NetworkName : $"{NetworkName}: {Title}",
        Location = Location,
        Description = Agenda is null ? null : "Tagesordnung / Agenda:\n" + Agenda,
        Sequence = (int)Math.Min(int.MaxValue, Version - 1),
        Cancelled = IsCancelled,
    };
}

/// <summary>A calendar document ready to send.</summary>
public sealed record CalendarFile(string FileName, string Content);
