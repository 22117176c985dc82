using System.Data.Common;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Networks;
using Raumnetz.Domain.Actors;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Networks;

namespace Raumnetz.Application.Graph;

public enum GraphNodeType
{
    Actor = 1,
    Network = 2,
}

public enum GraphEdgeKind
{
    /// <summary>An actor is a member of a network (source: actor, target: network).</summary>
    Membership = 1,
    /// <summary>A typed, directed relation between two actors.</summary>
    ActorRelation = 2,
    /// <summary>A network delegates or reports to another.</summary>
    NetworkLink = 3,
}

/// <summary>
/// The network map on a day (today by default): actors and networks as nodes; memberships, actor relations and
/// network links as edges; per node degree and betweenness (undirected, over the edges shown), so brokers and
/// isolated actors stand out.
/// <para>Which nodes: with <see cref="NetworkId"/> that network, the networks linked to it and its members; else with
/// <see cref="SpaceId"/> the networks covering the space or a space below it, the actors assigned to those spaces
/// and the members of those networks; else every network and actor. Ended networks, archived actors and memberships
/// or relations not valid on the day are left out. <see cref="EdgeKinds"/> and <see cref="RelationTypes"/> only
/// filter edges.</para>
/// </summary>
public sealed record GetNetworkGraphQuery(Guid? SpaceId, Guid? NetworkId, DateOnly? On, IReadOnlyCollection<RelationType>? RelationTypes,
    IReadOnlyCollection<GraphEdgeKind>? EdgeKinds)
    : IRequest<NetworkGraphDto>;

public sealed record NetworkGraphDto
{
    public DateOnly On { get; init; }
    /// <summary>Nodes by betweenness (brokers first), then degree and label.</summary>
    public IReadOnlyList<GraphNodeDto> Nodes { get; init; } = [];
    public IReadOnlyList<GraphEdgeDto> Edges { get; init; } = [];
}

public sealed record GraphNodeDto
{
    /// <summary>Id of the actor or network.</summary>
    public Guid Id { get; init; }
    public GraphNodeType Type { get; init; }
    public string Label { get; init; } = "";
    public ActorKind? ActorKind { get; init; }
    public Sector? Sector { get; init; }
    public string? TypeCode { get; init; }
    public NetworkKind? NetworkKind { get; init; }
    public NetworkStatus? NetworkStatus { get; init; }
    /// <summary>Number of distinct neighbours.</summary>
    public int Degree { get; init; }
    /// <summary>Betweenness centrality (Brandes), unnormalised: over all pairs of other nodes, the share of shortest paths through this
    /// node.</summary>
    public double Betweenness { get; init; }
    /// <summary>Betweenness divided by the number of pairs of other nodes, (n−1)(n−2)/2: 0 to 1.</summary>
    public double NormalizedBetweenness { get; init; }
    /// <summary>No edge at all.</summary>
    public bool IsIsolated { get; init; }
}

public sealed record GraphEdgeDto
{
    /// <summary>Id of the membership, relation or link.</summary>
    public Guid Id { get; init; }
    public GraphEdgeKind Kind { get; init; }
    public Guid Source { get; init; }
    public Guid Target { get; init; }
    /// <summary>Role of the member (memberships).</summary>
    public MemberRole? Role { get; init; }
    /// <summary>Type of the actor relation.</summary>
    public RelationType? RelationType { get; init; }
    /// <summary>Whether the actor relation rests on a contract.</summary>
    public bool? IsContractual { get; init; }
    /// <summary>Type of the network link.</summary>
    public NetworkLinkType? LinkType { get; init; }
}

public sealed class GetNetworkGraphValidator : AbstractValidator<GetNetworkGraphQuery>
{
    public GetNetworkGraphValidator()
    {
        RuleForEach(x => x.RelationTypes).DefinedEnum();
        RuleForEach(x => x.EdgeKinds).DefinedEnum();
    }
}

