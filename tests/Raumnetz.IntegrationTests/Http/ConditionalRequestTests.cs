using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Indicators;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Http;

/// <summary>
/// Every operation that documents 412 changes an existing resource: without If-Match it answers 428, with a well-formed
/// entity tag that is not the current version ("999999", or one that is no version at all) 412, and with a malformed
/// header 400 naming it. The operations come from the served document, so an operation added later is covered (and
/// must get a request here, or the test fails).
/// </summary>
public sealed class ConditionalRequestTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private sealed record Case(HttpMethod Method, string Url, object? Body);

    /// <summary>One existing resource of each kind and a valid request for every operation that documents 412.</summary>
    private async Task<Dictionary<string, Case>> CasesAsync(HttpClient client)
    {
        var (_, _, north, _) = await IndicatorApi.CityAsync(client);
        var space = await client.SpaceAsync(ActorApi.Token(), "Raum", "district");
        var endable = await client.SpaceAsync(ActorApi.Token(), "Raum 2", "district");
        var actor = await factory.ActorAsync("Jugendamt");
        var other = await factory.ActorAsync("Schulamt");
        var relation = await factory.RelationAsync(actor, other);
        var typeCode = ActorApi.Token();
        await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(ActorApi.TypesUrl, new { code = typeCode, nameDe = "Typ", nameEn = "Type" }), HttpStatusCode.Created);
        var network = (await client.NetworkAsync("Lenkrunde")).Id();
        var member = (await client.MemberAsync(network, actor)).Id();
        var meeting = (await client.MeetingAsync(network, DateTimeOffset.UtcNow.AddDays(7))).Id();
        var task = (await client.TaskAsync(network, [actor])).Id();
        var count = (await IndicatorApi.CreateIndicatorAsync(client, IndicatorApi.Count(ActorApi.Token()))).Id();
        var rating = (await IndicatorApi.CreateIndicatorAsync(client, IndicatorApi.Rating(ActorApi.Token()))).Id();
        var set = (await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(IndicatorApi.SetsUrl, new { name = "Set", indicatorIds = new[] { count } }), HttpStatusCode.Created)).Id();
        var observation = (await IndicatorApi.PutObservationOkAsync(client, new { indicatorId = count, spaceId = north, period = "2024", value = 3 })).Id();
        var assessment = (await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(IndicatorApi.AssessmentsUrl,
            new { indicatorId = rating, spaceId = north, period = "2024", rating = 4 }), HttpStatusCode.Created)).Id();
        var user = (await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync("/api/v1/users",
            new { email = $"cond-{Guid.NewGuid():N}@test.local", displayName = "Konto", role = "viewer", password = "Sommerwiese-am-Deich-7" }),
            HttpStatusCode.Created)).Id();
        var relationBody = new { sourceActorId = actor, targetActorId = other, type = "cooperationAgreement", isContractual = false };
        var location = (await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync("/api/v1/locations",
            new { name = "Ort", kind = "physical" }), HttpStatusCode.Created)).Id();
        var service = (await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync("/api/v1/services",
            new { name = "Angebot", status = "active" }), HttpStatusCode.Created)).Id();
        var taxonomy = (await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync("/api/v1/taxonomies",
            new { code = ActorApi.Token(), kind = "targetGroup", name = "Taxonomie" }), HttpStatusCode.Created)).Id();
        var termCode = ActorApi.Token();
        var term = (await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync($"/api/v1/taxonomies/{taxonomy}/terms",
            new { code = termCode, nameDe = "Begriff", nameEn = "Term" }), HttpStatusCode.Created)).Id();
        var funding = (await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync("/api/v1/fundings",
            new { serviceId = service, funderActorId = actor, renewalStatus = "open" }), HttpStatusCode.Created)).Id();
        var round = (await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync("/api/v1/inventory-rounds",
            new { name = "Runde", spaceId = space, startsOn = "2026-01-01", endsOn = "2026-03-31" }), HttpStatusCode.Created)).Id();
        var person = (await ActorApi.CreateActorAsync(client, ActorApi.Person("Erika Muster", null))).Id();
        // a public address literal (no DNS) and an event type no change has: nothing is ever sent
        var webhookBody = new { url = "https://8.8.8.8/hook", eventTypes = new[] { "actor.neverHappens" }, active = true };
        var webhook = (await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync("/api/v1/webhooks",
            new { webhookBody.url, webhookBody.eventTypes }),
            HttpStatusCode.Created)).Id();
        var put = HttpMethod.Put;
        var post = HttpMethod.Post;
        var delete = HttpMethod.Delete;
        return new()
        {
            ["UpdateSpace"] = new(put, $"/api/v1/spaces/{space}", new { code = ActorApi.Token(), name = "Raum neu", level = "district" }),
            ["EndSpace"] = new(post, $"/api/v1/spaces/{endable}/end", new { validTo = "2030-01-01" }),
            ["DeleteSpace"] = new(delete, $"/api/v1/spaces/{space}", null),
            ["UpdateActor"] = new(put, $"/api/v1/actors/{actor}", new { kind = "organisation", name = "Jugendamt neu", sector = "public", type = "public-authority" }),
            ["ArchiveActor"] = new(post, $"/api/v1/actors/{actor}/archive", null),
            ["RestoreActor"] = new(post, $"/api/v1/actors/{actor}/restore", null),
            ["UpdateActorType"] = new(put, $"/api/v1/actor-types/{typeCode}", new { nameDe = "Typ neu", nameEn = "Type new" }),
            ["UpdateActorRelation"] = new(put, $"/api/v1/actor-relations/{relation}", relationBody),
            ["DeleteActorRelation"] = new(delete, $"/api/v1/actor-relations/{relation}", null),
            ["UpdateNetwork"] = new(put, $"/api/v1/networks/{network}", new { name = "Lenkrunde neu", kind = "steeringGroup", mandate = "Steuern", status = "active" }),
            ["EndNetwork"] = new(post, $"/api/v1/networks/{network}/end", new { endedOn = "2030-01-01" }),
            ["UpdateNetworkMember"] = new(put, $"/api/v1/networks/{network}/members/{member}", new { actorId = actor, role = "coordinator" }),
            ["EndNetworkMember"] = new(post, $"/api/v1/networks/{network}/members/{member}/end", new { validTo = "2030-01-01" }),
            ["RemoveNetworkMember"] = new(delete, $"/api/v1/networks/{network}/members/{member}", null),
            ["UpdateMeeting"] = new(put, $"/api/v1/meetings/{meeting}", new { startsAt = DateTimeOffset.UtcNow.AddDays(8), endsAt = DateTimeOffset.UtcNow.AddDays(8).AddHours(1), cancelled = false }),
            ["DeleteMeeting"] = new(delete, $"/api/v1/meetings/{meeting}", null),
            ["UpdateTask"] = new(put, $"/api/v1/tasks/{task}", new { networkId = network, title = "Neu", responsibleActorIds = new[] { actor }, status = "open" }),
            ["DeleteTask"] = new(delete, $"/api/v1/tasks/{task}", null),
            ["UpdateIndicator"] = new(put, $"/api/v1/indicators/{count}", IndicatorApi.Count(ActorApi.Token(), new { isProportion = false })),
            ["DeleteIndicator"] = new(delete, $"/api/v1/indicators/{count}", null),
            ["UpdateIndicatorSet"] = new(put, $"/api/v1/indicator-sets/{set}", new { name = "Set neu", indicatorIds = new[] { count } }),
            ["SetIndicatorSetGoals"] = new(put, $"/api/v1/indicator-sets/{set}/goals", new { goals = Array.Empty<object>() }),
            ["DeleteIndicatorSet"] = new(delete, $"/api/v1/indicator-sets/{set}", null),
            ["UpsertObservation"] = new(put, IndicatorApi.ObservationsUrl, new { indicatorId = count, spaceId = north, period = "2024", value = 4 }),
            ["DeleteObservation"] = new(delete, $"/api/v1/observations/{observation}", null),
            ["UpdateAssessment"] = new(put, $"/api/v1/assessments/{assessment}", new { rating = 3 }),
            ["DeleteAssessment"] = new(delete, $"/api/v1/assessments/{assessment}", null),
            ["UpdateUser"] = new(put, $"/api/v1/users/{user}", new { displayName = "Konto neu", role = "viewer" }),
            ["UpdateTaxonomyTerm"] = new(put, $"/api/v1/taxonomies/{taxonomy}/terms/{term}", new { code = termCode, nameDe = "Neu", nameEn = "New" }),
            ["UpdateLocation"] = new(put, $"/api/v1/locations/{location}", new { name = "Ort neu", kind = "physical" }),
            ["ArchiveLocation"] = new(post, $"/api/v1/locations/{location}/archive", null),
            ["RestoreLocation"] = new(post, $"/api/v1/locations/{location}/restore", null),
            ["UpdateService"] = new(put, $"/api/v1/services/{service}", new { name = "Angebot neu", status = "inactive" }),
            ["ArchiveService"] = new(post, $"/api/v1/services/{service}/archive", null),
            ["RestoreService"] = new(post, $"/api/v1/services/{service}/restore", null),
            ["UpdateFunding"] = new(put, $"/api/v1/fundings/{funding}", new { serviceId = service, funderActorId = actor, renewalStatus = "secured" }),
            ["DeleteFunding"] = new(delete, $"/api/v1/fundings/{funding}", null),
            ["VerifyService"] = new(post, $"/api/v1/services/{service}/verify", new { note = "geprüft" }),
            ["UpdateInventoryRound"] = new(put, $"/api/v1/inventory-rounds/{round}",
                new { name = "Runde neu", spaceId = space, startsOn = "2026-01-01", endsOn = "2026-04-30" }),
            ["CloseInventoryRound"] = new(post, $"/api/v1/inventory-rounds/{round}/close", null),
            ["DeleteLocation"] = new(delete, $"/api/v1/locations/{location}", null),
            ["DeleteService"] = new(delete, $"/api/v1/services/{service}", null),
            ["EraseActor"] = new(post, $"/api/v1/privacy/actors/{person}/erase", null),
            ["EraseUser"] = new(post, $"/api/v1/privacy/users/{user}/erase", null),
            ["SaveMyPreferences"] = new(put, "/api/v1/auth/me/preferences", new { dashboard = new { indicatorSetIds = Array.Empty<Guid>() } }),
            ["UpdateWebhookSubscription"] = new(put, $"/api/v1/webhooks/{webhook}", webhookBody),
            ["DeleteWebhookSubscription"] = new(delete, $"/api/v1/webhooks/{webhook}", null),
        };
    }

    private static async Task<List<ApiOperation>> ConditionalOperationsAsync(ApiFactory factory)
    {
        var (_, operations) = await ApiDocument.LoadAsync(factory);
        return operations.Where(o => o.Operation.GetProperty("responses").TryGetProperty("412", out _)).ToList();
    }

    [Fact]
    public async Task Every_operation_that_documents_412_answers_428_without_if_match_412_for_an_unknown_tag_and_400_for_a_malformed_one()
    {
        var client = await factory.SignedInAsync();
        var operations = await ConditionalOperationsAsync(factory);
        var cases = await CasesAsync(client);
        Assert.Equal(cases.Keys.Order(), operations.Select(o => o.Id).Order());

        foreach (var op in operations)
        {
            var c = cases[op.Id];
            var missing = await client.SendJsonAsync(c.Method, c.Url, c.Body);
            Assert.True(missing.StatusCode == HttpStatusCode.PreconditionRequired, $"{op}: expected 428 without If-Match, got {(int)missing.StatusCode} {await missing.Content.ReadAsStringAsync()}");
            await HttpAssert.ProblemAsync(missing, HttpStatusCode.PreconditionRequired);
            foreach (var tag in new[] { "\"999999\"", "\"abc\"", "W/\"0\"", "\"999998\", \"999999\"" })
            {
                var stale = await client.SendJsonAsync(c.Method, c.Url, c.Body, ("If-Match", tag));
                Assert.True(stale.StatusCode == HttpStatusCode.PreconditionFailed, $"{op} with If-Match {tag}: expected 412, got {(int)stale.StatusCode} {await stale.Content.ReadAsStringAsync()}");
                await HttpAssert.ProblemAsync(stale, HttpStatusCode.PreconditionFailed);
            }
            foreach (var malformed in new[] { "3", "\"3", "\"3\" x", "W/3" })
                await HttpAssert.ProblemAsync(await client.SendJsonAsync(c.Method, c.Url, c.Body, ("If-Match", malformed)), HttpStatusCode.BadRequest, "If-Match");
        }
    }

    [Fact]
    public async Task The_document_requires_if_match_and_shows_428_where_it_shows_412()
    {
        foreach (var op in await ConditionalOperationsAsync(factory))
        {
            Assert.True(op.Operation.GetProperty("responses").TryGetProperty("428", out _), $"{op} documents 412 but not 428");
            var ifMatch = op.Operation.GetProperty("parameters").EnumerateArray().Single(p => p.Str("name") == "If-Match");
            Assert.Equal(op.Id != "UpsertObservation", ifMatch.TryGetProperty("required", out var required) && required.GetBoolean());
        }
    }

    [Fact]
    public async Task If_match_star_and_the_current_etag_change_the_resource()
    {
        var client = await factory.SignedInAsync();
        var (space, etag) = await client.GetSpaceAsync((await client.CreateSpaceAsync(ActorApi.Token(), "Raum", "district")).Id());
        var body = new { code = space.Str("code"), name = "Neu", level = "district" };

        await HttpAssert.OkAsync<JsonElement>(await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/spaces/{space.Id()}", body, ("If-Match", etag)));
        await HttpAssert.OkAsync<JsonElement>(await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/spaces/{space.Id()}", body, ("If-Match", "*")));
        await HttpAssert.OkAsync<JsonElement>(await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/spaces/{space.Id()}", body, ("If-Match", "\"abc\", \"3\"")));
    }

    [Fact]
    public async Task Upsert_creates_without_if_match_but_replaces_only_with_it()
    {
        var client = await factory.SignedInAsync();
        var (_, _, north, _) = await IndicatorApi.CityAsync(client);
        var count = (await IndicatorApi.CreateIndicatorAsync(client, IndicatorApi.Count(ActorApi.Token()))).Id();
        var body = new { indicatorId = count, spaceId = north, period = "2024", value = 3 };
        await IndicatorApi.PutObservationOkAsync(client, body);

        await HttpAssert.ProblemAsync(await IndicatorApi.PutObservationAsync(client, body with { value = 4 }), HttpStatusCode.PreconditionRequired);
        await HttpAssert.OkAsync<JsonElement>(await client.SendJsonAsync(HttpMethod.Put, IndicatorApi.ObservationsUrl, body with { value = 4 }, ("If-Match", "\"1\"")));
    }
}
