using System.Data.Common;
using Dapper;
using Raumnetz.Application.Common;
using Raumnetz.Application.Observations;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Indicators;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.Application.Indicators;

/// <summary>
/// An indicator's value for one space and period as the read operations (series, map) give it: measured or computed from
/// the spaces below, and withheld as a small number for viewers and analysts.
/// </summary>
public sealed record IndicatorValue
{
    /// <summary>2024, 2024-H1, 2024-Q2 or 2024-05.</summary>
    public string Period { get; init; } = "";
    /// <summary>Null when withheld.</summary>
    public double? Value { get; init; }
    /// <summary>Rates only (summed over the spaces below for a computed value).</summary>
    public double? Numerator { get; init; }
    /// <summary>Rates only (summed over the spaces below for a computed value).</summary>
    public double? Denominator { get; init; }
    /// <summary>The status of a measured value (provisional, final, estimated); null for a computed one.</summary>
    public ObservationStatus? Status { get; init; }
    /// <summary>True when computed from the spaces below by the indicator's aggregation rule (the space has no value of its own).</summary>
    public bool Aggregated { get; init; }
    /// <summary>How many spaces below contributed to a computed value (1 for a measured value).</summary>
    public int Count { get; init; }
    /// <summary>Computed values only: how much of the space the value stands for ("aus 3 von 5 Teilräumen").</summary>
    public IndicatorSets.CoverageDto? Coverage { get; init; }
    /// <summary>Withheld as a small number, or because a total would reveal one (viewers and analysts).</summary>
    public bool Suppressed { get; init; }
}

/// <summary>
/// The loads the indicator read operations share: the indicator, the space hierarchy and the stored values of a subtree,
/// turned into published values by <see cref="PublishedValues.Table"/>, withheld for viewers and analysts as
/// <see cref="DisclosureReads"/> decides.
/// </summary>
internal static class PublishedValueReads
{
    internal sealed class SpaceNode
    {
        public Guid Id { get; init; }
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public SpaceLevel Level { get; init; }
        public Guid? ParentId { get; init; }
        public DateOnly ValidFrom { get; init; }
        public DateOnly? ValidTo { get; init; }
        public long? Population { get; init; }
    }

    private sealed class StoredRow
    {
        public Guid SpaceId { get; init; }
        public string Period { get; init; } = "";
        public double? Value { get; init; }
        public double? Numerator { get; init; }
        public double? Denominator { get; init; }
        public ObservationStatus? Status { get; init; }
        public int? RatingCount { get; init; }
    }

    /// <summary>The published values of a table and the status of each stored value.</summary>
    internal sealed record Table(List<PublishedValue> Values, Dictionary<(Guid Space, Period Period), ObservationStatus?> Status)
    {
        public IndicatorValue ToDto(PublishedValue v) => new()
        {
            Period = v.Period.ToString(), Value = v.Measure.Value, Numerator = v.Measure.Numerator, Denominator = v.Measure.Denominator,
            Status = v.Aggregated ? null : Status.GetValueOrDefault((v.Space, v.Period)),
            Aggregated = v.Aggregated, Count = v.Count, Coverage = v.Suppressed ? null : IndicatorSets.CoverageDto.From(v.Coverage), Suppressed = v.Suppressed,
        };
    }

    internal static async Task<IndicatorRow> IndicatorAsync(DbConnection connection, ISqlDialect dialect, Guid id, CancellationToken ct) =>
        (await IndicatorRow.LoadAsync(connection, null, dialect, [id], ct)).SingleOrDefault()
            ?? throw new NotFoundException("Indicator", id);

    internal static async Task<Dictionary<Guid, SpaceNode>> SpacesAsync(DbConnection connection, CancellationToken ct) =>
        (await connection.QueryAsync<SpaceNode>(new CommandDefinition(
            "SELECT id, code, name, level, parent_id, valid_from, valid_to, population FROM spaces", cancellationToken: ct))).ToDictionary(s => s.Id);

    /// <summary>The spaces of the subtree of <paramref name="root"/>, the root included.</summary>
    internal static HashSet<Guid> Subtree(IReadOnlyDictionary<Guid, SpaceNode> spaces, Guid root)
    {
        var children = spaces.Values.Where(s => s.ParentId is not null).ToLookup(s => s.ParentId!.Value, s => s.Id);
        var subtree = new HashSet<Guid>();
        var stack = new Stack<Guid>([root]);
        while (stack.Count > 0) { var s = stack.Pop(); if (subtree.Add(s)) foreach (var c in children[s]) stack.Push(c); }
        return subtree;
    }

    /// <summary>Start of a query over the subtree of @under (a CTE named subtree), for <paramref name="dialect"/>.</summary>
    internal static string SubtreeCte(ISqlDialect dialect) => $"""
        {dialect.WithRecursive} subtree (id) AS (
            SELECT id FROM spaces WHERE id = @under
            UNION ALL
            SELECT s.id FROM spaces s JOIN subtree t ON s.parent_id = t.id)
        """;