public sealed class GetNetworkGraphHandler(IDbConnectionFactory db, TimeProvider clock)
    : IRequestHandler<GetNetworkGraphQuery, NetworkGraphDto>
{
    private sealed class NetworkNode
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public NetworkKind Kind { get; init; }
        public NetworkStatus Status { get; init; }
        public DateOnly? StartedOn { get; init; }
        public DateOnly? EndedOn { get; init; }
    }

    private sealed class ActorNode
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public ActorKind Kind { get; init; }
        public Sector Sector { get; init; }
        public string TypeCode { get; init; } = "";
        public DateTimeOffset? ArchivedAt { get; init; }
    }

    private sealed class LinkEdge
    {
        public Guid Id { get; init; }
        public Guid SourceNetworkId { get; init; }
        public Guid TargetNetworkId { get; init; }
        public NetworkLinkType LinkType { get; init; }
    }

    private sealed class MemberEdge
    {
        public Guid Id { get; init; }
        public Guid NetworkId { get; init; }
        public Guid ActorId { get; init; }
        public MemberRole Role { get; init; }
    }

    private sealed class RelationEdge
    {
        public Guid Id { get; init; }
        public Guid SourceActorId { get; init; }
        public Guid TargetActorId { get; init; }
        public string RelationType { get; init; } = "";
        public bool IsContractual { get; init; }
    }

    public Task<NetworkGraphDto> Handle(GetNetworkGraphQuery request, CancellationToken cancellationToken) =>
        db.ReadAsync((connection, _) => BuildAsync(connection, request), cancellationToken);

    private async Task<NetworkGraphDto> BuildAsync(DbConnection connection, GetNetworkGraphQuery request)
    {
        var on = request.On ?? clock.Today();
        var kinds = request.EdgeKinds is { Count: > 0 } k ? k.ToHashSet() : Enum.GetValues<GraphEdgeKind>().ToHashSet();

        var networks = (await connection.QueryAsync<NetworkNode>("SELECT id, name, kind, status, started_on, ended_on FROM networks"))
            .Where(n => (n.StartedOn is null || n.StartedOn <= on) && (n.EndedOn is null || n.EndedOn >= on))
            .ToDictionary(n => n.Id);
        var actors = (await connection.QueryAsync<ActorNode>("SELECT id, name, kind, sector, type_code, archived_at FROM actors"))
            .Where(a => a.ArchivedAt is null || DateOnly.FromDateTime(a.ArchivedAt.Value.UtcDateTime) > on)
            .ToDictionary(a => a.Id);
        var links = (await connection.QueryAsync<LinkEdge>("SELECT id, source_network_id, target_network_id, link_type FROM network_links"))
            .ToList();
        var memberships = (await connection.QueryAsync<MemberEdge>(
            "SELECT id, network_id, actor_id, role FROM network_members WHERE valid_from <= @on AND (valid_to IS NULL OR valid_to >= @on)",
                new { on })).ToList();

        HashSet<Guid> networkSet, actorSet;
        if (request.NetworkId is { } networkId)
        {
            if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM networks WHERE id = @networkId", new { networkId }) == 0)
                throw new InvalidFieldException("networkId", Text.DoesNotExist("Network", networkId));
            networkSet = [networkId];
            foreach (var l in links)
            {
                if (l.SourceNetworkId == networkId) networkSet.Add(l.TargetNetworkId);
                if (l.TargetNetworkId == networkId) networkSet.Add(l.SourceNetworkId);
            }
            networkSet.IntersectWith(networks.Keys);
            actorSet = memberships.Where(m => m.NetworkId == networkId).Select(m => m.ActorId).ToHashSet();
        }
        else if (request.SpaceId is { } spaceId)
        {
            if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM spaces WHERE id = @spaceId", new { spaceId }) == 0)
                throw new InvalidFieldException("spaceId", Text.DoesNotExist("Space", spaceId));
            var subtree = $"""
                {db.Dialect.WithRecursive} subtree (id) AS (
                    SELECT id FROM spaces WHERE id = @spaceId
                    UNION ALL
                    SELECT s.id FROM spaces s JOIN subtree t ON s.parent_id = t.id)
                """;
            networkSet = (await connection.QueryAsync<Guid>(
                    $"{subtree} SELECT DISTINCT ns.network_id FROM network_spaces ns JOIN subtree t ON t.id = ns.space_id",
                    new { spaceId }))
                .Where(networks.ContainsKey).ToHashSet();
            actorSet = (await connection.QueryAsync<Guid>(
                    $"{subtree} SELECT DISTINCT acs.actor_id FROM actor_spaces acs JOIN subtree t ON t.id = acs.space_id", new { spaceId }))
                .ToHashSet();
            actorSet.UnionWith(memberships.Where(m => networkSet.Contains(m.NetworkId)).Select(m => m.ActorId));
        }
        else
        {
            networkSet = networks.Keys.ToHashSet();
            actorSet = actors.Keys.ToHashSet();
        }
        actorSet.IntersectWith(actors.Keys);

        var edges = new List<GraphEdgeDto>();
        if (kinds.Contains(GraphEdgeKind.Membership))
            edges.AddRange(memberships.Where(m => networkSet.Contains(m.NetworkId) && actorSet.Contains(m.ActorId))
                .Select(m => new GraphEdgeDto { Id = m.Id, Kind = GraphEdgeKind.Membership, Source = m.ActorId, Target = m.NetworkId,
                        Role = m.Role }));
        if (kinds.Contains(GraphEdgeKind.ActorRelation))
        {
            var types = request.RelationTypes is { Count: > 0 } t ? t.ToHashSet() : null;
            var relations = await connection.QueryAsync<RelationEdge>("""
                SELECT id, source_actor_id, target_actor_id, relation_type, is_contractual FROM actor_relations
                WHERE (valid_from IS NULL OR valid_from <= @on) AND (valid_to IS NULL OR valid_to >= @on)
                """, new { on });
            foreach (var r in relations)
            {
                var type = Enum.TryParse<RelationType>(r.RelationType, ignoreCase: true, out var parsed) ? parsed : RelationType.Other;
                if (types is not null && !types.Contains(type)) continue;
                if (!actorSet.Contains(r.SourceActorId) || !actorSet.Contains(r.TargetActorId)) continue;
                edges.Add(new GraphEdgeDto
                {
                    Id = r.Id, Kind = GraphEdgeKind.ActorRelation, Source = r.SourceActorId, Target = r.TargetActorId, RelationType = type,
                    IsContractual = r.IsContractual,
                });
            }
        }
        if (kinds.Contains(GraphEdgeKind.NetworkLink))
            edges.AddRange(links.Where(l => networkSet.Contains(l.SourceNetworkId) && networkSet.Contains(l.TargetNetworkId))
                .Select(l => new GraphEdgeDto { Id = l.Id, Kind = GraphEdgeKind.NetworkLink, Source = l.SourceNetworkId,
                        Target = l.TargetNetworkId, LinkType = l.LinkType }));

        var centrality = Centrality.Compute(networkSet.Concat(actorSet), edges.Select(e => (e.Source, e.Target)));
        var nodes = networkSet.Select(id => networks[id]).Select(n => Node(n.Id, centrality) with
            {
                Type = GraphNodeType.Network, Label = n.Name, NetworkKind = n.Kind, NetworkStatus = n.Status,
            })
            .Concat(actorSet.Select(id => actors[id]).Select(a => Node(a.Id, centrality) with
            {
                Type = GraphNodeType.Actor, Label = a.Name, ActorKind = a.Kind, Sector = a.Sector, TypeCode = a.TypeCode,
            }))
            .OrderByDescending(n => n.Betweenness).ThenByDescending(n => n.Degree)
                .ThenBy(n => TextRules.SearchKey(n.Label), StringComparer.Ordinal).ThenBy(n => n.Id)
            .ToList();
        return new NetworkGraphDto
        {
            On = on,
            Nodes = nodes,
            Edges = edges.OrderBy(e => e.Kind).ThenBy(e => e.Id).ToList(),
        };
    }

    private static GraphNodeDto Node(Guid id, IReadOnlyDictionary<Guid, NodeCentrality> centrality)
    {
        var c = centrality[id];
        return new GraphNodeDto
        {
            Id = id, Degree = c.Degree, Betweenness = Math.Round(c.Betweenness, 6),
            NormalizedBetweenness = Math.Round(c.NormalizedBetweenness, 6), IsIsolated = c.Degree == 0,
        };
    }
}
