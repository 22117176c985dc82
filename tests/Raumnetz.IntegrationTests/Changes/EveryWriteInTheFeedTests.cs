using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Raumnetz.Application.Audit;
using Raumnetz.Application.Changes;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Indicators;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;
using static Raumnetz.IntegrationTests.Changes.ChangesApi;

namespace Raumnetz.IntegrationTests.Changes;

/// <summary>
/// Every kind of write appears in the feed exactly once and in commit order: a workload sends every audited command, and
/// the feed must equal the audit trail of the same run entry by entry (the audit trail records every command; the test
/// walks the audit registry, so a command with a new entity type or action that the workload does not send fails here).
/// Commands that write many entities (imports) record one change per row they changed and are proven one by one.
/// </summary>
public sealed class EveryWriteInTheFeedTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The bulk commands (imports) and the test that proves each records its rows.</summary>
    private static readonly Dictionary<string, string> BulkCommands = new()
    {
        ["ImportSpacesCommand"] = nameof(Every_audited_command_appears_once_in_commit_order_and_imports_once_per_changed_row),
        ["ImportObservationsCommand"] = nameof(Every_audited_command_appears_once_in_commit_order_and_imports_once_per_changed_row),
        ["ImportInventoryCommand"] = nameof(Every_audited_command_appears_once_in_commit_order_and_imports_once_per_changed_row),
        ["SaveMyPreferencesCommand"] = nameof(Every_audited_command_appears_once_in_commit_order_and_imports_once_per_changed_row),
        ["StoreCoverageIndicatorsCommand"] = nameof(ImportFeedTests),
        ["ImportHsdsCommand"] = nameof(HsdsImportFeedTests),
    };

    [Fact]
    public void Every_bulk_command_has_a_feed_test()
    {
        var bulk = AuditRegistry.Default.Registrations.Where(r => r.Value.Summary is not null).Select(r => r.Key.Name).Order();
        Assert.Equal(bulk, BulkCommands.Keys.Order());
    }

    private static async Task<Guid> CreatedAsync(HttpClient client, string url, object body) =>
        (await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(url, body, Ct), HttpStatusCode.Created)).Id();

    private static async Task SendAsync(HttpClient client, HttpMethod method, string url, object? body)
    {
        var response = await client.SendJsonAsync(method, url, body, ("If-Match", "*"));
        Assert.True(response.IsSuccessStatusCode,
            $"{method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    [Fact]
    public async Task Every_audited_command_appears_once_in_commit_order_and_imports_once_per_changed_row()
    {
        var client = await factory.AdminAsync();
        // The audit trail is read from a second before the workload; the sign-in above (which may create the administrator's
        // account) must lie before that second, or its entry would be counted as part of the workload.
        await Task.Delay(TimeSpan.FromSeconds(1.1), Ct);
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        var start = await LatestAsync(client);
        var t = ActorApi.Token();
        var put = HttpMethod.Put;
        var post = HttpMethod.Post;
        var delete = HttpMethod.Delete;

        // creates
        var (_, _, north, _) = await IndicatorApi.CityAsync(client);
        var space = await client.SpaceAsync(ActorApi.Token(), "Raum", "district");
        var endable = await client.SpaceAsync(ActorApi.Token(), "Raum 2", "district");
        var deletable = await client.SpaceAsync(ActorApi.Token(), "Raum 3", "district");
        var actor = await ActorApi.CreateOrganisationAsync(client, "Jugendamt " + t);
        var other = await ActorApi.CreateOrganisationAsync(client, "Schulamt " + t);
        var relation = (await ActorApi.CreateRelationAsync(client, actor, other)).Id();
        var typeCode = ActorApi.Token();
        await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(ActorApi.TypesUrl, new { code = typeCode, nameDe = "Typ",
            nameEn = "Type" }, Ct),
            HttpStatusCode.Created);
        var network = (await client.NetworkAsync("Lenkrunde " + t)).Id();
        var member = (await client.MemberAsync(network, actor)).Id();
        var removable = (await client.MemberAsync(network, other)).Id();
        var meeting = (await client.MeetingAsync(network, DateTimeOffset.UtcNow.AddDays(7))).Id();
        var task = (await client.TaskAsync(network, [actor])).Id();
        var count = (await IndicatorApi.CreateIndicatorAsync(client, IndicatorApi.Count(ActorApi.Token()))).Id();
        var deletableIndicator = (await IndicatorApi.CreateIndicatorAsync(client, IndicatorApi.Count(ActorApi.Token()))).Id();
        var rating = (await IndicatorApi.CreateIndicatorAsync(client, IndicatorApi.Rating(ActorApi.Token()))).Id();
        var set = await CreatedAsync(client, IndicatorApi.SetsUrl, new { name = "Set " + t, indicatorIds = new[] { count } });
        var observation = (await IndicatorApi.PutObservationOkAsync(client, new { indicatorId = count, spaceId = north, period = "2024",
            value = 3 })).Id();
        var assessment = await CreatedAsync(client, IndicatorApi.AssessmentsUrl, new { indicatorId = rating, spaceId = north,
            period = "2024", rating = 4 });
        var user = await CreatedAsync(client, "/api/v1/users",
            new { email = $"feed-{Guid.NewGuid():N}@test.local", displayName = "Konto", role = "viewer",
                password = "Sommerwiese-am-Deich-7" });
        var apiKey = await CreatedAsync(client, "/api/v1/api-keys", new { name = "Partner " + t, role = "viewer" });
        var location = await CreatedAsync(client, "/api/v1/locations", new { name = "Ort " + t, kind = "physical", spaceId = north });
        var service = await CreatedAsync(client, "/api/v1/services", new { name = "Angebot " + t, status = "active",
            locations = new[] { new { locationId = location } } });
        var deletableService = await CreatedAsync(client, "/api/v1/services", new { name = "Angebot 2 " + t, status = "active" });
        var taxonomy = await CreatedAsync(client, "/api/v1/taxonomies", new { code = ActorApi.Token(), kind = "targetGroup",
            name = "Taxonomie " + t });
        var termCode = ActorApi.Token();
        var term = await CreatedAsync(client, $"/api/v1/taxonomies/{taxonomy}/terms", new { code = termCode, nameDe = "Begriff",
            nameEn = "Term" });
        var funding = await CreatedAsync(client, "/api/v1/fundings", new { serviceId = service, funderActorId = actor,
            renewalStatus = "open" });
        var round = await CreatedAsync(client, "/api/v1/inventory-rounds", new { name = "Runde " + t, spaceId = space,
            startsOn = "2026-01-01", endsOn = "2026-03-31" });
        await CreatedAsync(client, $"/api/v1/services/{service}/capacity", new { locationId = location, unit = "places", maximum = 20,
            available = 2, asOf = "2026-01-15" });
        var person = (await ActorApi.CreateActorAsync(client, ActorApi.Person("Erika Muster", null))).Id();

        // changes, deletions and actions, in an order each of them is allowed in
        var cases = new (HttpMethod Method, string Url, object? Body)[]
        {
            (put, $"/api/v1/spaces/{space}", new { code = ActorApi.Token(), name = "Raum neu", level = "district" }),
            (post, $"/api/v1/spaces/{endable}/end", new { validTo = "2030-01-01" }),
            (delete, $"/api/v1/spaces/{deletable}", null),
            (put, $"/api/v1/actors/{actor}", new { kind = "organisation", name = "Jugendamt neu " + t, sector = "public",
                type = "public-authority" }),
            (post, $"/api/v1/actors/{other}/archive", null),
            (post, $"/api/v1/actors/{other}/restore", null),
            (put, $"/api/v1/actor-types/{typeCode}", new { nameDe = "Typ neu", nameEn = "Type new" }),
            (put, $"/api/v1/actor-relations/{relation}", new { sourceActorId = actor, targetActorId = other,
                type = "cooperationAgreement", isContractual = false }),
            (delete, $"/api/v1/actor-relations/{relation}", null),
            (put, $"/api/v1/networks/{network}/members/{member}", new { actorId = actor, role = "coordinator" }),
            (post, $"/api/v1/networks/{network}/members/{member}/end", new { validTo = "2030-01-01" }),
            (delete, $"/api/v1/networks/{network}/members/{removable}", null),
            (put, $"/api/v1/meetings/{meeting}", new { startsAt = DateTimeOffset.UtcNow.AddDays(8),
                endsAt = DateTimeOffset.UtcNow.AddDays(8).AddHours(1), cancelled = false }),
            (delete, $"/api/v1/meetings/{meeting}", null),
            (put, $"/api/v1/tasks/{task}", new { networkId = network, title = "Neu", responsibleActorIds = new[] { actor },
                status = "open" }),
            (delete, $"/api/v1/tasks/{task}", null),
            (put, $"/api/v1/networks/{network}", new { name = "Lenkrunde neu " + t, kind = "steeringGroup", mandate = "Steuern",
                status = "active" }),
            (post, $"/api/v1/networks/{network}/end", new { endedOn = "2030-01-01" }),
            (delete, $"/api/v1/networks/{network}/calendar-token", null),
            (put, $"/api/v1/indicators/{count}", IndicatorApi.Count(ActorApi.Token(), new { isProportion = false })),
            (delete, $"/api/v1/indicators/{deletableIndicator}", null),
            (put, $"/api/v1/indicator-sets/{set}", new { name = "Set neu " + t, indicatorIds = new[] { count } }),
            (put, $"/api/v1/indicator-sets/{set}/goals", new { goals = Array.Empty<object>() }),
            (delete, $"/api/v1/indicator-sets/{set}", null),
            (put, IndicatorApi.ObservationsUrl, new { indicatorId = count, spaceId = north, period = "2024", value = 4 }),
            (delete, $"/api/v1/observations/{observation}", null),
            (put, $"/api/v1/assessments/{assessment}", new { rating = 3 }),
            (delete, $"/api/v1/assessments/{assessment}", null),
            (put, $"/api/v1/users/{user}", new { displayName = "Konto neu", role = "viewer" }),
            (post, $"/api/v1/users/{user}/deactivate", null),
            (post, $"/api/v1/users/{user}/reactivate", null),
            (post, $"/api/v1/users/{user}/password", new { password = "Herbstwiese-am-Deich-8" }),
            (post, $"/api/v1/api-keys/{apiKey}/rate-limit", new { rateLimitPerMinute = 100 }),
            (delete, $"/api/v1/api-keys/{apiKey}", null),
            (put, $"/api/v1/taxonomies/{taxonomy}/terms/{term}", new { code = termCode, nameDe = "Neu", nameEn = "New" }),
            (put, $"/api/v1/locations/{location}", new { name = "Ort neu " + t, kind = "physical", spaceId = north }),
            (post, $"/api/v1/locations/{location}/archive", null),
            (post, $"/api/v1/locations/{location}/restore", null),
            (put, $"/api/v1/services/{service}", new { name = "Angebot neu " + t, status = "active",
                locations = new[] { new { locationId = location } } }),
            (post, $"/api/v1/services/{service}/archive", null),
            (post, $"/api/v1/services/{service}/restore", null),
            (put, $"/api/v1/fundings/{funding}", new { serviceId = service, funderActorId = actor, renewalStatus = "secured" }),
            (delete, $"/api/v1/fundings/{funding}", null),
            (post, $"/api/v1/services/{service}/verify", new { note = "geprüft" }),
            (delete, $"/api/v1/services/{deletableService}", null),
            (put, $"/api/v1/inventory-rounds/{round}", new { name = "Runde neu " + t, spaceId = space, startsOn = "2026-01-01",
                endsOn = "2026-04-30" }),
            (post, $"/api/v1/inventory-rounds/{round}/close", null),
            (put, "/api/v1/auth/me/preferences", new { dashboard = new { indicatorSetIds = Array.Empty<Guid>() } }),
            (post, $"/api/v1/privacy/actors/{person}/erase", null),
            (post, $"/api/v1/privacy/users/{user}/erase", null),
        };
        foreach (var (method, url, body) in cases) await SendAsync(client, method, url, body);
        var deletableLocation = await CreatedAsync(client, "/api/v1/locations", new { name = "Ort 2 " + t, kind = "physical" });
        await SendAsync(client, delete, $"/api/v1/locations/{deletableLocation}", null);

        // The feed of the single-entity writes equals the audit trail's entries of them, one by one, in the same order.
        var beforeImports = await LatestAsync(client);
        var audit = (await Audit.AuditApi.EntriesAsync(client, $"from={Uri.EscapeDataString(from.ToString("O"))}"))
            .Where(e => e.GetProperty("entityId").ValueKind == JsonValueKind.String).Reverse()
            .Select(e => (e.Str("entityType"), e.Str("entityId"), e.Str("action")))
            .Where(e => ChangeFeed.IsChange(e.Item3) && e.Item1 != "userPreferences").ToList();
        var feed = (await AllAfterAsync(client, start)).Items.Select(i => i.Key()).ToList();
        Assert.Equal(audit, feed);
        Assert.Contains(("space", deletable.ToString(), "delete"), feed);
        Assert.Contains(("actor", person.ToString(), "erase"), feed);
        Assert.DoesNotContain(feed, f => f.Type == "userPreferences" || f.Action is "setPassword" or "revokeCalendarToken");

        // Every command the audit trail records for one entity left its kind of change in the feed.
        var kinds = feed.Select(f => (f.Type, f.Action)).ToHashSet();
        var missing = AuditRegistry.Default.Registrations
            .Where(r => ChangeFeed.RecordedByAuditTrail(r.Value))
            .Where(r => r.Value.ActionOf is null ? !kinds.Contains((r.Value.Entity.Type, r.Value.Action))
                : !kinds.Any(k => k.Type == r.Value.Entity.Type))
            .Select(r => $"{r.Key.Name} ({r.Value.Entity.Type} {r.Value.Action})").ToList();
        Assert.True(missing.Count == 0, "Not sent by this workload (add it): " + string.Join(", ", missing));

        // Imports: one change per row they inserted or changed, nothing for rows they left alone.
        var spaceCode = ActorApi.Token();
        var geoJson = new
        {
            type = "FeatureCollection",
            features = new[]
            {
                new { type = "Feature", properties = new { code = $"{spaceCode}-a", name = "Import A", level = "district" },
                    geometry = (object?)null },
                new { type = "Feature", properties = new { code = $"{spaceCode}-b", name = "Import B", level = "district" },
                    geometry = (object?)null },
            },
        };
        await HttpAssert.OkAsync<JsonElement>(await client.SendJsonAsync(post, "/api/v1/spaces/import", geoJson));
        var spaces = (await AllAfterAsync(client, beforeImports)).Items;
        Assert.Equal([("space", "create"), ("space", "create")], spaces.Select(i => (i.Str("entityType"), i.Str("action"))));

        var beforeObservations = await LatestAsync(client);
        var indicatorCode = (await client.GetJsonAsync($"/api/v1/indicators/{count}")).Str("code");
        await HttpAssert.OkAsync<JsonElement>(await IndicatorApi.ImportCsvAsync(client, $"""
            indicator,space,period,value
            {indicatorCode},{spaceCode}-a,2024,5
            {indicatorCode},{spaceCode}-b,2024,6
            """));
        Assert.Equal([("observation", "create"), ("observation", "create")],
            (await AllAfterAsync(client, beforeObservations)).Items.Select(i => (i.Str("entityType"), i.Str("action"))));

        var beforeInventory = await LatestAsync(client);
        var operatorName = $"AWO {t}";
        await ActorApi.CreateOrganisationAsync(client, operatorName, new { sector = "civilSociety", type = "welfare-association" });
        var afterOperator = await LatestAsync(client);
        var csv = "Externe ID;Standort-ID;Einrichtung;Straße;PLZ;Ort;Breite;Länge;Sozialraum;Angebot;Kategorie;Träger;Zielgruppe;Alter;"
            + "Kapazität;Einheit;Förderer;Förderende\n"
            + $"K-{t}-3;;Jugendclub {t};;;;;;{spaceCode}-a;Jugendclub {t};jugendclub;{operatorName};zg-jugendliche;ab 12;;;;\n";
        await HttpAssert.OkAsync<JsonElement>(await client.PostAsync("/api/v1/inventory/imports",
            new StringContent(csv, Encoding.UTF8, "text/csv"), Ct));
        var inventory = (await AllAfterAsync(client, afterOperator)).Items;
        Assert.Equal([("location", "create"), ("service", "create")],
            inventory.Select(i => (i.Str("entityType"), i.Str("action"))).Order());
        var again = await LatestAsync(client);
        await HttpAssert.OkAsync<JsonElement>(await client.PostAsync("/api/v1/inventory/imports",
            new StringContent(csv, Encoding.UTF8, "text/csv"), Ct));
        Assert.Empty((await AllAfterAsync(client, again)).Items);
        Assert.NotEqual(beforeInventory, afterOperator);
    }
}
