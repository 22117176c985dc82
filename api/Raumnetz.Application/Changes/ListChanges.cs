using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Authorization;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Identity;

namespace Raumnetz.Application.Changes;

/// <summary>
/// The changes feed after a position (<see cref="After"/>, a cursor of this feed; none: from the start), oldest first,
/// optionally only of some entity types (<see cref="Types"/>, comma-separated).
/// </summary>
public sealed record ListChangesQuery(string? After, string? Types, int? Limit) : IRequest<ChangesPage>
{
    /// <summary>At most this many types in <see cref="Types"/>.</summary>
    public const int MaxTypes = 50;

    /// <summary>The requested types, trimmed, without empty entries; null when none were given.</summary>
    public IReadOnlyList<string>? TypeList => string.IsNullOrWhiteSpace(Types) ? null
        : Types.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
}

public sealed class ListChangesValidator : AbstractValidator<ListChangesQuery>
{
    public ListChangesValidator()
    {
        RuleFor(x => x.After).Must(a => ChangeCursor.TryDecode(a, out _)).WithMessage(_ => Messages.Changes_After);
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(x => x.Types).MaximumLength(2000);
        RuleFor(x => x.TypeList).Must(t => t is null || t.Count <= ListChangesQuery.MaxTypes).OverridePropertyName("types")
            .WithMessage(_ => Text.Format(Messages.Changes_TooManyTypes, ListChangesQuery.MaxTypes));
        RuleFor(x => x.TypeList).Must(t => t is null || Unknown(t) is null).OverridePropertyName("types")
            .WithMessage(x => Text.Format(Messages.Changes_UnknownType, Unknown(x.TypeList!), string.Join(", ", ChangeFeed.EntityTypes)));
    }

    private static string? Unknown(IReadOnlyList<string> types) =>
        types.FirstOrDefault(t => !ChangeFeed.EntityTypes.Contains(t, StringComparer.Ordinal));
}

/// <summary>
/// Reads the feed as the caller may: administrators see every change; other roles see every change except those of
/// accounts and API keys; a caller whose global role does not write and who holds grants (a key or user scoped to networks
/// or space subtrees) sees only the changes inside its grants: a network grant its network, its members, meetings and
/// tasks; a space grant the subtree's spaces, observations, assessments and locations.
/// </summary>
public sealed class ListChangesHandler(IDbConnectionFactory db, ICurrentUser user, GrantReads grants)
    : IRequestHandler<ListChangesQuery, ChangesPage>
{
    private sealed class Row
    {
        public long Seq { get; init; }
        public string EntityType { get; init; } = "";
        public string EntityId { get; init; } = "";
        public string Action { get; init; } = "";
        public long? Version { get; init; }
        public string? Fields { get; init; }
        public DateTimeOffset OccurredAt { get; init; }
    }

    public async Task<ChangesPage> Handle(ListChangesQuery request, CancellationToken cancellationToken)
    {
        ChangeCursor.TryDecode(request.After, out var after);
        var limit = request.Limit ?? Paging.DefaultLimit;
        var types = (request.TypeList ?? ChangeFeed.EntityTypes)
            .Where(t => user.Role == Role.Admin || !ChangeFeed.AdminOnlyTypes.Contains(t)).ToList();
        var scope = await ScopeAsync(cancellationToken);

        var p = new DynamicParameters();
        p.Add("after", after);
        p.Add("take", limit + 1);
        p.Add("types", types);
        var where = new List<string> { "c.seq > @after", "c.seq <= @head", db.Dialect.In("c.entity_type", "@types") };
        var with = "";
        if (scope is not null)
        {
            var (inNetworks, networks) = db.Dialect.InIds("c.network_id", "@networks", scope.Networks);
            var (inRoots, roots) = db.Dialect.InIds("id", "@roots", scope.Spaces);
            p.Add("networks", networks);
            p.Add("roots", roots);
            with = $"""
                {db.Dialect.WithRecursive} scope_spaces (id, depth) AS (
                    SELECT id, 0 FROM spaces WHERE {inRoots}
                    UNION ALL
                    SELECT s.id, d.depth + 1 FROM spaces s JOIN scope_spaces d ON s.parent_id = d.id WHERE d.depth < 64)
                """;
            where.Add($"({inNetworks} OR c.space_id IN (SELECT id FROM scope_spaces))");
        }
        var sql = $"""
            {with}
            SELECT c.seq, c.entity_type, c.entity_id, c.action, c.version, c.fields, c.occurred_at
            FROM entity_changes c
            WHERE {string.Join(" AND ", where)}
            ORDER BY c.seq {db.Dialect.Limit("@take")}
            """;
        return await db.ReadAsync(async (connection, ct) =>
        {
            // The head first, in a statement of its own: every change up to it has committed (writers number their changes
            // in commit order), so a page that ends before the limit may move the position up to it, past changes this
            // caller does not see, without ever stepping over one that commits later.
            var head = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT MAX(seq) FROM entity_changes", cancellationToken: ct)) ?? 0;
            p.Add("head", head);
            var rows = (await connection.QueryAsync<Row>(new CommandDefinition(sql, p, cancellationToken: ct))).ToList();
            var hasMore = rows.Count > limit;
            var items = rows.Take(limit).Select(r => new ChangeDto
            {
                Cursor = ChangeCursor.Encode(r.Seq), EntityType = r.EntityType, EntityId = r.EntityId, Action = r.Action,
                Version = r.Version, OccurredAt = r.OccurredAt,
                Fields = r.Fields is null ? null : System.Text.Json.JsonSerializer.Deserialize<List<string>>(r.Fields),
            }).ToList();
            var next = hasMore ? items[^1].Cursor : ChangeCursor.Encode(Math.Max(after, head));
            return new ChangesPage { Items = items, Next = next, HasMore = hasMore };
        }, cancellationToken);
    }

    private sealed record Scope(List<Guid> Networks, List<Guid> Spaces);

    /// <summary>The grants that narrow the caller's feed, or null when it sees everything.</summary>
    private async Task<Scope?> ScopeAsync(CancellationToken ct)
    {
        if (user.IsSystem || RoleGrant.WritesEverywhere(user.Role)) return null;
        var held = await grants.OfAsync(user.UserId, user.ApiKeyId, ct);
        if (held.Count == 0) return null;
        return new Scope(held.Where(g => g.Scope == GrantScope.Network).Select(g => g.TargetId).Distinct().ToList(),
            held.Where(g => g.Scope == GrantScope.Space).Select(g => g.TargetId).Distinct().ToList());
    }
}
