using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Exports;

/// <summary>
/// The export with values computed up the hierarchy (<c>aggregated=true</c>). Aggregation and suppression never combine
/// indicators, so the values are read, decided and computed one indicator at a time, in one read of the indicator's values
/// in the export's whole years for every space: the withheld cells are the ones <see cref="Disclosure.Withheld"/> withholds
/// in every other response (decided over those whole years, as <see cref="DisclosureReads.DecideAsync"/> does), and the
/// values of the export's months are computed up the hierarchy period by period. In indicator order the rows are written
/// as each indicator is done: memory follows the largest indicator, not the export. A format that needs its rows by space
/// (GeoJSON) gets them regrouped from a compact table of the computed values (<see cref="CellTable"/>, some 50 bytes a
/// value), not from row objects.
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
            var table = new CellTable(plan);
            foreach (var indicator in plan.Indicators)
                await foreach (var row in IndicatorRows(connection, queries, indicator, ct)) table.Add(indicatorOrder[indicator.Id], spaceOrder[row.Space.Id], row);
            var document = await plan.DocumentAsync(connection, table.Periods(), clock.GetUtcNow(), ct);
            await format.WriteAsync(document, ToAsync(table.BySpace()), output, ct);
            return;
        }
        // Computed values exist only for periods that have stored values, so the stored periods are all the periods.
        var allPeriods = format.NeedsPeriods ? ExportPlan.InTimeOrder(await connection.QueryAsync<string>(queries.Periods(withSpaces: false, ct))) : [];
        var header = await plan.DocumentAsync(connection, allPeriods, clock.GetUtcNow(), ct);
        await format.WriteAsync(header, Rows(ct), output, ct);

        async IAsyncEnumerable<ExportRow> Rows([EnumeratorCancellation] CancellationToken token)
        {
            foreach (var indicator in plan.Indicators)
                await foreach (var row in IndicatorRows(connection, queries, indicator, token)) yield return row;
        }
    }

    /// <summary>
    /// The rows of one indicator, stored and computed, in space (tree) and period order: its values of the export's whole
    /// years for every space are read once and held as values; the withheld cells are decided over them, and the values of
    /// the export's months are computed up the hierarchy period by period; the rows are made as they are written.
    /// </summary>
    private async IAsyncEnumerable<ExportRow> IndicatorRows(DbConnection connection, ExportQueryBuilder queries, ExportIndicator indicator,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var held = new List<Held>();
        var periods = new Dictionary<string, Period>(StringComparer.Ordinal); // each period's text is parsed once
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var reader = await connection.ExecuteReaderAsync(queries.Stored(indicator.Id, ct, wholeYears: true)))
        {
            var raw = new RawObservationReader(reader);
            while (await reader.ReadAsync(ct))
            {
                var o = raw.Read();
                if (!periods.TryGetValue(o.Period, out var period)) periods[o.Period] = period = Period.Parse(o.Period);
                held.Add(new Held(o.SpaceId, period, Shared(o.Period)!, new Measure(o.Value, o.Numerator, o.Denominator), Shared(o.Status),
                    Shared(o.Source), o.RatingCount));
            }
        }
        var shape = new ValueTableShape(indicator.Id, indicator.Kind, indicator.Aggregation, indicator.RateFactor ?? 1, parents, null);
        var withheld = Disclosure.Withheld(shape, held.Where(h => parents.ContainsKey(h.Space))
            .Select(h => new StoredValue(h.Space, h.Period, h.Measure, h.RatingCount)), rules);

        // each period of the export's months, in time order: its stored values (by space, their place in held) and the values computed from them
        var series = new List<(Period Period, string Text, Dictionary<Guid, int> Own, Dictionary<Guid, (Measure Measure, bool Aggregated, int Count)> Computed)>();
        var from = plan.FromMonth ?? int.MinValue;
        var to = plan.ToMonth ?? int.MaxValue;
        foreach (var group in Enumerable.Range(0, held.Count).Where(i => held[i].Period.FirstMonth >= from && held[i].Period.LastMonth <= to)
                     .GroupBy(i => held[i].Period))
        {
            var own = group.ToDictionary(i => held[i].Space);
            var computed = Aggregation.UpTheHierarchy(indicator.Aggregation, indicator.RateFactor ?? 1,
                own.ToDictionary(o => o.Key, o => held[o.Value].Measure), plan.Children, plan.Roots);
            series.Add((group.Key, held[group.First()].PeriodText, own, computed));
        }
        series.Sort((a, b) => a.Period.CompareTo(b.Period));
        var aggregatedSources = new Dictionary<int, string>();
        foreach (var space in plan.ScopeSpaces)
        {
            foreach (var (period, text, own, computed) in series)
            {
                if (!computed.TryGetValue(space.Id, out var value)) continue;
                var suppressed = withheld.Count > 0 && withheld.Contains(new CellKey(indicator.Id, space.Id, period));
                RawObservation o;
                if (value.Aggregated)
                {
                    if (!aggregatedSources.TryGetValue(value.Count, out var source))
                        aggregatedSources[value.Count] = source = $"aggregated ({indicator.Aggregation.ToString().ToLowerInvariant()} of {value.Count})";
                    o = new RawObservation
                    {
                        IndicatorId = indicator.Id, SpaceId = space.Id, Period = text, Value = value.Measure.Value, Numerator = value.Measure.Numerator,
                        Denominator = value.Measure.Denominator, Source = source,
                    };
                }
                else
                {
                    var h = held[own[space.Id]];
                    o = new RawObservation
                    {
                        IndicatorId = indicator.Id, SpaceId = space.Id, Period = text, Value = h.Measure.Value, Numerator = h.Measure.Numerator,
                        Denominator = h.Measure.Denominator, Status = h.Status, Source = h.Source, RatingCount = h.RatingCount,
                    };
                }
                yield return o.ToRow(indicator, space, suppressed, value.Aggregated);
            }
        }

        // The same text once (statuses, sources and periods repeat); a bounded pool, so odd data cannot make it grow without end.
        string? Shared(string? text)
        {
            if (text is null) return null;
            if (texts.TryGetValue(text, out var known)) return known;
            if (texts.Count < 10_000) texts[text] = text;
            return text;
        }
    }

    /// <summary>A stored value held until its indicator is decided and computed: what the decision and the exported row need of it.</summary>
    private readonly record struct Held(Guid Space, Period Period, string PeriodText, Measure Measure, string? Status, string? Source, int? RatingCount);

    private static async IAsyncEnumerable<ExportRow> ToAsync(IEnumerable<ExportRow> rows)
    {
        foreach (var r in rows) yield return r;
    }

    /// <summary>
    /// The rows of every indicator as compact values (numbers, flags and small numbers standing for the indicator, the space,
    /// the period and the source), appended in indicator order and read back grouped by space (scope order), each space's in
    /// indicator and period order, as <see cref="ExportRow"/>s made again one by one.
    /// </summary>
    private sealed class CellTable(ExportPlan plan)
    {
        private const int ChunkSize = 16384;
        private readonly List<Cell[]> chunks = [];
        private readonly List<string> texts = [];
        private readonly Dictionary<string, int> textNumbers = new(StringComparer.Ordinal);
        private readonly HashSet<string> periods = new(StringComparer.Ordinal);
        private readonly int[] perSpace = new int[plan.ScopeSpaces.Count];
        private int count;

        public void Add(int indicator, int space, ExportRow row)
        {
            if (count % ChunkSize == 0) chunks.Add(new Cell[ChunkSize]);
            var flags = (row.Value.HasValue ? Flags.Value : 0) | (row.Numerator.HasValue ? Flags.Numerator : 0) | (row.Denominator.HasValue ? Flags.Denominator : 0)
                | (row.Suppressed ? Flags.Suppressed : 0) | (row.Aggregated ? Flags.Aggregated : 0) | (row.Source is null ? 0 : Flags.Source);
            periods.Add(row.Period);
            chunks[^1][count % ChunkSize] = new Cell(row.Value ?? 0, row.Numerator ?? 0, row.Denominator ?? 0, indicator, space, Text(row.Period),
                row.Source is null ? 0 : Text(row.Source), flags, row.Status is { } s ? (byte)s : (byte)0);
            perSpace[space]++;
            count++;
        }

        public List<string> Periods() => ExportPlan.InTimeOrder(periods);

        /// <summary>The rows grouped by space: a stable counting sort of the cells' numbers by space, then each cell made a row.</summary>
        public IEnumerable<ExportRow> BySpace()
        {
            var start = new int[perSpace.Length];
            for (var s = 1; s < perSpace.Length; s++) start[s] = start[s - 1] + perSpace[s - 1];
            var order = new int[count];
            for (var i = 0; i < count; i++) order[start[At(i).Space]++] = i;
            foreach (var i in order)
            {
                var c = At(i);
                yield return new ExportRow(plan.Indicators[c.Indicator], plan.ScopeSpaces[c.Space], texts[c.Period],
                    (c.Flags & Flags.Value) != 0 ? c.Value : null, (c.Flags & Flags.Numerator) != 0 ? c.Numerator : null,
                    (c.Flags & Flags.Denominator) != 0 ? c.Denominator : null, c.Status == 0 ? null : (ObservationStatus)c.Status,
                    (c.Flags & Flags.Source) != 0 ? texts[c.Source] : null, (c.Flags & Flags.Suppressed) != 0, (c.Flags & Flags.Aggregated) != 0);
            }
        }

        private ref readonly Cell At(int i) => ref chunks[i / ChunkSize][i % ChunkSize];

        private int Text(string text)
        {
            if (textNumbers.TryGetValue(text, out var n)) return n;
            textNumbers[text] = texts.Count;
            texts.Add(text);
            return texts.Count - 1;
        }

        private readonly record struct Cell(double Value, double Numerator, double Denominator, int Indicator, int Space, int Period, int Source,
            Flags Flags, byte Status);

        [Flags]
        private enum Flags : byte
        {
            Value = 1,
            Numerator = 2,
            Denominator = 4,
            Suppressed = 8,
            Aggregated = 16,
            Source = 32,
        }
    }
}
