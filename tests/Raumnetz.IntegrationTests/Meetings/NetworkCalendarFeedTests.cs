using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Meetings;

public sealed class NetworkCalendarFeedTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_feed_holds_every_meeting_of_the_network()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("Lenkrunde Teltow", "steeringGroup");
        var other = await client.NetworkAsync("Fokusgruppe Bildung");
        var first = await client.MeetingAsync(network.Id(), new DateTimeOffset(2024, 3, 12, 17, 0, 0, TimeSpan.FromHours(1)),
            new { location = "Rathaus Teltow" });
        var second = await client.MeetingAsync(network.Id(), new DateTimeOffset(2024, 6, 11, 17, 0, 0, TimeSpan.FromHours(2)),
            new { title = "Sommer" });
        await client.MeetingAsync(other.Id(), new DateTimeOffset(2024, 4, 1, 10, 0, 0, TimeSpan.Zero));
        // Cancel the second meeting: it stays in the feed as cancelled, with a higher sequence.
        var body = second.ToBody("id", "networkId", "networkName", "version", "createdAt", "updatedAt", "attendance", "decisions");
        body["cancelled"] = true;
        Assert.Equal(HttpStatusCode.OK,
            (await client.SendAsync(HttpMethod.Put, $"/api/v1/meetings/{second.Id()}", body, "\"1\"")).StatusCode);

        var response = await client.GetAsync($"/api/v1/networks/{network.Id()}/calendar.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = ICalendarParser.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Lenkrunde Teltow", calendar.Text("X-WR-CALNAME"));
        Assert.Equal([$"{first.Id()}@raumnetz", $"{second.Id()}@raumnetz"], calendar.Components.Select(c => c.Text("UID")));
        Assert.Equal("20240312T160000Z", calendar.Components[0].Raw("DTSTART"));
        Assert.Equal("Lenkrunde Teltow", calendar.Components[0].Text("SUMMARY"));
        Assert.Equal("Rathaus Teltow", calendar.Components[0].Text("LOCATION"));
        Assert.Null(calendar.Components[0].Property("DESCRIPTION"));
        Assert.Equal("20240611T150000Z", calendar.Components[1].Raw("DTSTART"));
        Assert.Equal("CANCELLED", calendar.Components[1].Raw("STATUS"));
        Assert.Equal("1", calendar.Components[1].Raw("SEQUENCE"));
        Assert.Equal("Lenkrunde Teltow: Sommer", calendar.Components[1].Text("SUMMARY"));
    }

    [Fact]
    public async Task Calendar_programs_subscribe_with_a_token_instead_of_a_cookie()
    {
        var admin = await factory.SignedInAsync();
        var network = await admin.NetworkAsync("AG Soziales", "workingGroup");
        var other = await admin.NetworkAsync("Bündnis", "alliance");
        await admin.MeetingAsync(network.Id(), new DateTimeOffset(2012, 5, 2, 13, 0, 0, TimeSpan.Zero));
        var feed = $"/api/v1/networks/{network.Id()}/calendar.ics";

        var viewer = await factory.SignedInAsAsync("viewer");
        var editor = await factory.SignedInAsAsync("editor");
        var token = await editor.GetJsonAsync($"/api/v1/networks/{network.Id()}/calendar-token");
        var secret = token.GetProperty("token").GetString()!;
        var url = new Uri(token.GetProperty("url").GetString()!);
        var otherToken = (await admin.GetJsonAsync($"/api/v1/networks/{other.Id()}/calendar-token")).GetProperty("token").GetString();

        var anonymous = factory.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        var subscribed = await anonymous.GetAsync(url.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);
        Assert.Single(ICalendarParser.Parse(await subscribed.Content.ReadAsStringAsync()).Components);
        await HttpAssert.ProblemAsync(await anonymous.GetAsync(feed), HttpStatusCode.Unauthorized);
        await HttpAssert.ProblemAsync(await anonymous.GetAsync($"{feed}?token=wrong"), HttpStatusCode.Unauthorized);
        await HttpAssert.ProblemAsync(await anonymous.GetAsync($"{feed}?token={otherToken}"), HttpStatusCode.Unauthorized);
        await HttpAssert.ProblemAsync(await anonymous.GetAsync($"/api/v1/networks/{Guid.NewGuid()}/calendar.ics?token={secret}"),
            HttpStatusCode.Unauthorized);

        // Sessions and API keys need no token.
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(feed)).StatusCode);
        var (keyClient, _) = await factory.ApiKeyClientAsync("viewer");
        Assert.Equal(HttpStatusCode.OK, (await keyClient.GetAsync(feed)).StatusCode);
        await HttpAssert.ProblemAsync(await admin.GetAsync($"/api/v1/networks/{Guid.NewGuid()}/calendar.ics"), HttpStatusCode.NotFound);

        // Revoking ends the subscription; a new token works.
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/v1/networks/{network.Id()}/calendar-token")).StatusCode);
        await HttpAssert.ProblemAsync(await anonymous.GetAsync(url.PathAndQuery), HttpStatusCode.Unauthorized);
        var renewed = (await editor.GetJsonAsync($"/api/v1/networks/{network.Id()}/calendar-token")).GetProperty("token").GetString();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"{feed}?token={renewed}")).StatusCode);
    }
}
