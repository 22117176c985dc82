using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.InventoryRounds;

/// <summary>
/// Where a round stands, per service of its region: new (recorded after the round began), closed (inactive, defunct or
/// archived since), changed (its record edited during the round), verified (verified during the round, nothing else
/// changed) or pending; counted overall and per responsible actor. A closed round reports its final state.
/// </summary>
public sealed record GetInventoryRoundProgressQuery(Guid Id) : IRequest<InventoryRoundProgressDto>;

public sealed class GetInventoryRoundProgressHandler(IDbConnectionFactory db, InventoryRoundReads reads)
    : IRequestHandler<GetInventoryRoundProgressQuery, InventoryRoundProgressDto>
{
    private sealed class Link
    {
        public Guid ServiceId { get; init; }
        public Guid Id { get; init; }
    }

    private sealed class SpaceRow
    {
        public Guid Id { get; init; }
        public Guid? ParentId { get; init; }
    }

    private sealed class AssignmentRow
    {
        public Guid ActorId { get; init; }
        public string ActorName { get; init; } = "";
        public Guid? SpaceId { get; init; }
        public Guid? TermId { get; init; }
    }

    public async Task<InventoryRoundProgressDto> Handle(GetInventoryRoundProgressQuery request, CancellationToken cancellationToken) =>
        await db.ReadAsync(async (connection, ct) =>
        {
            var round = await reads.LoadAsync(connection, null, request.Id, ct) ?? throw new NotFoundException("Inventory round",
                request.Id);
            var start = (await reads.SnapshotAsync(connection, null, round.Id, RoundPhases.Start, ct)).ToDictionary(s => s.ServiceId);
            var now = round.Status == InventoryRoundStatus.Closed
                ? await reads.SnapshotAsync(connection, null, round.Id, RoundPhases.End, ct)
                : await reads.RegionServicesAsync(connection, null, round.SpaceId, start.Keys, ct);
            var verifications = await InventoryRoundReads.VerificationsAsync(connection, null, round.CreatedAt, round.ClosedAt, ct);
            var ids = now.Select(s => s.ServiceId).ToList();
            var (spacesOf, termsOf) = await LinksAsync(connection, ids, ct);
            var parents = (await connection.QueryAsync<SpaceRow>(new CommandDefinition("SELECT id, parent_id FROM spaces",
                cancellationToken: ct)))
                .ToDictionary(s => s.Id, s => s.ParentId);
            var assignments = (await connection.QueryAsync<AssignmentRow>(new CommandDefinition("""
                SELECT x.actor_id, a.name AS actor_name, x.space_id, x.term_id FROM inventory_round_assignments x JOIN actors a ON a.id = x.actor_id
                WHERE x.round_id = @Id ORDER BY x.sort_order
                """, new { round.Id }, cancellationToken: ct))).ToList();

            var services = now.OrderBy(s => s.Name, StringComparer.CurrentCulture).ThenBy(s => s.ServiceId).Select(s =>
            {
                var within = spacesOf[s.ServiceId].SelectMany(space => Ancestry(space, parents)).ToHashSet();
                var terms = termsOf[s.ServiceId].ToHashSet();
                return new RoundServiceDto
                {
                    ServiceId = s.ServiceId, Name = s.Name,
                    Progress = InventoryRoundRules.Progress(start.GetValueOrDefault(s.ServiceId), s,
                        verifications.GetValueOrDefault(s.ServiceId)),
                    ResponsibleActorIds = assignments
                        .Where(a => (a.SpaceId is { } sp && within.Contains(sp)) || (a.TermId is { } t && terms.Contains(t)))
                        .Select(a => a.ActorId).Distinct().ToList(),
                };
            }).ToList();
            return new InventoryRoundProgressDto
            {
                RoundId = round.Id, Counts = Count(services), Services = services,
                Unassigned = services.Count(s => s.ResponsibleActorIds.Count == 0),
                Actors = assignments.GroupBy(a => a.ActorId).Select(g => new RoundActorProgressDto
                {
                    ActorId = g.Key, ActorName = g.First().ActorName,
                    Counts = Count(services.Where(s => s.ResponsibleActorIds.Contains(g.Key)).ToList()),
                }).ToList(),
            };
        }, cancellationToken);

    private async Task<(ILookup<Guid, Guid> Spaces, ILookup<Guid, Guid> Terms)> LinksAsync(System.Data.Common.DbConnection connection,
        List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return (Array.Empty<Link>().ToLookup(l => l.ServiceId, l => l.Id),
            Array.Empty<Link>().ToLookup(l => l.ServiceId, l => l.Id));
        var (inIds, value) = db.Dialect.InIds("x.service_id", "@ids", ids);
        var spaces = await connection.QueryAsync<Link>(new CommandDefinition($"""
            SELECT x.service_id, l.space_id AS id FROM service_at_locations x JOIN locations l ON l.id = x.location_id
            WHERE {inIds} AND l.space_id IS NOT NULL
            UNION
            SELECT x.service_id, x.space_id AS id FROM service_spaces x WHERE {inIds}
            """, new { ids = value }, cancellationToken: ct));
        var terms = await connection.QueryAsync<Link>(new CommandDefinition(
            $"SELECT x.service_id, x.term_id AS id FROM service_categories x WHERE {inIds}", new { ids = value }, cancellationToken: ct));
        return (spaces.ToLookup(l => l.ServiceId, l => l.Id), terms.ToLookup(l => l.ServiceId, l => l.Id));
    }

    /// <summary>The space and every space above it.</summary>
    private static IEnumerable<Guid> Ancestry(Guid space, Dictionary<Guid, Guid?> parents)
    {
        var seen = new HashSet<Guid>();
        for (Guid? s = space; s is { } id && seen.Add(id); s = parents.GetValueOrDefault(id)) yield return id;
    }

    internal static RoundCountsDto Count(IReadOnlyCollection<RoundServiceDto> services)
    {
        int Of(RoundServiceProgress p) => services.Count(s => s.Progress == p);
        var pending = Of(RoundServiceProgress.Pending);
        return new RoundCountsDto
        {
            Total = services.Count, Pending = pending, Verified = Of(RoundServiceProgress.Verified),
                Changed = Of(RoundServiceProgress.Changed),
            Closed = Of(RoundServiceProgress.Closed), New = Of(RoundServiceProgress.New),
            PercentDone = services.Count == 0 ? 100 : Math.Round(100.0 * (services.Count - pending) / services.Count, 1),
        };
    }
}
