using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Networks;

/// <summary>
/// The networks that need attention (at least one reason), most reasons first, optionally only those covering a
/// social space or a space below it. Ended networks never appear; planned and paused ones only for a missing mandate.
/// </summary>
public sealed record ListNetworksNeedingAttentionQuery(Guid? SpaceId, int? Meetings) : IRequest<IReadOnlyList<NetworkHealthDto>>;

public sealed class ListNetworksNeedingAttentionValidator : AbstractValidator<ListNetworksNeedingAttentionQuery>
{
    public ListNetworksNeedingAttentionValidator() => RuleFor(x => x.Meetings).InclusiveBetween(1, NetworkLimits.MaxHealthMeetings);
}

public sealed class ListNetworksNeedingAttentionHandler(IDbConnectionFactory db, TimeProvider clock)
    : IRequestHandler<ListNetworksNeedingAttentionQuery, IReadOnlyList<NetworkHealthDto>>
{
    public async Task<IReadOnlyList<NetworkHealthDto>> Handle(ListNetworksNeedingAttentionQuery request,
        CancellationToken cancellationToken)
    {
        var (health, inSpace) = await db.ReadAsync(async (connection, ct) =>
        {
            var health = await NetworkHealthCalculator.ComputeAsync(connection, null, clock.GetUtcNow(), clock.Today(), request.Meetings
                ?? NetworkLimits.HealthMeetings);
            if (request.SpaceId is not { } spaceId) return (health, (HashSet<Guid>?)null);
            var inSpace = (await connection.QueryAsync<Guid>(new CommandDefinition($"""
                {db.Dialect.WithRecursive} subtree (id) AS (
                    SELECT id FROM spaces WHERE id = @spaceId
                    UNION ALL
                    SELECT s.id FROM spaces s JOIN subtree t ON s.parent_id = t.id)
                SELECT DISTINCT ns.network_id FROM network_spaces ns JOIN subtree t ON t.id = ns.space_id
                """, new { spaceId }, cancellationToken: ct))).ToHashSet();
            return (health, inSpace);
        }, cancellationToken);
        return health.Where(h => h.NeedsAttention && (inSpace is null || inSpace.Contains(h.NetworkId)))
            .OrderByDescending(h => h.Reasons.Count).ThenByDescending(h => h.OverdueAgreements)
                .ThenBy(h => Raumnetz.Domain.Common.TextRules.SearchKey(h.NetworkName), StringComparer.Ordinal)
            .ToList();
    }
}
