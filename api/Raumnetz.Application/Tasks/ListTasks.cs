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
    int? Limit, string? Cursor)
    : IRequest<Page<TaskDto>>;

public sealed class ListTasksValidator : AbstractValidator<ListTasksQuery>
{
    public ListTasksValidator()
    {
        RuleFor(x => x.Status).DefinedEnum();
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(x => x.Cursor)
            .Must(c => Cursor.TryDecode(c, out var cursor)
            && (cursor is null
                || DateOnly.TryParseExact(cursor.Key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
            .WithMessage(_ => Messages.Rule_Cursor);
    }
}

public sealed class ListTasksHandler(IDbConnectionFactory db, TaskReads reads, TimeProvider clock)
    : IRequestHandler<ListTasksQuery, Page<TaskDto>>
{
    /// <summary>Sort key of agreements without due date: after every real date.</summary>
    private static readonly DateOnly NoDueDate = new(9999, 12, 31);

    public async Task<Page<TaskDto>> Handle(ListTasksQuery request, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? Paging.DefaultLimit;
        var today = clock.Today();
        var where = new List<string>();
        var p = new DynamicParameters();
        p.Add("far", NoDueDate);
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
        Cursor.TryDecode(request.Cursor, out var cursor);
        if (cursor is not null)
        {
            where.Add("(COALESCE(t.due_date, @far) > @ck OR (COALESCE(t.due_date, @far) = @ck AND t.id > @cid))");
            p.Add("ck", DateOnly.ParseExact(cursor.Key, "yyyy-MM-dd", CultureInfo.InvariantCulture));
            p.Add("cid", cursor.Id);
        }
        p.Add("take", limit + 1);
        var sql = $"""
            SELECT {TaskReads.Columns} FROM {TaskReads.From}
            {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}
            ORDER BY COALESCE(t.due_date, @far), t.id {db.Dialect.Limit("@take")}
            """;
        return await db.ReadAsync(async (connection, ct) =>
        {
            var rows = (await connection.QueryAsync<TaskDto>(new CommandDefinition(sql, p, cancellationToken: ct))).ToList();
            var page = Paging.ToPage(rows, limit, t
                => ((t.DueDate ?? NoDueDate).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), t.Id));
            return page with { Items = await reads.CompleteAsync(connection, null, page.Items, today, ct) };
        }, cancellationToken);
    }
}
