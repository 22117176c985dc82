using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;
using static Raumnetz.IntegrationTests.Actors.ActorApi;
using static Raumnetz.IntegrationTests.Audit.AuditApi;

namespace Raumnetz.IntegrationTests.Audit;

/// <summary>The audit trail records every write with who, when, what and the trace id, in the write's transaction.</summary>
public sealed class AuditTrailTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_update_records_who_when_the_changed_fields_with_old_and_new_values_and_the_trace_id()
    {
        var admin = await factory.AdminAsync();
        var me = await HttpAssert.OkAsync<JsonElement>(await admin.GetAsync("/api/v1/auth/me", Ct));
        var id = await CreateOrganisationAsync(admin, "Quartiersbüro " + Token(), new { email = "alt@example.org" });
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var request = new HttpRequestMessage(HttpMethod.Put, $"{ActorsUrl}/{id}")
        {
            Content = JsonContent.Create(Organisation("Quartiersbüro Nord", new { email = "neu@example.org" })),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
        await HttpAssert.OkAsync<JsonElement>(await admin.SendAsync(request, Ct));

        var entries = await AboutAsync(admin, id);
        Assert.Equal(["update", "create"], entries.Select(e => e.Str("action")));
        var update = entries[0];
        Assert.Equal("actor", update.Str("entityType"));
        Assert.Equal(id.ToString(), update.Str("entityId"));
        Assert.Equal($"user:{me.Id()}", update.Str("principal"));
        Assert.Equal(me.Id(), update.GetProperty("userId").GetGuid());
        Assert.Equal(me.Str("displayName"), update.Str("principalName"));
        Assert.Equal(traceId, update.Str("traceId"));
        Assert.InRange(update.GetProperty("occurredAt").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal(("alt@example.org", "neu@example.org"), update.Change("email"));
        Assert.StartsWith("Quartiersbüro t", update.Change("name").Old, StringComparison.Ordinal);
        Assert.Equal("Quartiersbüro Nord", update.Change("name").New);
        Assert.DoesNotContain("version", update.Fields());
        Assert.DoesNotContain("updatedAt", update.Fields());
        Assert.Null(entries[1].Change("name").Old);
    }

    [Fact]
    public async Task A_failed_write_leaves_no_entry()
    {
        var admin = await factory.AdminAsync();
        var id = await CreateOrganisationAsync(admin, "Verein " + Token());
        Assert.Single(await AboutAsync(admin, id));

        await HttpAssert.ProblemAsync(await SendAsync(admin, HttpMethod.Put, $"{ActorsUrl}/{id}", Organisation("Veraltet"), "\"7\""),
            HttpStatusCode.PreconditionFailed);
        await HttpAssert.ProblemAsync(await SendAsync(admin, HttpMethod.Put, $"{ActorsUrl}/{id}",
            Organisation("Falscher Typ", new { type = "no-such-type-" + Token() }), "\"1\""), HttpStatusCode.BadRequest, "type");
        // A write that fails inside the handler after its first statement: the parent does not exist.
        await HttpAssert.ProblemAsync(await SendAsync(admin, HttpMethod.Put, $"{ActorsUrl}/{id}",
            Organisation("Ohne Dach", new { parentId = Guid.NewGuid() }), "\"1\""), HttpStatusCode.BadRequest, "parentId");

        Assert.Equal(["create"], (await AboutAsync(admin, id)).Select(e => e.Str("action")));
    }

    [Fact]
    public async Task Spaces_networks_members_meetings_and_tasks_are_audited()
    {
        var admin = await factory.AdminAsync();
        var t = Token();
        var space = (await admin.CreateSpaceAsync($"{t}-s", $"Sozialraum {t}", "district")).Id();
        var (_, spaceTag) = await admin.GetSpaceAsync(space);
        await HttpAssert.OkAsync<JsonElement>(await admin.PutIfMatchAsync($"/api/v1/spaces/{space}",
            new { code = $"{t}-s", name = $"Sozialraum Mitte {t}", level = "district" }, spaceTag));
        Assert.Equal(($"Sozialraum {t}", $"Sozialraum Mitte {t}"), (await EntryAsync(admin, space, "update")).Change("name"));

        var network = (await admin.NetworkAsync($"Lenkrunde {t}", "steeringGroup")).Id();
        Assert.Equal("network", (await EntryAsync(admin, network, "create")).Str("entityType"));
        var actor = await CreateOrganisationAsync(admin, $"Träger {t}");
        var member = (await admin.MemberAsync(network, actor)).Id();
        var memberEntry = await EntryAsync(admin, member, "create");
        Assert.Equal("networkMember", memberEntry.Str("entityType"));
        Assert.Equal(actor.ToString(), memberEntry.Change("actorId").New);
        var meeting = (await admin.MeetingAsync(network, DateTimeOffset.UtcNow.AddDays(3), new { title = "Sitzung" })).Id();
        Assert.Equal("meeting", (await EntryAsync(admin, meeting, "create")).Str("entityType"));
        var task = (await admin.TaskAsync(network, [actor])).Id();
        Assert.Equal("task", (await EntryAsync(admin, task, "create")).Str("entityType"));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteIfMatchAsync($"/api/v1/tasks/{task}")).StatusCode);
        var deleted = await EntryAsync(admin, task, "delete");
        Assert.Equal(("Einladungsliste ergänzen", null), deleted.Change("title"));
    }

    [Fact]
    public async Task Indicators_and_observations_are_audited_with_old_values_of_an_upsert()
    {
        var admin = await factory.AdminAsync();
        var code = Token();
        var indicator = (await Indicators.IndicatorApi.CreateIndicatorAsync(admin, Indicators.IndicatorApi.Count(code))).Id();
        await HttpAssert.OkAsync<JsonElement>(await admin.PutIfMatchAsync($"/api/v1/indicators/{indicator}",
            Indicators.IndicatorApi.Count(code, new { name = "Fälle Hilfen zur Erziehung" }), "\"1\""));
        Assert.Equal(($"Count {code}", "Fälle Hilfen zur Erziehung"), (await EntryAsync(admin, indicator, "update")).Change("name"));

        var space = await Indicators.IndicatorApi.CreateSpaceAsync(admin, $"{code}-s", $"Raum {code}", "district");
        var created = await Indicators.IndicatorApi.PutObservationOkAsync(admin, new { indicatorId = indicator, spaceId = space,
            period = "2024", value = 12 });
        var observation = created.Id();
        await HttpAssert.OkAsync<JsonElement>(await admin.SendJsonAsync(HttpMethod.Put, "/api/v1/observations",
            new { indicatorId = indicator, spaceId = space, period = "2024", value = 15 }, ("If-Match", "*")));
        var entries = await AboutAsync(admin, observation);
        Assert.True(entries.Count == 2, string.Join("\n", entries.Select(e => e.GetRawText())));
        Assert.Equal(["update", "create"], entries.Select(e => e.Str("action")));
        Assert.Equal(("12", "15"), entries[0].Change("value"));
    }

    [Fact]
    public async Task Inventory_locations_services_and_fundings_are_audited()
    {
        var admin = await factory.AdminAsync();
        var location = await Inventory.InventoryApi.CreateLocationIdAsync(admin, "Familienzentrum " + Token());
        await HttpAssert.OkAsync<JsonElement>(await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/locations/{location}/archive", null,
            ("If-Match", "\"1\"")));
        var archived = await EntryAsync(admin, location, "archive");
        Assert.Null(archived.Change("archivedAt").Old);
        Assert.NotNull(archived.Change("archivedAt").New);

        var service = await Inventory.InventoryApi.CreateServiceIdAsync(admin, "Erziehungsberatung " + Token());
        var entry = await EntryAsync(admin, service, "create");
        Assert.Equal("service", entry.Str("entityType"));
        Assert.StartsWith("Erziehungsberatung", entry.Change("name").New, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_with_an_api_key_name_the_key()
    {
        var (client, keyId) = await factory.ApiKeyClientAsync("editor");
        var admin = await factory.AdminAsync();
        var id = await CreateOrganisationAsync(client, "Partnerverein " + Token());
        var entry = await EntryAsync(admin, id, "create");
        Assert.Equal($"key:{keyId}", entry.Str("principal"));
        Assert.Equal(keyId, entry.GetProperty("apiKeyId").GetGuid());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("userId").ValueKind);
        Assert.Equal("Partner editor", entry.Str("principalName"));
    }

    [Fact]
    public async Task Filters_by_type_principal_and_period_and_pages_with_a_cursor()
    {
        var admin = await factory.AdminAsync();
        var me = await HttpAssert.OkAsync<JsonElement>(await admin.GetAsync("/api/v1/auth/me", Ct));
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++) ids.Add(await CreateOrganisationAsync(admin, $"Filterverein {i} {Token()}"));
        var to = DateTimeOffset.UtcNow.AddSeconds(1);

        var period = $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";
        var actors = await EntriesAsync(admin, $"entityType=actor&userId={me.Id()}&{period}");
        Assert.Superset(ids.Select(i => i.ToString()).ToHashSet(), actors.Select(e => e.Str("entityId")).ToHashSet());
        Assert.All(actors, e => Assert.Equal("actor", e.Str("entityType")));
        var byPrincipal = await EntriesAsync(admin, $"principal=user:{me.Id()}&{period}");
        Assert.All(byPrincipal, e => Assert.Equal($"user:{me.Id()}", e.Str("principal")));

        var first = await HttpAssert.OkAsync<JsonElement>(await admin.GetAsync($"{Url}?entityType=actor&{period}&limit=1", Ct));
        var cursor = first.GetProperty("nextCursor").GetString();
        Assert.NotNull(cursor);
        var second = await HttpAssert.OkAsync<JsonElement>(await admin.GetAsync(
            $"{Url}?entityType=actor&{period}&limit=1&cursor={Uri.EscapeDataString(cursor)}", Ct));
        Assert.NotEqual(first.GetProperty("items")[0].Str("id"), second.GetProperty("items")[0].Str("id"));
        Assert.True(first.GetProperty("items")[0].GetProperty("occurredAt").GetDateTimeOffset()
            >= second.GetProperty("items")[0].GetProperty("occurredAt").GetDateTimeOffset());

        Assert.Empty(await EntriesAsync(admin, $"entityId={ids[0]}&from={Uri.EscapeDataString(to.AddMinutes(1).ToString("O"))}"));
        await HttpAssert.ProblemAsync(await admin.GetAsync($"{Url}?cursor=nonsense", Ct), HttpStatusCode.BadRequest, "cursor");
        var reversed = period.Replace("from=", "x=").Replace("to=", "from=").Replace("x=", "to=");
        await HttpAssert.ProblemAsync(await admin.GetAsync($"{Url}?{reversed}", Ct),
            HttpStatusCode.BadRequest, "to");
    }


    [Fact]
    public async Task Relations_actor_types_indicator_sets_fundings_taxonomies_and_imports_are_audited()
    {
        var admin = await factory.AdminAsync();
        var t = Token();
        var a = await CreateOrganisationAsync(admin, $"Jobcenter {t}");
        var b = await CreateOrganisationAsync(admin, $"Jugendamt {t}");
        var relation = (await CreateRelationAsync(admin, a, b)).Id();
        Assert.Equal(a.ToString(), (await EntryAsync(admin, relation, "create")).Change("sourceActorId").New);

        var code = "type-" + t;
        await HttpAssert.OkAsync<JsonElement>(await admin.PostAsJsonAsync("/api/v1/actor-types",
            new { code, nameDe = "Quartiersmanagement", nameEn = "Neighbourhood management" }, Ct), HttpStatusCode.Created);
        var typeEntry = Assert.Single(await EntriesAsync(admin, $"entityId={code}"));
        Assert.Equal(("actorType", "create"), (typeEntry.Str("entityType"), typeEntry.Str("action")));
        Assert.Equal((null, "Quartiersmanagement"), typeEntry.Change("nameDe"));

        var indicator = (await Indicators.IndicatorApi.CreateIndicatorAsync(admin, Indicators.IndicatorApi.Count(t))).Id();
        var network = (await admin.NetworkAsync($"Fokusgruppe {t}")).Id();
        var set = await HttpAssert.OkAsync<JsonElement>(await admin.PostAsJsonAsync("/api/v1/indicator-sets",
            new { name = $"Monitoring {t}", purpose = "Besser drei als 20", networkId = network, indicatorIds = new[] { indicator } }, Ct),
            HttpStatusCode.Created);
        Assert.Equal("indicatorSet", (await EntryAsync(admin, set.Id(), "create")).Str("entityType"));

        var service = await Inventory.InventoryApi.CreateServiceIdAsync(admin, "Schuldnerberatung " + t);
        var funding = await HttpAssert.OkAsync<JsonElement>(await admin.PostAsJsonAsync("/api/v1/fundings", new
        {
            serviceId = service, funderActorId = a, programme = "Kreisförderung", sharePercent = 50m, startsOn = "2025-01-01",
            endsOn = "2026-12-31", renewalStatus = "open",
        }, Ct), HttpStatusCode.Created);
        Assert.Equal((null, "Kreisförderung"), (await EntryAsync(admin, funding.Id(), "create")).Change("programme"));

        var taxonomy = await HttpAssert.OkAsync<JsonElement>(await admin.PostAsJsonAsync("/api/v1/taxonomies",
            new { code = "tx-" + t, kind = "targetGroup", name = "Zielgruppen " + t }, Ct), HttpStatusCode.Created);
        Assert.Equal("taxonomy", (await EntryAsync(admin, taxonomy.Id(), "create")).Str("entityType"));

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var import = new
        {
            type = "FeatureCollection",
            features = new[] { new { type = "Feature", properties = new { code = $"{t}-imp", name = $"Importiert {t}", level = "district" },
                geometry = (object?)null } },
        };
        await HttpAssert.OkAsync<JsonElement>(await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/spaces/import?dryRun=true", import));
        await HttpAssert.OkAsync<JsonElement>(await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/spaces/import", import));
        var imports = (await EntriesAsync(admin, $"entityType=space&from={Uri.EscapeDataString(before.ToString("O"))}"))
            .Where(e => e.Str("action") == "import").ToList();
        var entry = Assert.Single(imports); // the dry run kept nothing, its entry neither
        Assert.Equal((null, "1"), entry.Change("created"));
    }

    [Fact]
    public async Task Only_administrators_read_the_trail_and_no_operation_edits_or_deletes_it()
    {
        var editor = await factory.AsAsync("editor");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(Url, Ct)).StatusCode);
        var admin = await factory.AdminAsync();
        var entry = (await EntriesAsync(admin, "entityType=user"))[0];
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete, HttpMethod.Post })
        {
            foreach (var url in new[] { $"{Url}/{entry.Str("id")}", Url })
            {
                var request = new HttpRequestMessage(method, url)
                    { Content = JsonContent.Create(new { action = "nothing" }) }.OutsideTheDocument();
                request.Headers.TryAddWithoutValidation("If-Match", "*");
                var status = (await admin.SendAsync(request, Ct)).StatusCode;
                Assert.True(status is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{method} {url}: {status}");
            }
        }
        var again = Assert.Single(await EntriesAsync(admin, "entityType=user"), e => e.Str("id") == entry.Str("id"));
        Assert.Equal(entry.GetRawText(), again.GetRawText());
    }
}
