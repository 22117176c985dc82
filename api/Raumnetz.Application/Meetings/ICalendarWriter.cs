using System.Globalization;
using System.Text;

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
/// Writes iCalendar (RFC 5545) by hand: no iCalendar library restores from this machine's package feed, and the
/// subset needed here is small. What it takes care of: CRLF line endings; content lines folded at 75 octets of
/// UTF-8 (continuation lines start with one space, and a multi-octet character is never split); TEXT values escaped
/// (backslash, semicolon, comma; CR/LF/CRLF become "\n"); UID, DTSTAMP, DTSTART and DTEND as UTC date-times
/// ("…Z"), SUMMARY, LOCATION, DESCRIPTION, SEQUENCE and STATUS. No METHOD property: DTSTAMP then is the last
/// revision (RFC 5545 §3.8.7.2), which keeps a feed byte-for-byte stable while nothing changes.
/// </summary>
public static class ICalendarWriter
{
    public const string ContentType = "text/calendar; charset=utf-8";
    private const int MaxOctets = 75;

    /// <summary>A VCALENDAR with the events, named <paramref name="calendarName"/> for subscribing programs (X-WR-CALNAME).</summary>
    public static string Write(string calendarName, IEnumerable<CalendarEvent> events)
    {
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//Raumnetz//Raumnetz API//DE");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "X-WR-CALNAME:" + EscapeText(calendarName));
        // RFC 7986 REFRESH-INTERVAL and its older spelling: subscribers poll hourly.
        Line(sb, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
        Line(sb, "X-PUBLISHED-TTL:PT1H");
        foreach (var e in events)
        {
            Line(sb, "BEGIN:VEVENT");
            Line(sb, "UID:" + EscapeText(e.Uid));
            Line(sb, "DTSTAMP:" + UtcDateTime(e.Stamp));
            if (e.Created is { } created) Line(sb, "CREATED:" + UtcDateTime(created));
            Line(sb, "LAST-MODIFIED:" + UtcDateTime(e.Stamp));
            Line(sb, "DTSTART:" + UtcDateTime(e.Start));
            Line(sb, "DTEND:" + UtcDateTime(e.End));
            Line(sb, "SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
            Line(sb, "SUMMARY:" + EscapeText(e.Summary));
            if (!string.IsNullOrEmpty(e.Location)) Line(sb, "LOCATION:" + EscapeText(e.Location));
            if (!string.IsNullOrEmpty(e.Description)) Line(sb, "DESCRIPTION:" + EscapeText(e.Description));
            Line(sb, "STATUS:" + (e.Cancelled ? "CANCELLED" : "CONFIRMED"));
            Line(sb, "END:VEVENT");
        }
        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    /// <summary>A UTC DATE-TIME value: 20240618T130000Z.</summary>
    public static string UtcDateTime(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Escapes a TEXT value (RFC 5545 §3.3.11).</summary>
    public static string EscapeText(string value)
    {
        var sb = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case ';': sb.Append("\\;"); break;
                case ',': sb.Append("\\,"); break;
                case '\r':
                    sb.Append("\\n");
                    if (i + 1 < value.Length && value[i + 1] == '\n') i++;
                    break;
                case '\n': sb.Append("\\n"); break;
                default:
                    // Other control characters are not allowed in TEXT; drop them.
                    if (!char.IsControl(c) || c == '\t') sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Appends one content line, folded so no physical line exceeds 75 octets, and CRLF.</summary>
    public static void Line(StringBuilder sb, string contentLine)
    {
        var octets = 0;
        foreach (var rune in contentLine.EnumerateRunes())
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
}
