using Raumnetz.Domain.Common;
using System.Globalization;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Networks;
using Raumnetz.Application.Inventory;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Verification;

/// <summary>
/// Services that need verifying on the reference day (today when omitted): never verified, or overdue (verified on +
/// interval months lies before the day); with <see cref="IncludeDue"/> also those due on the day itself. Archived and
/// defunct services are left out. Most urgent first: never verified, then by due day. Filters: space (services standing
/// in or serving it or a space below it), operator.
/// </summary>
public sealed record ListVerificationQueueQuery(DateOnly? On, bool IncludeDue, Guid? SpaceId, Guid? OperatorActorId, int? Limit,
    string? Cursor) : IRequest<VerificationQueueDto>;

public sealed class ListVerificationQueueValidator : AbstractValidator<ListVerificationQueueQuery>
{
    public ListVerificationQueueValidator()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(x => x.Cursor).Must(c => Cursor.TryDecode(c, out _)).WithMessage(_ => Messages.Rule_Cursor);
    }
}

public sealed class ListVerificationQueueHandler(IDbConnectionFactory db, TimeProvider clock)
    : IRequestHandler<ListVerificationQueueQuery, VerificationQueueDto>
{
    private sealed class Row
    {
        public Guid ServiceId { get; init; }
        public string Name { get; init; } = "";
        public ServiceStatus Status { get; init; }
        public Guid? OperatorActorId { get; init; }
        public string? OperatorName { get; init; }
        public DateOnly? VerifiedOn { get; init; }
        public string? VerifiedBy { get; init; }
        public int IntervalMonths { get; init; }
    }

    public async Task<VerificationQueueDto> Handle(ListVerificationQueueQuery request, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? Paging.DefaultLimit;
        var on = request.On ?? clock.Today();
        Cursor.TryDecode(request.Cursor, out var cursor);
        var items = await db.ReadAsync(async (connection, ct) =>
        {
            var p = new DynamicParameters();
            p.Add("defunct", ServiceStatus.Defunct.ToString());
            var where = new List<string>
            {
                "s.archived_at IS NULL", "s.status <> @defunct",
                request.IncludeDue ? VerificationFilter.DueOrOverdue("s", on, p) : VerificationFilter.Overdue("s", on, p),
            };
            var with = "";
            if (request.SpaceId is { } spaceId)
            {
                with = $"{db.Dialect.WithRecursive} {InventoryFilters.SpaceSubtree}";
                where.Add(InventoryFilters.ServiceInSpaceSubtree("s.id"));
                p.Add("spaceId", spaceId);
            }
            if (request.OperatorActorId is { } operatorId) { where.Add("s.operator_actor_id = @operatorId"); p.Add("operatorId",
                operatorId); }
            var rows = await connection.QueryAsync<Row>(new CommandDefinition($"""
                {with}
                SELECT s.id AS service_id, s.name, s.status, s.operator_actor_id, a.name AS operator_name, s.verified_on, s.verified_by,
                    s.verification_interval_months AS interval_months
                FROM services s LEFT JOIN actors a ON a.id = s.operator_actor_id
                WHERE {string.Join(" AND ", where)}
                """, p, cancellationToken: ct));
            return rows.Select(r => Item(r, on)).ToList();
        }, cancellationToken);
        var ordered = items.Select(i => (Key: SortKey(i), Item: i))
            .Where(x => cursor is null || string.CompareOrdinal(x.Key, cursor.Key) > 0
                || (x.Key == cursor.Key && x.Item.ServiceId.CompareTo(cursor.Id) > 0))
            .OrderBy(x => x.Key, StringComparer.Ordinal).ThenBy(x => x.Item.ServiceId).ToList();
        var page = Paging.ToPage(ordered, limit, x => (x.Key, x.Item.ServiceId));
        return new VerificationQueueDto { On = on, Items = page.Items.Select(x => x.Item).ToList(), NextCursor = page.NextCursor };
    }

    private static VerificationQueueItemDto Item(Row r, DateOnly on)
    {
        var due = VerificationRules.DueOn(r.VerifiedOn, r.IntervalMonths);
        return new VerificationQueueItemDto
        {
            ServiceId = r.ServiceId, Name = r.Name, Status = r.Status, OperatorActorId = r.OperatorActorId, OperatorName = r.OperatorName,
            VerifiedOn = r.VerifiedOn, VerifiedBy = r.VerifiedBy, IntervalMonths = r.IntervalMonths, DueOn = due,
            DaysOverdue = due is { } d ? on.DayNumber - d.DayNumber : null,
            State = VerificationRules.StateOn(r.VerifiedOn, r.IntervalMonths, on),
        };
    }

    /// <summary>Never verified first ("0"), then by due day and name.</summary>
    private static string SortKey(VerificationQueueItemDto i) =>
        i.DueOn is { } d ? "1" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + i.Name : "0" + i.Name;
}
