using Raumnetz.Domain.Common;
using System.Globalization;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Networks;
using Raumnetz.Domain.Networks;

namespace Raumnetz.Application.Tasks;

/// <summary>
/// Agreements sorted by due date (those without one last). Filters: network, meeting, a responsible actor, status,
/// and overdue (true: past due and neither done nor dropped; false: all others).
/// </summary>
public sealed record ListTasksQuery(Guid? NetworkId, Guid? MeetingId, Guid? ResponsibleActorId, AgreementStatus? Status, bool? Overdue,
    ListOptions List)
    : IRequest<Page<TaskDto>>, IListQuery
{
    /// <summary>Sorts: dueOn (default; agreements without a due date last), title, status, updatedAt.</summary>
    public static readonly ListDefinition Sorts = new("t.id", "t.updated_at", "dueOn",
        SortColumn.DateOrLast("dueOn", "t.due_date"),
        new SortColumn("title", "t.title", SortKind.Text),
        new SortColumn("status", "t.status", SortKind.Text),
        new SortColumn("updatedAt", "t.updated_at", SortKind.Instant));
}

public sealed class ListTasksValidator : AbstractValidator<ListTasksQuery>
{
    public ListTasksValidator()
    {
        RuleFor(x => x.Status).DefinedEnum();
        Include(new ListOptionsValidator<ListTasksQuery>(ListTasksQuery.Sorts));
    }
}

public sealed class ListTasksHandler(IDbConnectionFactory db, TaskReads reads, TimeProvider clock)
    : IRequestHandler<ListTasksQuery, Page<TaskDto>>
{
    public async Task<Page<TaskDto>> Handle(ListTasksQuery request, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var where = new List<string>();
        var p = new DynamicParameters();
        if (request.NetworkId is { } networkId) { where.Add("t.network_id = @networkId"); p.Add("networkId", networkId); }
        if (request.MeetingId is { } meetingId) { where.Add("t.meeting_id = @meetingId"); p.Add("meetingId", meetingId); }
        if (request.ResponsibleActorId is { } actorId)
        {
            where.Add("EXISTS (SELECT 1 FROM task_responsibles r WHERE r.task_id = t.id AND r.actor_id = @actorId)");
            p.Add("actorId", actorId);
        }
        if (request.Status is { } status) { where.Add("t.status = @status"); p.Add("status", status.ToString()); }
        if (request.Overdue is { } overdue)
        {
            // Without a due date an agreement is never overdue (IS NOT NULL keeps NOT from meeting a NULL).
            const string isOverdue = "(t.due_date IS NOT NULL AND t.due_date < @today AND t.status IN (@open, @inProgress))";
            where.Add(overdue ? isOverdue : $"NOT {isOverdue}");
            p.Add("today", today);
            p.Add("open", nameof(AgreementStatus.Open));
            p.Add("inProgress", nameof(AgreementStatus.InProgress));
        }
        var sql = new ListSql(TaskReads.Columns, TaskReads.From, where, p);
        return await db.ReadAsync(async (connection, ct) =>
        {
            var page = await connection.QueryListAsync<TaskDto>(db.Dialect, ListTasksQuery.Sorts, request.List, sql, t => t.Id, ct);
            return page with { Items = await reads.CompleteAsync(connection, null, page.Items, today, ct) };
        }, cancellationToken);
    }
}
