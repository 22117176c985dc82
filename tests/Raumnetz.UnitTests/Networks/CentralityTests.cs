using Raumnetz.Domain.Networks;

namespace Raumnetz.UnitTests.Networks;

/// <summary>Brandes' betweenness and degree against small graphs worked out by hand (each unordered pair counted once).</summary>
public sealed class CentralityTests
{
    /// <summary>
    /// Two triangles A-B-C and D-E-F joined by the bridge C–D, and G alone.
    /// C lies on the only shortest path of A–D, A–E, A–F, B–D, B–E, B–F: 6. D likewise for A–E, A–F, B–E, B–F, C–E, C–F: 6.
    /// Nobody else lies between two others. n = 7, so the normalising factor is 2 / (6·5) = 1/15: C and D 0.4.
    /// </summary>
    [Fact]
    public void Bridge_between_two_triangles_and_an_isolated_node()
    {
        var c = Centrality.Compute(["A", "B", "C", "D", "E", "F", "G"],
            [("A", "B"), ("A", "C"), ("B", "C"), ("C", "D"), ("D", "E"), ("D", "F"), ("E", "F")]);
        Assert.Equal(new NodeCentrality(3, 6, 0.4), Round(c["C"]));
        Assert.Equal(new NodeCentrality(3, 6, 0.4), Round(c["D"]));
        foreach (var n in new[] { "A", "B", "E", "F" }) Assert.Equal(new NodeCentrality(2, 0, 0), Round(c[n]));
        Assert.Equal(new NodeCentrality(0, 0, 0), c["G"]);
    }

    /// <summary>A four-cycle P-Q-R-S: P–R has two shortest paths (via Q, via S), so Q and S get ½ each; Q–S gives P and R ½ each.</summary>
    [Fact]
    public void Split_shortest_paths_share_the_credit()
    {
        var c = Centrality.Compute(["P", "Q", "R", "S"], [("P", "Q"), ("Q", "R"), ("R", "S"), ("S", "P")]);
        foreach (var n in new[] { "P", "Q", "R", "S" }) Assert.Equal(new NodeCentrality(2, 0.5, Math.Round(0.5 / 3, 6)), Round(c[n]));
    }

    /// <summary>Path 1-2-3-4-5: node 3 lies between 1–4, 1–5, 2–4, 2–5 (4); node 2 between 1–3, 1–4, 1–5 (3). Normalised by
    /// 2/(4·3).</summary>
    [Fact]
    public void Path()
    {
        var c = Centrality.Compute([1, 2, 3, 4, 5], [(1, 2), (2, 3), (3, 4), (4, 5)]);
        Assert.Equal([0, 3, 4, 3, 0], new[] { 1, 2, 3, 4, 5 }.Select(n => c[n].Betweenness));
        Assert.Equal(4.0 / 6, c[3].NormalizedBetweenness, 9);
        Assert.Equal(0.5, c[2].NormalizedBetweenness, 9);
    }

    /// <summary>A star with 5 leaves: the centre lies on the only path of every pair of leaves, C(5,2) = 10; normalised exactly
    /// 1.</summary>
    [Fact]
    public void Star_centre_is_the_perfect_broker()
    {
        var c = Centrality.Compute(["hub", "a", "b", "c", "d", "e"], new[] { "a", "b", "c", "d", "e" }.Select(l => ("hub", l)));
        Assert.Equal(new NodeCentrality(5, 10, 1), c["hub"]);
        Assert.Equal(new NodeCentrality(1, 0, 0), c["a"]);
    }

    /// <summary>The network map of the API test (GetNetworkGraphTests): N1 and N2 1.5, a1 and a3 0.5 (normalised by 10).</summary>
    [Fact]
    public void Small_network_map_with_memberships_relation_and_link()
    {
        var c = Centrality.Compute(["N1", "N2", "a1", "a2", "a3", "a4"],
            [("a1", "N1"), ("a2", "N1"), ("a2", "N2"), ("a3", "N2"), ("a1", "a3"), ("N1", "N2")]);
        Assert.Equal(new NodeCentrality(3, 1.5, 0.15), Round(c["N1"]));
        Assert.Equal(new NodeCentrality(3, 1.5, 0.15), Round(c["N2"]));
        Assert.Equal(new NodeCentrality(2, 0.5, 0.05), Round(c["a1"]));
        Assert.Equal(new NodeCentrality(2, 0.5, 0.05), Round(c["a3"]));
        Assert.Equal(new NodeCentrality(2, 0, 0), Round(c["a2"]));
        Assert.Equal(new NodeCentrality(0, 0, 0), Round(c["a4"]));
    }

    [Fact]
    public void Parallel_edges_and_self_loops_are_ignored_tiny_graphs_normalise_to_zero()
    {
        var c = Centrality.Compute(["x", "y"], [("x", "y"), ("y", "x"), ("x", "y"), ("x", "x")]);
        Assert.Equal(new NodeCentrality(1, 0, 0), c["x"]);
        Assert.Empty(Centrality.Compute(Array.Empty<string>(), []));
        Assert.Throws<ArgumentException>(() => Centrality.Compute(["x"], [("x", "z")]));
    }

    private static NodeCentrality Round(NodeCentrality c)
        => c with { Betweenness = Math.Round(c.Betweenness, 6), NormalizedBetweenness = Math.Round(c.NormalizedBetweenness, 6) };
}
