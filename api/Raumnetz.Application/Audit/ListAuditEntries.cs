using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Audit;

/// <summary>
/// The audit trail, newest first, filtered by entity, entity type, user (or API key, by principal) and period
/// (<see cref="From"/> inclusive, <see cref="To"/> exclusive).
/// </summary>
public sealed record ListAuditEntriesQuery(
    string? EntityId, string? EntityType, Guid? UserId, string? Principal, DateTimeOffset? From, DateTimeOffset? To, ListOptions List)
    : IRequest<Page<AuditEntryDto>>, IListQuery
{
    /// <summary>Sorts: -occurredAt (default, newest first), occurredAt, entityType, principal.</summary>
    public static readonly ListDefinition Sorts = new("a.id", "a.occurred_at", "-occurredAt",
        new SortColumn("occurredAt", "a.occurred_at", SortKind.Instant),
        new SortColumn("entityType", "a.entity_type", SortKind.Text),
        new SortColumn("principal", "a.principal", SortKind.Text));
}

public sealed class ListAuditEntriesValidator : AbstractValidator<ListAuditEntriesQuery>
{
    public ListAuditEntriesValidator()
    {
        RuleFor(x => x.EntityId).MaximumLength(100);
        RuleFor(x => x.EntityType).MaximumLength(60);
        RuleFor(x => x.Principal).MaximumLength(100);
        RuleFor(x => x.To).GreaterThan(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage(_ => Text.Format(Messages.Rule_After, "to", "from"));
        Include(new ListOptionsValidator<ListAuditEntriesQuery>(ListAuditEntriesQuery.Sorts));
    }
}

public sealed class ListAuditEntriesHandler(IDbConnectionFactory db) : IRequestHandler<ListAuditEntriesQuery, Page<AuditEntryDto>>
{
    /// <summary>The columns of an entry with the principal's current name.</summary>
    public const string Select = $"SELECT {Columns} FROM {From}";

    private const string Columns = """
        a.id, a.occurred_at, a.principal, a.user_id, a.api_key_id, COALESCE(u.display_name, k.name) AS principal_name,
            a.entity_type, a.entity_id, a.action, a.changes, a.trace_id
        """;

    private const string From = "audit_entries a LEFT JOIN users u ON u.id = a.user_id LEFT JOIN api_keys k ON k.id = a.api_key_id";

    public async Task<Page<AuditEntryDto>> Handle(ListAuditEntriesQuery request, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var p = new DynamicParameters();
        if (!string.IsNullOrWhiteSpace(request.EntityId))
        {
            where.Add("a.entity_id = @entityId");
            p.Add("entityId", Guid.TryParse(request.EntityId, out var g) ? g.ToString() : request.EntityId.Trim());
        }
        if (!string.IsNullOrWhiteSpace(request.EntityType))
        {
            where.Add("a.entity_type = @entityType");
            p.Add("entityType", request.EntityType.Trim());
        }
        if (request.UserId is { } userId) { where.Add("a.user_id = @userId"); p.Add("userId", userId); }
        if (!string.IsNullOrWhiteSpace(request.Principal))
        {
            where.Add("a.principal = @principal");
            p.Add("principal", request.Principal.Trim().ToLowerInvariant());
        }
        if (request.From is { } from) { where.Add("a.occurred_at >= @from"); p.Add("from", from.ToUniversalTime()); }
        if (request.To is { } to) { where.Add("a.occurred_at < @to"); p.Add("to", to.ToUniversalTime()); }
        var sql = new ListSql(Columns, From, where, p);
        var page = await db.ReadAsync((connection, ct) =>
            connection.QueryListAsync<AuditRow>(db.Dialect, ListAuditEntriesQuery.Sorts, request.List, sql, r => r.Id, ct),
            cancellationToken);
        return new Page<AuditEntryDto>([.. page.Items.Select(r => r.ToDto())], page.NextCursor, page.Total);
    }
}

/// <summary>An entry as stored.</summary>
public sealed class AuditRow
{
    public Guid Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public string Principal { get; init; } = "";
    public Guid? UserId { get; init; }
    public Guid? ApiKeyId { get; init; }
    public string? PrincipalName { get; init; }
    public string EntityType { get; init; } = "";
    public string? EntityId { get; init; }
    public string Action { get; init; } = "";
    public string? Changes { get; init; }
    public string? TraceId { get; init; }

    public AuditEntryDto ToDto() => new()
    {
        Id = Id, OccurredAt = OccurredAt, Principal = Principal, UserId = UserId, ApiKeyId = ApiKeyId, PrincipalName = PrincipalName,
        EntityType = EntityType, EntityId = EntityId, Action = Action, Changes = AuditLog.Parse(Changes), TraceId = TraceId,
    };
}
