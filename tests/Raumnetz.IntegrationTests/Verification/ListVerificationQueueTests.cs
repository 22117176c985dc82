using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Fundings;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Verification;

/// <summary>The queue on a held clock: today is 15 June 2026.</summary>
public sealed class ListVerificationQueueTests(InventoryClockFactory factory) : IClassFixture<InventoryClockFactory>
{
    private const string Url = "/api/v1/services/verification-queue";

    [Fact]
    public async Task Due_today_is_not_overdue_one_day_later_is_and_never_verified_comes_first()
    {
        var client = await factory.SignedInAsync();
        var region = await client.SpaceAsync("Q-1", "Queue-Region", "county");
        var operatorId = await factory.ActorAsync("AWO Queue");
        var dueToday = await factory.ServiceAsync("Q Fällig heute", region, operatorId, verifiedOn: new DateOnly(2025, 6, 15));
        var overdueByOne = await factory.ServiceAsync("Q Überfällig", region, operatorId, verifiedOn: new DateOnly(2025, 6, 14));
        var never = await factory.ServiceAsync("Q Nie geprüft", region, operatorId);
        var current = await factory.ServiceAsync("Q Aktuell", region, operatorId, verifiedOn: new DateOnly(2026, 1, 1));
        var sixMonthsDue = await factory.ServiceAsync("Q Halbjährlich", region, operatorId, verifiedOn: new DateOnly(2025, 12, 15),
            intervalMonths: 6);
        var sixMonthsOver = await factory.ServiceAsync("Q Halbjährlich alt", region, operatorId, verifiedOn: new DateOnly(2025, 12, 14),
            intervalMonths: 6);
        await factory.ServiceAsync("Q Eingestellt", region, operatorId, status: "Defunct");

        var queue = await client.GetJsonAsync($"{Url}?spaceId={region}");
        Assert.Equal("2026-06-15", queue.Str("on"));
        var items = queue.Items();
        // never verified first, then by due day (both others were due yesterday), then by name
        Assert.Equal([never, sixMonthsOver, overdueByOne], items.Select(i => i.GetProperty("serviceId").GetGuid()));
        Assert.Equal(1, items[2].GetProperty("daysOverdue").GetInt32());
        Assert.Equal("2026-06-14", items[2].Str("dueOn"));
        Assert.Equal("overdue", items[2].Str("state"));
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("dueOn").ValueKind);
        Assert.Equal("AWO Queue", items[0].Str("operatorName"));
        Assert.Equal("active", items[0].Str("status")); // the API's spelling of the service status, as everywhere else

        var withDue = (await client.GetJsonAsync($"{Url}?spaceId={region}&includeDue=true")).Items();
        Assert.Equal(5, withDue.Count);
        Assert.Contains(withDue,
            i => i.GetProperty("serviceId").GetGuid() == dueToday && i.Str("state") == "due"
                && i.GetProperty("daysOverdue").GetInt32() == 0);
        Assert.Contains(withDue, i => i.GetProperty("serviceId").GetGuid() == sixMonthsDue && i.Str("state") == "due");
        Assert.DoesNotContain(withDue, i => i.GetProperty("serviceId").GetGuid() == current);

        // a day later the one due today is overdue; verifying takes a service out of the queue
        Assert.Contains(dueToday,
            (await client.GetJsonAsync($"{Url}?spaceId={region}&on=2026-06-16")).Items().Select(i => i.GetProperty("serviceId").GetGuid()));
        await HttpAssert.OkAsync<JsonElement>(await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/services/{never}/verify", new { },
            ("If-Match", "*")));
        Assert.DoesNotContain(never,
            (await client.GetJsonAsync($"{Url}?spaceId={region}")).Items().Select(i => i.GetProperty("serviceId").GetGuid()));
        Assert.Equal(2, (await client.GetJsonAsync($"{Url}?operatorActorId={operatorId}")).Items().Count);

        var page1 = await client.GetJsonAsync($"{Url}?spaceId={region}&includeDue=true&limit=2");
        var page2 = await client.GetJsonAsync($"{Url}?spaceId={region}&includeDue=true&limit=2&cursor={page1.Str("nextCursor")}");
        var all = (await client.GetJsonAsync($"{Url}?spaceId={region}&includeDue=true")).Items().Select(i
            => i.GetProperty("serviceId").GetGuid());
        Assert.Equal(all.Take(4), page1.Items().Concat(page2.Items()).Select(i => i.GetProperty("serviceId").GetGuid()));
    }

    [Theory]
    [InlineData("limit=501")]
    [InlineData("on=gestern")]
    [InlineData("includeDue=vielleicht")]
    public async Task Bad_parameters_are_400_naming_them(string query)
    {
        var client = await factory.SignedInAsync();
        await HttpAssert.ProblemAsync(await client.GetAsync($"{Url}?{query}"), HttpStatusCode.BadRequest, query.Split('=')[0]);
    }
}
