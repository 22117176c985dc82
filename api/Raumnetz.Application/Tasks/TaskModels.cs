using System.Data.Common;
using AutoMapper;
using Dapper;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Networks;

namespace Raumnetz.Application.Tasks;

/// <summary>
/// An agreement (Verabredung) made in a network, possibly in one of its meetings: what was agreed, who is
/// responsible (one or more actors), by when, where it stands, and the outcome.
/// </summary>
public sealed record TaskDto
{
    public Guid Id { get; init; }
    public Guid NetworkId { get; init; }
    public string NetworkName { get; init; } = "";
    /// <summary>The meeting the agreement was made in, if any.</summary>
    public Guid? MeetingId { get; init; }
    public DateTimeOffset? MeetingStartsAt { get; init; }
    public string Title { get; init; } = "";
    public string? Description { get; init; }
    public IReadOnlyList<TaskResponsibleDto> Responsibles { get; init; } = [];
    public DateOnly? DueDate { get; init; }
    public AgreementStatus Status { get; init; }
    public string? Outcome { get; init; }
    /// <summary>Past its due date and neither done nor dropped.</summary>
    public bool IsOverdue { get; init; }
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>An actor responsible for an agreement.</summary>
public sealed record TaskResponsibleDto
{
    public Guid ActorId { get; init; }
    public string Name { get; init; } = "";
}

public sealed class TaskRow
{
    public Guid Id { get; init; }
    public Guid NetworkId { get; init; }
    public string NetworkName { get; init; } = "";
    public Guid? MeetingId { get; init; }
    public DateTimeOffset? MeetingStartsAt { get; init; }
    public string Title { get; init; } = "";
    public string? Description { get; init; }
    public DateOnly? DueDate { get; init; }
    public AgreementStatus Status { get; init; }
    public string? Outcome { get; init; }
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public const string Columns = """
        t.id, t.network_id, n.name AS network_name, t.meeting_id, mt.starts_at AS meeting_starts_at, t.title, t.description, t.due_date,
        t.status, t.outcome, t.version, t.created_at, t.updated_at
        """;

    public const string From = "tasks t JOIN networks n ON n.id = t.network_id LEFT JOIN meetings mt ON mt.id = t.meeting_id";
}

public sealed class TaskMappingProfile : Profile
{
    public TaskMappingProfile()
    {
        CreateMap<TaskRow, TaskDto>()
            .ForMember(d => d.Responsibles, o => o.Ignore())
            .ForMember(d => d.IsOverdue, o => o.Ignore());
    }
}

internal static class TaskLoader
{
    private sealed class ResponsibleRow
    {
        public Guid TaskId { get; init; }
        public Guid ActorId { get; init; }
        public string Name { get; init; } = "";
    }

    public static async Task<TaskDto?> LoadAsync(DbConnection connection, DbTransaction? tx, ISqlDialect dialect, IMapper mapper, Guid id, DateOnly today)
    {
        var row = await connection.QuerySingleOrDefaultAsync<TaskRow>($"SELECT {TaskRow.Columns} FROM {TaskRow.From} WHERE t.id = @id", new { id }, tx);
        return row is null ? null : (await CompleteAsync(connection, tx, dialect, mapper, [row], today))[0];
    }

    public static async Task<IReadOnlyList<TaskDto>> CompleteAsync(DbConnection connection, DbTransaction? tx, ISqlDialect dialect, IMapper mapper, IReadOnlyList<TaskRow> rows, DateOnly today)
    {
        if (rows.Count == 0) return [];
        var p = new { ids = rows.Select(r => r.Id).ToList() };
        var responsibles = (await connection.QueryAsync<ResponsibleRow>($"""
            SELECT r.task_id, r.actor_id, a.name FROM task_responsibles r JOIN actors a ON a.id = r.actor_id
            WHERE {dialect.In("r.task_id", "@ids")} ORDER BY a.search_key, a.id
            """, p, tx)).ToLookup(r => r.TaskId);
        return rows.Select(r => mapper.Map<TaskDto>(r) with
        {
            Responsibles = responsibles[r.Id].Select(x => new TaskResponsibleDto { ActorId = x.ActorId, Name = x.Name }).ToList(),
            IsOverdue = AgreementRules.IsOverdue(r.Status, r.DueDate, today),
        }).ToList();
    }
}
