using System.Data.Common;
using Dapper;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Networks;

namespace Raumnetz.Application.Networks;

/// <summary>
/// The loads of networks and memberships that several use cases share: a network with its parts (GET, the list and
/// the answers of create, update and end) and a membership (GET, the list and the answers of add, update and end).
/// </summary>
public sealed class NetworkReads(IDbConnectionFactory db)
{
    /// <summary>The columns of <see cref="NetworkDto"/> (without its lists); <c>@today</c> counts the current members.</summary>
    public const string Columns = """
        n.id, n.name, n.kind, n.status, n.mandate, n.mandated_by, n.mandated_on, n.legitimation_note,
        n.started_on, n.ended_on, n.cadence_interval, n.cadence_unit, n.coordinator_actor_id, a.name AS coordinator_actor_name,
        n.version, n.created_at, n.updated_at,
        (SELECT COUNT(DISTINCT m.actor_id) FROM network_members m
         WHERE m.network_id = n.id AND m.valid_from <= @today AND (m.valid_to IS NULL OR m.valid_to >= @today)) AS member_count
        """;

    public const string From = "networks n LEFT JOIN actors a ON a.id = n.coordinator_actor_id";

    /// <summary>The columns of <see cref="NetworkMemberDto"/> (without its state).</summary>
    public const string MemberColumns = """
        m.id, m.network_id, m.actor_id, a.name AS actor_name, a.kind AS actor_kind, a.sector, a.type_code,
        m.role, m.delegated_from_network_id, d.name AS delegated_from_network_name, m.valid_from, m.valid_to, m.note,
        m.version, m.created_at, m.updated_at
        """;

    public const string MemberFrom = "network_members m JOIN actors a ON a.id = m.actor_id LEFT JOIN networks d ON d.id = " +
        "m.delegated_from_network_id";

    private sealed class FunctionRow
    {
        public Guid NetworkId { get; init; }
        public NetworkFunction FunctionName { get; init; }
    }

    private sealed class LinkRow
    {
        public Guid SourceNetworkId { get; init; }
        public string SourceName { get; init; } = "";
        public Guid TargetNetworkId { get; init; }
        public string TargetName { get; init; } = "";
        public NetworkLinkType LinkType { get; init; }
        public string? Note { get; init; }
    }

    /// <summary>The network with this id and its parts; null when there is none.</summary>
    public async Task<NetworkDto?> LoadAsync(DbConnection connection, DbTransaction? tx, Guid id, DateOnly today, CancellationToken ct)
    {
        var network = await connection.QuerySingleOrDefaultAsync<NetworkDto>(new CommandDefinition(
            $"SELECT {Columns} FROM {From} WHERE n.id = @id", new { id, today }, tx, cancellationToken: ct));
        return network is null ? null : (await CompleteAsync(connection, tx, [network], ct))[0];
    }

    /// <summary>Fills in functions, goals, spaces and links, with one query per part for the whole set, keeping its order.</summary>
    public async Task<List<NetworkDto>> CompleteAsync(DbConnection connection, DbTransaction? tx, IReadOnlyList<NetworkDto> networks,
        CancellationToken ct)
    {
        if (networks.Count == 0) return [];
        var p = new { ids = networks.Select(r => r.Id).ToList() };
        var functions = (await connection.QueryAsync<FunctionRow>(new CommandDefinition(
            $"SELECT network_id, function_name FROM network_functions WHERE {db.Dialect.In("network_id", "@ids")}", p, tx,
                cancellationToken: ct))).ToLookup(f => f.NetworkId);
        var goals = await connection.QueryByOwnerAsync<string>(
            $"SELECT network_id, goal FROM network_goals WHERE {db.Dialect.In("network_id", "@ids")} ORDER BY network_id, sort_order", p,
                "goal", tx, ct);
        var spaces = await connection.QueryByOwnerAsync<NetworkSpaceDto>($"""
            SELECT ns.network_id, s.id, s.code, s.name FROM network_spaces ns JOIN spaces s ON s.id = ns.space_id
            WHERE {db.Dialect.In("ns.network_id", "@ids")} ORDER BY s.search_key, s.id
            """, p, "id", tx, ct);
        var links = (await connection.QueryAsync<LinkRow>(new CommandDefinition($"""
            SELECT l.source_network_id, s.name AS source_name, l.target_network_id, t.name AS target_name, l.link_type, l.note
            FROM network_links l JOIN networks s ON s.id = l.source_network_id JOIN networks t ON t.id = l.target_network_id
            WHERE {db.Dialect.In("l.source_network_id", "@ids")} OR {db.Dialect.In("l.target_network_id", "@ids")}
            ORDER BY l.created_at, l.id
            """, p, tx, cancellationToken: ct))).ToList();
        return networks.Select(n => n with
        {
            Functions = functions[n.Id].Select(f => f.FunctionName).Order().ToList(),
            Goals = goals[n.Id].ToList(),
            Spaces = spaces[n.Id].ToList(),
            Links = links.Where(l => l.SourceNetworkId == n.Id)
                .Select(l => new NetworkLinkDto { NetworkId = l.TargetNetworkId, NetworkName = l.TargetName, Type = l.LinkType,
                        Note = l.Note }).ToList(),
            IncomingLinks = links.Where(l => l.TargetNetworkId == n.Id)
                .Select(l => new NetworkLinkDto { NetworkId = l.SourceNetworkId, NetworkName = l.SourceName, Type = l.LinkType,
                        Note = l.Note }).ToList(),
        }).ToList();
    }

    /// <summary>The membership <paramref name="memberId"/> of the network, with its state today; null when there is none.</summary>
    public async Task<NetworkMemberDto?> LoadMemberAsync(DbConnection connection, DbTransaction? tx, Guid networkId, Guid memberId,
        DateOnly today, CancellationToken ct)
    {
        var member = await connection.QuerySingleOrDefaultAsync<NetworkMemberDto>(new CommandDefinition(
            $"SELECT {MemberColumns} FROM {MemberFrom} WHERE m.id = @memberId AND m.network_id = @networkId", new { networkId, memberId },
                tx, cancellationToken: ct));
        return member is null ? null : WithState(member, today);
    }

    /// <summary>The membership with its state (current, past or future) on <paramref name="today"/>.</summary>
    public static NetworkMemberDto WithState(NetworkMemberDto member, DateOnly today) =>
        member with { State = MembershipRules.StateOn(member.ValidFrom, member.ValidTo, today) };
}
