using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Actors;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Networks;

namespace Raumnetz.Application.Networks;

/// <summary>The composition of a network at a glance: its members on a day (today by default) by sector, type and role.</summary>
public sealed record GetNetworkCompositionQuery(Guid NetworkId, DateOnly? On) : IRequest<NetworkCompositionDto>;

/// <summary>Members on a day counted by sector (always all three), by actor type within each sector, and by role.</summary>
public sealed record NetworkCompositionDto
{
    public Guid NetworkId { get; init; }
    public DateOnly On { get; init; }
    /// <summary>Distinct actors that are members on the day.</summary>
    public int Total { get; init; }
    public int Organisations { get; init; }
    public int Persons { get; init; }
    public IReadOnlyList<SectorCompositionDto> Sectors { get; init; } = [];
    /// <summary>Memberships per role (an actor in two roles counts in both).</summary>
    public IReadOnlyList<RoleCountDto> Roles { get; init; } = [];
}

public sealed record SectorCompositionDto
{
    public Sector Sector { get; init; }
    public int Count { get; init; }
    /// <summary>Share of the total (0 to 1; 0 when the network has no members).</summary>
    public double Share { get; init; }
    public IReadOnlyList<TypeCountDto> Types { get; init; } = [];
}

public sealed record TypeCountDto
{
    public string TypeCode { get; init; } = "";
    public string NameDe { get; init; } = "";
    public string NameEn { get; init; } = "";
    public int Count { get; init; }
}

public sealed record RoleCountDto
{
    public MemberRole Role { get; init; }
    public int Count { get; init; }
}

public sealed class GetNetworkCompositionHandler(IDbConnectionFactory db, TimeProvider clock)
    : IRequestHandler<GetNetworkCompositionQuery, NetworkCompositionDto>
{
    private sealed class MemberFacts
    {
        public Guid ActorId { get; init; }
        public ActorKind Kind { get; init; }
        public Sector Sector { get; init; }
        public string TypeCode { get; init; } = "";
        public string NameDe { get; init; } = "";
        public string NameEn { get; init; } = "";
        public MemberRole Role { get; init; }
    }

    public async Task<NetworkCompositionDto> Handle(GetNetworkCompositionQuery request, CancellationToken cancellationToken)
    {
        var on = request.On ?? clock.Today();
        var members = await db.ReadAsync(async (connection, ct) =>
        {
            if (await connection.ExecuteScalarAsync<long>(
                    new CommandDefinition("SELECT COUNT(*) FROM networks WHERE id = @NetworkId", new { request.NetworkId },
                        cancellationToken: ct)) == 0)
                throw new NotFoundException("Network", request.NetworkId);
            return (await connection.QueryAsync<MemberFacts>(new CommandDefinition("""
                SELECT m.actor_id, a.kind, a.sector, a.type_code, t.name_de, t.name_en, m.role
                FROM network_members m JOIN actors a ON a.id = m.actor_id JOIN actor_types t ON t.code = a.type_code
                WHERE m.network_id = @NetworkId AND m.valid_from <= @on AND (m.valid_to IS NULL OR m.valid_to >= @on)
                """, new { request.NetworkId, on }, cancellationToken: ct))).ToList();
        }, cancellationToken);
        var actors = members.DistinctBy(m => m.ActorId).ToList();
        return new NetworkCompositionDto
        {
            NetworkId = request.NetworkId,
            On = on,
            Total = actors.Count,
            Organisations = actors.Count(a => a.Kind == ActorKind.Organisation),
            Persons = actors.Count(a => a.Kind == ActorKind.Person),
            Sectors = Enum.GetValues<Sector>().Select(sector =>
            {
                var inSector = actors.Where(a => a.Sector == sector).ToList();
                return new SectorCompositionDto
                {
                    Sector = sector,
                    Count = inSector.Count,
                    Share = actors.Count == 0 ? 0 : (double)inSector.Count / actors.Count,
                    Types = inSector.GroupBy(a => a.TypeCode)
                        .Select(g => new TypeCountDto { TypeCode = g.Key, NameDe = g.First().NameDe, NameEn = g.First().NameEn,
                                Count = g.Count() })
                        .OrderByDescending(t => t.Count).ThenBy(t => t.TypeCode, StringComparer.Ordinal).ToList(),
                };
            }).ToList(),
            Roles = members.GroupBy(m => m.Role).OrderBy(g => g.Key)
                .Select(g => new RoleCountDto { Role = g.Key, Count = g.DistinctBy(m => m.ActorId).Count() }).ToList(),
        };
    }
}
