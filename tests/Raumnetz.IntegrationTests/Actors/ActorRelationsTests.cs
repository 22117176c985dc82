using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Actors.ActorApi;

namespace Raumnetz.IntegrationTests.Actors;

public sealed class ActorRelationsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static JsonObject Relation(Guid source, Guid target, object? changes = null) => Merge(new JsonObject
    {
        ["sourceActorId"] = source.ToString(),
        ["targetActorId"] = target.ToString(),
        ["type"] = "cooperationAgreement",
        ["isContractual"] = true,
        ["validFrom"] = "2024-01-01",
    }, changes);

    [Fact]
    public async Task Relation_is_created_read_back_and_listed_for_both_actors()
    {
        var client = await factory.AdminAsync();
        var jobcentre = await CreateOrganisationAsync(client, "ARGE " + Token(), new { type = "job-centre", sector = "public" });
        var youthOffice = await CreateOrganisationAsync(client, "Jugendamt " + Token(), new { type = "youth-office", sector = "public" });

        var response = await client.PostAsJsonAsync(RelationsUrl,
            Relation(jobcentre, youthOffice, new { validTo = "2026-12-31", note = "Vertrag Übergang Schule-Beruf" }));

        var created = await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/actor-relations/{id}", response.Headers.Location?.ToString());
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var (read, etag) = await GetWithETagAsync(client, $"{RelationsUrl}/{id}");
        Assert.Equal("\"1\"", etag);
        Assert.Equal(jobcentre, read.GetProperty("sourceActorId").GetGuid());
        Assert.StartsWith("ARGE ", read.GetProperty("sourceActorName").GetString());
        Assert.Equal(youthOffice, read.GetProperty("targetActorId").GetGuid());
        Assert.StartsWith("Jugendamt ", read.GetProperty("targetActorName").GetString());
        Assert.Equal("cooperationAgreement", read.GetProperty("type").GetString());
        Assert.True(read.GetProperty("isContractual").GetBoolean());
        Assert.Equal("2024-01-01", read.GetProperty("validFrom").GetString());
        Assert.Equal("2026-12-31", read.GetProperty("validTo").GetString());
        Assert.Equal("Vertrag Übergang Schule-Beruf", read.GetProperty("note").GetString());

        var outgoing = Assert.Single(await AllPagesAsync(client, $"{ActorsUrl}/{jobcentre}/relations"));
        Assert.Equal(id, outgoing.GetProperty("id").GetGuid());
        Assert.Equal("outgoing", outgoing.GetProperty("direction").GetString());
        Assert.Equal(youthOffice, outgoing.GetProperty("otherActorId").GetGuid());
        Assert.StartsWith("Jugendamt ", outgoing.GetProperty("otherActorName").GetString());
        Assert.Equal("cooperationAgreement", outgoing.GetProperty("type").GetString());
        Assert.True(outgoing.GetProperty("isContractual").GetBoolean());
        var incoming = Assert.Single(await AllPagesAsync(client, $"{ActorsUrl}/{youthOffice}/relations"));
        Assert.Equal("incoming", incoming.GetProperty("direction").GetString());
        Assert.Equal(jobcentre, incoming.GetProperty("otherActorId").GetGuid());
    }

    [Fact]
    public async Task Non_contractual_relation_without_dates_round_trips()
    {
        var client = await factory.AdminAsync();
        var a = await CreateOrganisationAsync(client, "Jobcenter " + Token());
        var b = await CreateOrganisationAsync(client, "Schulamt " + Token());

        var created = await CreateRelationAsync(client, a, b, "partnership");

        Assert.False(created.GetProperty("isContractual").GetBoolean());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("validFrom").ValueKind);
        Assert.Equal(JsonValueKind.Null, created.GetProperty("validTo").ValueKind);
        Assert.Equal(JsonValueKind.Null, created.GetProperty("note").ValueKind);
    }

    [Fact]
    public async Task Relation_list_pages_by_the_other_actors_name_in_both_directions()
    {
        var client = await factory.AdminAsync();
        var hub = await CreateOrganisationAsync(client, "Netzwerkknoten " + Token());
        var partners = new List<Guid>();
        for (var i = 0; i < 5; i++) partners.Add(await CreateOrganisationAsync(client, $"Partner {i} " + Token()));
        for (var i = 0; i < 5; i++)
        {
            if (i % 2 == 0) await CreateRelationAsync(client, hub, partners[i]);
            else await CreateRelationAsync(client, partners[i], hub, "membership");
        }

        var items = await AllPagesAsync(client, $"{ActorsUrl}/{hub}/relations", limit: 2);

        Assert.Equal(partners, items.Select(i => i.GetProperty("otherActorId").GetGuid()));
        Assert.Equal(["outgoing", "incoming", "outgoing", "incoming", "outgoing"],
            items.Select(i => i.GetProperty("direction").GetString()));
    }

    [Fact]
    public async Task Same_source_target_type_and_start_is_409_and_nothing_is_written()
    {
        var client = await factory.AdminAsync();
        var a = await CreateOrganisationAsync(client, "Träger " + Token());
        var b = await CreateOrganisationAsync(client, "Einrichtung " + Token());
        await CreateRelationAsync(client, a, b, "operation", new { validFrom = "2023-01-01" });
        await CreateRelationAsync(client, a, b, "operation");

        var sameStart = await client.PostAsJsonAsync(RelationsUrl,
            Relation(a, b, new { type = "operation", validFrom = "2023-01-01", isContractual = false }));
        var bothWithoutStart = await client.PostAsJsonAsync(RelationsUrl,
            Relation(a, b, new { type = "operation", validFrom = (string?)null }));

        await HttpAssert.ProblemAsync(sameStart, HttpStatusCode.Conflict);
        await HttpAssert.ProblemAsync(bothWithoutStart, HttpStatusCode.Conflict);
        Assert.Equal(2, await CountRelationsAsync(client, a));
        // Another start date, type or direction is a different relation.
        await CreateRelationAsync(client, a, b, "operation", new { validFrom = "2025-01-01" });
        await CreateRelationAsync(client, a, b, "funding", new { validFrom = "2023-01-01" });
        await CreateRelationAsync(client, b, a, "operation", new { validFrom = "2023-01-01" });
        Assert.Equal(5, await CountRelationsAsync(client, a));
    }

    public static TheoryData<string, string> InvalidFields => new()
    {
        { "type", "\"x\"" },
        { "type", "3" },
        { "isContractual", "\"yes\"" },
        { "validFrom", "\"01.01.2024\"" },
        { "validTo", "\"2023-12-31\"" },
        { "note", $"\"{new string('n', 4001)}\"" },
        { "sourceActorId", "\"0190a000-0000-7000-8000-000000000000\"" },
        { "targetActorId", "\"0190a000-0000-7000-8000-000000000000\"" },
        { "sourceActorId", "\"kein-guid\"" },
        { "sourceActorId", "null" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Invalid_relation_is_refused_with_400_naming_the_field_and_nothing_is_written(string field, string json)
    {
        var client = await factory.AdminAsync();
        var a = await CreateOrganisationAsync(client, "Quelle " + Token());
        var b = await CreateOrganisationAsync(client, "Ziel " + Token());
        var body = Relation(a, b);
        body[field] = JsonNode.Parse(json);

        var response = await client.PostAsJsonAsync(RelationsUrl, body);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(0, await CountRelationsAsync(client, a));
        Assert.Equal(0, await CountRelationsAsync(client, b));
    }

    [Fact]
    public async Task Relation_of_an_actor_with_itself_is_refused_on_targetActorId()
    {
        var client = await factory.AdminAsync();
        var a = await CreateOrganisationAsync(client, "Einzelgänger " + Token());

        var response = await client.PostAsJsonAsync(RelationsUrl, Relation(a, a));

        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "targetActorId");
        Assert.Equal(0, await CountRelationsAsync(client, a));
    }

    [Fact]
    public async Task Update_with_etag_replaces_fields_stale_etag_is_412_and_duplicates_are_409()
    {
        var client = await factory.AdminAsync();
        var a = await CreateOrganisationAsync(client, "Förderer " + Token());
        var b = await CreateOrganisationAsync(client, "Gefördert " + Token());
        var c = await CreateOrganisationAsync(client, "Dritter " + Token());
        var id = (await CreateRelationAsync(client, a, b, "funding", new { validFrom = "2024-01-01" })).GetProperty("id").GetGuid();
        await CreateRelationAsync(client, a, c, "funding", new { validFrom = "2024-01-01" });

        var response = await SendAsync(client, HttpMethod.Put, $"{RelationsUrl}/{id}",
            Relation(a, b,
                new { type = "funding", validFrom = "2024-01-01", validTo = "2024-12-31", isContractual = false, note = "ausgelaufen" }),
                "\"1\"");
        var updated = await HttpAssert.OkAsync<JsonElement>(response);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal("2024-12-31", updated.GetProperty("validTo").GetString());
        Assert.False(updated.GetProperty("isContractual").GetBoolean());

        var stale = await SendAsync(client, HttpMethod.Put, $"{RelationsUrl}/{id}",
            Relation(a, b, new { type = "funding", note = "verloren" }), "\"1\"");
        await HttpAssert.ProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        var duplicate = await SendAsync(client, HttpMethod.Put, $"{RelationsUrl}/{id}",
            Relation(a, c, new { type = "funding", validFrom = "2024-01-01" }), "\"2\"");
        await HttpAssert.ProblemAsync(duplicate, HttpStatusCode.Conflict);
        var self = await SendAsync(client, HttpMethod.Put, $"{RelationsUrl}/{id}", Relation(a, a), "\"2\"");
        await HttpAssert.ProblemAsync(self, HttpStatusCode.BadRequest, "targetActorId");

        var (current, etag) = await GetWithETagAsync(client, $"{RelationsUrl}/{id}");
        Assert.Equal("\"2\"", etag);
        Assert.Equal("ausgelaufen", current.GetProperty("note").GetString());
        Assert.Equal(b, current.GetProperty("targetActorId").GetGuid());
        await HttpAssert.ProblemAsync(await SendAsync(client, HttpMethod.Put, $"{RelationsUrl}/{Guid.NewGuid()}", Relation(a, b)),
            HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_honours_if_match_and_then_the_relation_is_gone()
    {
        var client = await factory.AdminAsync();
        var a = await CreateOrganisationAsync(client, "Alt " + Token());
        var b = await CreateOrganisationAsync(client, "Neu " + Token());
        var id = (await CreateRelationAsync(client, a, b)).GetProperty("id").GetGuid();
        await HttpAssert.OkAsync<JsonElement>(
            await SendAsync(client, HttpMethod.Put, $"{RelationsUrl}/{id}", Relation(a, b, new { note = "v2" })));

        await HttpAssert.ProblemAsync(await SendAsync(client, HttpMethod.Delete, $"{RelationsUrl}/{id}", ifMatch: "\"1\""),
            HttpStatusCode.PreconditionFailed);
        Assert.Equal(1, await CountRelationsAsync(client, a));

        var deleted = await SendAsync(client, HttpMethod.Delete, $"{RelationsUrl}/{id}", ifMatch: "\"2\"");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(0, await CountRelationsAsync(client, a));
        await HttpAssert.ProblemAsync(await client.GetAsync($"{RelationsUrl}/{id}"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await SendAsync(client, HttpMethod.Delete, $"{RelationsUrl}/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_ids_are_404_and_malformed_ids_400()
    {
        var client = await factory.AdminAsync();
        await HttpAssert.ProblemAsync(await client.GetAsync($"{RelationsUrl}/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await client.GetAsync($"{RelationsUrl}/nope"), HttpStatusCode.BadRequest, "id");
        await HttpAssert.ProblemAsync(await client.GetAsync($"{ActorsUrl}/{Guid.NewGuid()}/relations"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await client.GetAsync($"{ActorsUrl}/nope/relations"), HttpStatusCode.BadRequest, "id");
        var a = await CreateOrganisationAsync(client, "Liste " + Token());
        await HttpAssert.ProblemAsync(await client.GetAsync($"{ActorsUrl}/{a}/relations?limit=0"), HttpStatusCode.BadRequest, "limit");
        await HttpAssert.ProblemAsync(await client.GetAsync($"{ActorsUrl}/{a}/relations?cursor=xyz"), HttpStatusCode.BadRequest, "cursor");
    }

    [Fact]
    public async Task Viewer_reads_relations_but_may_not_write_them()
    {
        var admin = await factory.AdminAsync();
        var a = await CreateOrganisationAsync(admin, "Kirche " + Token());
        var b = await CreateOrganisationAsync(admin, "Kita " + Token());
        var id = (await CreateRelationAsync(admin, a, b, "operation")).GetProperty("id").GetGuid();
        var viewer = await factory.AsAsync("viewer");

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"{RelationsUrl}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"{ActorsUrl}/{a}/relations")).StatusCode);
        await HttpAssert.ProblemAsync(await viewer.PostAsJsonAsync(RelationsUrl, Relation(b, a)), HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await SendAsync(viewer, HttpMethod.Put, $"{RelationsUrl}/{id}", Relation(a, b)),
            HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await SendAsync(viewer, HttpMethod.Delete, $"{RelationsUrl}/{id}"), HttpStatusCode.Forbidden);
        Assert.Equal(1, await CountRelationsAsync(admin, a));
        Assert.Equal("\"1\"", (await GetWithETagAsync(admin, $"{RelationsUrl}/{id}")).ETag);
    }
}
