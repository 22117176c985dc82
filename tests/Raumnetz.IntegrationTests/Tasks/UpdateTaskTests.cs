using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Tasks;

public sealed class UpdateTaskTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Progress_and_outcome_with_if_match()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("AG Soziales", "workingGroup");
        var a = await factory.ActorAsync("Herr Klikar", kind: "Person", typeCode: "person");
        var b = await factory.ActorAsync("Deutscher Verein", "CivilSociety", "association");
        var task = await client.TaskAsync(network.Id(), [a], new { title = "Positionspapier entwerfen", dueDate = "2012-06-18" });
        Assert.True(task.GetProperty("isOverdue").GetBoolean());
        var url = $"/api/v1/tasks/{task.Id()}";

        var response = await client.SendAsync(HttpMethod.Put, url, new
        {
            networkId = network.Id(), title = "Positionspapier entwerfen", responsibleActorIds = new[] { a, b }, dueDate = "2012-06-18",
            status = "done", outcome = "Entwurf in der 2. Sitzung vorgestellt.",
        }, "\"1\"");
        var updated = await HttpAssert.OkAsync<JsonElement>(response);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal("done", updated.GetProperty("status").GetString());
        Assert.Equal("Entwurf in der 2. Sitzung vorgestellt.", updated.GetProperty("outcome").GetString());
        Assert.Equal(2, updated.GetProperty("responsibles").GetArrayLength());
        Assert.False(updated.GetProperty("isOverdue").GetBoolean());

        await HttpAssert.ProblemAsync(await client.SendAsync(HttpMethod.Put, url, new { status = "open", networkId = network.Id(), title = "X", responsibleActorIds = new[] { a } }, "\"1\""),
            HttpStatusCode.PreconditionFailed);
        await HttpAssert.ProblemAsync(await client.SendAsync(HttpMethod.Put, url, new { status = "open", networkId = network.Id(), title = "X", responsibleActorIds = new[] { Guid.NewGuid() } }, "\"2\""),
            HttpStatusCode.BadRequest, "responsibleActorIds[0]");
        Assert.Equal(2, (await client.GetJsonAsync(url)).GetProperty("responsibles").GetArrayLength());
        await HttpAssert.ProblemAsync(await client.SendAsync(HttpMethod.Put, $"/api/v1/tasks/{Guid.NewGuid()}", new { status = "open", networkId = network.Id(), title = "X", responsibleActorIds = new[] { a } }, "\"1\""),
            HttpStatusCode.NotFound);
        var viewer = await factory.SignedInAsAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.SendAsync(HttpMethod.Put, url, new { status = "open", networkId = network.Id(), title = "X", responsibleActorIds = new[] { a } }, "\"2\"")).StatusCode);
    }
}
