using System.Net;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Networks;

public sealed class RemoveNetworkMemberTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_mistaken_membership_can_be_deleted_one_with_attendance_cannot()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("Fokusgruppe Kultur");
        var mistake = await client.MemberAsync(network.Id(), await factory.ActorAsync("Falscher Verein", "CivilSociety", "association"));
        var attended = await client.MemberAsync(network.Id(), await factory.ActorAsync("Musikschule", "Public", "school"));
        await client.MeetingAsync(network.Id(), new DateTimeOffset(2024, 3, 5, 16, 0, 0, TimeSpan.Zero),
            new { attendance = new[] { new { memberId = attended.Id(), attendance = "present" } } });

        await HttpAssert.ProblemAsync(await client.SendAsync(HttpMethod.Delete, $"/api/v1/networks/{network.Id()}/members/{mistake.Id()}", null, "\"5\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Delete, $"/api/v1/networks/{network.Id()}/members/{mistake.Id()}", null, "\"1\"")).StatusCode);
        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/v1/networks/{network.Id()}/members/{mistake.Id()}"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await client.DeleteIfMatchAsync($"/api/v1/networks/{network.Id()}/members/{attended.Id()}"), HttpStatusCode.Conflict);
        Assert.Equal([attended.Id()], (await client.GetJsonAsync($"/api/v1/networks/{network.Id()}/members")).Items().Select(m => m.Id()));
        await HttpAssert.ProblemAsync(await client.DeleteIfMatchAsync($"/api/v1/networks/{network.Id()}/members/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        var viewer = await factory.SignedInAsAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteIfMatchAsync($"/api/v1/networks/{network.Id()}/members/{attended.Id()}")).StatusCode);
    }
}
