using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Actors.ActorApi;

namespace Raumnetz.IntegrationTests.Actors;

public sealed class ActorTypesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static async Task<List<JsonElement>> ListAsync(HttpClient client) =>
        (await HttpAssert.OkAsync<JsonElement>(await client.GetAsync(TypesUrl))).EnumerateArray().ToList();

    [Fact]
    public async Task Seeded_types_are_listed_sorted_by_german_name()
    {
        var client = await factory.AdminAsync();

        var types = await ListAsync(client);

        var jobCentre = types.Single(t => t.GetProperty("code").GetString() == "job-centre");
        Assert.Equal("Jobcenter", jobCentre.GetProperty("nameDe").GetString());
        Assert.Equal("Job centre", jobCentre.GetProperty("nameEn").GetString());
        Assert.Equal(1, jobCentre.GetProperty("version").GetInt64());
        Assert.Contains(types, t => t.GetProperty("code").GetString() == "youth-office");
        var names = types.Select(t => t.GetProperty("nameDe").GetString()!).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task New_type_is_created_and_usable_for_actors()
    {
        var client = await factory.AsAsync("editor");

        var response = await client.PostAsJsonAsync(TypesUrl,
            new { code = "family-centre", nameDe = "Familienzentrum", nameEn = "Family centre" });

        var created = await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created);
        Assert.Equal("/api/v1/actor-types/family-centre", response.Headers.Location?.ToString());
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal("Familienzentrum", created.GetProperty("nameDe").GetString());
        var (read, etag) = await GetWithETagAsync(client, $"{TypesUrl}/family-centre");
        Assert.Equal("\"1\"", etag);
        Assert.Equal("Family centre", read.GetProperty("nameEn").GetString());
        var actor = await CreateActorAsync(client, Organisation("Familienzentrum Werder", new { type = "family-centre" }));
        Assert.Equal("Familienzentrum", actor.GetProperty("typeName").GetString());
    }

    [Fact]
    public async Task Existing_code_is_409_on_code()
    {
        var client = await factory.AdminAsync();
        var before = (await ListAsync(client)).Count;

        var response = await client.PostAsJsonAsync(TypesUrl,
            new { code = "school", nameDe = "Noch eine Schule", nameEn = "Another school" });

        await HttpAssert.ProblemAsync(response, HttpStatusCode.Conflict, "code");
        Assert.Equal(before, (await ListAsync(client)).Count);
        Assert.Equal("Schule", (await GetWithETagAsync(client, $"{TypesUrl}/school")).Body.GetProperty("nameDe").GetString());
    }

    [Theory]
    [InlineData("code", "\"mit leerzeichen\"")]
    [InlineData("code", "\"\"")]
    [InlineData("code", "\"-dash-first\"")]
    [InlineData("code", "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"")]
    [InlineData("nameDe", "\"\"")]
    [InlineData("nameDe", "null")]
    [InlineData("nameEn", "\"  \"")]
    [InlineData("nameEn", "42")]
    public async Task Invalid_type_is_refused_with_400_and_nothing_is_written(string field, string json)
    {
        var client = await factory.AdminAsync();
        var before = (await ListAsync(client)).Count;
        var body = new JsonObject { ["code"] = "valid-" + Token(), ["nameDe"] = "Name", ["nameEn"] = "Name" };
        body[field] = JsonNode.Parse(json);

        var response = await client.PostAsJsonAsync(TypesUrl, body);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, (await ListAsync(client)).Count);
    }

    [Fact]
    public async Task Rename_with_etag_changes_the_name_shown_on_actors_and_stale_etag_is_412()
    {
        var client = await factory.AdminAsync();
        await HttpAssert.OkAsync<JsonElement>(
            await client.PostAsJsonAsync(TypesUrl,
                new { code = "housing-coop", nameDe = "Wohnungsgenossenschaft", nameEn = "Housing co-op" }), HttpStatusCode.Created);
        var actor = await CreateOrganisationAsync(client, "WG Werder " + Token(), new { type = "housing-coop", sector = "privateEconomy" });

        var response = await SendAsync(client, HttpMethod.Put, $"{TypesUrl}/housing-coop",
            new JsonObject { ["nameDe"] = "Genossenschaft", ["nameEn"] = "Cooperative" }, "\"1\"");

        var renamed = await HttpAssert.OkAsync<JsonElement>(response);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal("housing-coop", renamed.GetProperty("code").GetString());
        Assert.Equal("Genossenschaft", renamed.GetProperty("nameDe").GetString());
        Assert.Equal("Genossenschaft", (await GetWithETagAsync(client, $"{ActorsUrl}/{actor}")).Body.GetProperty("typeName").GetString());

        var stale = await SendAsync(client, HttpMethod.Put, $"{TypesUrl}/housing-coop",
            new JsonObject { ["nameDe"] = "Verloren", ["nameEn"] = "Lost" }, "\"1\"");
        await HttpAssert.ProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        var invalid = await SendAsync(client, HttpMethod.Put, $"{TypesUrl}/housing-coop",
            new JsonObject { ["nameDe"] = "", ["nameEn"] = "Lost" }, "\"2\"");
        await HttpAssert.ProblemAsync(invalid, HttpStatusCode.BadRequest, "nameDe");
        var (current, etag) = await GetWithETagAsync(client, $"{TypesUrl}/housing-coop");
        Assert.Equal("\"2\"", etag);
        Assert.Equal("Genossenschaft", current.GetProperty("nameDe").GetString());
    }

    [Fact]
    public async Task Unknown_code_is_404()
    {
        var client = await factory.AdminAsync();
        await HttpAssert.ProblemAsync(await client.GetAsync($"{TypesUrl}/no-such-type"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(
            await SendAsync(client, HttpMethod.Put, $"{TypesUrl}/no-such-type", new JsonObject { ["nameDe"] = "A", ["nameEn"] = "B" }),
            HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Viewer_reads_the_list_but_may_not_add_or_rename()
    {
        var admin = await factory.AdminAsync();
        var viewer = await factory.AsAsync("viewer");
        var before = (await ListAsync(admin)).Count;

        Assert.Equal(before, (await ListAsync(viewer)).Count);
        await HttpAssert.ProblemAsync(await viewer.PostAsJsonAsync(TypesUrl, new { code = "viewer-type", nameDe = "X", nameEn = "X" }),
            HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(
            await SendAsync(viewer, HttpMethod.Put, $"{TypesUrl}/church", new JsonObject { ["nameDe"] = "X", ["nameEn"] = "X" }),
            HttpStatusCode.Forbidden);

        Assert.Equal(before, (await ListAsync(admin)).Count);
        Assert.Equal("Kirchengemeinde", (await GetWithETagAsync(admin, $"{TypesUrl}/church")).Body.GetProperty("nameDe").GetString());
    }

    [Fact]
    public async Task Api_key_with_editor_role_can_add_a_type()
    {
        var (editor, _) = await factory.ApiKeyClientAsync("editor");
        var response = await editor.PostAsJsonAsync(TypesUrl, new { code = "partner-" + Token(), nameDe = "Partner", nameEn = "Partner" });
        await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created);
    }
}
