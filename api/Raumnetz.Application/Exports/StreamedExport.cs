using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Extensions.Logging;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Exports;

/// <summary>
/// The stored values, streamed straight from an unbuffered reader to the format's writer in constant memory. The cells
/// withheld as they pass are the ones <see cref="Disclosure.Withheld"/> withholds in every other response, worked out per
/// indicator by a <see cref="SuppressionWorker"/> on a second connection while the rows stream: in indicator order the
/// first rows wait only for the first indicator, formats ordered by space wait for all of them.
/// </summary>
internal sealed class StreamedExport(IDbConnectionFactory db, ExportPlan plan, SuppressionRules rules, TimeProvider clock, ILogger logger)
{
    public async Task WriteAsync(Stream output, CancellationToken ct)
    {
        var format = plan.Format;
        var queries = new ExportQueryBuilder(plan, db.Dialect);
        await using var connection = await db.OpenAsync(ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var worker = new SuppressionWorker(db, plan, queries, rules, clock, logger);
        var suppression = Task.Run(() => worker.RunAsync(stop.Token), CancellationToken.None);
        try
        {
            var periods = format.NeedsPeriods ? ExportPlan.InTimeOrder(await connection.QueryAsync<string>(queries.Periods(withSpaces: true, ct))) : [];
            var document = await plan.DocumentAsync(connection, periods, clock.GetUtcNow(), ct);
            if (format.RowOrder == ExportRowOrder.BySpace) await worker.AllAsync();
            await format.WriteAsync(document, Rows(ct), output, ct);
        }
        finally
        {
            // Done or broken off: suppression still running (for indicators the stream did not reach) is no longer needed.
            // A failure the stream needed has already failed it through the withheld sets.
            await stop.CancelAsync();
            try { await suppression; }
            catch (OperationCanceledException) { }
            catch (Exception e) { logger.LogWarning(e, "Secondary suppression for export {Format} stopped with an error", format.Name); }
        }

        async IAsyncEnumerable<ExportRow> Rows([EnumeratorCancellation] CancellationToken token)
        {
            var indicators = plan.Indicators.ToDictionary(i => i.Id);
            await using var reader = await connection.ExecuteReaderAsync(queries.Streamed(token));
            var raw = new RawObservationReader(reader);
            Guid? current = null;
            HashSet<(Guid, Guid, string)> hidden = [];
            while (await reader.ReadAsync(token))
            {
                var o = raw.Read();
                if (plan.Scope is { } scope && !scope.Contains(o.SpaceId)) continue;
                if (!indicators.TryGetValue(o.IndicatorId, out var indicator)) continue;
                if (o.IndicatorId != current) (current, hidden) = (o.IndicatorId, await worker.WithheldAsync(o.IndicatorId));
                var suppressed = hidden.Count > 0 && hidden.Contains((o.IndicatorId, o.SpaceId, o.Period));
                yield return o.ToRow(indicator, plan.AllSpaces[o.SpaceId], suppressed, false);
            }
        }
    }
}
