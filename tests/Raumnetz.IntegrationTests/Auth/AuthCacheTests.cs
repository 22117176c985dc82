using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Raumnetz.Infrastructure.Data;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Auth;

/// <summary>
/// Authentication keeps the sessions and API keys it has read (Infrastructure/Security/AuthCache.cs) while nothing it reads has
/// changed in the database: a read then costs its own query only, not a look-up of the caller as well.
/// </summary>
public sealed class AuthCacheTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_read_with_a_session_or_an_API_key_does_not_look_the_caller_up_in_the_database_on_every_request()
    {
        var admin = await factory.AdminAsync();
        var created = await admin.PostAsJsonAsync(ActorApi.ActorsUrl, ActorApi.Organisation("Zwischenspeicher " + ActorApi.Token()), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = $"{ActorApi.ActorsUrl}/{(await HttpAssert.OkAsync<System.Text.Json.JsonElement>(created, HttpStatusCode.Created)).Id()}";
        var session = await factory.SignedInAsAsync("viewer");
        var (key, _) = await factory.ApiKeyClientAsync("viewer");
        // The actor's read is one read on every provider; the revision check adds one on the server databases (on SQLite it
        // runs on a connection of its own, outside the read path). Before the cache the caller's look-up added one everywhere.
        var expected = 1 + (factory.Database.Provider == "Sqlite" ? 0 : 1);

        foreach (var client in new[] { session, key })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url, Ct)).StatusCode); // the first request reads the caller
            for (var i = 0; i < 3; i++)
                Assert.Equal(expected, await DatabaseReadsAsync(client, url));
        }
    }

    /// <summary>The database reads (Infrastructure/Data/DatabaseActivity "db read") one GET makes, told apart by its trace id.</summary>
    private static async Task<int> DatabaseReadsAsync(HttpClient client, string url)
    {
        var trace = ActivityTraceId.CreateRandom();
        var reads = new ConcurrentBag<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is DatabaseActivity.SourceName or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == trace && activity.OperationName == "db read") reads.Add(activity.OperationName);
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return reads.Count;
    }
}

/// <summary>Two API instances on one database: a key one instance has in its cache is refused there once the other revokes it.</summary>
public sealed class ApiKeyAcrossInstancesTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly ApiFactory first = new();
    private readonly ApiFactory second;

    public ApiKeyAcrossInstancesTests() => second = ApiFactory.For(first.Database.Shared());

    [Fact]
    public async Task A_key_revoked_on_one_instance_is_refused_on_the_other_at_its_next_request()
    {
        var (onFirst, keyId) = await first.ApiKeyClientAsync("viewer");
        var key = onFirst.DefaultRequestHeaders.GetValues("X-Api-Key").Single();
        using var onSecond = second.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        onSecond.DefaultRequestHeaders.Add("X-Api-Key", key);
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync("/api/v1/spaces", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/api/v1/spaces", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await (await second.AdminAsync()).DeleteAsync($"/api/v1/api-keys/{keyId}", Ct)).StatusCode);

        await HttpAssert.ProblemAsync(await onFirst.GetAsync("/api/v1/spaces", Ct), HttpStatusCode.Unauthorized);
        await HttpAssert.ProblemAsync(await onSecond.GetAsync("/api/v1/spaces", Ct), HttpStatusCode.Unauthorized);
    }

    public void Dispose()
    {
        second.Dispose();
        first.Dispose();
    }
}
