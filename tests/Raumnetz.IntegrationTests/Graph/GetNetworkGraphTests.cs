using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Graph;

/// <summary>
/// The map of a small social space, computed by hand. Nodes: networks N1 (Fokusgruppe) and N2 (Lenkrunde), actors
/// a1..a4. Edges (undirected for centrality): a1–N1, a2–N1, a2–N2, a3–N2 (memberships), a1–a3 (cooperation),
/// N1–N2 (N1 delegates to N2); a4 sits in the space without any tie.
/// Shortest paths through others: N1–a3 via N2 or a1 (½ each), N2–a1 via N1 or a3 (½ each), a1–a2 via N1, a2–a3 via N2.
/// Betweenness: N1 = ½ + 1 = 1.5, N2 = 1.5, a1 = ½, a3 = ½, a2 = a4 = 0; normalised by (6−1)(6−2)/2 = 10: 0.15, 0.15, 0.05, 0.05.
/// </summary>
public sealed class GetNetworkGraphTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private sealed record Map(Guid Space, Guid Q, Guid N1, Guid N2, Guid N3, Guid A1, Guid A2, Guid A3, Guid A4, Guid A5, Guid A6, Guid A7);

    private async Task<(HttpClient Client, Map M)> SeedAsync()
    {
        var client = await factory.SignedInAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var space = await client.SpaceAsync($"S-{suffix}", "Teltow", "municipality");
        var q = await client.SpaceAsync($"Q-{suffix}", "Teltow-Seehof", "district", space);
        var elsewhere = await client.SpaceAsync($"D-{suffix}", "Dortmund", "county");
        var n2 = (await client.NetworkAsync($"Lenkrunde {suffix}", "steeringGroup", new { spaceIds = new[] { space } })).Id();
        var n1 = (await client.NetworkAsync($"Fokusgruppe {suffix}", "focusGroup",
            new { spaceIds = new[] { q }, links = new[] { new { targetNetworkId = n2, type = "delegatesTo" } } })).Id();
        var n3 = (await client.NetworkAsync($"Beirat {suffix}", "advisoryBoard", new { spaceIds = new[] { elsewhere } })).Id();
        var a1 = await factory.ActorAsync($"a1 Schule {suffix}", typeCode: "school");
        var a2 = await factory.ActorAsync($"a2 Stadt {suffix}");
        var a3 = await factory.ActorAsync($"a3 Jugendamt {suffix}", typeCode: "youth-office");
        var a4 = await factory.ActorAsync($"a4 Kirchengemeinde {suffix}", "CivilSociety", "church", spaceId: q);
        var a5 = await factory.ActorAsync($"a5 Früher {suffix}", "CivilSociety", "association");
        var a6 = await factory.ActorAsync($"a6 Dortmund {suffix}", "PrivateEconomy", "business");
        var a7 = await factory.ActorAsync($"a7 Archiviert {suffix}", "CivilSociety", "association", spaceId: q,
            archivedAt: DateTimeOffset.UtcNow.AddDays(-1));
        await client.MemberAsync(n1, a1);
        await client.MemberAsync(n1, a2);
        await client.MemberAsync(n2, a2, "delegate", new { delegatedFromNetworkId = n1 });
        await client.MemberAsync(n2, a3);
        await client.MemberAsync(n1, a5, extra: new { validFrom = "2010-01-01", validTo = "2015-12-31" });
        await client.MemberAsync(n3, a6);
        await factory.RelationAsync(a1, a3, "CooperationAgreement", contractual: false);
        await factory.RelationAsync(a2, a3, "Funding", validFrom: new DateOnly(2012, 1, 1), validTo: new DateOnly(2015, 12, 31));
        return (client, new Map(space, q, n1, n2, n3, a1, a2, a3, a4, a5, a6, a7));
    }

    private static Dictionary<Guid, JsonElement> Nodes(JsonElement graph) => graph.GetProperty("nodes").EnumerateArray()
        .ToDictionary(n => n.Id());

    [Fact]
    public async Task Centrality_of_a_space_matches_the_hand_computed_figures()
    {
        var (client, m) = await SeedAsync();
        var graph = await client.GetJsonAsync($"/api/v1/graph?spaceId={m.Space}");
        var nodes = Nodes(graph);
        Assert.Equal(new HashSet<Guid> { m.N1, m.N2, m.A1, m.A2, m.A3, m.A4 }, nodes.Keys.ToHashSet());
        void Expect(Guid id, int degree, double betweenness, double normalized)
        {
            Assert.Equal(degree, nodes[id].GetProperty("degree").GetInt32());
            Assert.Equal(betweenness, nodes[id].GetProperty("betweenness").GetDouble(), 6);
            Assert.Equal(normalized, nodes[id].GetProperty("normalizedBetweenness").GetDouble(), 6);
            Assert.Equal(degree == 0, nodes[id].GetProperty("isIsolated").GetBoolean());
        }
        Expect(m.N1, 3, 1.5, 0.15);
        Expect(m.N2, 3, 1.5, 0.15);
        Expect(m.A1, 2, 0.5, 0.05);
        Expect(m.A3, 2, 0.5, 0.05);
        Expect(m.A2, 2, 0, 0);
        Expect(m.A4, 0, 0, 0);

        // Brokers first, the isolated actor last.
        var order = graph.GetProperty("nodes").EnumerateArray().Select(n => n.Id()).ToList();
        Assert.Equal(new HashSet<Guid> { m.N1, m.N2 }, order.Take(2).ToHashSet());
        Assert.Equal(m.A4, order[^1]);

        Assert.Equal("network", nodes[m.N1].GetProperty("type").GetString());
        Assert.Equal("focusGroup", nodes[m.N1].GetProperty("networkKind").GetString());
        Assert.Equal("actor", nodes[m.A4].GetProperty("type").GetString());
        Assert.Equal("civilSociety", nodes[m.A4].GetProperty("sector").GetString());
        Assert.Equal("church", nodes[m.A4].GetProperty("typeCode").GetString());

        var edges = graph.GetProperty("edges").EnumerateArray().ToList();
        Assert.Equal(6, edges.Count);
        Assert.Equal(4, edges.Count(e => e.GetProperty("kind").GetString() == "membership"));
        var relation = edges.Single(e => e.GetProperty("kind").GetString() == "actorRelation");
        Assert.Equal((m.A1, m.A3), (relation.GetProperty("source").GetGuid(), relation.GetProperty("target").GetGuid()));
        Assert.Equal("cooperationAgreement", relation.GetProperty("relationType").GetString());
        Assert.False(relation.GetProperty("isContractual").GetBoolean());
        var link = edges.Single(e => e.GetProperty("kind").GetString() == "networkLink");
        Assert.Equal((m.N1, m.N2, "delegatesTo"),
            (link.GetProperty("source").GetGuid(), link.GetProperty("target").GetGuid(), link.GetProperty("linkType").GetString()));
        var delegation = edges.Single(e => e.GetProperty("kind").GetString() == "membership" && e.GetProperty("target").GetGuid() == m.N2
            && e.GetProperty("source").GetGuid() == m.A2);
        Assert.Equal("delegate", delegation.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Relation_type_edge_kind_network_and_date_filters()
    {
        var (client, m) = await SeedAsync();

        // No funding relation is valid today: without a1–a3 the map is the path a1–N1–{a2, N2}–a3 plus N1–N2.
        var funding = await client.GetJsonAsync($"/api/v1/graph?spaceId={m.Space}&relationType=funding");
        Assert.DoesNotContain(funding.GetProperty("edges").EnumerateArray(), e => e.GetProperty("kind").GetString() == "actorRelation");
        Assert.Equal(3, Nodes(funding)[m.N1].GetProperty("betweenness").GetDouble(), 6); // a1–a2, a1–N2, a1–a3
        Assert.Equal(3, Nodes(funding)[m.N2].GetProperty("betweenness").GetDouble(), 6); // a1–a3, a2–a3, N1–a3

        // Memberships only: the path a1–N1–a2–N2–a3; its centre a2 lies on 4 of the 10 pairs' shortest paths.
        var memberships = await client.GetJsonAsync($"/api/v1/graph?spaceId={m.Space}&edgeKind=membership");
        Assert.All(memberships.GetProperty("edges").EnumerateArray(), e => Assert.Equal("membership", e.GetProperty("kind").GetString()));
        Assert.Equal(4, Nodes(memberships)[m.A2].GetProperty("betweenness").GetDouble(), 6);
        Assert.Equal(4.0 / 10, Nodes(memberships)[m.A2].GetProperty("normalizedBetweenness").GetDouble(), 6);
        var both = await client.GetJsonAsync(
            $"/api/v1/graph?spaceId={m.Space}&edgeKind=membership,networkLink&relationType=cooperationAgreement");
        Assert.Equal(5, both.GetProperty("edges").GetArrayLength());

        // One network: itself, the networks linked to it and its members.
        var ego = await client.GetJsonAsync($"/api/v1/graph?networkId={m.N1}");
        Assert.Equal(new HashSet<Guid> { m.N1, m.N2, m.A1, m.A2 }, Nodes(ego).Keys.ToHashSet());

        // In 2014 only a5 was a member; a7 was not archived yet; a2→a3 funding was valid but a2 and a3 are not in the map then.
        var past = await client.GetJsonAsync($"/api/v1/graph?spaceId={m.Space}&on=2014-06-01");
        Assert.Equal(new HashSet<Guid> { m.N1, m.N2, m.A4, m.A5, m.A7 }, Nodes(past).Keys.ToHashSet());
        Assert.Equal("2014-06-01", past.GetProperty("on").GetString());
        Assert.Equal(2, past.GetProperty("edges").GetArrayLength());

        // Without filters: every network and every actor not archived.
        var all = Nodes(await client.GetJsonAsync("/api/v1/graph"));
        Assert.Contains(m.N3, all.Keys);
        Assert.Contains(m.A6, all.Keys);
        Assert.DoesNotContain(m.A7, all.Keys);
    }

    [Fact]
    public async Task Bad_filters_are_400_naming_the_parameter()
    {
        var client = await factory.SignedInAsync();
        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/v1/graph?spaceId={Guid.NewGuid()}"), HttpStatusCode.BadRequest,
            "spaceId");
        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/v1/graph?networkId={Guid.NewGuid()}"), HttpStatusCode.BadRequest,
            "networkId");
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/graph?relationType=friendship"), HttpStatusCode.BadRequest,
            "relationType");
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/graph?edgeKind=membership,gossip"), HttpStatusCode.BadRequest,
            "edgeKind");
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/graph?on=yesterday"), HttpStatusCode.BadRequest, "on");
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().GetAsync("/api/v1/graph")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await factory.SignedInAsAsync("viewer")).GetAsync("/api/v1/graph")).StatusCode);
    }
}
