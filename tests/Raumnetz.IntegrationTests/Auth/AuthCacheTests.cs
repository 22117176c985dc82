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
/// changed in the database, and reads the database's auth revision at most once a second (AuthRevision.RecheckEvery, on the
/// clock the API runs on): a read then costs its own query only, not a look-up of the caller or of the revision as well.
/// </summary>
public sealed class AuthCacheTests(SessionClockFactory factory) : IClassFixture<SessionClockFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_read_with_a_session_or_an_API_key_looks_neither_the_caller_nor_the_revision_up_on_every_request()
    {
        var admin = await factory.AdminAsync();
        var created = await admin.PostAsJsonAsync(ActorApi.ActorsUrl, ActorApi.Organisation("Zwischenspeicher " + ActorApi.Token()), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = $"{ActorApi.ActorsUrl}/{(await HttpAssert.OkAsync<System.Text.Json.JsonElement>(created, HttpStatusCode.Created)).Id()}";
        var session = await factory.SignedInAsAsync("viewer");
        var (key, _) = await factory.ApiKeyClientAsync("viewer");

        foreach (var client in new[] { session, key })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url, Ct)).StatusCode); // the first request reads the caller
            // The actor's read only (before the cache the caller's look-up added one, and the revision check one more).
            for (var i = 0; i < 3; i++)
                Assert.Equal(1, await DatabaseReadsAsync(client, url));
            // Once the second is over, the next request reads the revision again (unchanged: the caller stays cached).
            factory.Clock.Advance(Raumnetz.Infrastructure.Security.AuthRevision.RecheckEvery);
            Assert.Equal(2, await DatabaseReadsAsync(client, url));
            Assert.Equal(1, await DatabaseReadsAsync(client, url));
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

/// <summary>
/// Two API instances on one database, on one clock the test moves: a key revoked through one instance is refused there at its
/// next request, on the other at once for a request that may write, and for reads once the revision's second
/// (AuthRevision.RecheckEvery) is over.
/// </summary>
public sealed class ApiKeyAcrossInstancesTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TestClock clock = new(DateTimeOffset.UtcNow);
    private readonly ApiFactory first;
    private readonly ApiFactory second;

    public ApiKeyAcrossInstancesTests()
    {
        first = ApiFactory.For(TestDatabase.Create(TestDatabase.CurrentProvider), clock);
        second = ApiFactory.For(first.Database.Shared(), clock);
    }

    [Fact]
    public async Task A_key_revoked_on_one_instance_is_refused_there_at_once_and_on_the_other_after_the_revision_window()
    {
        var (onFirst, keyId) = await first.ApiKeyClientAsync("viewer");
        var key = onFirst.DefaultRequestHeaders.GetValues("X-Api-Key").Single();
        var admin = await second.AdminAsync();
        using var onSecond = second.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        onSecond.DefaultRequestHeaders.Add("X-Api-Key", key);
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync("/api/v1/spaces", Ct)).StatusCode);
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/api/v1/spaces", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/api-keys/{keyId}", Ct)).StatusCode);

        // The instance that revoked it: at once, on the same clock second its revision was read in.
        await HttpAssert.ProblemAsync(await onSecond.GetAsync("/api/v1/spaces", Ct), HttpStatusCode.Unauthorized);
        // A request that may write reads the revision first on every instance: refused at once (a viewer key would get 403).
        var write = await onFirst.PostAsJsonAsync("/api/v1/spaces",
            new { code = "REVOKED-1", name = "Widerrufen", level = "district" }, Ct);
        await HttpAssert.ProblemAsync(write, HttpStatusCode.Unauthorized);
        clock.Advance(Raumnetz.Infrastructure.Security.AuthRevision.RecheckEvery);
        await HttpAssert.ProblemAsync(await onFirst.GetAsync("/api/v1/spaces", Ct), HttpStatusCode.Unauthorized);
        await HttpAssert.ProblemAsync(await onSecond.GetAsync("/api/v1/spaces", Ct), HttpStatusCode.Unauthorized);
    }

    public void Dispose()
    {
        second.Dispose();
        first.Dispose();
    }
}
