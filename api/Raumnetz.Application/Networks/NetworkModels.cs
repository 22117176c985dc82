using System.Data.Common;
using AutoMapper;
using Dapper;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Networks;

namespace Raumnetz.Application.Networks;

/// <summary>
/// A network (Netzwerk): a steering group, focus group, working group ... with a mandate (why it meets), its
/// legitimation (who mandated it and when), functions, goals, status with dates, the social spaces it covers,
/// its meeting cadence and its coordinating actor. Links to other networks are shown both ways.
/// </summary>
public sealed record NetworkDto
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public NetworkKind Kind { get; init; }
    public NetworkStatus Status { get; init; }
    /// <summary>What the network is for (Aufgabenstellung). Null only for data recorded without one (see health).</summary>
    public string? Mandate { get; init; }
    /// <summary>Who mandated the network, for example "Stadtverordnetenversammlung Teltow".</summary>
    public string? MandatedBy { get; init; }
    /// <summary>When it was mandated.</summary>
    public DateOnly? MandatedOn { get; init; }
    /// <summary>Further detail on the legitimation, for example the resolution number.</summary>
    public string? LegitimationNote { get; init; }
    public IReadOnlyList<NetworkFunction> Functions { get; init; } = [];
    public IReadOnlyList<string> Goals { get; init; } = [];
    public DateOnly? StartedOn { get; init; }
    /// <summary>Set when the network has ended (status ended).</summary>
    public DateOnly? EndedOn { get; init; }
    /// <summary>Meets every <c>cadenceInterval</c> <c>cadenceUnit</c> (for example 3 months).</summary>
    public int? CadenceInterval { get; init; }
    public CadenceUnit? CadenceUnit { get; init; }
    public Guid? CoordinatorActorId { get; init; }
    public string? CoordinatorActorName { get; init; }
    public IReadOnlyList<NetworkSpaceDto> Spaces { get; init; } = [];
    /// <summary>Links from this network to others (it delegates or reports to them).</summary>
    public IReadOnlyList<NetworkLinkDto> Links { get; init; } = [];
    /// <summary>Links from other networks to this one (they delegate or report to it).</summary>
    public IReadOnlyList<NetworkLinkDto> IncomingLinks { get; init; } = [];
    /// <summary>Number of actors that are members today.</summary>
    public int MemberCount { get; init; }
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A social space a network covers.</summary>
public sealed record NetworkSpaceDto
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
}

/// <summary>A link between two networks, seen from one of them: the other network, the type and a note.</summary>
public sealed record NetworkLinkDto
{
    /// <summary>The other network (the target of an outgoing link, the source of an incoming one).</summary>
    public Guid NetworkId { get; init; }
    public string NetworkName { get; init; } = "";
    public NetworkLinkType Type { get; init; }
    public string? Note { get; init; }
}

/// <summary>A row of the networks table as Dapper reads it.</summary>
public sealed class NetworkRow
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string SearchKey { get; init; } = "";
    public NetworkKind Kind { get; init; }
    public NetworkStatus Status { get; init; }
    public string? Mandate { get; init; }
    public string? MandatedBy { get; init; }
    public DateOnly? MandatedOn { get; init; }
    public string? LegitimationNote { get; init; }
    public DateOnly? StartedOn { get; init; }
    public DateOnly? EndedOn { get; init; }
    public int? CadenceInterval { get; init; }
    public CadenceUnit? CadenceUnit { get; init; }
    public Guid? CoordinatorActorId { get; init; }
    public string? CoordinatorActorName { get; init; }
    public int MemberCount { get; init; }
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Columns of a network row; <c>@today</c> counts the current members.</summary>
    public const string Columns = """
        n.id, n.name, n.search_key, n.kind, n.status, n.mandate, n.mandated_by, n.mandated_on, n.legitimation_note,
        n.started_on, n.ended_on, n.cadence_interval, n.cadence_unit, n.coordinator_actor_id, a.name AS coordinator_actor_name,
        n.version, n.created_at, n.updated_at,
        (SELECT COUNT(DISTINCT m.actor_id) FROM network_members m
         WHERE m.network_id = n.id AND m.valid_from <= @today AND (m.valid_to IS NULL OR m.valid_to >= @today)) AS member_count
        """;

    public const string From = "networks n LEFT JOIN actors a ON a.id = n.coordinator_actor_id";
}

