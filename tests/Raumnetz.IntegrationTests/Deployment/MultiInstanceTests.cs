using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Deployment;

/// <summary>Two API processes on one fresh PostgreSQL database, started together (so they also race to migrate).</summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public ApiProcess[] Processes { get; private set; } = [];
    public HttpClient[] Clients { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        Database = ApiProcess.FreshPostgresDatabase();
        try
        {
            Processes = [ApiProcess.Start(Database.ConnectionString), ApiProcess.Start(Database.ConnectionString)];
            await Task.WhenAll(Processes.Select(p => p.WaitReadyAsync(TimeSpan.FromSeconds(60))));
            Clients = await Task.WhenAll(Processes.Select(p => p.SignedInAsync()));
        }
        catch
        {
            await DisposeAsync(); // no orphaned API processes when start-up fails
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in Clients) c.Dispose();
        foreach (var p in Processes) await p.DisposeAsync();
        Database?.Dispose();
        (Clients, Processes, Database) = ([], [], null!);
    }
}

/// <summary>
/// Optimistic concurrency and unique codes hold across instances: the database decides, not process memory.
/// Every client here is signed in through its own process; requests alternate between the two.
/// </summary>
[Trait("Category", "PostgreSql")]
public sealed class MultiInstanceTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    private const int Concurrent = 20;

    private HttpClient Via(int i) => instances.Clients[i % instances.Clients.Length];

    [Fact]
    public async Task Concurrent_updates_with_the_same_version_through_both_processes_give_one_200_and_412_for_the_rest()
    {
        var space = await CreateAsync(Via(0), $"MI-U-{Suffix()}", "Ausgangsname");

        var gate = new TaskCompletionSource();
        var puts = Enumerable.Range(0, Concurrent).Select(async i =>
        {
            await gate.Task;
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/spaces/{space.Id}")
            {
                Content = JsonContent.Create(new { code = space.Code, name = $"Name aus Anfrage {i}", level = "district" }),
            }.WithIfMatch("\"1\"");
            return (Index: i, Response: await Via(i).SendAsync(request));
        }).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(puts);

        var ok = results.Where(r => r.Response.StatusCode == HttpStatusCode.OK).ToList();
        Assert.True(ok.Count == 1,
            $"Expected exactly one 200, got {ok.Count}: {string.Join(", ", results.Select(r => (int)r.Response.StatusCode))}");
        foreach (var (_, response) in results.Where(r => r.Response.StatusCode != HttpStatusCode.OK))
            await HttpAssert.ProblemAsync(response, HttpStatusCode.PreconditionFailed);

        foreach (var client in instances.Clients)
        {
            var get = await client.GetAsync($"/api/v1/spaces/{space.Id}");
            var body = await HttpAssert.OkAsync<JsonElement>(get);
            Assert.Equal("\"2\"", get.Headers.ETag?.Tag);
            Assert.Equal(2, body.GetProperty("version").GetInt64());
            Assert.Equal($"Name aus Anfrage {ok[0].Index}", body.GetProperty("name").GetString());
        }
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Concurrent} concurrent PUTs with If-Match \"1\": 1 × 200, {Concurrent - 1} × 412");
    }

    [Fact]
    public async Task Read_modify_write_loops_through_both_processes_lose_no_update()
    {
        const int Workers = 6, IncrementsEach = 5;
        var space = await CreateAsync(Via(0), $"MI-L-{Suffix()}", "Zählraum");

        var gate = new TaskCompletionSource();
        var workers = Enumerable.Range(0, Workers).Select(async w =>
        {
            await gate.Task;
            var client = Via(w);
            int done = 0, stale = 0;
            while (done < IncrementsEach)
            {
                Assert.True(stale < 500, $"worker {w} made no progress");
                var get = await client.GetAsync($"/api/v1/spaces/{space.Id}");
                var current = await HttpAssert.OkAsync<JsonElement>(get);
                var population = current.GetProperty("population").ValueKind == JsonValueKind.Null ? 0 : current.GetProperty("population")
                    .GetInt32();
                var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/spaces/{space.Id}")
                {
                    Content = JsonContent.Create(
                        new { code = space.Code, name = "Zählraum", level = "district", population = population + 1 }),
                }.WithIfMatch(get.Headers.ETag!.Tag);
                var response = await client.SendAsync(put);
                if (response.StatusCode == HttpStatusCode.OK) done++;
                else
                {
                    await HttpAssert.ProblemAsync(response, HttpStatusCode.PreconditionFailed);
                    stale++;
                }
            }
            return stale;
        }).ToList();
        gate.SetResult();
        var stales = await Task.WhenAll(workers);

        var final = await HttpAssert.OkAsync<JsonElement>(await Via(1).GetAsync($"/api/v1/spaces/{space.Id}"));
        Assert.Equal(Workers * IncrementsEach, final.GetProperty("population").GetInt32());
        Assert.Equal(1 + Workers * IncrementsEach, final.GetProperty("version").GetInt64());
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Workers} workers × {IncrementsEach} increments over 2 processes: population {Workers * IncrementsEach}, {stales.Sum()} × " +
                $"412 retried");
    }

    [Fact]
    public async Task Concurrent_creates_with_the_same_code_through_both_processes_give_one_201_and_409s()
    {
        var code = $"MI-C-{Suffix()}";

        var gate = new TaskCompletionSource();
        var posts = Enumerable.Range(0, Concurrent).Select(async i =>
        {
            await gate.Task;
            return await Via(i).PostAsJsonAsync("/api/v1/spaces", new { code, name = $"Doppelt {i}", level = "district" });
        }).ToList();
        gate.SetResult();
        var responses = await Task.WhenAll(posts);

        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.True(created.Count == 1,
            $"Expected exactly one 201, got {created.Count}: {string.Join(", ", responses.Select(r => (int)r.StatusCode))}");
        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await HttpAssert.ProblemAsync(response, HttpStatusCode.Conflict, "code");
        Assert.Equal(1L,
            await ApiProcess.ScalarAsync<long>(instances.Database.ConnectionString, "SELECT COUNT(*) FROM spaces WHERE code = @code",
                new { code }));
        TestContext.Current.TestOutputHelper?.WriteLine($"{Concurrent} concurrent POSTs with code {code}: 1 × 201, {Concurrent - 1} × 409");
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..8];

    private static async Task<(Guid Id, string Code)> CreateAsync(HttpClient client, string code, string name)
    {
        var body = await HttpAssert.OkAsync<JsonElement>(
            await client.PostAsJsonAsync("/api/v1/spaces", new { code, name, level = "district" }), HttpStatusCode.Created);
        return (body.GetProperty("id").GetGuid(), code);
    }
}
