using System.Text;
using Raumnetz.Application.Meetings;

namespace Raumnetz.UnitTests.Networks;

public sealed class ICalendarWriterTests
{
    [Theory]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("Ort; Raum, 3", "Ort\\; Raum\\, 3")]
    [InlineData("eins\r\nzwei\ndrei\rvier", "eins\\nzwei\\ndrei\\nvier")]
    [InlineData("Doppelpunkt: bleibt", "Doppelpunkt: bleibt")]
    [InlineData("bell\u0007", "bell")]
    public void Text_is_escaped(string value, string escaped) => Assert.Equal(escaped, ICalendarWriter.EscapeText(value));

    [Fact]
    public void Lines_fold_at_75_octets_without_splitting_characters()
    {
        var sb = new StringBuilder();
        var value = "DESCRIPTION:" + string.Concat(Enumerable.Repeat("Größe äöü € 😀 ", 20));
        ICalendarWriter.Line(sb, value);
        var text = sb.ToString();
        Assert.EndsWith("\r\n", text);
        var lines = text[..^2].Split("\r\n");
        Assert.True(lines.Length > 3);
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.All(lines.Skip(1), l => Assert.StartsWith(" ", l));
        Assert.All(lines, l => Assert.DoesNotContain('\uFFFD', l));
        Assert.Equal(value, lines[0] + string.Concat(lines.Skip(1).Select(l => l[1..])));
        // Lines are filled: a fold happens only when the next character would not fit.
        Assert.True(Encoding.UTF8.GetByteCount(lines[0]) >= 72);
    }

    [Fact]
    public void Short_lines_stay_whole()
    {
        var sb = new StringBuilder();
        ICalendarWriter.Line(sb, new string('x', 75));
        Assert.Equal(new string('x', 75) + "\r\n", sb.ToString());
        sb.Clear();
        ICalendarWriter.Line(sb, new string('x', 76));
        Assert.Equal(new string('x', 75) + "\r\n x\r\n", sb.ToString());
    }

    [Fact]
    public void Events_have_utc_times_uid_and_status()
    {
        var ics = ICalendarWriter.Write("AG Soziales", [new CalendarEvent
        {
            Uid = "m1@raumnetz", Summary = "AG Soziales", Start = new DateTimeOffset(2012, 6, 18, 15, 0, 0, TimeSpan.FromHours(2)),
            End = new DateTimeOffset(2012, 6, 18, 17, 0, 0, TimeSpan.FromHours(2)), Stamp = new DateTimeOffset(2012, 5, 16, 9, 30, 0, TimeSpan.Zero),
            Location = "Littenstraße", Sequence = 2, Cancelled = true,
        }]);
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", ics);
        Assert.Contains("\r\nBEGIN:VEVENT\r\nUID:m1@raumnetz\r\nDTSTAMP:20120516T093000Z\r\n", ics);
        Assert.Contains("\r\nDTSTART:20120618T130000Z\r\nDTEND:20120618T150000Z\r\n", ics);
        Assert.Contains("\r\nSEQUENCE:2\r\n", ics);
        Assert.Contains("\r\nSTATUS:CANCELLED\r\n", ics);
        Assert.DoesNotContain("DESCRIPTION", ics);
        Assert.EndsWith("END:VEVENT\r\nEND:VCALENDAR\r\n", ics);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", ""));
    }
}
