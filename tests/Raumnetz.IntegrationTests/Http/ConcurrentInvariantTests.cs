using System.Net;
using System.Net.Http.Json;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Http;

/// <summary>
/// Rules that hold across rows (no overlapping memberships of an actor in one role of a network, no duplicate relation)
/// hold when requests race: the check and the insert run under a lock on the parent row, so of ten parallel requests
/// exactly one writes and the others get 409 naming the field. The race shows on PostgreSQL; on SQLite writers queue.
/// </summary>
public sealed class ConcurrentInvariantTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const int Parallel = 10;
    private const int Trials = 3;

    [Fact]
    public async Task Ten_parallel_overlapping_memberships_store_exactly_one()
    {
        var client = await factory.SignedInAsync();
        for (var trial = 0; trial < Trials; trial++)
        {
            var network = await client.NetworkAsync($"Netzwerk Wettlauf {trial}", "workingGroup");
            var actor = await factory.ActorAsync($"Akteur Wettlauf {trial}");
            // Different start days, so the unique index on (network, actor, role, validFrom) does not catch them: only the overlap rule does.
            var responses = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i => client.PostAsJsonAsync(
                $"/api/v1/networks/{network.Id()}/members", new { actorId = actor, role = "member", validFrom = $"2020-01-{i + 1:00}" })));

            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
            foreach (var r in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
                await HttpAssert.ProblemAsync(r, HttpStatusCode.Conflict, "validFrom");
            var members = (await client.GetJsonAsync($"/api/v1/networks/{network.Id()}/members?limit=500")).Items();
            Assert.Single(members);
        }
    }

    [Fact]
    public async Task Ten_parallel_identical_relations_store_exactly_one()
    {
        var client = await factory.SignedInAsync();
        for (var trial = 0; trial < Trials; trial++)
        {
            var source = await factory.ActorAsync($"Quelle {trial}");
            var target = await factory.ActorAsync($"Ziel {trial}");
            var responses = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => client.PostAsJsonAsync(ActorApi.RelationsUrl,
                new { sourceActorId = source, targetActorId = target, type = "cooperationAgreement", isContractual = false, validFrom = "2020-01-01" })));

            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
            foreach (var r in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
                await HttpAssert.ProblemAsync(r, HttpStatusCode.Conflict, "validFrom");
            Assert.Equal(1, await ActorApi.CountRelationsAsync(client, source));
        }
    }
}
