using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Meetings;

public sealed class GetMeetingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Returns_the_meeting_with_its_etag()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("Sozialraumkonferenz Teltow", "socialSpaceConference");
        var member = await client.MemberAsync(network.Id(), await factory.ActorAsync("Kita Sonnenschein", "CivilSociety", "daycare"));
        var created = await client.MeetingAsync(network.Id(), new DateTimeOffset(2023, 11, 8, 9, 0, 0, TimeSpan.Zero), new
        {
            decisions = new[] { "erstens", "zweitens", "drittens" },
            attendance = new[] { new { memberId = member.Id(), attendance = "absent" } },
        });
        var response = await client.GetAsync($"/api/v1/meetings/{created.Id()}");
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var meeting = await HttpAssert.OkAsync<JsonElement>(response);
        Assert.Equal(["erstens", "zweitens", "drittens"], meeting.GetProperty("decisions").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("Kita Sonnenschein", meeting.GetProperty("attendance")[0].GetProperty("actorName").GetString());
        Assert.Equal("member", meeting.GetProperty("attendance")[0].GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, meeting.GetProperty("minutes").ValueKind);
    }

    [Fact]
    public async Task Unknown_404_malformed_400_anonymous_401()
    {
        var client = await factory.SignedInAsync();
        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/v1/meetings/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/meetings/123"), HttpStatusCode.BadRequest, "id");
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().GetAsync($"/api/v1/meetings/{Guid.NewGuid()}")).StatusCode);
    }
}
