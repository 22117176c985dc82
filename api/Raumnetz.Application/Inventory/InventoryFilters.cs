using Dapper;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Inventory;

/// <summary>
/// What the services list (and the inventory export) can be narrowed to. Add further filters here (funder, verification
/// state, funding end) and their SQL in <see cref="InventoryFilters.Services"/>: every list and export of services uses both.
/// </summary>
public sealed record ServiceFilter
{
    /// <summary>Services at a location in this space or below it, or serving such a space.</summary>
    public Guid? SpaceId { get; init; }
    /// <summary>Services with this category or a narrower one (term code).</summary>
    public string? Category { get; init; }
    public Guid? OperatorId { get; init; }
    /// <summary>Services for this target group or a narrower one (term code).</summary>
    public string? TargetGroup { get; init; }
    public ServiceStatus? Status { get; init; }
    /// <summary>Services offered at this location.</summary>
    public Guid? LocationId { get; init; }
    /// <summary>Services belonging to this network.</summary>
    public Guid? NetworkId { get; init; }
    /// <summary>Text in the name or alternate name.</summary>
    public string? Q { get; init; }
    public bool IncludeArchived { get; init; }
    /// <summary>Services funded by this actor (a funding of any period).</summary>
    public Guid? FunderId { get; init; }
    /// <summary>Services in this verification state on <see cref="On"/> (current, due that day, overdue or never verified).</summary>
    public VerificationState? Verification { get; init; }
    /// <summary>Services with a funding whose last day lies on or after this day (with <see cref="FundingEndsTo"/>: within both).</summary>
    public DateOnly? FundingEndsFrom { get; init; }
    /// <summary>Services with a funding whose last day lies on or before this day.</summary>
    public DateOnly? FundingEndsTo { get; init; }
    /// <summary>The reference day of <see cref="Verification"/> (today).</summary>
    public DateOnly On { get; init; }
}

/// <summary>What the locations list can be narrowed to.</summary>
public sealed record LocationFilter
{
    /// <summary>Locations in this space or below it.</summary>
    public Guid? SpaceId { get; init; }
    /// <summary>Locations offering a service of this category or a narrower one.</summary>
    public string? Category { get; init; }
    /// <summary>Locations owned by this actor or offering a service it operates.</summary>
    public Guid? OperatorId { get; init; }
    /// <summary>Locations offering a service for this target group or a narrower one.</summary>
    public string? TargetGroup { get; init; }
    public LocationKind? Kind { get; init; }
    public string? Q { get; init; }
    public bool IncludeArchived { get; init; }
}

/// <summary>The SQL of a filter: common table expressions (without WITH) and conditions, with their parameters.</summary>
public sealed class FilterSql
{
    public List<string> Ctes { get; } = [];
    public List<string> Where { get; } = [];
    public DynamicParameters Parameters { get; } = new();

    /// <summary>"WITH [RECURSIVE] a AS (...), b AS (...)" or nothing.</summary>
    public string With(ISqlDialect dialect) => Ctes.Count == 0 ? "" : dialect.WithRecursive + " " + string.Join(",\n", Ctes);

    /// <summary>"WHERE a AND b" or nothing.</summary>
    public string WhereClause => Where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", Where);
}

/// <summary>
/// The one place that turns inventory filters into SQL: the space subtree, the category and target-group subtrees, the
/// operator and the rest. Services are aliased <c>sv</c>, locations <c>l</c>.
/// </summary>
public static class InventoryFilters
{
    /// <summary>The CTE <c>space_subtree</c>: the space <c>@spaceId</c> and every space below it (after WITH [RECURSIVE]).</summary>
    public const string SpaceSubtree = """
        space_subtree (id) AS (
            SELECT id FROM spaces WHERE id = @spaceId
            UNION ALL
            SELECT s.id FROM spaces s JOIN space_subtree st ON s.parent_id = st.id
        )
        """;

    private static string TermSubtree(string name, string parameter) => $"""
        {name} (id) AS (
            SELECT id FROM taxonomy_terms WHERE code = @{parameter}
            UNION ALL
            SELECT t.id FROM taxonomy_terms t JOIN {name} x ON t.parent_id = x.id
        )
        """;

    /// <summary>
    /// The condition that the service <paramref name="serviceId"/> (a column) stands at a location in
    /// <see cref="SpaceSubtree"/> or serves a space in it.
    /// </summary>
    public static string ServiceInSpaceSubtree(string serviceId) => $"""
        (EXISTS (SELECT 1 FROM service_at_locations fsl JOIN locations fl ON fl.id = fsl.location_id
                 JOIN space_subtree st ON st.id = fl.space_id WHERE fsl.service_id = {serviceId})
         OR EXISTS (SELECT 1 FROM service_spaces fss JOIN space_subtree st ON st.id = fss.space_id WHERE fss.service_id = {serviceId}))
        """;

