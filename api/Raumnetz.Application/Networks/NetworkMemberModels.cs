using System.Data.Common;
using AutoMapper;
using Dapper;
using Raumnetz.Domain.Actors;
using Raumnetz.Domain.Networks;

namespace Raumnetz.Application.Networks;

/// <summary>
/// An actor (organisation or person) in a network with a role, from a day and possibly until a day. A delegate
/// names the network it is delegated from. Past memberships stay visible (state past).
/// </summary>
public sealed record NetworkMemberDto
{
    public Guid Id { get; init; }
    public Guid NetworkId { get; init; }
    public Guid ActorId { get; init; }
    public string ActorName { get; init; } = "";
    public ActorKind ActorKind { get; init; }
    public Sector Sector { get; init; }
    /// <summary>The actor's type (actor types list), for example "job-centre".</summary>
    public string TypeCode { get; init; } = "";
    public MemberRole Role { get; init; }
    public Guid? DelegatedFromNetworkId { get; init; }
    public string? DelegatedFromNetworkName { get; init; }
    public DateOnly ValidFrom { get; init; }
    /// <summary>Last day of the membership (inclusive); null while open.</summary>
    public DateOnly? ValidTo { get; init; }
    public string? Note { get; init; }
    /// <summary>Current, past or future, as of today.</summary>
    public MembershipState State { get; init; }
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A row of network_members with the actor, as Dapper reads it.</summary>
public sealed class NetworkMemberRow
{
    public Guid Id { get; init; }
    public Guid NetworkId { get; init; }
    public Guid ActorId { get; init; }
    public string ActorName { get; init; } = "";
    public string ActorSearchKey { get; init; } = "";
    public ActorKind ActorKind { get; init; }
    public Sector Sector { get; init; }
    public string TypeCode { get; init; } = "";
    public MemberRole Role { get; init; }
    public Guid? DelegatedFromNetworkId { get; init; }
    public string? DelegatedFromNetworkName { get; init; }
    public DateOnly ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    public string? Note { get; init; }
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public const string Columns = """
        m.id, m.network_id, m.actor_id, a.name AS actor_name, a.search_key AS actor_search_key, a.kind AS actor_kind, a.sector, a.type_code,
        m.role, m.delegated_from_network_id, d.name AS delegated_from_network_name, m.valid_from, m.valid_to, m.note,
        m.version, m.created_at, m.updated_at
        """;

    public const string From = "network_members m JOIN actors a ON a.id = m.actor_id LEFT JOIN networks d ON d.id = m.delegated_from_network_id";
}

internal static class NetworkMemberLoader
{
    public static NetworkMemberDto ToDto(IMapper mapper, NetworkMemberRow row, DateOnly today) =>
        mapper.Map<NetworkMemberDto>(row) with { State = MembershipRules.StateOn(row.ValidFrom, row.ValidTo, today) };

    public static async Task<NetworkMemberDto?> LoadAsync(DbConnection connection, DbTransaction? tx, IMapper mapper, Guid networkId, Guid memberId, DateOnly today)
    {
        var row = await connection.QuerySingleOrDefaultAsync<NetworkMemberRow>(
            $"SELECT {NetworkMemberRow.Columns} FROM {NetworkMemberRow.From} WHERE m.id = @memberId AND m.network_id = @networkId", new { networkId, memberId }, tx);
        return row is null ? null : ToDto(mapper, row, today);
    }
}
