using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Meetings;

public sealed class UpdateMeetingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Records_attendance_minutes_and_decisions_after_the_meeting()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("AG Soziales", "workingGroup");
        var a = await client.MemberAsync(network.Id(), await factory.ActorAsync("Verband A", "CivilSociety", "welfare-association"));
        var b = await client.MemberAsync(network.Id(), await factory.ActorAsync("Verband B", "CivilSociety", "welfare-association"));
        var meeting = await client.MeetingAsync(network.Id(), new DateTimeOffset(2012, 6, 18, 13, 0, 0, TimeSpan.Zero), new { decisions = new[] { "vorläufig" } });
        var url = $"/api/v1/meetings/{meeting.Id()}";
        var response = await client.SendAsync(HttpMethod.Put, url, new
        { cancelled = false,
            startsAt = "2012-06-18T13:00:00Z",
            endsAt = "2012-06-18T15:30:00Z",
            minutes = "## Ergebnisse\n- Positionspapier",
            attendance = new[] { new { memberId = a.Id(), attendance = "present" }, new { memberId = b.Id(), attendance = "absent" } },
        }, "\"1\"");
        var updated = await HttpAssert.OkAsync<JsonElement>(response);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal("## Ergebnisse\n- Positionspapier", updated.GetProperty("minutes").GetString());
        Assert.Equal(2, updated.GetProperty("attendance").GetArrayLength());
        Assert.Equal(["vorläufig"], updated.GetProperty("decisions").EnumerateArray().Select(d => d.GetString())); // left out: unchanged

        // Ending before the start is refused and changes nothing.
        await HttpAssert.ProblemAsync(await client.SendAsync(HttpMethod.Put, url, new { cancelled = false, startsAt = "2012-06-18T13:00:00Z", endsAt = "2012-06-18T12:00:00Z" }, "\"2\""),
            HttpStatusCode.BadRequest, "endsAt");
        var after = await client.GetAsync(url);
        Assert.Equal("\"2\"", after.Headers.ETag?.Tag);
        Assert.Equal(new DateTimeOffset(2012, 6, 18, 15, 30, 0, TimeSpan.Zero), (await HttpAssert.OkAsync<JsonElement>(after)).GetProperty("endsAt").GetDateTimeOffset());

        var cancelled = await HttpAssert.OkAsync<JsonElement>(await client.SendAsync(HttpMethod.Put, url,
            new { startsAt = "2012-06-18T13:00:00Z", endsAt = "2012-06-18T15:30:00Z", cancelled = true, decisions = Array.Empty<string>(), attendance = Array.Empty<object>() }, "\"2\""));
        Assert.True(cancelled.GetProperty("cancelled").GetBoolean());
        Assert.Empty(cancelled.GetProperty("decisions").EnumerateArray());
        Assert.Empty(cancelled.GetProperty("attendance").EnumerateArray());
    }

    [Fact]
    public async Task Stale_412_unknown_404_viewer_403()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("Beirat", "advisoryBoard");
        var meeting = await client.MeetingAsync(network.Id(), DateTimeOffset.UtcNow.AddDays(10));
        var body = new { cancelled = false, startsAt = "2030-01-01T10:00:00Z", endsAt = "2030-01-01T12:00:00Z" };
        await HttpAssert.ProblemAsync(await client.SendAsync(HttpMethod.Put, $"/api/v1/meetings/{meeting.Id()}", body, "\"2\""), HttpStatusCode.PreconditionFailed);
        await HttpAssert.ProblemAsync(await client.SendAsync(HttpMethod.Put, $"/api/v1/meetings/{Guid.NewGuid()}", body, "\"1\""), HttpStatusCode.NotFound);
        var viewer = await factory.SignedInAsAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.SendAsync(HttpMethod.Put, $"/api/v1/meetings/{meeting.Id()}", body, "\"1\"")).StatusCode);
    }
}
