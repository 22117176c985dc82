using Raumnetz.Domain.Common;
using System.Globalization;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Networks;
using Raumnetz.Application.Inventory;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Fundings;

/// <summary>
/// Fundings whose last day lies within the horizon: from the reference day <see cref="On"/> (today when omitted) to
/// <see cref="On"/> plus <see cref="Horizon"/> (an ISO 8601 duration, default P6M: six months), both days included.
/// Fundings that ended before the reference day and open-ended ones are not listed. Sorted by the last day, with the
/// services, spaces and networks they put at risk. Filters: a space (services standing in or serving it or a space below
/// it), a network, a funder and a renewal status.
/// </summary>
public sealed record ListFundingsEndingQuery(string? Horizon, DateOnly? On, Guid? SpaceId, Guid? NetworkId, Guid? FunderActorId,
    RenewalStatus? RenewalStatus, ListOptions List) : IRequest<EndingFundingsDto>, IListQuery
{
    /// <summary>Sorts: endsOn (default), service (name), funder (name), updatedAt.</summary>
    public static readonly ListDefinition Sorts = new("f.id", "f.updated_at", "endsOn",
        new SortColumn("endsOn", "f.ends_on", SortKind.Date),
        new SortColumn("service", "s.search_key", SortKind.Text),
        new SortColumn("funder", "a.search_key", SortKind.Text),
        new SortColumn("updatedAt", "f.updated_at", SortKind.Instant));
}

public sealed class ListFundingsEndingValidator : AbstractValidator<ListFundingsEndingQuery>
{
    public ListFundingsEndingValidator()
    {
        RuleFor(x => x.Horizon).Must(h => h is null || Domain.Inventory.Horizon.TryParse(h, out _))
            .WithMessage(_ => Messages.Rule_Horizon);
        RuleFor(x => x.RenewalStatus).DefinedEnum();
        Include(new ListOptionsValidator<ListFundingsEndingQuery>(ListFundingsEndingQuery.Sorts));
    }
}

