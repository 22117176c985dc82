using System.Text;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IcalCalendar = Ical.Net.Calendar;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace Raumnetz.Application.Meetings;

/// <summary>One event (VEVENT) of an iCalendar document.</summary>
public sealed record CalendarEvent
{
    /// <summary>Globally unique and stable across updates, so calendar programs update the event instead of duplicating it.</summary>
    public string Uid { get; init; } = "";
    public DateTimeOffset Start { get; init; }
    public DateTimeOffset End { get; init; }
    /// <summary>DTSTAMP: when the event was last revised in Raumnetz (output stays the same until something changes).</summary>
    public DateTimeOffset Stamp { get; init; }
    public DateTimeOffset? Created { get; init; }
    public string Summary { get; init; } = "";
    public string? Location { get; init; }
    public string? Description { get; init; }
    /// <summary>Revision number; grows with every change.</summary>
    public int Sequence { get; init; }
    public bool Cancelled { get; init; }
}

/// <summary>
/// Writes iCalendar (RFC 5545) with Ical.Net's <see cref="CalendarSerializer"/>: CRLF line endings, TEXT values
/// escaped (backslash, semicolon, comma, line breaks as "\n"), UID, DTSTAMP, CREATED, LAST-MODIFIED, DTSTART and
/// DTEND as UTC date-times ("…Z", no TZID and so no VTIMEZONE: the instant is exact whatever the meeting's offset),
/// SUMMARY, LOCATION, DESCRIPTION, SEQUENCE and STATUS. No METHOD property: DTSTAMP then is the last revision
/// (RFC 5545 §3.8.7.2), which keeps a feed byte-for-byte stable while nothing changes.
/// Two things are done around the library: control characters other than tab and line breaks, which TEXT does not
/// allow, are dropped from values first; and content lines are folded again afterwards, by Unicode scalar value,
/// because Ical.Net 5.2.4 folds per UTF-16 code unit and can split an emoji's surrogate pair across a fold, which
/// the UTF-8 response would turn into two U+FFFD.
/// </summary>
public static class ICalendarWriter
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string ProductId = "-//Raumnetz//Raumnetz API//DE";
    private const int MaxOctets = 75;

    /// <summary>A VCALENDAR with the events, named <paramref name="calendarName"/> for subscribing programs (X-WR-CALNAME).</summary>
    public static string Write(string calendarName, IEnumerable<CalendarEvent> events)
    {
        var calendar = new IcalCalendar { ProductId = ProductId, Scale = "GREGORIAN" };
        calendar.AddProperty("X-WR-CALNAME", Text(calendarName));
        // RFC 7986 REFRESH-INTERVAL and its older spelling: subscribers poll hourly.
        var refresh = new Ical.Net.CalendarProperty("REFRESH-INTERVAL", "PT1H");
        refresh.Parameters.Set("VALUE", "DURATION");
        calendar.Properties.Add(refresh);
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        foreach (var e in events)
        {
            var item = new IcalEvent
            {
                Uid = Text(e.Uid),
                DtStamp = Utc(e.Stamp),
                LastModified = Utc(e.Stamp),
                DtStart = Utc(e.Start),
                DtEnd = Utc(e.End),
                Sequence = e.Sequence,
                Summary = Text(e.Summary),
                Status = e.Cancelled ? Ical.Net.EventStatus.Cancelled : Ical.Net.EventStatus.Confirmed,
            };
            if (e.Created is { } created) item.Created = Utc(created);
            if (!string.IsNullOrEmpty(e.Location)) item.Location = Text(e.Location);
            if (!string.IsNullOrEmpty(e.Description)) item.Description = Text(e.Description);
            calendar.Events.Add(item);
        }
        var serialized = new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("Ical.Net returned no calendar.");
        return Refold(serialized);
    }

    /// <summary>A UTC DATE-TIME (serialized as 20240618T130000Z), whatever the offset of <paramref name="value"/>.</summary>
    private static CalDateTime Utc(DateTimeOffset value) => new(value.UtcDateTime, CalDateTime.UtcTzId);

    /// <summary>
    /// A TEXT value with every line break (CRLF, CR, LF) as one LF, which the serializer escapes as "\n", and without
    /// the other control characters RFC 5545 §3.3.11 does not allow (tab stays).
    /// </summary>
    private static string Text(string value)
    {
        if (!value.Any(char.IsControl)) return value;
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\r')
            {
                sb.Append('\n');
                if (i + 1 < value.Length && value[i + 1] == '\n') i++;
            }
            else if (c is '\n' or '\t' || !char.IsControl(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Unfolds the serializer's content lines and folds them again so no physical line exceeds 75 octets of UTF-8
    /// and no character is split: continuation lines start with one space, and a line is only broken when the next
    /// character would not fit. Escaped TEXT holds no raw line break, so every CRLF + space is a fold.
    /// </summary>
    private static string Refold(string document)
    {
        var sb = new StringBuilder(document.Length + document.Length / 64);
        foreach (var line in document.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n"))
        {
            if (line.Length == 0) continue;
            var octets = 0;
            foreach (var rune in line.EnumerateRunes())
            {
                var size = rune.Utf8SequenceLength;
                if (octets + size > MaxOctets)
                {
                    sb.Append("\r\n ");
                    octets = 1; // the leading space of the continuation line counts
                }
                sb.Append(rune.ToString());
                octets += size;
            }
            sb.Append("\r\n");
        }
        return sb.ToString();
    }
}