    /// <summary>
    /// The stored values of @indicatorId, of the subtree of @under (with <paramref name="subtree"/>) and from @fromMonth to
    /// @toMonth. The subtree comes first (CROSS JOIN keeps SQLite from reordering the join), so the indicator's values are
    /// found space by space through the unique key (indicator, space, months): the query reads the subtree's values, not
    /// every value of the indicator (a planning region's 50 spaces, not the state's 1,000). first_month &lt;= @toMonth
    /// follows from last_month &lt;= @toMonth and closes the index range at the end.
    /// </summary>
    internal static string StoredSql(ISqlDialect dialect, bool subtree, bool from, bool to) => $"""
        {(subtree ? SubtreeCte(dialect) : "")}
        SELECT o.space_id, o.period, o.value, o.numerator, o.denominator, o.status, o.rating_count
        FROM {(subtree ? "subtree t CROSS JOIN observations o" : "observations o")}
        WHERE o.indicator_id = @indicatorId {(subtree ? "AND o.space_id = t.id" : "")}
        {(from ? "AND o.first_month >= @fromMonth" : "")} {(to ? "AND o.first_month <= @toMonth AND o.last_month <= @toMonth" : "")}
        """;

    /// <summary>
    /// The values of <paramref name="indicator"/> stored for the subtree of <paramref name="under"/> (every space when null)
    /// in periods that lie within <paramref name="fromMonth"/> and <paramref name="toMonth"/> (yyyymm), published for the
    /// spaces of <paramref name="scope"/>; for viewers and analysts what <see cref="DisclosureReads"/> withholds is withheld.
    /// </summary>
    internal static async Task<Table> TableAsync(DbConnection connection, ISqlDialect dialect, IndicatorRow indicator,
        IReadOnlyDictionary<Guid, SpaceNode> spaces, Guid? under, IReadOnlySet<Guid>? scope, int? fromMonth, int? toMonth, bool aggregate,
        ICurrentUser user, SuppressionRules rules, CancellationToken ct)
    {
        var sql = StoredSql(dialect, under is not null, fromMonth is not null, toMonth is not null);
        var parameters = new { indicatorId = indicator.Id, under, fromMonth, toMonth };
        var rows = (await connection.QueryAsync<StoredRow>(new CommandDefinition(sql, parameters, cancellationToken: ct)))
            .Where(r => spaces.ContainsKey(r.SpaceId)).ToList();
        var stored = rows.Select(r =>
            new StoredValue(r.SpaceId, Period.Parse(r.Period), new Measure(r.Value, r.Numerator, r.Denominator), r.RatingCount)).ToList();
        var parents = spaces.ToDictionary(s => s.Key, s => s.Value.ParentId);
        var shape = new ValueTableShape(indicator.Id, indicator.Kind, indicator.Aggregation, indicator.RateFactor ?? 1, parents, scope,
            spaces.ToDictionary(s => s.Key, s => new SpaceFacts(s.Value.ValidFrom, s.Value.ValidTo, s.Value.Population)));
        var status = stored.Zip(rows).ToDictionary(x => (x.First.Space, x.First.Period), x => x.Second.Status);
        // Computed values exist only in periods with stored values, so the stored periods are all the table's periods.
        var withheld = await DisclosureReads.WithheldAsync(connection, user, rules, [indicator],
            stored.Select(v => (indicator.Id, v.Period)), parents, ct);
        return new Table(PublishedValues.Table(shape, stored, aggregate, withheld), status);
    }

    /// <summary>Parents before children, siblings by code.</summary>
    internal static List<SpaceNode> TreeOrder(IReadOnlyCollection<SpaceNode> spaces)
    {
        var ids = spaces.Select(s => s.Id).ToHashSet();
        var children = spaces.Where(s => s.ParentId is { } p && ids.Contains(p)).ToLookup(s => s.ParentId!.Value);
        var result = new List<SpaceNode>(spaces.Count);
        void Visit(SpaceNode s) { result.Add(s); foreach (var c in children[s.Id].OrderBy(c => c.Code, StringComparer.Ordinal)) Visit(c); }
        var roots = spaces.Where(s => s.ParentId is not { } p || !ids.Contains(p)).OrderBy(s => s.Code, StringComparer.Ordinal);
        foreach (var root in roots) Visit(root);
        return result;
    }

    /// <summary>Whether the space exists during some part of the period.</summary>
    internal static bool IsValidDuring(SpaceNode space, Period period)
    {
        var first = new DateOnly(period.Year, period.FirstMonth % 100, 1);
        var last = new DateOnly(period.Year, period.LastMonth % 100, 1).AddMonths(1).AddDays(-1);
        return space.ValidFrom <= last && (space.ValidTo is not { } to || to >= first);
    }
}
