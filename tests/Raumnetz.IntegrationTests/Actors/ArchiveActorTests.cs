using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Actors.ActorApi;

namespace Raumnetz.IntegrationTests.Actors;

public sealed class ArchiveActorTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Archived_actor_is_hidden_from_the_list_unless_asked_for_and_restore_brings_it_back()
    {
        var client = await factory.AdminAsync();
        var token = Token();
        var id = await CreateOrganisationAsync(client, $"{token} Archivverein");
        await CreateOrganisationAsync(client, $"{token} Aktiv");

        var archive = await SendAsync(client, HttpMethod.Post, $"{ActorsUrl}/{id}/archive", ifMatch: "\"1\"");

        var archived = await HttpAssert.OkAsync<JsonElement>(archive);
        Assert.Equal("\"2\"", archive.Headers.ETag?.Tag);
        Assert.NotEqual(JsonValueKind.Null, archived.GetProperty("archivedAt").ValueKind);
        Assert.Single(await AllPagesAsync(client, $"{ActorsUrl}?q={token}"));
        Assert.Equal(2, (await AllPagesAsync(client, $"{ActorsUrl}?q={token}&includeArchived=true")).Count);
        Assert.Single(await AllPagesAsync(client, $"{ActorsUrl}?q={token}&includeArchived=false"));
        Assert.NotEqual(JsonValueKind.Null, (await GetWithETagAsync(client, $"{ActorsUrl}/{id}")).Body.GetProperty("archivedAt").ValueKind);

        var restore = await SendAsync(client, HttpMethod.Post, $"{ActorsUrl}/{id}/restore", ifMatch: "\"2\"");

        var restored = await HttpAssert.OkAsync<JsonElement>(restore);
        Assert.Equal(JsonValueKind.Null, restored.GetProperty("archivedAt").ValueKind);
        Assert.Equal(3, restored.GetProperty("version").GetInt64());
        Assert.Equal(2, (await AllPagesAsync(client, $"{ActorsUrl}?q={token}")).Count);
    }

    [Fact]
    public async Task Archive_with_stale_etag_is_412_and_leaves_the_actor_active()
    {
        var client = await factory.AdminAsync();
        var id = await CreateOrganisationAsync(client, "Aktiv " + Token());
        await HttpAssert.OkAsync<JsonElement>(await SendAsync(client, HttpMethod.Put, $"{ActorsUrl}/{id}", Organisation("Aktiv geändert")));

        await HttpAssert.ProblemAsync(await SendAsync(client, HttpMethod.Post, $"{ActorsUrl}/{id}/archive", ifMatch: "\"1\""),
            HttpStatusCode.PreconditionFailed);

        var (actor, etag) = await GetWithETagAsync(client, $"{ActorsUrl}/{id}");
        Assert.Equal(JsonValueKind.Null, actor.GetProperty("archivedAt").ValueKind);
        Assert.Equal("\"2\"", etag);
    }

    [Fact]
    public async Task Archiving_twice_changes_nothing_the_second_time()
    {
        var client = await factory.AdminAsync();
        var id = await CreateOrganisationAsync(client, "Doppelt " + Token());
        var first = await HttpAssert.OkAsync<JsonElement>(await SendAsync(client, HttpMethod.Post, $"{ActorsUrl}/{id}/archive"));

        var second = await HttpAssert.OkAsync<JsonElement>(await SendAsync(client, HttpMethod.Post, $"{ActorsUrl}/{id}/archive"));

        Assert.Equal(first.GetProperty("version").GetInt64(), second.GetProperty("version").GetInt64());
        Assert.Equal(first.GetProperty("archivedAt").GetDateTimeOffset(), second.GetProperty("archivedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Archived_actor_can_still_be_edited_and_related()
    {
        var client = await factory.AdminAsync();
        var id = await CreateOrganisationAsync(client, "Ruhend " + Token());
        var partner = await CreateOrganisationAsync(client, "Partner " + Token());
        await HttpAssert.OkAsync<JsonElement>(await SendAsync(client, HttpMethod.Post, $"{ActorsUrl}/{id}/archive"));

        var updated = await HttpAssert.OkAsync<JsonElement>(
            await SendAsync(client, HttpMethod.Put, $"{ActorsUrl}/{id}", Organisation("Ruhend, umbenannt")));
        await CreateRelationAsync(client, partner, id);

        Assert.NotEqual(JsonValueKind.Null, updated.GetProperty("archivedAt").ValueKind);
        Assert.Equal(1, await CountRelationsAsync(client, id));
    }

    [Fact]
    public async Task Unknown_actor_is_404_and_invalid_id_is_400()
    {
        var client = await factory.AdminAsync();
        await HttpAssert.ProblemAsync(await SendAsync(client, HttpMethod.Post, $"{ActorsUrl}/{Guid.NewGuid()}/archive"),
            HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await SendAsync(client, HttpMethod.Post, $"{ActorsUrl}/{Guid.NewGuid()}/restore"),
            HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await SendAsync(client, HttpMethod.Post, $"{ActorsUrl}/xyz/archive"), HttpStatusCode.BadRequest,
            "id");
    }

    [Fact]
    public async Task Viewer_may_not_archive()
    {
        var admin = await factory.AdminAsync();
        var id = await CreateOrganisationAsync(admin, "Bleibt aktiv " + Token());
        var viewer = await factory.AsAsync("viewer");

        await HttpAssert.ProblemAsync(await SendAsync(viewer, HttpMethod.Post, $"{ActorsUrl}/{id}/archive"), HttpStatusCode.Forbidden);

        var (actor, etag) = await GetWithETagAsync(admin, $"{ActorsUrl}/{id}");
        Assert.Equal(JsonValueKind.Null, actor.GetProperty("archivedAt").ValueKind);
        Assert.Equal("\"1\"", etag);
    }
}
