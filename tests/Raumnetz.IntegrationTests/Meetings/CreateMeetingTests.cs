using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Meetings;

public sealed class CreateMeetingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Creates_a_meeting_with_attendance_minutes_and_decisions()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("AG Soziales", "workingGroup");
        var a = await client.MemberAsync(network.Id(), await factory.ActorAsync("Deutscher Verein", "CivilSociety", "association"));
        var b = await client.MemberAsync(network.Id(), await factory.ActorAsync("GdW", "PrivateEconomy", "housing-company"));
        var response = await client.PostAsJsonAsync($"/api/v1/networks/{network.Id()}/meetings", new
        {
            title = "1. Sitzung",
            startsAt = "2012-05-02T15:00:00+02:00",
            endsAt = "2012-05-02T17:00:00+02:00",
            cancelled = false,
            location = "Littenstraße, Berlin",
            agenda = "Vorstellungsrunde",
            minutes = "# Protokoll\n\nHerr Klikar begrüßt die Anwesenden.",
            decisions = new[] { "Die AG trifft sich alle drei bis vier Monate.", "Nächster Termin: 18. Juni, 15 Uhr." },
            attendance = new[] { new { memberId = a.Id(), attendance = "present" }, new { memberId = b.Id(), attendance = "excused" } },
        });
        var meeting = await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created);
        Assert.Equal($"/api/v1/meetings/{meeting.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(new DateTimeOffset(2012, 5, 2, 13, 0, 0, TimeSpan.Zero), meeting.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal("AG Soziales", meeting.GetProperty("networkName").GetString());
        Assert.Equal("# Protokoll\n\nHerr Klikar begrüßt die Anwesenden.", meeting.GetProperty("minutes").GetString());
        Assert.Equal(2, meeting.GetProperty("decisions").GetArrayLength());
        var attendance = meeting.GetProperty("attendance").EnumerateArray().ToDictionary(x => x.GetProperty("memberId").GetGuid());
        Assert.Equal("present", attendance[a.Id()].GetProperty("attendance").GetString());
        Assert.Equal("Deutscher Verein", attendance[a.Id()].GetProperty("actorName").GetString());
        Assert.Equal("excused", attendance[b.Id()].GetProperty("attendance").GetString());
        Assert.False(meeting.GetProperty("cancelled").GetBoolean());
    }

    [Fact]
    public async Task Meetings_ending_before_they_start_are_refused_and_nothing_is_written()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("Fokusgruppe Bildung");
        var url = $"/api/v1/networks/{network.Id()}/meetings";
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(url, new { startsAt = "2024-05-02T15:00:00Z", endsAt = "2024-05-02T14:59:00Z", cancelled = false }), HttpStatusCode.BadRequest, "endsAt");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(url, new { startsAt = "2024-05-02T15:00:00Z", endsAt = "2024-05-02T15:00:00Z", cancelled = false }), HttpStatusCode.BadRequest, "endsAt");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(url, new { endsAt = "2024-05-02T15:00:00Z", cancelled = false }), HttpStatusCode.BadRequest, "startsAt");
        Assert.Empty((await client.GetJsonAsync(url)).Items());
    }

    [Fact]
    public async Task Limits_and_attendance_of_strangers_are_400()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("Lenkrunde", "steeringGroup");
        var elsewhere = await client.NetworkAsync("Andere Runde", "committee");
        var stranger = await client.MemberAsync(elsewhere.Id(), await factory.ActorAsync("Fremde Organisation"));
        var own = await client.MemberAsync(network.Id(), await factory.ActorAsync("Eigene Organisation"));
        var url = $"/api/v1/networks/{network.Id()}/meetings";
        var start = DateTimeOffset.UtcNow.AddDays(7);
        object Body(object extra) => new Dictionary<string, object?>(JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(extra, Json.Options))!)
            { ["startsAt"] = start, ["endsAt"] = start.AddHours(1), ["cancelled"] = false };

        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(url, Body(new { attendance = new[] { new { memberId = stranger.Id(), attendance = "present" } } })),
            HttpStatusCode.BadRequest, "attendance[0].memberId");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(url, Body(new { attendance = new[] { new { memberId = own.Id(), attendance = "present" }, new { memberId = own.Id(), attendance = "absent" } } })),
            HttpStatusCode.BadRequest, "attendance");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(url, Body(new { attendance = new[] { new { memberId = own.Id(), attendance = "late" } } })),
            HttpStatusCode.BadRequest, "attendance[0].attendance");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(url, Body(new { agenda = new string('a', 10_001) })), HttpStatusCode.BadRequest, "agenda");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(url, Body(new { minutes = new string('m', 100_001) })), HttpStatusCode.BadRequest, "minutes");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(url, Body(new { decisions = Enumerable.Repeat("x", 51).ToArray() })), HttpStatusCode.BadRequest, "decisions");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(url, Body(new { location = new string('l', 501) })), HttpStatusCode.BadRequest, "location");
        Assert.Empty((await client.GetJsonAsync(url)).Items());
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(url, Body(new { minutes = new string('m', 100_000), agenda = new string('a', 10_000) }))).StatusCode);
    }

    [Fact]
    public async Task Unknown_network_404_viewer_403()
    {
        var client = await factory.SignedInAsync();
        var start = DateTimeOffset.UtcNow;
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync($"/api/v1/networks/{Guid.NewGuid()}/meetings", new { startsAt = start, endsAt = start.AddHours(1), cancelled = false }), HttpStatusCode.NotFound);
        var network = await client.NetworkAsync("Beirat", "advisoryBoard");
        var viewer = await factory.SignedInAsAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/v1/networks/{network.Id()}/meetings", new { startsAt = start, endsAt = start.AddHours(1), cancelled = false })).StatusCode);
    }
}
