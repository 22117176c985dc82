using System.Globalization;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Audit;

/// <summary>What an import brought in: indicator values, spaces, an inventory table or an HSDS inventory.</summary>
public enum RecentImportKind
{
    Observations = 1,
    Spaces = 2,
    Inventory = 3,
    Hsds = 4,
}

/// <summary>One import as the audit trail recorded it: when, by whom, what kind, and its counts (rows, created, updated, ...).</summary>
public sealed record RecentImportDto
{
    public Guid Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    /// <summary>The user's display name or the API key's name, as they are now; null for the system.</summary>
    public string? By { get; init; }
    public RecentImportKind Kind { get; init; }
    /// <summary>The import's counts by name (rows, created, updated; for HSDS records, organizations, locations, services, ...).</summary>
    public IReadOnlyDictionary<string, long> Counts { get; init; } = new Dictionary<string, long>();
}

/// <summary>The latest imports, newest first: a small read of the audit trail for every signed-in account (the start page).</summary>
public sealed record ListRecentImportsQuery(int? Limit) : IRequest<IReadOnlyList<RecentImportDto>>
{
    public const int DefaultLimit = 5;
    public const int MaxLimit = 20;
}

public sealed class ListRecentImportsValidator : AbstractValidator<ListRecentImportsQuery>
{
    public ListRecentImportsValidator() => RuleFor(x => x.Limit).InclusiveBetween(1, ListRecentImportsQuery.MaxLimit);
}

public sealed class ListRecentImportsHandler(IDbConnectionFactory db)
    : IRequestHandler<ListRecentImportsQuery, IReadOnlyList<RecentImportDto>>
{
    private sealed class Row
    {
        public Guid Id { get; init; }
        public DateTimeOffset OccurredAt { get; init; }
        public string? PrincipalName { get; init; }
        public string EntityType { get; init; } = "";
        public string Action { get; init; } = "";
        public string? Changes { get; init; }
    }

    public async Task<IReadOnlyList<RecentImportDto>> Handle(ListRecentImportsQuery request, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT a.id, a.occurred_at, COALESCE(u.display_name, k.name) AS principal_name, a.entity_type, a.action, a.changes
            FROM audit_entries a LEFT JOIN users u ON u.id = a.user_id LEFT JOIN api_keys k ON k.id = a.api_key_id
            WHERE a.action IN ('import', 'importHsds') AND a.entity_type IN (@observation, @space, @inventory)
            ORDER BY a.occurred_at DESC, a.id DESC {db.Dialect.Limit("@take")}
            """;
        var rows = await db.ReadAsync(async (connection, ct) => (await connection.QueryAsync<Row>(new CommandDefinition(sql,
            new
            {
                take = request.Limit ?? ListRecentImportsQuery.DefaultLimit, observation = AuditEntities.Observation.Type,
                space = AuditEntities.Space.Type, inventory = AuditEntities.Inventory.Type,
            }, cancellationToken: ct))).ToList(), cancellationToken);
        return rows.Select(r => new RecentImportDto
        {
            Id = r.Id, OccurredAt = r.OccurredAt, By = r.PrincipalName, Kind = KindOf(r.EntityType, r.Action), Counts = Counts(r.Changes),
        }).ToList();
    }

    private static RecentImportKind KindOf(string entityType, string action) =>
        entityType == AuditEntities.Observation.Type ? RecentImportKind.Observations
        : entityType == AuditEntities.Space.Type ? RecentImportKind.Spaces
        : action == "importHsds" ? RecentImportKind.Hsds
        : RecentImportKind.Inventory;

    /// <summary>The whole numbers among the entry's fields (an import's summary is a set of counts).</summary>
    private static Dictionary<string, long> Counts(string? changes)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var change in AuditLog.Parse(changes))
            if (long.TryParse(change.New, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) counts[change.Field] = n;
        return counts;
    }
}
