using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Tasks;

public sealed class GetTaskTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Returns_the_agreement_with_its_etag()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("Gremium Sachsen", "committee");
        var created = await client.TaskAsync(network.Id(),
            [await factory.ActorAsync("Alle Teilnehmenden", "CivilSociety", "citizen-initiative")],
            new { title = "Nächsten Termin per Doodle finden", dueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14)
                .ToString("yyyy-MM-dd") });
        var response = await client.GetAsync($"/api/v1/tasks/{created.Id()}");
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var task = await HttpAssert.OkAsync<JsonElement>(response);
        Assert.Equal("Nächsten Termin per Doodle finden", task.GetProperty("title").GetString());
        Assert.False(task.GetProperty("isOverdue").GetBoolean());
        Assert.Equal(JsonValueKind.Null, task.GetProperty("meetingId").ValueKind);
    }

    [Fact]
    public async Task Unknown_404_malformed_400_viewers_read()
    {
        var client = await factory.SignedInAsync();
        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/v1/tasks/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/tasks/x"), HttpStatusCode.BadRequest, "id");
        var network = await client.NetworkAsync("AG", "workingGroup");
        var task = await client.TaskAsync(network.Id(), [await factory.ActorAsync("Verein", "CivilSociety", "association")]);
        Assert.Equal(HttpStatusCode.OK,
            (await (await factory.SignedInAsAsync("viewer")).GetAsync($"/api/v1/tasks/{task.Id()}")).StatusCode);
    }
}
