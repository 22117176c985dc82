using System.Data.Common;
using Dapper;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Networks;

namespace Raumnetz.Application.Tasks;

/// <summary>The loads of agreements that several use cases share: GET, the list, and the answers of create and update.</summary>
public sealed class TaskReads(IDbConnectionFactory db)
{
    /// <summary>The columns of <see cref="TaskDto"/> (without its responsibles and whether it is overdue).</summary>
    public const string Columns = """
        t.id, t.network_id, n.name AS network_name, t.meeting_id, mt.starts_at AS meeting_starts_at, t.title, t.description, t.due_date,
        t.status, t.outcome, t.version, t.created_at, t.updated_at
        """;

    public const string From = "tasks t JOIN networks n ON n.id = t.network_id LEFT JOIN meetings mt ON mt.id = t.meeting_id";

    /// <summary>The agreement with this id; null when there is none.</summary>
    public async Task<TaskDto?> LoadAsync(DbConnection connection, DbTransaction? tx, Guid id, DateOnly today, CancellationToken ct)
    {
        var task = await connection.QuerySingleOrDefaultAsync<TaskDto>(new CommandDefinition(
            $"SELECT {Columns} FROM {From} WHERE t.id = @id", new { id }, tx, cancellationToken: ct));
        return task is null ? null : (await CompleteAsync(connection, tx, [task], today, ct))[0];
    }

    /// <summary>Fills in the responsible actors (one query for the whole set) and whether each agreement is overdue today.</summary>
    public async Task<List<TaskDto>> CompleteAsync(DbConnection connection, DbTransaction? tx, IReadOnlyList<TaskDto> tasks, DateOnly today,
        CancellationToken ct)
    {
        if (tasks.Count == 0) return [];
        var responsibles = await connection.QueryByOwnerAsync<TaskResponsibleDto>($"""
            SELECT r.task_id, r.actor_id, a.name FROM task_responsibles r JOIN actors a ON a.id = r.actor_id
            WHERE {db.Dialect.In("r.task_id", "@ids")} ORDER BY a.search_key, a.id
            """, new { ids = tasks.Select(t => t.Id).ToList() }, "actor_id", tx, ct);
        return tasks.Select(t => t with
        {
            Responsibles = responsibles[t.Id].ToList(),
            IsOverdue = AgreementRules.IsOverdue(t.Status, t.DueDate, today),
        }).ToList();
    }
}
