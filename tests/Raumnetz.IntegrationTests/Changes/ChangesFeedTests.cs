using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Raumnetz.IntegrationTests.Grants;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;
using static Raumnetz.IntegrationTests.Actors.ActorApi;
using static Raumnetz.IntegrationTests.Changes.ChangesApi;
using static Raumnetz.IntegrationTests.Indicators.IndicatorApi;

namespace Raumnetz.IntegrationTests.Changes;

/// <summary>GET /api/v1/changes: every change once, in commit order, resumable from any cursor, as the caller may read.</summary>
public sealed class ChangesFeedTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Writes_appear_once_in_order_with_version_fields_and_deletions_as_tombstones()
    {
        var admin = await factory.AdminAsync();
        var start = await LatestAsync(admin);
        var a = await CreateOrganisationAsync(admin, "Jobcenter " + Token());
        var b = await CreateOrganisationAsync(admin, "Jugendamt " + Token());
        await HttpAssert.OkAsync<JsonElement>(await admin.PutIfMatchAsync($"{ActorsUrl}/{a}", Organisation("Jobcenter Nord"), "\"1\""));
        await HttpAssert.OkAsync<JsonElement>(await admin.SendJsonAsync(HttpMethod.Post, $"{ActorsUrl}/{a}/archive", null, ("If-Match",
            "\"2\"")));
        var relation = (await CreateRelationAsync(admin, b, a)).Id();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteIfMatchAsync($"/api/v1/actor-relations/{relation}")).StatusCode);

        var (items, _) = await AllAfterAsync(admin, start);
        Assert.Equal(
        [
            ("actor", a.ToString(), "create"), ("actor", b.ToString(), "create"), ("actor", a.ToString(), "update"),
            ("actor", a.ToString(), "archive"), ("actorRelation", relation.ToString(), "create"), ("actorRelation", relation.ToString(),
                "delete"),
        ], items.Select(i => i.Key()));
        Assert.Equal([1L, 1, 2, 3, 1], items.Take(5).Select(i => i.GetProperty("version").GetInt64()));
        Assert.Equal(JsonValueKind.Null, items[5].GetProperty("version").ValueKind);
        Assert.Contains("name", items[2].GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.DoesNotContain("version", items[2].GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.All(items, i => Assert.InRange(i.GetProperty("occurredAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-1),
            DateTimeOffset.UtcNow.AddSeconds(5)));
        var onlyRelations = (await AllAfterAsync(admin, start, "actorRelation")).Items;
        Assert.Equal(items.Skip(4).Select(i => i.Key()), onlyRelations.Select(i => i.Key()));
    }

    [Fact]
    public async Task Resuming_from_every_cursor_of_a_run_yields_exactly_the_rest()
    {
        var admin = await factory.AdminAsync();
        var start = await LatestAsync(admin);
        var network = (await admin.NetworkAsync("Lenkrunde " + Token(), "steeringGroup")).Id();
        var actor = await CreateOrganisationAsync(admin, "Träger " + Token());
        var member = (await admin.MemberAsync(network, actor)).Id();
        var meeting = (await admin.MeetingAsync(network, DateTimeOffset.UtcNow.AddDays(3), new { title = "Sitzung" })).Id();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteIfMatchAsync($"/api/v1/meetings/{meeting}")).StatusCode);
        await CreateOrganisationAsync(admin, "Schule " + Token());

        // One change per page: each page's next is the item's own cursor.
        var run = new List<JsonElement>();
        var cursor = start;
        string? last = null;
        for (var i = 0; i < 20; i++)
        {
            var page = await PageAsync(admin, cursor, limit: 1);
            var pageItems = page.GetProperty("items").EnumerateArray().ToList();
            if (pageItems.Count == 0) { last = page.Str("next"); break; }
            Assert.Equal(pageItems[0].Str("cursor"), page.Str("next"));
            run.AddRange(pageItems);
            cursor = page.Str("next");
        }
        Assert.Equal(6, run.Count);
        Assert.Equal(cursor, last); // an empty page keeps the position
        for (var i = 0; i < run.Count; i++)
        {
            var (rest, next) = await AllAfterAsync(admin, run[i].Str("cursor"), limit: 2);
            Assert.Equal(run.Skip(i + 1).Select(r => r.Key()), rest.Select(r => r.Key()));
            Assert.Equal(run[^1].Str("cursor"), next);
        }
        Assert.Equal(("meeting", meeting.ToString(), "delete"), run[4].Key());
        Assert.Equal(("networkMember", member.ToString(), "create"), run[2].Key());
        var empty = await PageAsync(admin, run[^1].Str("cursor"));
        Assert.Empty(empty.GetProperty("items").EnumerateArray());
        Assert.False(empty.GetProperty("hasMore").GetBoolean());
        Assert.Equal(run[^1].Str("cursor"), empty.Str("next"));
    }

    [Fact]
    public async Task Malformed_cursors_unknown_types_and_bad_limits_are_400_naming_the_parameter()
    {
        var admin = await factory.AdminAsync();
        var latest = await LatestAsync(admin);
        foreach (var after in new[] { "nonsense", "AQ", latest + "A", Convert.ToBase64String(Encoding.UTF8.GetBytes("[\"x\"]")),
            "AgAAAAAAAAAB" })
            await HttpAssert.ProblemAsync(await admin.GetAsync($"{Url}?after={Uri.EscapeDataString(after)}", Ct),
                HttpStatusCode.BadRequest, "after");
        await HttpAssert.ProblemAsync(await admin.GetAsync($"{Url}?types=actor,nosuchtype", Ct), HttpStatusCode.BadRequest, "types");
        await HttpAssert.ProblemAsync(await admin.GetAsync($"{Url}?types=Actor", Ct), HttpStatusCode.BadRequest, "types");
        await HttpAssert.ProblemAsync(await admin.GetAsync($"{Url}?limit=0", Ct), HttpStatusCode.BadRequest, "limit");
        await HttpAssert.ProblemAsync(await admin.GetAsync($"{Url}?limit=501", Ct), HttpStatusCode.BadRequest, "limit");
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().GetAsync(Url, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_failed_or_dry_run_write_records_nothing_and_an_import_records_each_changed_row_once()
    {
        var admin = await factory.AdminAsync();
        var actor = await CreateOrganisationAsync(admin, "Verein " + Token());
        var start = await LatestAsync(admin);
        await HttpAssert.ProblemAsync(await admin.PutIfMatchAsync($"{ActorsUrl}/{actor}", Organisation("Veraltet"), "\"7\""),
            HttpStatusCode.PreconditionFailed);
        await HttpAssert.ProblemAsync(await admin.PutIfMatchAsync($"{ActorsUrl}/{actor}",
            Organisation("Ohne Dach", new { parentId = Guid.NewGuid() }), "\"1\""), HttpStatusCode.BadRequest, "parentId");

        var t = Token();
        await CreateIndicatorAsync(admin, Count(t));
        var (prefix, _, north, south) = await CityAsync(admin);
        var afterSetup = await LatestAsync(admin);
        var csv = $"""
            indicator,space,period,value
            {t},{prefix}-north,2023,10
            {t},{prefix}-south,2023,20
            {t},{prefix}-north,2024,11
            """;
        await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(admin, csv, "?dryRun=true"));
        await HttpAssert.ProblemAsync(await ImportCsvAsync(admin, csv + $"\n{t},{prefix}-nowhere,2024,3"), HttpStatusCode.BadRequest);
        Assert.Empty((await AllAfterAsync(admin, afterSetup)).Items);
        // the two refused actor updates left nothing: only the setup's creates
        Assert.Equal([("indicator", "create"), ("space", "create"), ("space", "create"), ("space", "create")],
            (await AllAfterAsync(admin, start)).Items.Select(i => (i.Str("entityType"), i.Str("action"))));

        await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(admin, csv));
        var imported = (await AllAfterAsync(admin, afterSetup)).Items;
        Assert.Equal(3, imported.Count);
        Assert.All(imported, i => Assert.Equal(("observation", "create", 1L),
            (i.Str("entityType"), i.Str("action"), i.GetProperty("version").GetInt64())));
        Assert.Equal(3, imported.Select(i => i.Str("entityId")).Distinct().Count());
        var afterImport = await LatestAsync(admin);
        await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(admin, csv)); // the same file again changes nothing
        Assert.Empty((await AllAfterAsync(admin, afterImport)).Items);
        await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(admin, csv.Replace("2023,20", "2023,21")));
        var update = Assert.Single((await AllAfterAsync(admin, afterImport)).Items);
        Assert.Equal(("observation", "update", 2L), (update.Str("entityType"), update.Str("action"),
            update.GetProperty("version").GetInt64()));
        var southObservation = (await ObservationsAsync(admin, $"spaceId={south}")).Single();
        Assert.Equal(southObservation.Id().ToString(), update.Str("entityId"));
        Assert.NotEqual(Guid.Empty, north);
    }

    [Fact]
    public async Task A_key_scoped_to_a_network_sees_only_that_networks_changes_and_only_admins_see_accounts()
    {
        var admin = await factory.AdminAsync();
        var start = await LatestAsync(admin);
        var mine = (await admin.NetworkAsync("Lenkrunde Teltow " + Token(), "steeringGroup")).Id();
        var other = (await admin.NetworkAsync("Fokusgruppe Werder " + Token())).Id();
        var actor = await CreateOrganisationAsync(admin, "Träger " + Token());
        var myMember = (await admin.MemberAsync(mine, actor)).Id();
        await admin.MemberAsync(other, actor);
        var myMeeting = (await admin.MeetingAsync(mine, DateTimeOffset.UtcNow.AddDays(3), new { title = "Sitzung" })).Id();
        await admin.MeetingAsync(other, DateTimeOffset.UtcNow.AddDays(3), new { title = "Sitzung" });
        var space = await CreateSpaceAsync(admin, $"{Token()}-s", "Sozialraum", "district");

        var scoped = await GrantsApi.ScopedKeyAsync(factory, GrantsApi.NetworkGrant(mine));
        var seen = (await AllAfterAsync(scoped, start)).Items;
        Assert.Equal([("network", mine.ToString(), "create"), ("networkMember", myMember.ToString(), "create"),
            ("meeting", myMeeting.ToString(), "create")], seen.Select(i => i.Key()));
        // The space grant reaches the subtree's changes, not the network's.
        var spaceScoped = await GrantsApi.ScopedKeyAsync(factory, GrantsApi.SpaceGrant(space));
        Assert.Equal([("space", space.ToString(), "create")], (await AllAfterAsync(spaceScoped, start)).Items.Select(i => i.Key()));

        var (viewer, _) = await factory.ApiKeyClientAsync("viewer");
        var all = (await AllAfterAsync(viewer, start)).Items;
        Assert.Equal(8, all.Count(i => i.Str("entityType") is not ("user" or "apiKey")));
        Assert.DoesNotContain(all, i => i.Str("entityType") is "user" or "apiKey");
        Assert.Contains((await AllAfterAsync(admin, start)).Items, i => i.Str("entityType") == "apiKey" && i.Str("action") == "create");
        Assert.Empty((await AllAfterAsync(viewer, start, "apiKey,user")).Items);
    }
}
