using Dapper;
using MediatR;
using Raumnetz.Application.Audit;
using Raumnetz.Application.Common;
using Raumnetz.Application.Users;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Privacy;

/// <summary>
/// Everything Raumnetz holds about a user account (GDPR Art. 15): the account, its sessions (browser and address), the
/// API keys it created, the records that keep its principal, the audit entries about it and those of what it did.
/// Never its password hash.
/// </summary>
public sealed record ExportUserDataQuery(Guid Id) : IRequest<UserDataExport>;

public sealed class ExportUserDataHandler(IDbConnectionFactory db, UserReads reads, TimeProvider clock)
    : IRequestHandler<ExportUserDataQuery, UserDataExport>
{
    public Task<UserDataExport> Handle(ExportUserDataQuery request, CancellationToken cancellationToken) =>
        db.ReadAsync(async (connection, ct) =>
        {
            var user = await reads.LoadAsync(connection, null, request.Id, ct) ?? throw new NotFoundException("User", request.Id);
            var principal = "user:" + request.Id;
            var sessions = (await connection.QueryAsync<SessionExport>(new CommandDefinition(
                """
                SELECT id, created_at, last_seen_at, expires_at, revoked_at, user_agent, address FROM sessions
                WHERE user_id = @Id ORDER BY created_at, id
                """,
                new { request.Id }, cancellationToken: ct))).ToList();
            var keys = (await connection.QueryAsync<ApiKeyExport>(new CommandDefinition(
                "SELECT id, name, role, created_at, revoked_at FROM api_keys WHERE created_by = @principal ORDER BY created_at, id",
                new { principal }, cancellationToken: ct))).ToList();
            var references = new List<ReferenceExport>();
            foreach (var (type, table, column) in References)
            {
                var ids = await connection.QueryAsync<Guid>(new CommandDefinition(
                    $"SELECT id FROM {table} WHERE {column} = @principal ORDER BY id", new { principal }, cancellationToken: ct));
                references.AddRange(ids.Select(id => new ReferenceExport(type, id.ToString(), AuditLog.CamelCase(column), null)));
            }
            return new UserDataExport
            {
                ExportedAt = clock.GetUtcNow(), User = user, Sessions = sessions, ApiKeysCreated = keys, References = references,
                AuditEntriesAbout = await PrivacyAudit.EntriesAboutAsync(connection, db.Dialect, [request.Id.ToString()], ct),
                AuditEntriesBy = await PrivacyAudit.EntriesByAsync(connection, request.Id, ct),
            };
        }, cancellationToken);

    /// <summary>The records that keep the principal of the account that wrote them.</summary>
    private static readonly (string Type, string Table, string Column)[] References =
    [
        ("assessment", "assessments", "created_by"),
        ("capacityEntry", "capacity_entries", "recorded_by"),
        ("serviceVerification", "service_verifications", "verified_by"),
        ("service", "services", "verified_by"),
    ];
}
