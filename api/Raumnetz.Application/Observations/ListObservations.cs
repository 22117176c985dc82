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
public sealed record ListObservationsQuery(Guid? IndicatorId, Guid? SpaceId, string? From, string? To, ObservationStatus? Status, int? Limit, string? Cursor)
    : IRequest<Page<ObservationDto>>;

public sealed class ListObservationsValidator : AbstractValidator<ListObservationsQuery>
{
    public ListObservationsValidator()
    {
        RuleFor(x => x.From).MaximumLength(10).Must(p => p is null || Period.TryParse(p, out _)).WithMessage(_ => Text.Format(Messages.Rule_PeriodSuchAs, "from"));
        RuleFor(x => x.To).MaximumLength(10).Must(p => p is null || Period.TryParse(p, out _)).WithMessage(_ => Text.Format(Messages.Rule_PeriodSuchAs, "to"));
        RuleFor(x => x.Status).DefinedEnum();
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(x => x.Cursor).Must(c => Cursor.TryDecode(c, out _)).WithMessage(_ => Messages.Rule_Cursor);
    }
}

public sealed class ListObservationsHandler(IDbConnectionFactory db, ICurrentUser user, SuppressionRules rules) : IRequestHandler<ListObservationsQuery, Page<ObservationDto>>
{
    public async Task<Page<ObservationDto>> Handle(ListObservationsQuery request, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? Paging.DefaultLimit;
        var where = new List<string>();
        var p = new DynamicParameters();
        if (request.IndicatorId is { } indicatorId) { where.Add("o.indicator_id = @indicatorId"); p.Add("indicatorId", indicatorId); }
        if (request.SpaceId is { } spaceId) { where.Add("o.space_id = @spaceId"); p.Add("spaceId", spaceId); }
        if (request.From is not null) { where.Add("o.first_month >= @from"); p.Add("from", Period.Parse(request.From).FirstMonth); }
        if (request.To is not null) { where.Add("o.last_month <= @to"); p.Add("to", Period.Parse(request.To).LastMonth); }
        if (request.Status is { } status) { where.Add("o.status = @status"); p.Add("status", status.ToString()); }
        Cursor.TryDecode(request.Cursor, out var cursor);
        if (cursor is not null && int.TryParse(cursor.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var ck))
        {
            where.Add("(o.first_month > @ck OR (o.first_month = @ck AND o.id > @cid))");
            p.Add("ck", ck);
            p.Add("cid", cursor.Id);
        }
        p.Add("take", limit + 1);
        var sql = $"""
            SELECT {ObservationRow.Columns} FROM {ObservationRow.From}
            {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}
            ORDER BY o.first_month, o.id {db.Dialect.Limit("@take")}
            """;
        return await db.ReadAsync(async (connection, ct) =>
        {
            var rows = (await connection.QueryAsync<ObservationRow>(new CommandDefinition(sql, p, cancellationToken: ct))).ToList();
            var page = Paging.ToPage(rows, limit, r => (r.FirstMonth.ToString(CultureInfo.InvariantCulture), r.Id));
            var withheld = await DisclosureReads.ForObservationsAsync(connection, db.Dialect, user, rules, page.Items, ct);
            return new Page<ObservationDto>(page.Items.Select(r => r.ToDto(DisclosureReads.IsWithheld(withheld, r))).ToList(), page.NextCursor);
        }, cancellationToken);
    }
}