public sealed class NetworkMappingProfile : Profile
{
    public NetworkMappingProfile()
    {
        CreateMap<NetworkRow, NetworkDto>()
            .ForMember(d => d.Functions, o => o.Ignore())
            .ForMember(d => d.Goals, o => o.Ignore())
            .ForMember(d => d.Spaces, o => o.Ignore())
            .ForMember(d => d.Links, o => o.Ignore())
            .ForMember(d => d.IncomingLinks, o => o.Ignore());
        CreateMap<NetworkMemberRow, NetworkMemberDto>()
            .ForMember(d => d.State, o => o.Ignore());
    }
}

/// <summary>Loads networks with their functions, goals, spaces and links: one query per part for a whole page.</summary>
internal static class NetworkLoader
{
    private sealed class FunctionRow
    {
        public Guid NetworkId { get; init; }
        public NetworkFunction FunctionName { get; init; }
    }

    private sealed class GoalRow
    {
        public Guid NetworkId { get; init; }
        public string Goal { get; init; } = "";
    }

    private sealed class SpaceLinkRow
    {
        public Guid NetworkId { get; init; }
        public Guid Id { get; init; }
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
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

    public static async Task<NetworkDto?> LoadAsync(DbConnection connection, DbTransaction? tx, ISqlDialect dialect, IMapper mapper, Guid id, DateOnly today)
    {
        var row = await connection.QuerySingleOrDefaultAsync<NetworkRow>(
            $"SELECT {NetworkRow.Columns} FROM {NetworkRow.From} WHERE n.id = @id", new { id, today }, tx);
        return row is null ? null : (await CompleteAsync(connection, tx, dialect, mapper, [row]))[0];
    }

    /// <summary>Turns rows into DTOs with their parts, keeping the order of the rows.</summary>
    public static async Task<IReadOnlyList<NetworkDto>> CompleteAsync(DbConnection connection, DbTransaction? tx, ISqlDialect dialect, IMapper mapper, IReadOnlyList<NetworkRow> rows)
    {
        if (rows.Count == 0) return [];
        var p = new { ids = rows.Select(r => r.Id).ToList() };
        var functions = (await connection.QueryAsync<FunctionRow>(
            $"SELECT network_id, function_name FROM network_functions WHERE {dialect.In("network_id", "@ids")}", p, tx)).ToLookup(f => f.NetworkId);
        var goals = (await connection.QueryAsync<GoalRow>(
            $"SELECT network_id, goal FROM network_goals WHERE {dialect.In("network_id", "@ids")} ORDER BY network_id, sort_order", p, tx)).ToLookup(g => g.NetworkId);
        var spaces = (await connection.QueryAsync<SpaceLinkRow>($"""
            SELECT ns.network_id, s.id, s.code, s.name FROM network_spaces ns JOIN spaces s ON s.id = ns.space_id
            WHERE {dialect.In("ns.network_id", "@ids")} ORDER BY s.search_key, s.id
            """, p, tx)).ToLookup(s => s.NetworkId);
        var links = (await connection.QueryAsync<LinkRow>($"""
            SELECT l.source_network_id, s.name AS source_name, l.target_network_id, t.name AS target_name, l.link_type, l.note
            FROM network_links l JOIN networks s ON s.id = l.source_network_id JOIN networks t ON t.id = l.target_network_id
            WHERE {dialect.In("l.source_network_id", "@ids")} OR {dialect.In("l.target_network_id", "@ids")}
            ORDER BY l.created_at, l.id
            """, p, tx)).ToList();
        return rows.Select(r => mapper.Map<NetworkDto>(r) with
        {
            Functions = functions[r.Id].Select(f => f.FunctionName).Order().ToList(),
            Goals = goals[r.Id].Select(g => g.Goal).ToList(),
            Spaces = spaces[r.Id].Select(s => new NetworkSpaceDto { Id = s.Id, Code = s.Code, Name = s.Name }).ToList(),
            Links = links.Where(l => l.SourceNetworkId == r.Id)
                .Select(l => new NetworkLinkDto { NetworkId = l.TargetNetworkId, NetworkName = l.TargetName, Type = l.LinkType, Note = l.Note }).ToList(),
            IncomingLinks = links.Where(l => l.TargetNetworkId == r.Id)
                .Select(l => new NetworkLinkDto { NetworkId = l.SourceNetworkId, NetworkName = l.SourceName, Type = l.LinkType, Note = l.Note }).ToList(),
        }).ToList();
    }
}

internal static class Clock
{
    /// <summary>Today's date (UTC) for rules about current memberships, overdue agreements and health.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
