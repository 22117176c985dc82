using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Deployment;

/// <summary>A PostgreSQL cluster of this class's own, so its tests can stop and start it without disturbing anyone.</summary>
public sealed class OwnPostgresCluster : IAsyncLifetime
{
    public PostgresCluster Cluster { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Cluster = await PostgresCluster.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (Cluster is not null) await Cluster.DisposeAsync();
    }
}

/// <summary>
/// The database goes away and comes back while a real API process serves requests: the API answers 503 problem+json
/// meanwhile (never 500, never a refused connection), reports not-ready, recovers without a restart, and every
/// transaction is either wholly there or not at all.
/// </summary>
[Trait("Category", "PostgreSql")]
public sealed class DatabaseOutageTests(OwnPostgresCluster own) : IClassFixture<OwnPostgresCluster>
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(4);
    private PostgresCluster Cluster => own.Cluster;

    [Fact]
    public async Task The_API_starts_while_the_database_is_away_answers_503_and_becomes_ready_when_it_returns()
    {
        var cs = await Cluster.CreateDatabaseAsync();
        ApiProcess? api = null;
        try
        {
            await Cluster.StopAsync();
            api = ApiProcess.Start(cs);
            using var anonymous = api.Anonymous();
            await WaitListeningAsync(api, anonymous);

            var ready = await anonymous.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains("Unhealthy", await ready.Content.ReadAsStringAsync());
            var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login",
                new { email = ApiFactory.AdminEmail, password = ApiFactory.AdminPassword });
            await HttpAssert.ProblemAsync(login, HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(login.Headers.RetryAfter);
            Assert.False(api.HasExited, api.Output);

            await Cluster.StartAgainAsync();
            var watch = Stopwatch.StartNew();
            await api.WaitReadyAsync(TimeSpan.FromSeconds(45));
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"ready {watch.ElapsedMilliseconds} ms after the database came back (initialisation retries with back-off)");
            using var client = await api.SignedInAsync();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/spaces")).StatusCode);
        }
        finally
        {
            if (!Cluster.IsRunning) await Cluster.StartAgainAsync();
            if (api is not null) await api.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_database_stops_during_a_request_stream_the_API_answers_503_recovers_without_restart_and_nothing_is_half_written()
    {
        var cs = await Cluster.CreateDatabaseAsync();
        await using var api = ApiProcess.Start(cs);
        await api.WaitReadyAsync(TimeSpan.FromSeconds(60));
        var pid = api.ProcessId;
        using var client = await api.SignedInAsync();
        using var probe = api.Anonymous();
        var origin = await HttpAssert.OkAsync<JsonElement>(
            await client.PostAsJsonAsync("/api/v1/spaces", new { code = "OUT-ORIGIN", name = "Ursprung", level = "municipality" }),
                HttpStatusCode.Created);
        var originId = origin.GetProperty("id").GetGuid();

        var clock = Stopwatch.StartNew();
        var outcomes = new ConcurrentQueue<Outcome>();
        var problems = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 3).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var code = $"OUT-{w}-{i}";
                await SendAsync("create", code, () => client.PostAsJsonAsync("/api/v1/spaces",
                    new { code, name = $"Ausfall {w}-{i}", level = "district", predecessorIds = new[] { originId } }));
                await SendAsync("read", null, () => client.GetAsync($"/api/v1/spaces/{originId}"));
                await SendAsync("list", null, () => client.GetAsync("/api/v1/spaces?q=OUT-&limit=5"));
                await Task.Delay(10);
            }
        })).ToList();

        async Task SendAsync(string kind, string? code, Func<Task<HttpResponseMessage>> send)
        {
            var started = clock.Elapsed;
            try
            {
                using var response = await send();
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                Guid? id = status == 201 ? JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid() : null;
                outcomes.Enqueue(new Outcome(kind, code, status, id, started, clock.Elapsed));
                if (status is 503)
                {
                    if (response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                        || !body.Contains("\"status\":503", StringComparison.Ordinal))
                        problems.Enqueue($"{kind} 503 without problem+json: {body}");
                    if (response.Headers.RetryAfter is null) problems.Enqueue($"{kind} 503 without Retry-After");
                }
                else if (status is not (200 or 201)) problems.Enqueue(
                    $"{kind} {code} at {started.TotalMilliseconds:0} ms: {status} {body}");
            }
            catch (Exception e)
            {
                outcomes.Enqueue(new Outcome(kind, code, 0, null, started, clock.Elapsed));
                problems.Enqueue($"{kind} {code} at {started.TotalMilliseconds:0} ms: {e.GetType().Name} {e.Message}");
            }
        }

        TimeSpan stopping = default, down = default, restarting = default, up = default, firstCreateAfter = default, recovered = default;
        TimeSpan? readyAgain = null;
        var health = new List<(TimeSpan At, int Status, string Body)>();
        try
        {
            // Healthy traffic first.
            await WaitUntilAsync(() => outcomes.Count(o => o.Status == 201) >= 10, TimeSpan.FromSeconds(20),
                () => "no creates before the outage: " + string.Join('\n', problems.Take(10)) + "\n--- API output ---\n" + api.Output);

            stopping = clock.Elapsed;
            await Cluster.StopAsync();
            down = clock.Elapsed;
            while (clock.Elapsed - stopping < Outage)
            {
                using var ready = await probe.GetAsync("/health/ready");
                health.Add((clock.Elapsed, (int)ready.StatusCode, await ready.Content.ReadAsStringAsync()));
                await Task.Delay(250);
            }
            restarting = clock.Elapsed;
            await Cluster.StartAgainAsync();
            up = clock.Elapsed;

            await WaitUntilAsync(() => outcomes.Any(o => o.Kind == "create" && o.Status == 201 && o.Started > up), TimeSpan.FromSeconds(20),
                () => "no create succeeded after the database came back: " + string.Join('\n', problems.TakeLast(10))
                    + "\n--- API output ---\n" + api.Output);
            firstCreateAfter = outcomes.Where(o => o.Kind == "create" && o.Status == 201 && o.Started > restarting).Min(o => o.Ended);
            while (readyAgain is null && clock.Elapsed - up < TimeSpan.FromSeconds(20))
            {
                using var ready = await probe.GetAsync("/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK) readyAgain = clock.Elapsed;
                else await Task.Delay(100);
            }
            recovered = clock.Elapsed;
            await Task.Delay(1500); // and it stays healthy
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(workers); // they record failures instead of throwing
            if (!Cluster.IsRunning) await Cluster.StartAgainAsync();
        }

        // Never a 500, never a refused connection; 503s are problem+json with Retry-After.
        Assert.True(problems.IsEmpty, string.Join('\n', problems.Take(20)) + "\n--- API output ---\n" + api.Output);
        Assert.False(api.HasExited);
        Assert.Equal(pid, api.ProcessId);

        var all = outcomes.ToList();
        var during = all.Where(o => o.Started > down && o.Ended < restarting).ToList();
        Assert.NotEmpty(during);
        Assert.All(during, o => Assert.Equal(503, o.Status));
        Assert.Contains(health, h => h.Status == 503 && h.Body.Contains("Unhealthy", StringComparison.Ordinal));
        Assert.NotNull(readyAgain);
        var afterRecovery = all.Where(o => o.Started > recovered).ToList();
        Assert.NotEmpty(afterRecovery);
        Assert.All(afterRecovery, o => Assert.True(o.Status is 200 or 201, $"{o.Kind} {o.Code} answered {o.Status} after recovery"));

        // Nothing half-written: every 201 exists, and every space the loop created has its predecessor link.
        var created = all.Where(o => o.Status == 201).Select(o => o.Id!.Value).ToArray();
        Assert.Equal((long)created.Length,
            await ApiProcess.ScalarAsync<long>(cs, "SELECT COUNT(*) FROM spaces WHERE id = ANY(@created)", new { created }));
        var loopRows = await ApiProcess.ScalarAsync<long>(cs,
            "SELECT COUNT(*) FROM spaces WHERE code LIKE 'OUT-%' AND code <> 'OUT-ORIGIN'");
        var withoutLink = await ApiProcess.ScalarAsync<long>(cs, """
            SELECT COUNT(*) FROM spaces s
            WHERE s.code LIKE 'OUT-%' AND s.code <> 'OUT-ORIGIN'
              AND ((SELECT COUNT(*) FROM space_predecessors p WHERE p.space_id = s.id) <> 1
                   OR NOT EXISTS (SELECT 1 FROM space_predecessors p WHERE p.space_id = s.id AND p.predecessor_id = @originId))
            """, new { originId });
        var orphanLinks = await ApiProcess.ScalarAsync<long>(cs,
            "SELECT COUNT(*) FROM space_predecessors p WHERE NOT EXISTS (SELECT 1 FROM spaces s WHERE s.id = p.space_id)");
        Assert.Equal(0L, withoutLink);
        Assert.Equal(0L, orphanLinks);
        // A create answered 503 may still have committed (the connection broke after COMMIT was sent); if so it is whole.
        var committedDespite503 = loopRows - created.Length;
        Assert.InRange(committedDespite503, 0, all.Count(o => o.Kind == "create" && o.Status == 503));

        var log = TestContext.Current.TestOutputHelper;
        log?.WriteLine(
            $"requests: {all.Count} ({all.Count(o => o.Status is 200 or 201)} ok, {all.Count(o => o.Status == 503)} × 503, " +
            $"{all.Count(o => o.Status is not (200 or 201 or 503))} other)");
        log?.WriteLine(
            $"outage {(restarting - stopping).TotalMilliseconds:0} ms (pg_ctl stop took {(down - stopping).TotalMilliseconds:0} ms, " +
            $"start {(up - restarting).TotalMilliseconds:0} ms); 503s by kind: " +
            $"{string.Join(", ", all.Where(o => o.Status == 503).GroupBy(o => o.Kind).Select(g => $"{g.Key} {g.Count()}"))}");
        log?.WriteLine($"503s for requests started after pg_ctl start returned: {all.Count(o => o.Status == 503 && o.Started > up)}");
        log?.WriteLine(
            $"after pg_ctl start was issued: first 201 at {(firstCreateAfter - restarting).TotalMilliseconds:0} ms, /health/ready 200 at " +
            $"{(readyAgain!.Value - restarting).TotalMilliseconds:0} ms");
        log?.WriteLine($"health during outage: {string.Join(" ", health.Select(h => h.Status))}");
        var reasons = api.Output.Split('\n').Where(l => l.Contains("Database unavailable for", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(": ", l.IndexOf("Database unavailable for", StringComparison.Ordinal), StringComparison.Ordinal)
                        + 2)..])
            .Select(r => r.Length > 110 ? r[..110] : r).GroupBy(r => r).Select(g => $"{g.Count()} × {g.Key}");
        log?.WriteLine($"503 causes logged by the API:\n  {string.Join("\n  ", reasons)}");
        log?.WriteLine(
            $"spaces created by the loop: {loopRows} ({created.Length} answered 201, {committedDespite503} committed although answered " +
            $"503); without link: {withoutLink}");
    }

    [Fact]
    public async Task Sessions_ended_by_the_server_are_replaced_without_a_failed_request()
    {
        // What a failover or pg_terminate_backend does: every pooled connection is dead, the server itself is up.
        var cs = await Cluster.CreateDatabaseAsync();
        var database = new Npgsql.NpgsqlConnectionStringBuilder(cs).Database;
        await using var api = ApiProcess.Start(cs);
        await api.WaitReadyAsync(TimeSpan.FromSeconds(60));
        using var session = await api.SignedInAsync();
        var key = await HttpAssert.OkAsync<JsonElement>(
            await session.PostAsJsonAsync("/api/v1/api-keys", new { name = "Partner", role = "editor" }), HttpStatusCode.Created);
        using var partner = api.Anonymous();
        partner.DefaultRequestHeaders.Add("X-Api-Key", key.GetProperty("key").GetString());
        var origin = await HttpAssert.OkAsync<JsonElement>(
            await session.PostAsJsonAsync("/api/v1/spaces", new { code = "KILL-ORIGIN", name = "Ursprung", level = "municipality" }),
                HttpStatusCode.Created);
        var originId = origin.GetProperty("id").GetGuid();

        var log = TestContext.Current.TestOutputHelper;
        foreach (var (name, client) in new[] { ("session", session), ("api key", partner) })
        {
            await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetAsync($"/api/v1/spaces/{originId}"))); // fill the pool
            var killed = await ApiProcess.ScalarAsync<long>(Cluster.ServerConnectionString,
                "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @database AND pid <> pg_backend_pid()",
                    new { database });
            Assert.True(killed > 1, $"only {killed} sessions to end");
            for (var i = 0; i < 10; i++)
            {
                var response = i % 2 == 0
                    ? await client.PostAsJsonAsync("/api/v1/spaces",
                        new { code = $"KILL-{name.Replace(' ', '-')}-{i}", name = "Neu", level = "district",
                            predecessorIds = new[] { originId } })
                    : await client.GetAsync($"/api/v1/spaces/{originId}");
                Assert.True(response.IsSuccessStatusCode,
                    $"{name} request {i} after {killed} sessions were ended: {(int)response.StatusCode} " +
                    $"{await response.Content.ReadAsStringAsync()}\n{api.Output}");
            }
            log?.WriteLine($"{name}: {killed} server sessions ended; the next 10 requests (5 creates, 5 reads) all succeeded");
        }
        var retries = api.Output.Split('\n').Count(l => l.Contains("failed transiently", StringComparison.Ordinal));
        log?.WriteLine($"read retries logged by the API: {retries}");
        Assert.Equal(0L, await ApiProcess.ScalarAsync<long>(cs, """
            SELECT COUNT(*) FROM spaces s WHERE s.code LIKE 'KILL-%' AND s.code <> 'KILL-ORIGIN'
              AND NOT EXISTS (SELECT 1 FROM space_predecessors p WHERE p.space_id = s.id AND p.predecessor_id = @originId)
            """, new { originId }));
    }

    private sealed record Outcome(string Kind, string? Code, int Status, Guid? Id, TimeSpan Started, TimeSpan Ended);

    private static async Task WaitListeningAsync(ApiProcess api, HttpClient client)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(api.HasExited, $"The API exited while the database was away:\n{api.Output}");
            try
            {
                if ((await client.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) when (watch.Elapsed < TimeSpan.FromSeconds(30))
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> message)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout) Assert.Fail(message());
            await Task.Delay(50);
        }
    }
}
