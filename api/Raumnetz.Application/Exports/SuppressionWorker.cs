using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Exports;

/// <summary>
/// Secondary suppression for the streamed export, worked out on a connection of its own while the rows stream.
/// Totals never combine indicators, so each indicator is decided on its own and its set of withheld cells is ready as
/// soon as that indicator is done, in the order the rows stream. A failure fails every set still open, so the stream
/// stops with it. Memory grows with the small values, not with the export.
/// </summary>
internal sealed class SuppressionWorker(IDbConnectionFactory db, ExportPlan plan, ExportQueryBuilder queries, SuppressionRules rules, TimeProvider clock,
    ILogger logger)
{
    /// <summary>Each indicator's withheld cells, keyed by the period as stored (so streamed rows need no parsing to be looked up).</summary>
    private readonly Dictionary<Guid, TaskCompletionSource<HashSet<(Guid, Guid, string)>>> withheld = plan.Indicators.ToDictionary(
        i => i.Id, _ => new TaskCompletionSource<HashSet<(Guid, Guid, string)>>(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>The cells of this indicator withheld by secondary suppression (indicator, space, period as stored), once known.</summary>
    public Task<HashSet<(Guid, Guid, string)>> WithheldAsync(Guid indicatorId) => withheld[indicatorId].Task;

    /// <summary>Completes when every indicator is decided.</summary>
    public Task AllAsync() => Task.WhenAll(withheld.Values.Select(t => t.Task));

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            var started = clock.GetTimestamp();
            await using var connection = await db.OpenAsync(ct);
            var primaries = await PrimariesAsync(connection, ct);
            var total = 0;
            // In the order SQLite and PostgreSQL sort the ids (as text, bytewise): any other order is still right, only slower.
            foreach (var indicator in plan.Indicators.OrderBy(i => i.Id.ToString(), StringComparer.Ordinal))
            {
                var cells = primaries.TryGetValue(indicator.Id, out var small) ? await SecondaryAsync(connection, indicator, small, ct) : [];
                withheld[indicator.Id].TrySetResult(cells.Select(c => (c.Indicator, c.Space, c.Period.ToString())).ToHashSet());
                total += cells.Count;
            }
            logger.LogDebug("Export {Format}: {Cells} cells withheld by secondary suppression, found in {Elapsed} ms", plan.Format.Name, total,
                (long)clock.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e)
        {
            foreach (var set in withheld.Values) set.TrySetException(e);
            throw;
        }
    }

    /// <summary>The small values of the additive indicators in scope (one filtered query), by indicator: where secondary suppression starts.</summary>
    private async Task<Dictionary<Guid, List<RawObservation>>> PrimariesAsync(DbConnection connection, CancellationToken ct)
    {
        var additive = plan.Indicators.Where(i => Suppression.IsAdditive(i.Aggregation)).ToDictionary(i => i.Id);
        if (additive.Count == 0 || queries.SmallValues(additive.Values, rules, ct) is not { } query) return [];
        return (await connection.QueryAsync<RawObservation>(query))
            .Where(o => (plan.Scope is null || plan.Scope.Contains(o.SpaceId)) && o.IsSmall(additive[o.IndicatorId], rules))
            .GroupBy(o => o.IndicatorId).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>
    /// Secondary suppression of one indicator: loads only the cells that share a total with its small values (the
    /// spaces' ancestors and their children; the same years), round by round as withheld cells add new ones, and lets
    /// <see cref="Suppression.Secondary"/> decide.
    /// </summary>
    private async Task<HashSet<CellKey>> SecondaryAsync(DbConnection connection, ExportIndicator indicator, List<RawObservation> primaries, CancellationToken ct)
    {
        if (primaries.Count == 0) return [];
        var cells = new Dictionary<CellKey, double?>();
        var loadedPeriods = new HashSet<(Period Period, Guid Space)>();
        var loadedYears = new HashSet<(Guid Space, int Year)>();
        var primary = new HashSet<CellKey>();
        foreach (var o in primaries)
        {
            var key = new CellKey(o.IndicatorId, o.SpaceId, Period.Parse(o.Period));
            primary.Add(key);
            cells[key] = o.Weight(indicator);
        }
        var work = primary.ToList();
        var secondary = new HashSet<CellKey>();
        for (var round = 0; work.Count > 0 && round < 20; round++)
        {
            foreach (var byPeriod in work.GroupBy(c => c.Period))
            {
                var spaces = new HashSet<Guid>();
                foreach (var spaceId in byPeriod.Select(c => c.Space).Distinct())
                    for (Guid? s = spaceId; s is { } current; s = plan.AllSpaces[current].ParentId)
                    {
                        spaces.Add(current);
                        if (plan.AllSpaces[current].ParentId is { } parent) foreach (var sibling in plan.Children[parent]) spaces.Add(sibling);
                    }
                spaces.RemoveWhere(s => (plan.Scope is { } scope && !scope.Contains(s)) || !loadedPeriods.Add((byPeriod.Key, s)));
                foreach (var chunk in spaces.Chunk(500)) await LoadAsync(queries.CellsOfPeriod(indicator.Id, chunk, byPeriod.Key, ct));
            }
            foreach (var byYear in work.GroupBy(c => c.Period.Year))
            {
                var spaces = byYear.Select(c => c.Space).Where(s => loadedYears.Add((s, byYear.Key))).ToHashSet();
                foreach (var chunk in spaces.Chunk(500)) await LoadAsync(queries.CellsOfYear(indicator.Id, chunk, byYear.Key, ct));
            }
            var groups = Suppression.Groups(cells.Keys, s => plan.AllSpaces[s].ParentId, _ => true);
            var found = Suppression.Secondary(cells, primary, groups);
            work = found.Where(c => !secondary.Contains(c)).ToList();
            secondary = found;
        }
        return secondary;

        async Task LoadAsync(CommandDefinition query)
        {
            foreach (var o in await connection.QueryAsync<RawObservation>(query)) cells[new CellKey(o.IndicatorId, o.SpaceId, Period.Parse(o.Period))] = o.Weight(indicator);
        }
    }
}
