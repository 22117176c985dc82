using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Networks;

public sealed class GetNetworkHealthTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Last_and_next_meeting_attendance_agreements_and_overdue_meeting()
    {
        var client = await factory.SignedInAsync();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var network = await client.NetworkAsync("AG Soziales", "workingGroup",
            new { cadenceInterval = 3, cadenceUnit = "months", startedOn = today.AddYears(-2).ToString("yyyy-MM-dd") });
        var id = network.Id();
        var m = new List<Guid>();
        foreach (var name in new[] { "Caritas", "Diakonie", "Paritätischer" })
            m.Add((await client.MemberAsync(id, await factory.ActorAsync(name, "CivilSociety", "welfare-association"),
                        extra: new { validFrom = "2012-01-01" })).Id());
        object Attendance(params string[] values)
            => new { attendance = values.Select((v, i) => new { memberId = m[i], attendance = v }).ToArray() };
        var older = await client.MeetingAsync(id, now.AddMonths(-12), Attendance("present", "excused", "absent"));
        var last = await client.MeetingAsync(id, now.AddMonths(-10), Attendance("present", "present", "absent"));
        await client.MeetingAsync(id, now.AddMonths(-1), new { cancelled = true });
        var next = await client.MeetingAsync(id, now.AddMonths(1));
        await client.TaskAsync(id, [await factory.ActorAsync("Herr Klikar", kind: "Person", typeCode: "person")],
            new { dueDate = today.AddDays(-1).ToString("yyyy-MM-dd") });
        await client.TaskAsync(id, [await factory.ActorAsync("Frau Saal", kind: "Person", typeCode: "person")]);
        await client.TaskAsync(id, [await factory.ActorAsync("Herr Abraham", kind: "Person", typeCode: "person")],
            new { dueDate = "2012-09-30", status = "done" });

        var h = await client.GetJsonAsync($"/api/v1/networks/{id}/health");
        Assert.Equal(id, h.GetProperty("networkId").GetGuid());
        Assert.Equal(last.GetProperty("startsAt").GetDateTimeOffset(), h.GetProperty("lastMeetingAt").GetDateTimeOffset());
        Assert.Equal(next.GetProperty("startsAt").GetDateTimeOffset(), h.GetProperty("nextMeetingAt").GetDateTimeOffset());
        Assert.Equal(2, h.GetProperty("meetingsConsidered").GetInt32());
        Assert.Equal(0.5, h.GetProperty("attendanceRate").GetDouble(), 6); // 3 present of 6 recorded
        Assert.Equal(2, h.GetProperty("openAgreements").GetInt32());
        Assert.Equal(1, h.GetProperty("overdueAgreements").GetInt32());
        Assert.False(h.GetProperty("mandateMissing").GetBoolean());
        Assert.Equal(DateOnly.FromDateTime(last.GetProperty("startsAt").GetDateTimeOffset().UtcDateTime).AddMonths(6)
            .ToString("yyyy-MM-dd"),
            h.GetProperty("meetingDueBy").GetString());
        Assert.True(h.GetProperty("meetingOverdue").GetBoolean());
        Assert.True(h.GetProperty("needsAttention").GetBoolean());
        Assert.Equal(["meetingOverdue", "overdueAgreements"], h.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));

        var lastOnly = await client.GetJsonAsync($"/api/v1/networks/{id}/health?meetings=1");
        Assert.Equal(1, lastOnly.GetProperty("meetingsConsidered").GetInt32());
        Assert.Equal(2.0 / 3, lastOnly.GetProperty("attendanceRate").GetDouble(), 6);
        Assert.NotEqual(Guid.Empty, older.Id());
    }

    [Fact]
    public async Task A_fresh_network_is_healthy_a_missing_mandate_is_reported()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("Fokusgruppe Bildung", extra: new { cadenceInterval = 2, cadenceUnit = "weeks" });
        var h = await client.GetJsonAsync($"/api/v1/networks/{network.Id()}/health");
        Assert.False(h.GetProperty("needsAttention").GetBoolean());
        Assert.Equal(JsonValueKind.Null, h.GetProperty("lastMeetingAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, h.GetProperty("attendanceRate").ValueKind);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(28).ToString("yyyy-MM-dd"), h.GetProperty("meetingDueBy").GetString());

        // The API requires a mandate; data recorded elsewhere (imports, older systems) may lack one.
        await factory.ExecuteAsync("UPDATE networks SET mandate = NULL WHERE id = @id", new { id = network.Id() });
        Assert.Equal(JsonValueKind.Null, (await client.GetJsonAsync($"/api/v1/networks/{network.Id()}")).GetProperty("mandate").ValueKind);
        h = await client.GetJsonAsync($"/api/v1/networks/{network.Id()}/health");
        Assert.True(h.GetProperty("mandateMissing").GetBoolean());
        Assert.Equal(["mandateMissing"], h.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Unknown_network_is_404_bad_meeting_count_400()
    {
        var client = await factory.SignedInAsync();
        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/v1/networks/{Guid.NewGuid()}/health"), HttpStatusCode.NotFound);
        var network = await client.NetworkAsync("Beirat", "advisoryBoard");
        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/v1/networks/{network.Id()}/health?meetings=0"),
            HttpStatusCode.BadRequest, "meetings");
        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/v1/networks/{network.Id()}/health?meetings=51"),
            HttpStatusCode.BadRequest, "meetings");
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await factory.Anonymous().GetAsync($"/api/v1/networks/{network.Id()}/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await (await factory.SignedInAsAsync("viewer")).GetAsync($"/api/v1/networks/{network.Id()}/health")).StatusCode);
    }
}
