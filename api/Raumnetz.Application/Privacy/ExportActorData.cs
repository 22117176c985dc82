using System.Data.Common;
using Dapper;
using MediatR;
using Raumnetz.Application.Actors;
using Raumnetz.Application.Audit;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Privacy;

/// <summary>
/// Everything Raumnetz holds about an actor (GDPR Art. 15, for a person): master data, memberships, attendance,
/// responsibilities, relations, the records that refer to them, the free texts that mention their name, and the audit
/// entries about them and their memberships.
/// </summary>
public sealed record ExportActorDataQuery(Guid Id) : IRequest<ActorDataExport>;

public sealed class ExportActorDataHandler(IDbConnectionFactory db, ActorReads reads, TimeProvider clock)
    : IRequestHandler<ExportActorDataQuery, ActorDataExport>
{
    public Task<ActorDataExport> Handle(ExportActorDataQuery request, CancellationToken cancellationToken) =>
        db.ReadAsync(async (connection, ct) =>
        {
            var actor = await reads.LoadAsync(connection, null, request.Id, ct) ?? throw new NotFoundException("Actor", request.Id);
            var p = new { id = request.Id };
            var memberships = await QueryAsync<MembershipExport>(connection, """
                SELECT m.id, m.network_id, n.name AS network_name, m.role, m.delegated_from_network_id, m.valid_from, m.valid_to, m.note
                FROM network_members m JOIN networks n ON n.id = m.network_id WHERE m.actor_id = @id ORDER BY m.valid_from, m.id
                """, p, ct);
            var attendance = await QueryAsync<AttendanceExport>(connection, """
                SELECT a.meeting_id, mt.network_id, mt.title, mt.starts_at, a.member_id, a.attendance
                FROM meeting_attendance a JOIN network_members m ON m.id = a.member_id JOIN meetings mt ON mt.id = a.meeting_id
                WHERE m.actor_id = @id ORDER BY mt.starts_at, mt.id
                """, p, ct);
            var responsibilities = await QueryAsync<ResponsibilityExport>(connection, """
                SELECT t.id AS task_id, t.network_id, t.title, t.due_date, t.status
                FROM task_responsibles r JOIN tasks t ON t.id = r.task_id WHERE r.actor_id = @id ORDER BY t.id
                """, p, ct);
            var relations = await QueryAsync<RelationExport>(connection, """
                SELECT id, source_actor_id, target_actor_id, relation_type, is_contractual, valid_from, valid_to, note
                FROM actor_relations WHERE source_actor_id = @id OR target_actor_id = @id ORDER BY id
                """, p, ct);
            var references = new List<ReferenceExport>();
            foreach (var (type, table, column, label) in References)
            {
                var rows = await connection.QueryAsync<(Guid Id, string? Label)>(new CommandDefinition(
                    $"SELECT id, {label} FROM {table} WHERE {column} = @id ORDER BY id", p, cancellationToken: ct));
                references.AddRange(rows.Select(r => new ReferenceExport(type, r.Id.ToString(), AuditLog.CamelCase(column), r.Label)));
            }
            var mentions = await PrivacyTexts.FindMentionsAsync(connection, null, actor.Name, request.Id, ct);
            var ids = new List<string> { request.Id.ToString() };
            ids.AddRange(memberships.Select(m => m.Id.ToString()));
            var audit = await PrivacyAudit.EntriesAboutAsync(connection, db.Dialect, ids, ct);
            return new ActorDataExport
            {
                ExportedAt = clock.GetUtcNow(), Actor = actor, Memberships = memberships, Attendance = attendance,
                Responsibilities = responsibilities, Relations = relations, References = references, Mentions = mentions,
                    AuditEntries = audit,
            };
        }, cancellationToken);

    /// <summary>The records that refer to an actor by id: entity type, table, column, the column that names the record.</summary>
    private static readonly (string Type, string Table, string Column, string Label)[] References =
    [
        ("network", "networks", "coordinator_actor_id", "name"),
        ("actor", "actors", "parent_id", "name"),
        ("location", "locations", "owner_actor_id", "name"),
        ("service", "services", "operator_actor_id", "name"),
        ("funding", "service_fundings", "funder_actor_id", "programme"),
        ("assessment", "assessments", "actor_id", "period"),
    ];

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, object p, CancellationToken ct) =>
        (await connection.QueryAsync<T>(new CommandDefinition(sql, p, cancellationToken: ct))).ToList();
}

/// <summary>The audit entries a privacy export shows.</summary>
public static class PrivacyAudit
{
    public static async Task<List<AuditEntryDto>> EntriesAboutAsync(DbConnection connection, ISqlDialect dialect,
        IReadOnlyCollection<string> ids,
        CancellationToken ct) =>
        (await connection.QueryAsync<AuditRow>(new CommandDefinition(
            $"{ListAuditEntriesHandler.Select} WHERE {dialect.In("a.entity_id", "@ids")} ORDER BY a.occurred_at, a.id",
            new { ids = ids.ToList() }, cancellationToken: ct))).Select(r => r.ToDto()).ToList();

    public static async Task<List<AuditEntryDto>> EntriesByAsync(DbConnection connection, Guid userId, CancellationToken ct) =>
        (await connection.QueryAsync<AuditRow>(new CommandDefinition(
            $"{ListAuditEntriesHandler.Select} WHERE a.user_id = @userId ORDER BY a.occurred_at, a.id",
            new { userId }, cancellationToken: ct))).Select(r => r.ToDto()).ToList();
}
