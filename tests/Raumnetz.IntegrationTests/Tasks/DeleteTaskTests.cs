using System.Net;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Tasks;

public sealed class DeleteTaskTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Deletes_an_agreement_recorded_by_mistake()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("Bündnis", "alliance");
        var task = await client.TaskAsync(network.Id(), [await factory.ActorAsync("Kammer", "PrivateEconomy", "chamber")]);
        await HttpAssert.ProblemAsync(await client.SendAsync(HttpMethod.Delete, $"/api/v1/tasks/{task.Id()}", null, "\"3\""), HttpStatusCode.PreconditionFailed);
        var viewer = await factory.SignedInAsAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteIfMatchAsync($"/api/v1/tasks/{task.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Delete, $"/api/v1/tasks/{task.Id()}", null, "\"1\"")).StatusCode);
        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/v1/tasks/{task.Id()}"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await client.DeleteIfMatchAsync($"/api/v1/tasks/{task.Id()}"), HttpStatusCode.NotFound);
    }
}
