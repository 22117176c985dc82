using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Extensions.Logging;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Exports;

/// <summary>
/// The stored values, streamed from an unbuffered reader to the format's writer. The cells withheld as they pass are the
/// ones <see cref="Disclosure.Withheld"/> withholds in every other response. In indicator order, without listed spaces,
/// the stream reads what that decision needs itself (every space, whole years): it holds one indicator's values, decides
/// them and writes them, so every value is read once (memory: one indicator's values). Otherwise (formats ordered by
/// space, listed spaces) a <see cref="SuppressionWorker"/> decides each indicator on a second connection while the rows
/// stream: in indicator order the first rows wait only for the first indicator, formats ordered by space wait for all.
/// </summary>
internal sealed class StreamedExport(IDbConnectionFactory db, ExportPlan plan, SuppressionRules rules, TimeProvider clock, ILogger logger)
{
    public async Task WriteAsync(Stream output, CancellationToken ct)
    {
        var format = plan.Format;
        var queries = new ExportQueryBuilder(plan, db.Dialect);
        await using var connection = await db.OpenAsync(ct);
        if (format.RowOrder == ExportRowOrder.ByIndicator && plan.Query.SpaceIds is not { Count: > 0 })
        {
            var document = await plan.DocumentAsync(connection, await PeriodsAsync(connection, queries, ct), clock.GetUtcNow(), ct);
            await format.WriteAsync(document, Decided(connection, queries, ct), output, ct);
            return;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var worker = new SuppressionWorker(db, plan, queries, rules, clock, logger);
        var suppression = Task.Run(() => worker.RunAsync(stop.Token), CancellationToken.None);
        try
        {
            var document = await plan.DocumentAsync(connection, await PeriodsAsync(connection, queries, ct), clock.GetUtcNow(), ct);
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
            await using var reader = await db.Dialect.ReadForwardAsync(connection, queries.Streamed(token));
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

    private async Task<List<string>> PeriodsAsync(DbConnection connection, ExportQueryBuilder queries, CancellationToken ct) =>
        plan.Format.NeedsPeriods ? ExportPlan.InTimeOrder(await connection.QueryAsync<string>(queries.Periods(withSpaces: true, ct))) : [];

    /// <summary>
    /// The rows in indicator order, each indicator's withheld cells decided from the values the stream reads: they are held
    /// until the indicator's last value has passed, then decided together and written (those in the scope and the months).
    /// The decision of an indicator runs on another thread while the next indicator's values are read, and its rows are
    /// written when that one is complete, so reading (the database's pace) and deciding overlap; the values are held in
    /// two batches used in turn (the values as the decision takes them, their texts beside them, repeated texts shared),
    /// so that holding them leaves the collector few objects to promote.
    /// </summary>
    private async IAsyncEnumerable<ExportRow> Decided(DbConnection connection, ExportQueryBuilder queries, [EnumeratorCancellation] CancellationToken ct)
    {
        var indicators = plan.Indicators.ToDictionary(i => i.Id);
        var parents = plan.AllSpaces.Values.ToDictionary(s => s.Id, s => s.ParentId);
        var periods = new Dictionary<string, Period>(StringComparer.Ordinal); // each period's text is parsed once
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var reading = new Batch(0);
        Batch? spare = null; // the second batch, sized at once for as many values as the first indicator had
        (Batch Batch, Task<HashSet<CellKey>> Withheld)? deciding = null;
        try
        {
            await using var reader = await db.Dialect.ReadForwardAsync(connection, queries.Streamed(ct, decided: true));
            var raw = new RawObservationReader(reader);
            while (await reader.ReadAsync(ct))
            {
                var o = raw.Read();
                if (!indicators.TryGetValue(o.IndicatorId, out var indicator)) continue;
                if (indicator != reading.Indicator)
                {
                    if (reading.Indicator is not null)
                    {
                        // the indicator before the one just read is written, the one just read is decided meanwhile
                        if (deciding is { } written)
                        {
                            foreach (var row in Release(written.Batch, await written.Withheld)) yield return row;
                            spare = written.Batch;
                        }
                        var complete = reading;
                        deciding = (complete, Task.Run(() => Decide(complete), CancellationToken.None));
                        reading = spare ?? new Batch(complete.Values.Count);
                    }
                    reading.Start(indicator);
                }
                if (!periods.TryGetValue(o.Period, out var period)) periods[o.Period] = period = Period.Parse(o.Period);
                reading.Values.Add(new StoredValue(o.SpaceId, period, new Measure(o.Value, o.Numerator, o.Denominator), o.RatingCount));
                reading.Texts.Add(new HeldTexts(Shared(o.Period)!, Shared(o.Status), Shared(o.Source)));
                reading.UnknownSpace |= !parents.ContainsKey(o.SpaceId);
            }
            if (deciding is { } last)
            {
                deciding = null;
                foreach (var row in Release(last.Batch, await last.Withheld)) yield return row;
            }
            if (reading.Indicator is not null) foreach (var row in Release(reading, Decide(reading))) yield return row;
        }
        finally
        {
            // broken off while an indicator was being decided: nobody waits for it, its failure is no one's to report
            if (deciding is { } abandoned)
                _ = abandoned.Withheld.ContinueWith(static t => t.Exception, CancellationToken.None,
                    TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        // The same text once (statuses, sources and periods repeat); a bounded pool, so odd data cannot make it grow without end.
        string? Shared(string? text)
        {
            if (text is null) return null;
            if (texts.TryGetValue(text, out var known)) return known;
            if (texts.Count < 10_000) texts[text] = text;
            return text;
        }

        // a value of a space outside the hierarchy (none, in a consistent database) the decision leaves out
        HashSet<CellKey> Decide(Batch batch) => Disclosure.Withheld(
            new ValueTableShape(batch.Indicator!.Id, batch.Indicator.Kind, batch.Indicator.Aggregation, batch.Indicator.RateFactor ?? 1,
                parents, null),
            batch.UnknownSpace ? batch.Values.Where(h => parents.ContainsKey(h.Space)) : batch.Values, rules);

        IEnumerable<ExportRow> Release(Batch batch, HashSet<CellKey> withheld)
        {
            var indicator = batch.Indicator!;
            for (var i = 0; i < batch.Values.Count; i++)
            {
                var h = batch.Values[i];
                if (plan.Scope is { } scope && !scope.Contains(h.Space)) continue;
                if (h.Period.FirstMonth < plan.FromMonth || h.Period.LastMonth > plan.ToMonth) continue;
                var suppressed = withheld.Count > 0 && withheld.Contains(new CellKey(indicator.Id, h.Space, h.Period));
                var t = batch.Texts[i];
                var o = new RawObservation
                {
                    IndicatorId = indicator.Id, SpaceId = h.Space, Period = t.Period, Value = h.Measure.Value,
                    Numerator = h.Measure.Numerator, Denominator = h.Measure.Denominator, Status = t.Status, Source = t.Source,
                    RatingCount = h.RatingCount,
                };
                yield return o.ToRow(indicator, plan.AllSpaces[h.Space], suppressed, false);
            }
        }
    }

    /// <summary>One indicator's values held until it is decided and written (lists reused for the indicators in turn).</summary>
    private sealed class Batch(int capacity)
    {
        public ExportIndicator? Indicator { get; private set; }
        /// <summary>The values as the decision takes them.</summary>
        public List<StoredValue> Values { get; } = new(capacity);
        /// <summary>Each value's texts, at the same position.</summary>
        public List<HeldTexts> Texts { get; } = new(capacity);
        public bool UnknownSpace { get; set; }

        public void Start(ExportIndicator indicator)
        {
            Indicator = indicator;
            Values.Clear();
            Texts.Clear();
            UnknownSpace = false;
        }
    }

    /// <summary>The texts of a value held until its indicator is decided (the rest is its <see cref="StoredValue"/>).</summary>
    private readonly record struct HeldTexts(string Period, string? Status, string? Source);
}
