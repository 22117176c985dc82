using System.Net;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Networks;

public sealed class ListNetworksNeedingAttentionTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Lists_only_networks_needing_attention_most_reasons_first()
    {
        var client = await factory.SignedInAsync();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var space = await client.SpaceAsync("A-1", "Dortmund Nordstadt", "district");
        var person = await factory.ActorAsync("Koordinatorin", kind: "Person", typeCode: "person");
        var cadence = new { cadenceInterval = 3, cadenceUnit = "months", startedOn = today.AddYears(-3).ToString("yyyy-MM-dd") };

        // Alpha: no meeting for more than twice the cadence, and an overdue agreement.
        var alpha = await client.NetworkAsync("Alpha", "committee",
            new { cadence.cadenceInterval, cadence.cadenceUnit, cadence.startedOn, spaceIds = new[] { space } });
        await client.MeetingAsync(alpha.Id(), now.AddMonths(-8));
        await client.TaskAsync(alpha.Id(), [person], new { dueDate = today.AddDays(-10).ToString("yyyy-MM-dd") });
        // Beta: mandate missing.
        var beta = await client.NetworkAsync("Beta", "focusGroup");
        await factory.ExecuteAsync("UPDATE networks SET mandate = NULL WHERE id = @id", new { id = beta.Id() });
        // Gamma: healthy.
        var gamma = await client.NetworkAsync("Gamma", "focusGroup", cadence);
        await client.MeetingAsync(gamma.Id(), now.AddMonths(-1));
        // Delta: ended; its overdue agreement no longer counts.
        var delta = await client.NetworkAsync("Delta", "workingGroup", new { status = "ended", endedOn = "2020-12-31" });
        await client.TaskAsync(delta.Id(), [person], new { dueDate = "2020-06-30" });
        // Epsilon: low attendance (1 present of 4).
        var epsilon = await client.NetworkAsync("Epsilon", "alliance");
        var members = new List<Guid>();
        for (var i = 0; i < 4; i++) members.Add(
            (await client.MemberAsync(epsilon.Id(), await factory.ActorAsync($"Träger {i}", "CivilSociety", "association"))).Id());
        await client.MeetingAsync(epsilon.Id(), now.AddDays(-7), new
        {
            attendance = members.Select((m, i) => new { memberId = m, attendance = i == 0 ? "present" : "absent" }).ToArray(),
        });
        // Zeta: paused with an overdue agreement: paused networks only count a missing mandate.
        var zeta = await client.NetworkAsync("Zeta", "alliance", new { status = "paused" });
        await client.TaskAsync(zeta.Id(), [person], new { dueDate = "2020-06-30" });

        var items = await HttpAssert.OkAsync<System.Text.Json.JsonElement[]>(await client.GetAsync("/api/v1/networks/attention"));
        Assert.Equal([alpha.Id(), beta.Id(), epsilon.Id()], items.Select(i => i.GetProperty("networkId").GetGuid()));
        Assert.Equal(["meetingOverdue", "overdueAgreements"], items[0].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["mandateMissing"], items[1].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["lowAttendance"], items[2].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(0.25, items[2].GetProperty("attendanceRate").GetDouble(), 6);

        var inSpace = await HttpAssert.OkAsync<System.Text.Json.JsonElement[]>(
            await client.GetAsync($"/api/v1/networks/attention?spaceId={space}"));
        Assert.Equal([alpha.Id()], inSpace.Select(i => i.GetProperty("networkId").GetGuid()));
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/networks/attention?meetings=0"), HttpStatusCode.BadRequest,
            "meetings");
        Assert.NotEqual(gamma.Id(), delta.Id());
        Assert.NotEqual(zeta.Id(), delta.Id());
    }
}
