using System.Net;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Meetings;

public sealed class ListNetworkMeetingsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Latest_first_with_counts_filters_and_paging()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("AG Soziales", "workingGroup");
        var other = await client.NetworkAsync("Andere AG", "workingGroup");
        var a = await client.MemberAsync(network.Id(), await factory.ActorAsync("A e.V.", "CivilSociety", "association"));
        var b = await client.MemberAsync(network.Id(), await factory.ActorAsync("B e.V.", "CivilSociety", "association"));
        var may = await client.MeetingAsync(network.Id(), new DateTimeOffset(2012, 5, 2, 13, 0, 0, TimeSpan.Zero), new
        {
            minutes = "Protokoll",
            decisions = new[] { "eins", "zwei" },
            attendance = new[] { new { memberId = a.Id(), attendance = "present" }, new { memberId = b.Id(), attendance = "excused" } },
        });
        var june = await client.MeetingAsync(network.Id(), new DateTimeOffset(2012, 6, 18, 13, 0, 0, TimeSpan.Zero));
        var october = await client.MeetingAsync(network.Id(), new DateTimeOffset(2012, 10, 8, 13, 0, 0, TimeSpan.Zero));
        await client.MeetingAsync(other.Id(), new DateTimeOffset(2012, 7, 1, 13, 0, 0, TimeSpan.Zero));
        var url = $"/api/v1/networks/{network.Id()}/meetings";

        var all = (await client.GetJsonAsync(url)).Items();
        Assert.Equal([october.Id(), june.Id(), may.Id()], all.Select(m => m.Id()));
        var first = all[2];
        Assert.True(first.GetProperty("hasMinutes").GetBoolean());
        Assert.Equal(2, first.GetProperty("decisionCount").GetInt32());
        Assert.Equal(1, first.GetProperty("present").GetInt32());
        Assert.Equal(1, first.GetProperty("excused").GetInt32());
        Assert.Equal(0, first.GetProperty("absent").GetInt32());
        Assert.False(all[0].GetProperty("hasMinutes").GetBoolean());

        Assert.Equal([june.Id()], (await client.GetJsonAsync($"{url}?from=2012-06-01T00:00:00Z&to=2012-07-01T00:00:00Z")).Items()
            .Select(m => m.Id()));
        var page1 = await client.GetJsonAsync($"{url}?limit=2");
        Assert.Equal([october.Id(), june.Id()], page1.Items().Select(m => m.Id()));
        var page2 = await client.GetJsonAsync($"{url}?limit=2&cursor={page1.GetProperty("nextCursor").GetString()}");
        Assert.Equal([may.Id()], page2.Items().Select(m => m.Id()));

        await HttpAssert.ProblemAsync(await client.GetAsync($"{url}?cursor=abc"), HttpStatusCode.BadRequest, "cursor");
        await HttpAssert.ProblemAsync(await client.GetAsync($"{url}?from=2012-07-01T00:00:00Z&to=2012-06-01T00:00:00Z"),
            HttpStatusCode.BadRequest, "to");
        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/v1/networks/{Guid.NewGuid()}/meetings"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Instants_with_offsets_are_ordered_and_filtered_in_utc()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("Lenkrunde", "steeringGroup");
        // 14:00 in Berlin summer time is 12:00 UTC: earlier than 12:30 UTC although "14:00+02:00" sorts after "12:30" as text.
        var berlin = await client.MeetingAsync(network.Id(), new DateTimeOffset(2024, 6, 18, 14, 0, 0, TimeSpan.FromHours(2)));
        var utc = await client.MeetingAsync(network.Id(), new DateTimeOffset(2024, 6, 18, 12, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2024, 6, 18, 12, 0, 0, TimeSpan.Zero), berlin.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(TimeSpan.Zero, DateTimeOffset.Parse(berlin.GetProperty("startsAt").GetString()!).Offset);
        var url = $"/api/v1/networks/{network.Id()}/meetings";
        Assert.Equal([utc.Id(), berlin.Id()], (await client.GetJsonAsync(url)).Items().Select(m => m.Id()));
        Assert.Equal([berlin.Id()], (await client.GetJsonAsync($"{url}?to={Uri.EscapeDataString("2024-06-18T14:15:00+02:00")}")).Items()
            .Select(m => m.Id()));
        Assert.Equal([utc.Id()], (await client.GetJsonAsync($"{url}?from={Uri.EscapeDataString("2024-06-18T14:15:00+02:00")}")).Items()
            .Select(m => m.Id()));
    }
}
