using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Fundings;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.InventoryRounds;

public sealed class InventoryRoundTests(InventoryClockFactory factory) : IClassFixture<InventoryClockFactory>
{
    private const string Url = "/api/v1/inventory-rounds";

    private async Task<(HttpResponseMessage Response, JsonElement Round)> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync(Url, body);
        return (response, await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created));
    }

    private static Dictionary<Guid, string> Progress(JsonElement progress) =>
        progress.GetProperty("services").EnumerateArray().ToDictionary(s => s.GetProperty("serviceId").GetGuid(), s => s.Str("progress"));

    [Fact]
    public async Task Progress_counts_verified_changed_closed_new_and_pending_per_responsible_actor()
    {
        var client = await factory.SignedInAsync();
        var county = await client.SpaceAsync("R-12069", "Potsdam-Mittelmark R", "county");
        var teltow = await client.SpaceAsync("R-T", "Teltow R", "planningRegion", county);
        var werder = await client.SpaceAsync("R-W", "Werder R", "planningRegion", county);
        var outside = await client.SpaceAsync("R-X", "Anderswo R", "county");
        var planner = await factory.ActorAsync("Sozialplanung R");
        var youth = await factory.ActorAsync("Jugendamt R");
        var pending = await factory.ServiceAsync("R Kita Pending", teltow, categories: ["kita"]);
        var verified = await factory.ServiceAsync("R Beratung Verified", teltow);
        var changed = await factory.ServiceAsync("R Jugendclub Changed", werder, categories: ["jugendclub"]);
        var closed = await factory.ServiceAsync("R Treff Closed", werder);
        await factory.ServiceAsync("R Outside", outside);

        var (response, round) = await CreateAsync(client, new
        {
            name = "Bestandsaufnahme 2026", spaceId = county, startsOn = "2026-06-01", endsOn = "2026-09-30",
            assignments = new object[] { new { actorId = planner, spaceId = teltow }, new { actorId = youth,
                categoryCode = "jugendclub" } },
        });
        Assert.Equal($"{Url}/{round.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("open", round.Str("status"));
        Assert.Equal(2, round.GetProperty("assignments").GetArrayLength());
        Assert.Equal("jugendclub", round.GetProperty("assignments")[1].Str("categoryCode"));

        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await HttpAssert.OkAsync<JsonElement>(await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/services/{verified}/verify", new { },
            ("If-Match", "*")));
        await factory.EditServiceAsync(changed, name: "R Jugendclub Changed (neu)");
        await HttpAssert.OkAsync<JsonElement>(await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/services/{changed}/verify", new { },
            ("If-Match", "*")));
        await factory.EditServiceAsync(closed, status: "Defunct");
        var added = await factory.ServiceAsync("R Familienzentrum New", werder);

        var progress = await client.GetJsonAsync($"{Url}/{round.Id()}/progress");
        var states = Progress(progress);
        Assert.Equal(5, states.Count);
        Assert.Equal("pending", states[pending]);
        Assert.Equal("verified", states[verified]);
        Assert.Equal("changed", states[changed]);
        Assert.Equal("closed", states[closed]);
        Assert.Equal("new", states[added]);
        var counts = progress.GetProperty("counts");
        Assert.Equal(5, counts.GetProperty("total").GetInt32());
        Assert.Equal(1, counts.GetProperty("pending").GetInt32());
        Assert.Equal(80.0, counts.GetProperty("percentDone").GetDouble());
        var actors = progress.GetProperty("actors").EnumerateArray().ToDictionary(a => a.GetProperty("actorId").GetGuid());
        Assert.Equal(2, actors[planner].GetProperty("counts").GetProperty("total").GetInt32());
        Assert.Equal(1, actors[planner].GetProperty("counts").GetProperty("verified").GetInt32());
        Assert.Equal(1, actors[youth].GetProperty("counts").GetProperty("changed").GetInt32());
        Assert.Equal(2, progress.GetProperty("unassigned").GetInt32());
    }

    [Fact]
    public async Task The_change_report_compares_with_the_previous_rounds_final_state()
    {
        var client = await factory.SignedInAsync();
        var region = await client.SpaceAsync("C-1", "Nordstadt C", "district");
        var same = await factory.ServiceAsync("C Unverändert", region);
        var renamed = await factory.ServiceAsync("C Umbenannt", region);
        var closing = await factory.ServiceAsync("C Schließt", region);
        var verifiedOnly = await factory.ServiceAsync("C Nur geprüft", region);
        var (_, first) = await CreateAsync(client, new { name = "C Runde 2025", spaceId = region, startsOn = "2025-06-01",
            endsOn = "2025-09-30" });
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var early = await factory.ServiceAsync("C Während Runde 1", region);
        var closedRound = await HttpAssert.OkAsync<JsonElement>(await client.SendJsonAsync(HttpMethod.Post, $"{Url}/{first.Id()}/close",
            null,
            ("If-Match", "\"1\"")));
        Assert.Equal("closed", closedRound.Str("status"));
        await HttpAssert.ProblemAsync(await client.SendJsonAsync(HttpMethod.Post, $"{Url}/{first.Id()}/close", null, ("If-Match", "*")),
            HttpStatusCode.Conflict);

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.EditServiceAsync(renamed, name: "C Umbenannt (neu)");
        await factory.EditServiceAsync(closing, status: "Inactive");
        await HttpAssert.OkAsync<JsonElement>(await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/services/{verifiedOnly}/verify",
            new { },
            ("If-Match", "*")));
        var added = await factory.ServiceAsync("C Neu", region);
        var (_, second) = await CreateAsync(client, new { name = "C Runde 2026", spaceId = region, startsOn = "2026-06-01",
            endsOn = "2026-09-30" });
        Assert.Equal(first.Id(), second.GetProperty("previousRoundId").GetGuid());

        var changes = await client.GetJsonAsync($"{Url}/{second.Id()}/changes");
        Assert.Equal(first.Id(), changes.GetProperty("previousRoundId").GetGuid());
        var items = changes.Items().ToDictionary(i => i.GetProperty("serviceId").GetGuid());
        Assert.Equal(3, items.Count);
        Assert.Equal("added", items[added].Str("change"));
        Assert.Equal("changed", items[renamed].Str("change"));
        Assert.Equal(["name"], items[renamed].GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("C Umbenannt (neu)", items[renamed].Str("name"));
        Assert.Equal("closed", items[closing].Str("change"));
        Assert.False(items.ContainsKey(same));
        Assert.False(items.ContainsKey(verifiedOnly));
        Assert.False(items.ContainsKey(early));
        Assert.Equal(1, changes.GetProperty("added").GetInt32());

        // the first round's own report covers the time since it began: the service recorded during it
        var own = (await client.GetJsonAsync($"{Url}/{first.Id()}/changes")).Items();
        Assert.Equal([early], own.Select(i => i.GetProperty("serviceId").GetGuid()));
    }

    [Fact]
    public async Task Update_needs_if_match_and_the_list_filters_by_region()
    {
        var client = await factory.SignedInAsync();
        var region = await client.SpaceAsync("U-1", "Marzahn U", "district");
        var other = await client.SpaceAsync("U-2", "Hellersdorf U", "district");
        var (_, round) = await CreateAsync(client, new { name = "U Runde", spaceId = region, startsOn = "2026-01-01",
            endsOn = "2026-03-31" });
        var body = new { name = "U Runde Frühjahr", spaceId = region, startsOn = "2026-01-01", endsOn = "2026-04-30", note = "verlängert" };
        await HttpAssert.ProblemAsync(await client.PutAsJsonAsync($"{Url}/{round.Id()}", body), HttpStatusCode.PreconditionRequired);
        var response = await client.PutIfMatchAsync($"{Url}/{round.Id()}", body, "\"1\"");
        var updated = await HttpAssert.OkAsync<JsonElement>(response);
        Assert.Equal("U Runde Frühjahr", updated.Str("name"));
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        await HttpAssert.ProblemAsync(await client.PutIfMatchAsync($"{Url}/{round.Id()}", body, "\"1\""),
            HttpStatusCode.PreconditionFailed);
        await HttpAssert.ProblemAsync(await client.PutIfMatchAsync($"{Url}/{round.Id()}", body with { spaceId = other }),
            HttpStatusCode.BadRequest,
            "spaceId");
        Assert.Equal([round.Id()], (await client.GetJsonAsync($"{Url}?spaceId={region}")).Items().Select(r => r.Id()));
        Assert.Empty((await client.GetJsonAsync($"{Url}?spaceId={other}")).Items());
        Assert.Single((await client.GetJsonAsync($"{Url}?q=frühjahr&status=open")).Items());
    }

    [Fact]
    public async Task Bad_input_is_400_naming_the_field_and_nothing_is_written()
    {
        var client = await factory.SignedInAsync();
        var region = await client.SpaceAsync("B-1", "Region B", "county");
        var actor = await factory.ActorAsync("Akteur B");
        var before = await factory.CountAsync("inventory_rounds");
        var assignmentsBefore = await factory.CountAsync("inventory_round_assignments");
        async Task Bad(object body, string field) =>
            await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(Url, body), HttpStatusCode.BadRequest, field);
        await Bad(new { name = "B", spaceId = Guid.NewGuid(), startsOn = "2026-01-01", endsOn = "2026-03-31" }, "spaceId");
        await Bad(new { name = "B", spaceId = region, startsOn = "2026-04-01", endsOn = "2026-03-31" }, "endsOn");
        await Bad(new { name = " ", spaceId = region, startsOn = "2026-01-01", endsOn = "2026-03-31" }, "name");
        await Bad(new { name = "B", spaceId = region, startsOn = "2026-01-01", endsOn = "2026-03-31",
            assignments = new[] { new { actorId = actor, categoryCode = "gibt-es-nicht" } } }, "assignments[0].categoryCode");
        await Bad(new { name = "B", spaceId = region, startsOn = "2026-01-01", endsOn = "2026-03-31",
            assignments = new[] { new { actorId = Guid.NewGuid(), spaceId = region } } }, "assignments[0].actorId");
        await Bad(new { name = "B", spaceId = region, startsOn = "2026-01-01", endsOn = "2026-03-31",
            assignments = new[] { new { actorId = actor } } }, "assignments[0].spaceId");
        await Bad(new { name = "B", spaceId = region, startsOn = "2026-01-01", endsOn = "2026-03-31", previousRoundId = Guid.NewGuid() },
            "previousRoundId");
        await HttpAssert.ProblemAsync(await client.PostAsync(Url, TestData.RawJson(
            $$"""{"name":"B","spaceId":"{{region}}","startsOn":"2026-01-01","endsOn":"2026-03-31","assignments":[null]}""")),
            HttpStatusCode.BadRequest, "assignments[0]");
        Assert.Equal(before, await factory.CountAsync("inventory_rounds"));
        Assert.Equal(assignmentsBefore, await factory.CountAsync("inventory_round_assignments"));
        await HttpAssert.ProblemAsync(await client.GetAsync($"{Url}/{Guid.NewGuid()}/progress"), HttpStatusCode.NotFound);
    }
}
