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
    string? EntityId, string? EntityType, Guid? UserId, string? Principal, DateTimeOffset? From, DateTimeOffset? To, int? Limit,
        string? Cursor)
    : IRequest<Page<AuditEntryDto>>;

public sealed class ListAuditEntriesValidator : AbstractValidator<ListAuditEntriesQuery>
{
    public ListAuditEntriesValidator()
    {
        RuleFor(x => x.EntityId).MaximumLength(100);
        RuleFor(x => x.EntityType).MaximumLength(60);
        RuleFor(x => x.Principal).MaximumLength(100);
        RuleFor(x => x.To).GreaterThan(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage(_ => Text.Format(Messages.Rule_After, "to", "from"));
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(x => x.Cursor).Must(c => Cursor.TryDecode(c, out var cursor) && (cursor is null || DateTimeOffset.TryParse(cursor.Key,
            System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out _)))
            .WithMessage(_ => Messages.Rule_Cursor);
    }
}

public sealed class ListAuditEntriesHandler(IDbConnectionFactory db) : IRequestHandler<ListAuditEntriesQuery, Page<AuditEntryDto>>
{
    /// <summary>The columns of an entry with the principal's current name.</summary>
    public const string Select = """
        SELECT a.id, a.occurred_at, a.principal, a.user_id, a.api_key_id, COALESCE(u.display_name, k.name) AS principal_name,
            a.entity_type, a.entity_id, a.action, a.changes, a.trace_id
        FROM audit_entries a LEFT JOIN users u ON u.id = a.user_id LEFT JOIN api_keys k ON k.id = a.api_key_id
        """;

    public async Task<Page<AuditEntryDto>> Handle(ListAuditEntriesQuery request, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? Paging.DefaultLimit;
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
        Cursor.TryDecode(request.Cursor, out var cursor);
        if (cursor is not null)
        {
            where.Add("(a.occurred_at < @ck OR (a.occurred_at = @ck AND a.id < @cid))");
            p.Add("ck", DateTimeOffset.Parse(cursor.Key, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.RoundtripKind));
            p.Add("cid", cursor.Id);
        }
        p.Add("take", limit + 1);
        var sql = $"""
            {Select}
            {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}
            ORDER BY a.occurred_at DESC, a.id DESC {db.Dialect.Limit("@take")}
            """;
        var rows = await db.ReadAsync(async (connection, ct) =>
            (await connection.QueryAsync<AuditRow>(new CommandDefinition(sql, p, cancellationToken: ct))).ToList(), cancellationToken);
        var page = Paging.ToPage(rows, limit, r => (r.OccurredAt.ToUniversalTime().ToString("O",
            System.Globalization.CultureInfo.InvariantCulture), r.Id));
        return new Page<AuditEntryDto>(page.Items.Select(r => r.ToDto()).ToList(), page.NextCursor);
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
