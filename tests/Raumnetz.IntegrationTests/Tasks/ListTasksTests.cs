using System.Net;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Tasks;

public sealed class ListTasksTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Filters_by_network_meeting_responsible_status_and_overdue_with_paging()
    {
        var client = await factory.SignedInAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd");
        var lenkrunde = await client.NetworkAsync("Lenkrunde", "steeringGroup");
        var fokus = await client.NetworkAsync("Fokusgruppe");
        var meeting = await client.MeetingAsync(lenkrunde.Id(), DateTimeOffset.UtcNow.AddDays(-30));
        var mayor = await factory.ActorAsync("Bürgermeister", kind: "Person", typeCode: "person");
        var planning = await factory.ActorAsync("Stadtplanung");

        var overdue = await client.TaskAsync(lenkrunde.Id(), [mayor],
            new { title = "Überfällig", dueDate = Day(-5), meetingId = meeting.Id() });
        var inProgressOverdue = await client.TaskAsync(lenkrunde.Id(), [mayor, planning],
            new { title = "In Arbeit, überfällig", dueDate = Day(-1), status = "inProgress" });
        var doneLate = await client.TaskAsync(lenkrunde.Id(), [planning], new { title = "Erledigt", dueDate = Day(-10), status = "done" });
        var future = await client.TaskAsync(fokus.Id(), [planning], new { title = "Zukunft", dueDate = Day(10) });
        var undated = await client.TaskAsync(fokus.Id(), [mayor], new { title = "Ohne Datum" });
        var dropped = await client.TaskAsync(fokus.Id(), [mayor], new { title = "Verworfen", dueDate = Day(-3), status = "dropped" });

        async Task<List<Guid>> Ids(string query) => (await client.GetJsonAsync($"/api/v1/tasks{query}")).Items().Select(t => t.Id())
            .ToList();
        Assert.Equal([doneLate.Id(), overdue.Id(), dropped.Id(), inProgressOverdue.Id(), future.Id(), undated.Id()], await Ids(""));
        Assert.Equal([doneLate.Id(), overdue.Id(), inProgressOverdue.Id()], await Ids($"?networkId={lenkrunde.Id()}"));
        Assert.Equal([overdue.Id()], await Ids($"?meetingId={meeting.Id()}"));
        Assert.Equal([overdue.Id(), dropped.Id(), inProgressOverdue.Id(), undated.Id()], await Ids($"?responsibleActorId={mayor}"));
        Assert.Equal([inProgressOverdue.Id()], await Ids("?status=inProgress"));
        Assert.Equal([overdue.Id(), inProgressOverdue.Id()], await Ids("?overdue=true"));
        Assert.Equal([doneLate.Id(), dropped.Id(), future.Id(), undated.Id()], await Ids("?overdue=false"));
        Assert.Equal([inProgressOverdue.Id()], await Ids($"?overdue=true&responsibleActorId={planning}"));
        var items = (await client.GetJsonAsync("/api/v1/tasks?overdue=true")).Items();
        Assert.All(items, t => Assert.True(t.GetProperty("isOverdue").GetBoolean()));

        var page1 = await client.GetJsonAsync("/api/v1/tasks?limit=4");
        Assert.Equal(4, page1.Items().Count);
        var page2 = await client.GetJsonAsync($"/api/v1/tasks?limit=4&cursor={page1.GetProperty("nextCursor").GetString()}");
        Assert.Equal([future.Id(), undated.Id()], page2.Items().Select(t => t.Id()));

        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/tasks?status=someday"), HttpStatusCode.BadRequest, "status");
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/tasks?overdue=maybe"), HttpStatusCode.BadRequest, "overdue");
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/tasks?cursor=zzz"), HttpStatusCode.BadRequest, "cursor");
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().GetAsync("/api/v1/tasks")).StatusCode);
    }
}
