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
public sealed record ListVerificationQueueQuery(DateOnly? On, bool IncludeDue, Guid? SpaceId, Guid? OperatorActorId, ListOptions List)
    : IRequest<VerificationQueueDto>, IListQuery
{
    /// <summary>
    /// Sorts: dueOn (default; never verified first, then by due day and name), name, operator (name), verifiedOn (never
    /// verified first), updatedAt. The queue is computed in code, so its keys are compared as text (see
    /// <see cref="Keyset.PageInMemory{T}"/>); the SQL of the columns is not used.
    /// </summary>
    public static readonly ListDefinition Sorts = new("s.id", "s.updated_at", "dueOn",
        new SortColumn("dueOn", "", SortKind.Text),
        new SortColumn("name", "", SortKind.Text),
        new SortColumn("operator", "", SortKind.Text),
        new SortColumn("verifiedOn", "", SortKind.Text),
        new SortColumn("updatedAt", "", SortKind.Text));
}

public sealed class ListVerificationQueueValidator : AbstractValidator<ListVerificationQueueQuery>
{
    public ListVerificationQueueValidator()
    {
        Include(new ListOptionsValidator<ListVerificationQueueQuery>(ListVerificationQueueQuery.Sorts));
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
        public DateTimeOffset UpdatedAt { get; init; }
    }

    public async Task<VerificationQueueDto> Handle(ListVerificationQueueQuery request, CancellationToken cancellationToken)
    {
        var on = request.On ?? clock.Today();
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
            if (request.List.ModifiedAfter is { } since) { where.Add("s.updated_at > @modifiedAfter"); p.Add("modifiedAfter",
                since.ToUniversalTime()); }
            var rows = await connection.QueryAsync<Row>(new CommandDefinition($"""
                {with}
                SELECT s.id AS service_id, s.name, s.status, s.operator_actor_id, a.name AS operator_name, s.verified_on, s.verified_by,
                    s.verification_interval_months AS interval_months, s.updated_at
                FROM services s LEFT JOIN actors a ON a.id = s.operator_actor_id
                WHERE {string.Join(" AND ", where)}
                """, p, cancellationToken: ct));
            return rows.Select(r => (Item: Item(r, on), r.UpdatedAt)).ToList();
        }, cancellationToken);
        var page = Keyset.PageInMemory(items, ListVerificationQueueQuery.Sorts, request.List, SortKey, x => x.Item.ServiceId);
        return new VerificationQueueDto
        {
            On = on, Items = [.. page.Items.Select(x => x.Item)], NextCursor = page.NextCursor, Total = page.Total,
        };
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

    /// <summary>
    /// The text key of an entry for a sort column, whose ordinal order is the column's order: never verified first ("0"), then
    /// by day (yyyy-MM-dd); the name after the day, so that entries of one day stand by name.
    /// </summary>
    private static string SortKey((VerificationQueueItemDto Item, DateTimeOffset UpdatedAt) entry, SortColumn column)
    {
        var i = entry.Item;
        static string Day(DateOnly? d) => d is { } day ? "1" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "0";
        return column.Name switch
        {
            "name" => TextRules.SearchKey(i.Name),
            "operator" => TextRules.SearchKey(i.OperatorName ?? ""),
            "verifiedOn" => Day(i.VerifiedOn) + TextRules.SearchKey(i.Name),
            "updatedAt" => entry.UpdatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            _ => Day(i.DueOn) + TextRules.SearchKey(i.Name),
        };
    }
}