    /// <summary>The conditions on services <c>sv</c> (a services list or export selects FROM services sv ...).</summary>
    public static FilterSql Services(ServiceFilter f)
    {
        var sql = new FilterSql();
        var p = sql.Parameters;
        if (f.SpaceId is { } spaceId)
        {
            sql.Ctes.Add(SpaceSubtree);
            sql.Where.Add(ServiceInSpaceSubtree("sv.id"));
            p.Add("spaceId", spaceId);
        }
        if (!string.IsNullOrWhiteSpace(f.Category))
        {
            sql.Ctes.Add(TermSubtree("category_subtree", "category"));
            sql.Where.Add(
                "EXISTS (SELECT 1 FROM service_categories fc JOIN category_subtree cs ON cs.id = fc.term_id WHERE fc.service_id = sv.id)");
            p.Add("category", f.Category.Trim());
        }
        if (!string.IsNullOrWhiteSpace(f.TargetGroup))
        {
            sql.Ctes.Add(TermSubtree("target_group_subtree", "targetGroup"));
            sql.Where.Add(
                "EXISTS (SELECT 1 FROM service_target_groups ft JOIN target_group_subtree ts ON ts.id = ft.term_id " +
                "WHERE ft.service_id = sv.id)");
            p.Add("targetGroup", f.TargetGroup.Trim());
        }
        if (f.OperatorId is { } operatorId) { sql.Where.Add("sv.operator_actor_id = @operatorId"); p.Add("operatorId", operatorId); }
        if (f.Status is { } status) { sql.Where.Add("sv.status = @status"); p.Add("status", status.ToString()); }
        if (f.LocationId is { } locationId)
        {
            sql.Where.Add("EXISTS (SELECT 1 FROM service_at_locations fsl WHERE fsl.service_id = sv.id AND fsl.location_id = @locationId)");
            p.Add("locationId", locationId);
        }
        if (f.NetworkId is { } networkId)
        {
            sql.Where.Add("EXISTS (SELECT 1 FROM service_networks fn WHERE fn.service_id = sv.id AND fn.network_id = @networkId)");
            p.Add("networkId", networkId);
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            sql.Where.Add("sv.search_key LIKE @q ESCAPE '\\'");
            p.Add("q", Search.ContainsPattern(f.Q));
        }
        if (!f.IncludeArchived) sql.Where.Add("sv.archived_at IS NULL");
        FundingAndVerification(f, sql);
        return sql;
    }

    /// <summary>Funder, funding end and verification state (the inventory operations' filters).</summary>
    private static void FundingAndVerification(ServiceFilter f, FilterSql sql)
    {
        var p = sql.Parameters;
        if (f.FunderId is { } funderId)
        {
            sql.Where.Add("EXISTS (SELECT 1 FROM service_fundings ff WHERE ff.service_id = sv.id AND ff.funder_actor_id = @funderId)");
            p.Add("funderId", funderId);
        }
        if (f.FundingEndsFrom is not null || f.FundingEndsTo is not null)
        {
            var ends = new List<string> { "fe.service_id = sv.id", "fe.ends_on IS NOT NULL" };
            if (f.FundingEndsFrom is { } from) { ends.Add("fe.ends_on >= @fundingEndsFrom"); p.Add("fundingEndsFrom", from); }
            if (f.FundingEndsTo is { } to) { ends.Add("fe.ends_on <= @fundingEndsTo"); p.Add("fundingEndsTo", to); }
            sql.Where.Add($"EXISTS (SELECT 1 FROM service_fundings fe WHERE {string.Join(" AND ", ends)})");
        }
        if (f.Verification is { } state) sql.Where.Add(Verification.VerificationFilter.InState("sv", state, f.On, p));
    }

    /// <summary>The conditions on locations <c>l</c>.</summary>
    public static FilterSql Locations(LocationFilter f)
    {
        var sql = new FilterSql();
        var p = sql.Parameters;
        if (f.SpaceId is { } spaceId)
        {
            sql.Ctes.Add(SpaceSubtree);
            sql.Where.Add("l.space_id IN (SELECT id FROM space_subtree)");
            p.Add("spaceId", spaceId);
        }
        var services = new List<string>();
        if (!string.IsNullOrWhiteSpace(f.Category))
        {
            sql.Ctes.Add(TermSubtree("category_subtree", "category"));
            services.Add(
                "EXISTS (SELECT 1 FROM service_categories fc JOIN category_subtree cs ON cs.id = fc.term_id WHERE fc.service_id = fsv.id)");
            p.Add("category", f.Category.Trim());
        }
        if (!string.IsNullOrWhiteSpace(f.TargetGroup))
        {
            sql.Ctes.Add(TermSubtree("target_group_subtree", "targetGroup"));
            services.Add(
                "EXISTS (SELECT 1 FROM service_target_groups ft JOIN target_group_subtree ts ON ts.id = ft.term_id " +
                "WHERE ft.service_id = fsv.id)");
            p.Add("targetGroup", f.TargetGroup.Trim());
        }
        if (services.Count > 0)
        {
            sql.Where.Add($"""
                EXISTS (SELECT 1 FROM service_at_locations fsl JOIN services fsv ON fsv.id = fsl.service_id
                        WHERE fsl.location_id = l.id AND fsv.archived_at IS NULL AND {string.Join(" AND ", services)})
                """);
        }
        if (f.OperatorId is { } operatorId)
        {
            sql.Where.Add("""
                (l.owner_actor_id = @operatorId OR EXISTS (SELECT 1 FROM service_at_locations fsl JOIN services fsv ON fsv.id = fsl.service_id
                        WHERE fsl.location_id = l.id AND fsv.operator_actor_id = @operatorId))
                """);
            p.Add("operatorId", operatorId);
        }
        if (f.Kind is { } kind) { sql.Where.Add("l.kind = @kind"); p.Add("kind", kind.ToString()); }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            sql.Where.Add("l.search_key LIKE @q ESCAPE '\\'");
            p.Add("q", Search.ContainsPattern(f.Q));
        }
        if (!f.IncludeArchived) sql.Where.Add("l.archived_at IS NULL");
        return sql;
    }
}
