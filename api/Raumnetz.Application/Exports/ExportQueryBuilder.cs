using Dapper;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Exports;

/// <summary>
/// The export's SQL on observations o, built from the plan and what its format needs: one filter for the plan's
/// indicators, months and listed spaces, and the queries on it. Values are parameters; where providers differ the
/// dialect says how.
/// </summary>
internal sealed class ExportQueryBuilder(ExportPlan plan, ISqlDialect dialect)
{
    /// <summary>The columns <see cref="RawObservationReader"/> reads by position (and Dapper maps to <see cref="RawObservation"/>).</summary>
    public const string Columns = "o.indicator_id, o.space_id, o.period, o.value, o.numerator, o.denominator, o.status, o.source, o.rating_count";

    /// <summary>WHERE clause for the indicators, the months and (with <paramref name="withSpaces"/>, when listed) the spaces.</summary>
    /// <param name="wholeYears">Widen the months to whole years (what the withheld cells of those months depend on).</param>
    public (string Where, DynamicParameters Parameters) Filter(bool withSpaces, bool wholeYears = false)
    {
        var where = new List<string>();
        var p = new DynamicParameters();
        if (!plan.AllIndicators)
        {
            where.Add(dialect.In("o.indicator_id", "@indicatorIds"));
            p.Add("indicatorIds", plan.Indicators.Select(i => i.Id).ToList());
        }
        if (withSpaces && plan.Query.SpaceIds is { Count: > 0 } && plan.Scope is { } scope)
        {
            where.Add(dialect.In("o.space_id", "@spaceIds"));
            p.Add("spaceIds", scope.ToList());
        }
        if (plan.FromMonth is { } from) { where.Add("o.first_month >= @fromMonth"); p.Add("fromMonth", wholeYears ? from / 100 * 100 + 1 : from); }
        if (plan.ToMonth is { } to) { where.Add("o.last_month <= @toMonth"); p.Add("toMonth", wholeYears ? to / 100 * 100 + 12 : to); }
        if (plan.Indicators.Count == 0) where.Add("o.indicator_id IS NULL");
        return (where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where), p);
    }

    /// <summary>
    /// How many values the export depends on and when the last of them changed (n, m): besides its own values, every
    /// value of its indicators in the same years for any space, since the withheld cells are decided over those. Answered
    /// from ix_observations_indicator_months alone (it holds updated_at, migration 0066), so it reads those values' index
    /// entries, not the table (ObservationQueryPlanTests, ObservationQueryPlanPostgresTests).
    /// </summary>
    public CommandDefinition Stamp(CancellationToken ct)
    {
        var (where, p) = Filter(withSpaces: false, wholeYears: true);
        return new CommandDefinition($"SELECT COUNT(*) AS n, MAX(o.updated_at) AS m FROM observations o {where}", p, cancellationToken: ct);
    }

    /// <summary>The periods that occur, unordered.</summary>
    public CommandDefinition Periods(bool withSpaces, CancellationToken ct)
    {
        var (where, p) = Filter(withSpaces);
        return new CommandDefinition($"SELECT DISTINCT o.period FROM observations o {where}", p, cancellationToken: ct);
    }

    /// <summary>
    /// The stored values in the format's row order. The unique key (indicator, space, first month, last month) gives
    /// indicator order without sorting.
    /// </summary>
    /// <param name="decided">Also the values the withheld cells depend on: every space, whole years.</param>
    public CommandDefinition Streamed(CancellationToken ct, bool decided = false)
    {
        var (where, p) = decided ? Filter(withSpaces: false, wholeYears: true) : Filter(withSpaces: true);
        var order = plan.Format.RowOrder switch
        {
            ExportRowOrder.BySpace => "o.space_id, o.indicator_id",
            _ => "o.indicator_id, o.space_id",
        };
        return new CommandDefinition($"SELECT {Columns} FROM observations o {where} ORDER BY {order}, o.first_month, o.last_month", p, cancellationToken: ct);
    }

    /// <summary>
    /// The stored values of every space (the ones outside the scope count for the totals computed up the hierarchy),
    /// of all the plan's indicators or of one, unordered.
    /// </summary>
    /// <param name="wholeYears">The months widened to whole years (what the withheld cells of those months depend on).</param>
    public CommandDefinition Stored(Guid? indicatorId, CancellationToken ct, bool wholeYears = false)
    {
        var (where, p) = Filter(withSpaces: false, wholeYears);
        if (indicatorId is not { } id) return new CommandDefinition($"SELECT {Columns} FROM observations o {where}", p, cancellationToken: ct);
        p.Add("exportIndicator", id);
        return new CommandDefinition($"SELECT {Columns} FROM observations o {And(where)} o.indicator_id = @exportIndicator", p, cancellationToken: ct);
    }

    /// <summary>The first and last month of the values the export covers (both null when there are none): the years to decide.</summary>
    public CommandDefinition MonthRange(CancellationToken ct)
    {
        var (where, p) = Filter(withSpaces: false);
        return new CommandDefinition($"SELECT MIN(o.first_month), MAX(o.last_month) FROM observations o {where}", p, cancellationToken: ct);
    }

    private static string And(string where) => where.Length == 0 ? "WHERE" : where + " AND";
}
