using Dapper;
using Microsoft.Extensions.Logging;
using Raumnetz.Application.Common;
using Raumnetz.Application.Indicators;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Exports;

/// <summary>
/// The withheld cells of the streamed export where it cannot decide them from its own rows (listed spaces, formats ordered
/// by space), taken from <see cref="Disclosure.Withheld"/> (through <see cref="DisclosureReads.DecideAsync"/>) on a
/// connection of its own while the rows stream: the same cells every other response withholds from viewers and analysts,
/// primary and secondary, judged over every space and the values computed up the hierarchy. Decisions never combine
/// indicators, so each indicator is decided from one read of its values in the export's years (memory while deciding:
/// one indicator's values, as <see cref="ComputedExport"/> holds them) and its set is ready as soon as that indicator is
/// done, in the order the rows stream. A failure fails every set still open, so the stream stops with it. What is kept
/// afterwards grows with the withheld cells, not with the export.
/// </summary>
internal sealed class SuppressionWorker(IDbConnectionFactory db, ExportPlan plan, ExportQueryBuilder queries, SuppressionRules rules,
    TimeProvider clock, ILogger logger)
{
    /// <summary>Each indicator's withheld cells, keyed by the period as stored (so streamed rows need no parsing to be looked up).</summary>
    private readonly Dictionary<Guid, TaskCompletionSource<HashSet<(Guid, Guid, string)>>> withheld = plan.Indicators.ToDictionary(
        i => i.Id, _ => new TaskCompletionSource<HashSet<(Guid, Guid, string)>>(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>The withheld cells of this indicator (indicator, space, period as stored), once known.</summary>
    public Task<HashSet<(Guid, Guid, string)>> WithheldAsync(Guid indicatorId) => withheld[indicatorId].Task;

    /// <summary>Completes when every indicator is decided.</summary>
    public Task AllAsync() => Task.WhenAll(withheld.Values.Select(t => t.Task));

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            var started = clock.GetTimestamp();
            await using var connection = await db.OpenAsync(ct);
            var (first, last) = await connection.QuerySingleAsync<(int?, int?)>(queries.MonthRange(ct));
            var years = first is { } f && last is { } l ? (f / 100, l / 100) : ((int First, int Last)?)null;
            var parents = plan.AllSpaces.Values.ToDictionary(s => s.Id, s => s.ParentId);
            var total = 0;
            // In the order SQLite and PostgreSQL sort the ids (as text, bytewise): any other order is still right, only slower.
            foreach (var indicator in plan.Indicators.OrderBy(i => i.Id.ToString(), StringComparer.Ordinal))
            {
                var shape = new ValueTableShape(indicator.Id, indicator.Kind, indicator.Aggregation, indicator.RateFactor ?? 1, parents, null);
                var cells = new HashSet<(Guid, Guid, string)>();
                if (years is { } range)
                    foreach (var c in await DisclosureReads.DecideAsync(connection, shape, range.First, range.Last, rules, ct))
                        cells.Add((c.Indicator, c.Space, c.Period.ToString()));
                withheld[indicator.Id].TrySetResult(cells);
                total += cells.Count;
            }
            logger.LogDebug("Export {Format}: {Cells} cells withheld, decided in {Elapsed} ms", plan.Format.Name, total,
                (long)clock.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e)
        {
            foreach (var set in withheld.Values) set.TrySetException(e);
            throw;
        }
    }
}
