using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Raumnetz.Application.Common;
using Raumnetz.Application.Indicators;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Exports;

/// <summary>
/// The export with values computed up the hierarchy (<c>aggregated=true</c>). Aggregation and suppression never combine
/// indicators, so in indicator order the values are read, computed, protected and written one indicator at a time:
/// memory follows the largest indicator, not the export. A format that needs its rows by space (GeoJSON) gets the
/// whole table computed at once. The withheld cells are the ones <see cref="Disclosure.Withheld"/> withholds in every
/// other response (<see cref="DisclosureReads.DecideAsync"/>, year by year).
/// </summary>
internal sealed class ComputedExport(IDbConnectionFactory db, ExportPlan plan, SuppressionRules rules, TimeProvider clock)
{
    private readonly Dictionary<Guid, int> indicatorOrder = plan.Indicators.Select((i, n) => (i.Id, n)).ToDictionary(x => x.Id, x => x.n);
    private readonly Dictionary<Guid, Guid?> parents = plan.AllSpaces.Values.ToDictionary(s => s.Id, s => s.ParentId);
    private readonly Dictionary<Guid, int> spaceOrder = plan.ScopeSpaces.Select((s, n) => (s.Id, n)).ToDictionary(x => x.Id, x => x.n);

    public async Task WriteAsync(Stream output, CancellationToken ct)
    {
        var format = plan.Format;
        var queries = new ExportQueryBuilder(plan, db.Dialect);
        await using var connection = await db.OpenAsync(ct);
        if (format.RowOrder == ExportRowOrder.BySpace)
        {
            var stored = (await connection.QueryAsync<RawObservation>(queries.Stored(null, ct))).ToList();
            var withheld = new HashSet<CellKey>();
            foreach (var indicator in plan.Indicators)
                withheld.UnionWith(await WithheldAsync(connection, indicator, stored.Where(o => o.IndicatorId == indicator.Id), ct));
            var document = await plan.DocumentAsync(connection, [], clock.GetUtcNow(), ct);
            var (rows, periods) = Computed(plan.Indicators, stored, withheld, ExportRowOrder.BySpace);
            await format.WriteAsync(document with { Periods = periods }, ToAsync(rows), output, ct);
            return;
        }
        // Computed values exist only for periods that have stored values, so the stored periods are all the periods.
        var allPeriods = format.NeedsPeriods ? ExportPlan.InTimeOrder(await connection.QueryAsync<string>(queries.Periods(withSpaces: false, ct))) : [];
        var header = await plan.DocumentAsync(connection, allPeriods, clock.GetUtcNow(), ct);
        await format.WriteAsync(header, Rows(ct), output, ct);

        async IAsyncEnumerable<ExportRow> Rows([EnumeratorCancellation] CancellationToken token)
        {
            foreach (var indicator in plan.Indicators)
            {
                var stored = (await connection.QueryAsync<RawObservation>(queries.Stored(indicator.Id, token))).ToList();
                var withheld = await WithheldAsync(connection, indicator, stored, token);
                foreach (var row in Computed([indicator], stored, withheld, ExportRowOrder.ByIndicator).Rows) yield return row;
            }
        }
    }

    /// <summary>The withheld cells of one indicator in the years its stored values fall in.</summary>
    private async Task<HashSet<CellKey>> WithheldAsync(DbConnection connection, ExportIndicator indicator, IEnumerable<RawObservation> stored,
        CancellationToken ct)
    {
        var shape = new ValueTableShape(indicator.Id, indicator.Kind, indicator.Aggregation, indicator.RateFactor ?? 1, parents, null);
        var withheld = new HashSet<CellKey>();
        foreach (var year in stored.Select(o => Period.Parse(o.Period).Year).Distinct().Order())
            withheld.UnionWith(await DisclosureReads.DecideAsync(connection, shape, year, year, rules, ct));
        return withheld;
    }

    /// <summary>
    /// The stored values of <paramref name="selected"/> with the values computed up the hierarchy, the cells of
    /// <paramref name="suppressed"/> withheld, in indicator, space (tree) and period order (or space first).
    /// </summary>
    private (List<ExportRow> Rows, List<string> Periods) Computed(IReadOnlyList<ExportIndicator> selected, List<RawObservation> stored,
        HashSet<CellKey> suppressed, ExportRowOrder order)
    {
        var indicators = selected.ToDictionary(i => i.Id);
        var cells = new List<(ExportIndicator Indicator, Guid Space, Period Period, RawObservation Obs, bool Aggregated)>();
        foreach (var series in stored.Where(o => indicators.ContainsKey(o.IndicatorId)).GroupBy(o => (o.IndicatorId, o.Period)))
        {
            var indicator = indicators[series.Key.IndicatorId];
            var own = series.ToDictionary(o => o.SpaceId);
            var computed = Aggregation.UpTheHierarchy(indicator.Aggregation, indicator.RateFactor ?? 1,
                own.ToDictionary(o => o.Key, o => new Measure(o.Value.Value, o.Value.Numerator, o.Value.Denominator)), plan.Children, plan.Roots);
            var period = Period.Parse(series.Key.Period);
            foreach (var (spaceId, value) in computed)
            {
                if (plan.Scope is { } scope && !scope.Contains(spaceId)) continue;
                var obs = value.Aggregated
                    ? new RawObservation
                    {
                        IndicatorId = indicator.Id, SpaceId = spaceId, Period = series.Key.Period, Value = value.Measure.Value, Numerator = value.Measure.Numerator,
                        Denominator = value.Measure.Denominator, Source = $"aggregated ({indicator.Aggregation.ToString().ToLowerInvariant()} of {value.Count})",
                    }
                    : own[spaceId];
                cells.Add((indicator, spaceId, period, obs, value.Aggregated));
            }
        }
        var ordered = order == ExportRowOrder.BySpace
            ? cells.OrderBy(c => spaceOrder[c.Space]).ThenBy(c => indicatorOrder[c.Indicator.Id]).ThenBy(c => c.Period)
            : cells.OrderBy(c => indicatorOrder[c.Indicator.Id]).ThenBy(c => spaceOrder[c.Space]).ThenBy(c => c.Period);
        var rows = ordered.Select(c => c.Obs.ToRow(c.Indicator, plan.AllSpaces[c.Space], suppressed.Contains(new CellKey(c.Indicator.Id, c.Space, c.Period)), c.Aggregated))
            .ToList();
        return (rows, cells.Select(c => c.Period).Distinct().Order().Select(x => x.ToString()).ToList());
    }

    private static async IAsyncEnumerable<ExportRow> ToAsync(IEnumerable<ExportRow> rows)
    {
        foreach (var r in rows) yield return r;
    }
}
