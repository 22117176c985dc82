using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.SyncExample;
using static Raumnetz.IntegrationTests.Actors.ActorApi;
using static Raumnetz.IntegrationTests.Indicators.IndicatorApi;

namespace Raumnetz.IntegrationTests.Changes;

/// <summary>
/// The guide's example client (tests/Raumnetz.SyncExample) mirrors actors and observations through the feed with a viewer
/// API key; after a series of changes its copy equals what the API lists.
/// </summary>
public sealed class FeedMirrorTests(ApiFactory factory) : IClassFixture<ApiFactory>, IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string file = Path.Combine(Path.GetTempPath(), $"raumnetz-mirror-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(file);
    }

    private async Task<FeedMirror> MirrorAsync()
    {
        var (client, _) = await factory.ApiKeyClientAsync("viewer");
        return new FeedMirror(client, $"Data Source={file}");
    }

    /// <summary>Asserts that the copy holds exactly what the API lists, each entity as the API serves it now.</summary>
    private async Task AssertCopyEqualsApiAsync(FeedMirror mirror)
    {
        var admin = await factory.AdminAsync();
        foreach (var (type, list) in new[] { ("actor", $"{ActorsUrl}?includeArchived=true"), ("observation", ObservationsUrl + "?") })
        {
            var expected = (await AllPagesAsync(admin, list)).ToDictionary(e => e.Str("id"), e => e.GetRawText());
            var copy = (await mirror.ReadCopyAsync(type, Ct)).ToDictionary(e => e.Key, e => e.Value.GetRawText());
            Assert.Equal(expected.Keys.Order(), copy.Keys.Order());
            foreach (var (id, json) in expected) Assert.Equal(json, copy[id]);
        }
    }

    [Fact]
    public async Task The_example_client_copies_then_follows_creates_updates_deletes_and_imports()
    {
        var admin = await factory.AdminAsync();
        var t = Token();
        var stays = await CreateOrganisationAsync(admin, $"Jugendamt {t}");
        var renamed = await CreateOrganisationAsync(admin, $"Jobcenter {t}");
        var indicator = (await CreateIndicatorAsync(admin, Count(t))).Id();
        var (prefix, _, north, south) = await CityAsync(admin);
        var removed = (await PutObservationOkAsync(admin, new { indicatorId = indicator, spaceId = north, period = "2023",
            value = 4 })).Id();
        await PutObservationOkAsync(admin, new { indicatorId = indicator, spaceId = south, period = "2023", value = 5 });

        var mirror = await MirrorAsync();
        var first = await mirror.SyncAsync(Ct);
        Assert.True(first.FirstCopy);
        Assert.Equal(4, first.Fetched);
        await AssertCopyEqualsApiAsync(mirror);
        Assert.Equal(0, (await mirror.SyncAsync(Ct)).Changes); // nothing happened: nothing to do

        var added = await CreateOrganisationAsync(admin, $"Schulamt {t}");
        await HttpAssert.OkAsync<JsonElement>(await admin.PutIfMatchAsync($"{ActorsUrl}/{renamed}", Organisation($"Jobcenter Nord {t}"),
            "\"1\""));
        await HttpAssert.OkAsync<JsonElement>(await admin.SendJsonAsync(HttpMethod.Post, $"{ActorsUrl}/{stays}/archive", null,
            ("If-Match", "\"1\"")));
        var erased = (await CreateActorAsync(admin, Person($"Erika Muster {t}", renamed))).Id();
        await HttpAssert.OkAsync<JsonElement>(await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/privacy/actors/{erased}/erase", null,
            ("If-Match", "\"1\"")));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteIfMatchAsync($"{ObservationsUrl}/{removed}")).StatusCode);
        await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(admin, $"""
            indicator,space,period,value
            {t},{prefix}-north,2024,7
            {t},{prefix}-south,2024,8
            {t},{prefix}-south,2023,6
            """));

        var second = await mirror.SyncAsync(Ct);
        Assert.False(second.FirstCopy);
        // create, update, archive, create + erase, a tombstone, and the import's two new values and one changed value
        Assert.Equal((9, 7, 1), (second.Changes, second.Fetched, second.Deleted));
        await AssertCopyEqualsApiAsync(mirror);
        var actors = await mirror.ReadCopyAsync("actor", Ct);
        Assert.Equal($"Jobcenter Nord {t}", actors[renamed.ToString()].Str("name"));
        Assert.True(actors.ContainsKey(added.ToString()));
        Assert.DoesNotContain(removed.ToString(), (await mirror.ReadCopyAsync("observation", Ct)).Keys);

        // A restarted client (a new instance over the same file) continues where the last one stopped.
        var restarted = await MirrorAsync();
        Assert.Equal(0, (await restarted.SyncAsync(Ct)).Changes);
        await HttpAssert.OkAsync<JsonElement>(await admin.PutIfMatchAsync($"{ActorsUrl}/{added}",
            Organisation($"Schulverwaltungsamt {t}"), "\"1\""));
        Assert.Equal(1, (await restarted.SyncAsync(Ct)).Fetched);
        await AssertCopyEqualsApiAsync(restarted);
    }
}
