using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Actors.ActorApi;

namespace Raumnetz.IntegrationTests.Actors;

public sealed class UpdateActorTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Update_with_current_etag_replaces_the_fields_and_bumps_the_version()
    {
        var client = await factory.AdminAsync();
        var space = await CreateSpaceAsync(client, "Stadtteil West", "district");
        var umbrella = await CreateOrganisationAsync(client, "Diakonie " + Token(), new { type = "welfare-association" });
        var id = await CreateOrganisationAsync(client, "Verein " + Token(), new { tags = new[] { "alt" }, spaceIds = new[] { space } });
        var (_, etag) = await GetWithETagAsync(client, $"{ActorsUrl}/{id}");
        var shortName = Token().ToUpperInvariant();

        var body = Organisation("Stadtteilladen West", new
        {
            type = "association", sector = "civilSociety", parentId = umbrella, shortName, email = "west@example.org", tags = new[] { "Beratung", "Treffpunkt" },
        });
        var response = await SendAsync(client, HttpMethod.Put, $"{ActorsUrl}/{id}", body, etag);

        var updated = await HttpAssert.OkAsync<JsonElement>(response);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal(2, updated.GetProperty("version").GetInt64());
        Assert.Equal("Stadtteilladen West", updated.GetProperty("name").GetString());
        Assert.Equal(umbrella, updated.GetProperty("parentId").GetGuid());
        Assert.Equal(new[] { "Beratung", "Treffpunkt" }, updated.GetProperty("tags").Strings());
        // spaceIds was not sent (null): the spaces stay.
        Assert.Equal([space], updated.GetProperty("spaceIds").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Single(await AllPagesAsync(client, $"{ActorsUrl}?q={shortName.ToLowerInvariant()}"));

        var cleared = await HttpAssert.OkAsync<JsonElement>(await SendAsync(client, HttpMethod.Put, $"{ActorsUrl}/{id}",
            Organisation("Stadtteilladen West", new { spaceIds = Array.Empty<Guid>(), tags = Array.Empty<string>() }), "\"2\""));
        Assert.Empty(cleared.GetProperty("spaceIds").EnumerateArray());
        Assert.Empty(cleared.GetProperty("tags").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("parentId").ValueKind);
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("shortName").ValueKind);
    }

    [Fact]
    public async Task Update_with_stale_etag_is_412_and_changes_nothing()
    {
        var client = await factory.AdminAsync();
        var id = await CreateOrganisationAsync(client, "Original " + Token());
        await HttpAssert.OkAsync<JsonElement>(await SendAsync(client, HttpMethod.Put, $"{ActorsUrl}/{id}", Organisation("Zweiter Stand"), "\"1\""));

        var response = await SendAsync(client, HttpMethod.Put, $"{ActorsUrl}/{id}", Organisation("Verlorenes Update"), "\"1\"");

        await HttpAssert.ProblemAsync(response, HttpStatusCode.PreconditionFailed);
        var (current, etag) = await GetWithETagAsync(client, $"{ActorsUrl}/{id}");
        Assert.Equal("Zweiter Stand", current.GetProperty("name").GetString());
        Assert.Equal("\"2\"", etag);
    }

    [Fact]
    public async Task Update_without_if_match_is_428_and_malformed_if_match_is_400()
    {
        var client = await factory.AdminAsync();
        var id = await CreateOrganisationAsync(client, "Ohne Etag " + Token());

        await HttpAssert.ProblemAsync(await SendAsync(client, HttpMethod.Put, $"{ActorsUrl}/{id}", Organisation("Ohne Etag geändert"), NoIfMatch), HttpStatusCode.PreconditionRequired);
        await HttpAssert.OkAsync<JsonElement>(await SendAsync(client, HttpMethod.Put, $"{ActorsUrl}/{id}", Organisation("Ohne Etag geändert"), "\"1\""));
        var request = new HttpRequestMessage(HttpMethod.Put, $"{ActorsUrl}/{id}") { Content = System.Net.Http.Json.JsonContent.Create(Organisation("Kaputt")) };
        request.Headers.TryAddWithoutValidation("If-Match", "version-2");
        await HttpAssert.ProblemAsync(await client.SendAsync(request), HttpStatusCode.BadRequest, "If-Match");
        Assert.Equal("Ohne Etag geändert", (await GetWithETagAsync(client, $"{ActorsUrl}/{id}")).Body.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Unknown_actor_is_404_and_invalid_id_is_400()
    {
        var client = await factory.AdminAsync();
        await HttpAssert.ProblemAsync(await SendAsync(client, HttpMethod.Put, $"{ActorsUrl}/{Guid.NewGuid()}", Organisation("Niemand")), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await SendAsync(client, HttpMethod.Put, $"{ActorsUrl}/42", Organisation("Niemand")), HttpStatusCode.BadRequest, "id");
    }

    [Fact]
    public async Task Actor_cannot_belong_to_itself_or_close_an_umbrella_loop()
    {
        var client = await factory.AdminAsync();
        var top = await CreateOrganisationAsync(client, "Dachverband " + Token());
        var middle = await CreateOrganisationAsync(client, "Kreisverband " + Token(), new { parentId = top });
        var bottom = await CreateOrganisationAsync(client, "Ortsverein " + Token(), new { parentId = middle });

        var self = await SendAsync(client, HttpMethod.Put, $"{ActorsUrl}/{top}", Organisation("Dachverband", new { parentId = top }));
        var direct = await SendAsync(client, HttpMethod.Put, $"{ActorsUrl}/{top}", Organisation("Dachverband", new { parentId = middle }));
        var indirect = await SendAsync(client, HttpMethod.Put, $"{ActorsUrl}/{top}", Organisation("Dachverband", new { parentId = bottom }));

        await HttpAssert.ProblemAsync(self, HttpStatusCode.BadRequest, "parentId");
        await HttpAssert.ProblemAsync(direct, HttpStatusCode.BadRequest, "parentId");
        await HttpAssert.ProblemAsync(indirect, HttpStatusCode.BadRequest, "parentId");
        var (current, etag) = await GetWithETagAsync(client, $"{ActorsUrl}/{top}");
        Assert.Equal(JsonValueKind.Null, current.GetProperty("parentId").ValueKind);
        Assert.Equal("\"1\"", etag);
        // Moving a branch elsewhere (no loop) is fine.
        var other = await CreateOrganisationAsync(client, "Anderer Verband " + Token());
        await HttpAssert.OkAsync<JsonElement>(await SendAsync(client, HttpMethod.Put, $"{ActorsUrl}/{middle}", Organisation("Kreisverband", new { parentId = other })));
    }

    [Fact]
    public async Task Organisation_with_members_cannot_become_a_person()
    {
        var client = await factory.AdminAsync();
        var organisation = await CreateOrganisationAsync(client, "Schule am See " + Token(), new { type = "school", sector = "public" });
        await CreateActorAsync(client, Person("Herr Lehmann", organisation));

        var response = await SendAsync(client, HttpMethod.Put, $"{ActorsUrl}/{organisation}", Person("Schule am See", null));

        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "kind");
        Assert.Equal("organisation", (await GetWithETagAsync(client, $"{ActorsUrl}/{organisation}")).Body.GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("name", "\"\"")]
    [InlineData("email", "\"kein-at-zeichen\"")]
    [InlineData("type", "\"unbekannt\"")]
    [InlineData("spaceIds", "[\"0190a000-0000-7000-8000-000000000000\"]")]
    [InlineData("sector", "\"x\"")]
    [InlineData("notes", "1")]
    public async Task Rejected_update_changes_nothing(string field, string json)
    {
        var client = await factory.AdminAsync();
        var id = await CreateOrganisationAsync(client, "Unverändert " + Token(), new { tags = new[] { "bleibt" } });
        var (before, _) = await GetWithETagAsync(client, $"{ActorsUrl}/{id}");
        var body = Organisation("Geändert", new { tags = new[] { "neu" } });
        body[field] = JsonNode.Parse(json);

        var response = await SendAsync(client, HttpMethod.Put, $"{ActorsUrl}/{id}", body, "\"1\"");

        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, field);
        var (after, etag) = await GetWithETagAsync(client, $"{ActorsUrl}/{id}");
        Assert.Equal("\"1\"", etag);
        Assert.Equal(before.GetRawText(), after.GetRawText());
    }

    [Fact]
    public async Task Viewer_may_not_update()
    {
        var admin = await factory.AdminAsync();
        var id = await CreateOrganisationAsync(admin, "Geschützt " + Token());
        var viewer = await factory.AsAsync("viewer");

        var response = await SendAsync(viewer, HttpMethod.Put, $"{ActorsUrl}/{id}", Organisation("Übernommen"), "\"1\"");

        await HttpAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("\"1\"", (await GetWithETagAsync(admin, $"{ActorsUrl}/{id}")).ETag);
    }
}
