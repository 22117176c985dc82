namespace Raumnetz.Domain.Networks;

/// <summary>Degree and betweenness of one node of an undirected graph.</summary>
/// <param name="Degree">Number of distinct neighbours.</param>
/// <param name="Betweenness">Sum over all pairs s ≠ t (each unordered pair once) of the share of shortest s–t paths through the
/// node.</param>
/// <param name="NormalizedBetweenness">Betweenness divided by the number of pairs not involving the node, (n−1)(n−2)/2; 0 for n &lt;
/// 3.</param>
public readonly record struct NodeCentrality(int Degree, double Betweenness, double NormalizedBetweenness);

/// <summary>
/// Centrality of the nodes of an undirected, unweighted graph, so brokers (high betweenness) and isolated nodes
/// (degree 0) stand out. Betweenness by Brandes (2001), "A faster algorithm for betweenness centrality": one
/// breadth-first search per source with path counting, then dependencies accumulated in reverse order; O(n·m).
/// Parallel edges and self-loops are ignored. Pure: no I/O.
/// </summary>
public static class Centrality
{
    public static IReadOnlyDictionary<TNode, NodeCentrality> Compute<TNode>(IEnumerable<TNode> nodes, IEnumerable<(TNode A, TNode B)> edges)
        where TNode : notnull
    {
        var index = new Dictionary<TNode, int>();
        var keys = new List<TNode>();
        foreach (var node in nodes)
            if (index.TryAdd(node, keys.Count)) keys.Add(node);
        var neighbours = new List<HashSet<int>>(keys.Count);
        for (var i = 0; i < keys.Count; i++) neighbours.Add([]);
        foreach (var (a, b) in edges)
        {
            if (!index.TryGetValue(a, out var ia) || !index.TryGetValue(b, out var ib))
                throw new ArgumentException("An edge names a node that is not in the node list.", nameof(edges));
            if (ia == ib) continue;
            neighbours[ia].Add(ib);
            neighbours[ib].Add(ia);
        }
        var adjacency = neighbours.Select(s => s.Order().ToArray()).ToArray();
        var betweenness = Betweenness(adjacency);
        var n = keys.Count;
        var scale = n > 2 ? 2.0 / ((n - 1.0) * (n - 2.0)) : 0.0;
        var result = new Dictionary<TNode, NodeCentrality>(n);
        for (var i = 0; i < n; i++)
            result[keys[i]] = new NodeCentrality(adjacency[i].Length, betweenness[i], betweenness[i] * scale);
        return result;
    }

    /// <summary>Unnormalised betweenness of every node of an undirected graph given as adjacency lists.</summary>
    public static double[] Betweenness(IReadOnlyList<int[]> adjacency)
    {
        var n = adjacency.Count;
        var cb = new double[n];
        var sigma = new double[n];
        var distance = new int[n];
        var delta = new double[n];
        var predecessors = new List<int>[n];
        for (var i = 0; i < n; i++) predecessors[i] = [];
        var order = new Stack<int>(n);
        var queue = new Queue<int>(n);
        for (var s = 0; s < n; s++)
        {
            for (var i = 0; i < n; i++)
            {
                predecessors[i].Clear();
                sigma[i] = 0;
                distance[i] = -1;
                delta[i] = 0;
            }
            sigma[s] = 1;
            distance[s] = 0;
            queue.Enqueue(s);
            while (queue.Count > 0)
            {
                var v = queue.Dequeue();
                order.Push(v);
                foreach (var w in adjacency[v])
                {
                    if (distance[w] < 0)
                    {
                        distance[w] = distance[v] + 1;
                        queue.Enqueue(w);
                    }
                    if (distance[w] == distance[v] + 1)
                    {
                        sigma[w] += sigma[v];
                        predecessors[w].Add(v);
                    }
                }
            }
            while (order.Count > 0)
            {
                var w = order.Pop();
                foreach (var v in predecessors[w]) delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
                if (w != s) cb[w] += delta[w];
            }
        }
        // Every unordered pair was counted from both ends.
        for (var i = 0; i < n; i++) cb[i] /= 2;
        return cb;
    }
}
