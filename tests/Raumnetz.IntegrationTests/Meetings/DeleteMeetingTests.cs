using System.Net;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Meetings;

public sealed class DeleteMeetingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Deletes_a_meeting_unless_agreements_were_made_in_it()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("Fokusgruppe Kultur");
        var member = await client.MemberAsync(network.Id(), await factory.ActorAsync("Bibliothek", typeCode: "public-authority"));
        var plain = await client.MeetingAsync(network.Id(), DateTimeOffset.UtcNow.AddDays(-20),
            new { decisions = new[] { "x" }, attendance = new[] { new { memberId = member.Id(), attendance = "present" } } });
        var withAgreement = await client.MeetingAsync(network.Id(), DateTimeOffset.UtcNow.AddDays(-10));
        await client.TaskAsync(network.Id(), [await factory.ActorAsync("Kulturamt")], new { meetingId = withAgreement.Id() });

        await HttpAssert.ProblemAsync(await client.SendAsync(HttpMethod.Delete, $"/api/v1/meetings/{plain.Id()}", null, "\"9\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Delete, $"/api/v1/meetings/{plain.Id()}", null, "\"1\"")).StatusCode);
        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/v1/meetings/{plain.Id()}"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await client.DeleteIfMatchAsync($"/api/v1/meetings/{withAgreement.Id()}"), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/meetings/{withAgreement.Id()}")).StatusCode);
        await HttpAssert.ProblemAsync(await client.DeleteIfMatchAsync($"/api/v1/meetings/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        var viewer = await factory.SignedInAsAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteIfMatchAsync($"/api/v1/meetings/{withAgreement.Id()}")).StatusCode);
        // Once the meeting is gone, the membership it recorded attendance for can be removed again.
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteIfMatchAsync($"/api/v1/networks/{network.Id()}/members/{member.Id()}")).StatusCode);
    }
}
