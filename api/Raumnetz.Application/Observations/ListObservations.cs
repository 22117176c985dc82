using Raumnetz.Domain.Common;
using System.Globalization;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Indicators;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Observations;

/// <summary>
/// Observations sorted by period (earliest first), filtered by indicator, space, period range and status. Small numbers
/// and what would reveal them through a total are withheld for viewers and analysts (flagged <c>suppressed</c>), exactly
/// as in every other response (<see cref="Disclosure"/>).
/// </summary>
public sealed record ListObservationsQuery(Guid? IndicatorId, Guid? SpaceId, string? From, string? To, ObservationStatus? Status, ListOptions List)
    : IRequest<Page<ObservationDto>>, IListQuery
{
    /// <summary>Sorts: period (default; by its first month), status, updatedAt.</summary>
    public static readonly ListDefinition Sorts = new("o.id", "o.updated_at", "period",
        new SortColumn("period", "o.first_month", SortKind.Number),
        new SortColumn("status", "o.status", SortKind.Text),
        new SortColumn("updatedAt", "o.updated_at", SortKind.Instant));
}

public sealed class ListObservationsValidator : AbstractValidator<ListObservationsQuery>
{
    public ListObservationsValidator()
    {
        RuleFor(x => x.From).MaximumLength(10).Must(p => p is null || Period.TryParse(p, out _)).WithMessage(_ => Text.Format(Messages.Rule_PeriodSuchAs, "from"));
        RuleFor(x => x.To).MaximumLength(10).Must(p => p is null || Period.TryParse(p, out _)).WithMessage(_ => Text.Format(Messages.Rule_PeriodSuchAs, "to"));
        RuleFor(x => x.Status).DefinedEnum();
        Include(new ListOptionsValidator<ListObservationsQuery>(ListObservationsQuery.Sorts));
    }
}

public sealed class ListObservationsHandler(IDbConnectionFactory db, ICurrentUser user, SuppressionRules rules) : IRequestHandler<ListObservationsQuery, Page<ObservationDto>>
{
    public async Task<Page<ObservationDto>> Handle(ListObservationsQuery request, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var p = new DynamicParameters();
        if (request.IndicatorId is { } indicatorId) { where.Add("o.indicator_id = @indicatorId"); p.Add("indicatorId", indicatorId); }
        if (request.SpaceId is { } spaceId) { where.Add("o.space_id = @spaceId"); p.Add("spaceId", spaceId); }
        if (request.From is not null) { where.Add("o.first_month >= @from"); p.Add("from", Period.Parse(request.From).FirstMonth); }
        if (request.To is not null) { where.Add("o.last_month <= @to"); p.Add("to", Period.Parse(request.To).LastMonth); }
        if (request.Status is { } status) { where.Add("o.status = @status"); p.Add("status", status.ToString()); }
        var sql = new ListSql(ObservationRow.Columns, ObservationRow.From, where, p);
        return await db.ReadAsync(async (connection, ct) =>
        {
            var page = await connection.QueryListAsync<ObservationRow>(db.Dialect, ListObservationsQuery.Sorts, request.List, sql, r => r.Id, ct);
            var withheld = await DisclosureReads.ForObservationsAsync(connection, db.Dialect, user, rules, page.Items, ct);
            return new Page<ObservationDto>(page.Items.Select(r => r.ToDto(DisclosureReads.IsWithheld(withheld, r))).ToList(), page.NextCursor,
                page.Total);
        }, cancellationToken);
    }
}
