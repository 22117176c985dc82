using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Tasks;

public sealed class CreateTaskTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Records_an_agreement_made_in_a_meeting_with_several_responsibles()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("Werkstatt Kooperation mit Plan", "workingGroup");
        var meeting = await client.MeetingAsync(network.Id(), new DateTimeOffset(2012, 5, 3, 8, 0, 0, TimeSpan.Zero));
        var saal = await factory.ActorAsync("Annegret Saal", kind: "Person", typeCode: "person");
        var abraham = await factory.ActorAsync("Mathias Abraham", kind: "Person", typeCode: "person");
        var duesberg = await factory.ActorAsync("Maren Düsberg", kind: "Person", typeCode: "person");
        var response = await client.PostAsJsonAsync("/api/v1/tasks", new
        {
            networkId = network.Id(),
            meetingId = meeting.Id(),
            title = "Bestandsaufnahme der sozialen Infrastruktur in Sachsen",
            description = "Möglichkeiten der Durchführung und Finanzierung bis zum nächsten Treffen eruieren.",
            responsibleActorIds = new[] { saal, abraham, duesberg },
            dueDate = "2012-09-30",
            status = "open",
        });
        var task = await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created);
        Assert.Equal($"/api/v1/tasks/{task.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal("open", task.GetProperty("status").GetString());
        Assert.Equal(meeting.Id(), task.GetProperty("meetingId").GetGuid());
        Assert.Equal(new DateTimeOffset(2012, 5, 3, 8, 0, 0, TimeSpan.Zero), task.GetProperty("meetingStartsAt").GetDateTimeOffset());
        Assert.Equal("Werkstatt Kooperation mit Plan", task.GetProperty("networkName").GetString());
        Assert.Equal(["Annegret Saal", "Maren Düsberg", "Mathias Abraham"], task.GetProperty("responsibles").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.True(task.GetProperty("isOverdue").GetBoolean());
    }

    [Fact]
    public async Task Unknown_references_are_400_naming_the_field_and_nothing_is_written()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("Lenkrunde", "steeringGroup");
        var other = await client.NetworkAsync("Fokusgruppe");
        var foreignMeeting = await client.MeetingAsync(other.Id(), DateTimeOffset.UtcNow);
        var actor = await factory.ActorAsync("Stadt Teltow");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/tasks", new { status = "open", networkId = network.Id(), title = "X", responsibleActorIds = new[] { actor, Guid.NewGuid() } }),
            HttpStatusCode.BadRequest, "responsibleActorIds[1]");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/tasks", new { status = "open", networkId = Guid.NewGuid(), title = "X", responsibleActorIds = new[] { actor } }),
            HttpStatusCode.BadRequest, "networkId");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/tasks", new { status = "open", networkId = network.Id(), meetingId = foreignMeeting.Id(), title = "X", responsibleActorIds = new[] { actor } }),
            HttpStatusCode.BadRequest, "meetingId");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/tasks", new { status = "open", networkId = network.Id(), meetingId = Guid.NewGuid(), title = "X", responsibleActorIds = new[] { actor } }),
            HttpStatusCode.BadRequest, "meetingId");
        Assert.Empty((await client.GetJsonAsync($"/api/v1/tasks?networkId={network.Id()}")).Items());
        Assert.Empty((await client.GetJsonAsync($"/api/v1/tasks?networkId={other.Id()}")).Items());
    }

    [Fact]
    public async Task Validation_and_roles()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("Beirat", "advisoryBoard");
        var actor = await factory.ActorAsync("Jobcenter", typeCode: "job-centre");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/tasks", new { status = "open", networkId = network.Id(), title = "Ohne Verantwortliche", responsibleActorIds = Array.Empty<Guid>() }),
            HttpStatusCode.BadRequest, "responsibleActorIds");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/tasks", new { networkId = network.Id(), title = "", responsibleActorIds = new[] { actor }, status = "later" }),
            HttpStatusCode.BadRequest, "status");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/tasks", new { status = "open", networkId = network.Id(), title = "", responsibleActorIds = new[] { actor } }),
            HttpStatusCode.BadRequest, "title");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/tasks",
            new { status = "open", networkId = network.Id(), title = "X", responsibleActorIds = new[] { actor }, outcome = new string('o', 4001), description = new string('d', 4001) }),
            HttpStatusCode.BadRequest, "outcome", "description");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/tasks",
            new { status = "open", networkId = network.Id(), title = "X", responsibleActorIds = Enumerable.Range(0, 21).Select(_ => actor).ToArray() }), HttpStatusCode.BadRequest, "responsibleActorIds");
        var viewer = await factory.SignedInAsAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/tasks", new { status = "open", networkId = network.Id(), title = "X", responsibleActorIds = new[] { actor } })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().PostAsJsonAsync("/api/v1/tasks", new { status = "open", networkId = network.Id(), title = "X", responsibleActorIds = new[] { actor } })).StatusCode);
    }
}
