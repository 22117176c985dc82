using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Meetings;

public sealed class MeetingCalendarTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task One_meeting_as_ics_parses_back_with_escaping_and_folding()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("AG Soziales", "workingGroup");
        const string title = "2. Sitzung; Positionspapier, Teil 1 \\ Entwurf";
        const string location = "Deutscher Verein, Littenstraße 10; Raum 3";
        const string agenda = "1. Begrüßung und Vorstellungsrunde\n2. Ziel definieren/ausformulieren; Problemanalyse\n"
            + "3. Instrumente, Best Practices sammeln – unabhängig vom spezifischen Sozialraum und seinen Strukturen \\ Werkstatt\n4. " +
                "Termine";
        var meeting = await client.MeetingAsync(network.Id(), new DateTimeOffset(2012, 6, 18, 15, 0, 0, TimeSpan.FromHours(2)),
            new { title, location, agenda, endsAt = new DateTimeOffset(2012, 6, 18, 17, 30, 0, TimeSpan.FromHours(2)) });

        var response = await client.GetAsync($"/api/v1/meetings/{meeting.Id()}/calendar.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".ics", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var raw = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());

        var calendar = ICalendarParser.Parse(raw);
        Assert.Equal("VCALENDAR", calendar.Name);
        Assert.Equal("2.0", calendar.Raw("VERSION"));
        Assert.NotNull(calendar.Raw("PRODID"));
        Assert.Equal("AG Soziales", calendar.Text("X-WR-CALNAME"));
        var e = Assert.Single(calendar.Components);
        Assert.Equal("VEVENT", e.Name);
        Assert.Equal($"{meeting.Id()}@raumnetz", e.Text("UID"));
        Assert.Matches(new Regex("^[0-9]{8}T[0-9]{6}Z$"), e.Raw("DTSTAMP")!);
        Assert.Equal("20120618T130000Z", e.Raw("DTSTART")); // 15:00 at +02:00 is 13:00 UTC
        Assert.Equal("20120618T153000Z", e.Raw("DTEND"));
        Assert.Equal($"AG Soziales: {title}", e.Text("SUMMARY"));
        Assert.Equal(location, e.Text("LOCATION"));
        Assert.Equal("Tagesordnung / Agenda:\n" + agenda, e.Text("DESCRIPTION"));
        Assert.Equal("CONFIRMED", e.Raw("STATUS"));
        Assert.Equal("0", e.Raw("SEQUENCE"));

        // The escapes are really there, the long description was folded, and the umlauts survived folding.
        Assert.Contains("Deutscher Verein\\, Littenstraße 10\\; Raum 3", raw);
        Assert.Contains("Teil 1 \\\\ Entwurf", raw);
        Assert.Contains("Vorstellungsrunde\\n2.", e.Raw("DESCRIPTION"));
        Assert.Contains("\r\n ", raw);
        Assert.Contains("Strukturen", e.Text("DESCRIPTION"));
    }

    [Fact]
    public async Task Unknown_meeting_is_404_anonymous_401()
    {
        var client = await factory.SignedInAsync();
        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/v1/meetings/{Guid.NewGuid()}/calendar.ics"), HttpStatusCode.NotFound);
        var network = await client.NetworkAsync("Beirat", "advisoryBoard");
        var meeting = await client.MeetingAsync(network.Id(), DateTimeOffset.UtcNow.AddDays(3));
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await factory.Anonymous().GetAsync($"/api/v1/meetings/{meeting.Id()}/calendar.ics")).StatusCode);
        var viewer = await factory.SignedInAsAsync("viewer");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/meetings/{meeting.Id()}/calendar.ics")).StatusCode);
    }
}
