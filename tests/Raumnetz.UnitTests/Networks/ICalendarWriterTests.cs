using System.Text;
using Raumnetz.Application.Meetings;

namespace Raumnetz.UnitTests.Networks;

public sealed class ICalendarWriterTests
{
    private static readonly DateTimeOffset Start = new(2012, 6, 18, 15, 0, 0, TimeSpan.FromHours(2));

    private static string Write(string summary = "AG Soziales", string? description = null)
        => ICalendarWriter.Write("AG Soziales", [new CalendarEvent
    {
        Uid = "m1@raumnetz", Summary = summary, Description = description, Start = Start, End = Start.AddHours(2), Stamp = Start,
    }]);

    /// <summary>The physical lines (without CRLF) of the one content line that starts with <paramref name="name"/>.</summary>
    private static string[] PhysicalLines(string ics, string name)
    {
        var lines = ics[..^2].Split("\r\n");
        var first = Array.FindIndex(lines, l => l.StartsWith(name + ":", StringComparison.Ordinal));
        Assert.True(first >= 0, $"No {name} in {ics}");
        return lines.Skip(first).TakeWhile((l, i) => i == 0 || l.StartsWith(' ')).ToArray();
    }

    [Theory]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("Ort; Raum, 3", "Ort\\; Raum\\, 3")]
    [InlineData("eins\r\nzwei\ndrei\rvier", "eins\\nzwei\\ndrei\\nvier")]
    [InlineData("Doppelpunkt: bleibt", "Doppelpunkt: bleibt")]
    [InlineData("bell\u0007", "bell")]
    public void Text_is_escaped(string value, string escaped)
        => Assert.Equal(["SUMMARY:" + escaped], PhysicalLines(Write(value), "SUMMARY"));

    [Fact]
    public void Lines_fold_at_75_octets_without_splitting_characters()
    {
        var value = string.Concat(Enumerable.Repeat("Größe äöü € 😀 ", 20));
        var lines = PhysicalLines(Write(description: value), "DESCRIPTION");
        Assert.True(lines.Length > 3);
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.All(lines.Skip(1), l => Assert.StartsWith(" ", l));
        // No surrogate pair (the emoji) is split: every line survives UTF-8 on its own.
        Assert.All(lines, l => Assert.Equal(l, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(l))));
        Assert.Equal("DESCRIPTION:" + value, lines[0] + string.Concat(lines.Skip(1).Select(l => l[1..])));
        // Lines are filled: a fold happens only when the next character would not fit.
        Assert.True(Encoding.UTF8.GetByteCount(lines[0]) >= 72);
    }

    [Fact]
    public void Short_lines_stay_whole()
    {
        // "SUMMARY:" is 8 octets: 67 more make a line of exactly 75.
        Assert.Equal(["SUMMARY:" + new string('x', 67)], PhysicalLines(Write(new string('x', 67)), "SUMMARY"));
        Assert.Equal(["SUMMARY:" + new string('x', 67), " x"], PhysicalLines(Write(new string('x', 68)), "SUMMARY"));
    }

    [Fact]
    public void Events_have_utc_times_uid_and_status()
    {
        var ics = ICalendarWriter.Write("AG Soziales", [new CalendarEvent
        {
            Uid = "m1@raumnetz", Summary = "AG Soziales", Start = new DateTimeOffset(2012, 6, 18, 15, 0, 0, TimeSpan.FromHours(2)),
            End = new DateTimeOffset(2012, 6, 18, 17, 0, 0, TimeSpan.FromHours(2)),
            Stamp = new DateTimeOffset(2012, 5, 16, 9, 30, 0, TimeSpan.Zero),
            Location = "Littenstraße", Sequence = 2, Cancelled = true,
        }]);
        // Ical.Net writes the properties of a component in alphabetical order (their order carries no meaning in
        // RFC 5545), so each is looked for as a whole line rather than in the hand-written writer's order.
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics);
        Assert.Contains("\r\nVERSION:2.0\r\n", ics);
        Assert.Contains("\r\nPRODID:-//Raumnetz//Raumnetz API//DE\r\n", ics);
        Assert.Contains("\r\nBEGIN:VEVENT\r\n", ics);
        Assert.Contains("\r\nUID:m1@raumnetz\r\n", ics);
        Assert.Contains("\r\nDTSTAMP:20120516T093000Z\r\n", ics);
        Assert.Contains("\r\nDTSTART:20120618T130000Z\r\n", ics);
        Assert.Contains("\r\nDTEND:20120618T150000Z\r\n", ics);
        Assert.Contains("\r\nSEQUENCE:2\r\n", ics);
        Assert.Contains("\r\nSTATUS:CANCELLED\r\n", ics);
        Assert.DoesNotContain("DESCRIPTION", ics);
        Assert.EndsWith("END:VEVENT\r\nEND:VCALENDAR\r\n", ics);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", ""));
    }

    [Fact]
    public void Times_are_utc_whatever_the_offset_and_have_no_time_zone()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        DateTimeOffset InBerlin(int year, int month, int day, int hour) =>
            new(new DateTime(year, month, day, hour, 0, 0), berlin.GetUtcOffset(new DateTime(year, month, day, hour, 0, 0)));
        var ics = ICalendarWriter.Write("Lenkrunde", [new CalendarEvent
        {
            Uid = "m2@raumnetz", Summary = "Lenkrunde", Start = InBerlin(2024, 1, 16, 17), End = InBerlin(2024, 7, 16, 17),
            Stamp = new DateTimeOffset(2024, 3, 31, 1, 30, 0, TimeSpan.Zero),
            Created = new DateTimeOffset(2023, 12, 31, 23, 59, 59, TimeSpan.FromHours(-5)),
        }]);
        Assert.Contains("\r\nDTSTART:20240116T160000Z\r\n", ics); // CET, +01:00
        Assert.Contains("\r\nDTEND:20240716T150000Z\r\n", ics); // CEST, +02:00
        Assert.Contains("\r\nDTSTAMP:20240331T013000Z\r\n", ics);
        Assert.Contains("\r\nLAST-MODIFIED:20240331T013000Z\r\n", ics);
        Assert.Contains("\r\nCREATED:20240101T045959Z\r\n", ics);
        Assert.DoesNotContain("TZID", ics);
        Assert.DoesNotContain("VTIMEZONE", ics);
    }

    [Fact]
    public void The_same_events_give_the_same_bytes()
    {
        Assert.Equal(Write(description: "Tagesordnung"), Write(description: "Tagesordnung"));
        Assert.DoesNotContain("ical.net", Write(), StringComparison.OrdinalIgnoreCase);
    }
}