public sealed class ListFundingsEndingHandler(IDbConnectionFactory db, TimeProvider clock)
    : IRequestHandler<ListFundingsEndingQuery, EndingFundingsDto>
{
    private sealed class Row
    {
        public Guid Id { get; init; }
        public string ServiceStatus { get; init; } = "";
        public Guid? OperatorActorId { get; init; }
        public string? OperatorName { get; init; }
    }

    private sealed class OwnedRef
    {
        public Guid OwnerId { get; init; }
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
    }

    private sealed class ShareSum
    {
        public Guid ServiceId { get; init; }
        public double? Total { get; init; }
    }

    public async Task<EndingFundingsDto> Handle(ListFundingsEndingQuery request, CancellationToken cancellationToken)
    {
        var horizon = request.Horizon is null ? Horizon.SixMonths : Parse(request.Horizon);
        var on = request.On ?? clock.Today();
        var until = FundingRules.HorizonEnd(on, horizon);
        var where = new List<string> { "f.ends_on >= @on", "f.ends_on <= @until" };
        var p = new DynamicParameters();
        p.Add("on", on);
        p.Add("until", until);
        var with = "";
        if (request.SpaceId is { } spaceId)
        {
            with = $"{db.Dialect.WithRecursive} {InventoryFilters.SpaceSubtree}";
            where.Add(InventoryFilters.ServiceInSpaceSubtree("f.service_id"));
            p.Add("spaceId", spaceId);
        }
        if (request.NetworkId is { } networkId)
        {
            where.Add("EXISTS (SELECT 1 FROM service_networks sn WHERE sn.service_id = f.service_id AND sn.network_id = @networkId)");
            p.Add("networkId", networkId);
        }
        if (request.FunderActorId is { } funderId) { where.Add("f.funder_actor_id = @funderId"); p.Add("funderId", funderId); }
        if (request.RenewalStatus is { } status) { where.Add("f.renewal_status = @status"); p.Add("status", status.ToString()); }
        var sql = new ListSql(FundingReads.Columns, FundingReads.From, where, p, with);
        return await db.ReadAsync(async (connection, ct) =>
        {
            var page = await connection.QueryListAsync<FundingDto>(db.Dialect, ListFundingsEndingQuery.Sorts, request.List, sql,
                f => f.Id, ct);
            var serviceIds = page.Items.Select(f => f.ServiceId).Distinct().ToList();
            if (serviceIds.Count == 0)
                return new EndingFundingsDto { On = on, Horizon = horizon.ToString(), Until = until, Total = page.Total };
            var ids = new { ids = serviceIds, on, until };
            var services = (await connection.QueryAsync<Row>(new CommandDefinition($"""
                SELECT s.id, s.status AS service_status, s.operator_actor_id, a.name AS operator_name
                FROM services s LEFT JOIN actors a ON a.id = s.operator_actor_id WHERE {db.Dialect.In("s.id", "@ids")}
                """, ids, cancellationToken: ct))).ToDictionary(r => r.Id);
            var spaces = (await connection.QueryAsync<OwnedRef>(new CommandDefinition($"""
                SELECT sl.service_id AS owner_id, sp.id, sp.name FROM service_at_locations sl
                    JOIN locations l ON l.id = sl.location_id JOIN spaces sp ON sp.id = l.space_id
                WHERE {db.Dialect.In("sl.service_id", "@ids")}
                UNION
                SELECT ss.service_id AS owner_id, sp.id, sp.name FROM service_spaces ss JOIN spaces sp ON sp.id = ss.space_id
                WHERE {db.Dialect.In("ss.service_id", "@ids")}
                """, ids, cancellationToken: ct))).ToLookup(r => r.OwnerId);
            var networks = (await connection.QueryAsync<OwnedRef>(new CommandDefinition($"""
                SELECT sn.service_id AS owner_id, n.id, n.name FROM service_networks sn JOIN networks n ON n.id = sn.network_id
                WHERE {db.Dialect.In("sn.service_id", "@ids")}
                """, ids, cancellationToken: ct))).ToLookup(r => r.OwnerId);
            var shares = (await connection.QueryAsync<ShareSum>(new CommandDefinition($"""
                SELECT service_id, SUM(share_percent) AS total FROM service_fundings
                WHERE ends_on >= @on AND ends_on <= @until AND {db.Dialect.In("service_id", "@ids")} GROUP BY service_id
                """, ids, cancellationToken: ct))).ToDictionary(r => r.ServiceId, r => r.Total);
            return new EndingFundingsDto
            {
                On = on, Horizon = horizon.ToString(), Until = until, NextCursor = page.NextCursor, Total = page.Total,
                Items = page.Items.Select(f =>
                {
                    var s = services[f.ServiceId];
                    return new EndingFundingDto
                    {
                        Funding = f, DaysLeft = f.EndsOn!.Value.DayNumber - on.DayNumber, ServiceStatus = s.ServiceStatus,
                        OperatorActorId = s.OperatorActorId, OperatorName = s.OperatorName,
                        ShareEndingInHorizon = shares.GetValueOrDefault(f.ServiceId) is { } t ? Math.Round((decimal)t, 3) : null,
                        Spaces = spaces[f.ServiceId].OrderBy(r => r.Name, StringComparer.Ordinal)
                            .Select(r => new InventoryRefDto { Id = r.Id, Name = r.Name }).ToList(),
                        Networks = networks[f.ServiceId].OrderBy(r => r.Name, StringComparer.Ordinal)
                            .Select(r => new InventoryRefDto { Id = r.Id, Name = r.Name }).ToList(),
                    };
                }).ToList(),
            };
        }, cancellationToken);
    }

    private static Horizon Parse(string text) => Horizon.TryParse(text, out var h) ? h : Horizon.SixMonths;
}
