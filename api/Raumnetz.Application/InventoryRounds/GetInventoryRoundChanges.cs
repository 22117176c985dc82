using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.InventoryRounds;

/// <summary>
/// What changed in the round's region since the previous round (the one named, or the latest earlier round of the same
/// region): services added, changed (with the fields), closed and removed, between the previous round's final state (its
/// start while it is open) and this round's final state (now while it is open). Without a previous round the report
/// covers the time since this round began.
/// </summary>
public sealed record GetInventoryRoundChangesQuery(Guid Id) : IRequest<InventoryRoundChangesDto>;

public sealed class GetInventoryRoundChangesHandler(IDbConnectionFactory db, InventoryRoundReads reads, TimeProvider clock)
    : IRequestHandler<GetInventoryRoundChangesQuery, InventoryRoundChangesDto>
{
    public async Task<InventoryRoundChangesDto> Handle(GetInventoryRoundChangesQuery request, CancellationToken cancellationToken) =>
        await db.ReadAsync(async (connection, ct) =>
        {
            var round = await reads.LoadAsync(connection, null, request.Id, ct) ?? throw new NotFoundException("Inventory round",
                request.Id);
            var previous = round.PreviousRoundId is { } pid ? await reads.LoadAsync(connection, null, pid, ct) : null;
            List<ServiceSnapshot> before;
            DateTimeOffset since;
            if (previous is not null)
            {
                var closed = previous.Status == InventoryRoundStatus.Closed;
                before = await reads.SnapshotAsync(connection, null, previous.Id, closed ? RoundPhases.End : RoundPhases.Start, ct);
                since = closed ? previous.ClosedAt!.Value : previous.CreatedAt;
            }
            else
            {
                before = await reads.SnapshotAsync(connection, null, round.Id, RoundPhases.Start, ct);
                since = round.CreatedAt;
            }
            var after = round.Status == InventoryRoundStatus.Closed
                ? await reads.SnapshotAsync(connection, null, round.Id, RoundPhases.End, ct)
                : await reads.RegionServicesAsync(connection, null, round.SpaceId, before.Select(b => b.ServiceId).ToList(), ct);
            var until = round.ClosedAt ?? clock.GetUtcNow();
            var verifications = await InventoryRoundReads.VerificationsAsync(connection, null, since, round.ClosedAt, ct);
            var names = before.Concat(after).GroupBy(s => s.ServiceId).ToDictionary(g => g.Key, g => g.Last().Name);
            var items = InventoryRoundRules.Compare(before, after, verifications)
                .Select(c => new ServiceChangeDto { ServiceId = c.ServiceId, Name = names[c.ServiceId], Change = c.Change,
                    Fields = c.Fields })
                .OrderBy(c => c.Change).ThenBy(c => c.Name, StringComparer.CurrentCulture).ThenBy(c => c.ServiceId).ToList();
            return new InventoryRoundChangesDto
            {
                RoundId = round.Id, PreviousRoundId = previous?.Id, PreviousRoundName = previous?.Name, Since = since, Until = until,
                Added = items.Count(i => i.Change == ServiceChange.Added), Changed = items.Count(i => i.Change == ServiceChange.Changed),
                Closed = items.Count(i => i.Change == ServiceChange.Closed), Removed = items.Count(i => i.Change == ServiceChange.Removed),
                Items = items,
            };
        }, cancellationToken);
}
