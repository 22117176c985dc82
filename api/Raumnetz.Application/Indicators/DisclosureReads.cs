using System.Data.Common;
using System.Globalization;
using Dapper;
using Raumnetz.Application.Common;
using Raumnetz.Application.Observations;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Indicators;

/// <summary>
/// What the caller may not see of indicator values: the load every read path for values goes through (observation list
/// and single value, evaluation, series, map, assessment summary, the exports; only the streamed export in indicator order
/// passes the values it streams, every space and whole years, to <see cref="Disclosure.Withheld"/> itself). It reads the
/// stored values of whole years for every space and lets <see cref="Disclosure.Withheld"/> decide, so a cell is withheld
/// in every response or in none.
/// </summary>
internal static class DisclosureReads
{
    /// <summary>Whether the caller gets small numbers withheld (viewers and analysts).</summary>
    internal static bool Protects(ICurrentUser user) => SmallNumbers.Protects(user.Role);

    /// <summary>The parent of every space.</summary>
    internal static async Task<Dictionary<Guid, Guid?>> ParentsAsync(DbConnection connection, CancellationToken ct) =>
        (await connection.QueryAsync<(Guid Id, Guid? ParentId)>(new CommandDefinition("SELECT id, parent_id FROM spaces", cancellationToken: ct)))
            .ToDictionary(s => s.Id, s => s.ParentId);

    /// <summary>
    /// The cells of <paramref name="indicators"/> in the years of <paramref name="cells"/> withheld from the caller; null when
    /// the caller sees small numbers (editors and above).
    /// </summary>
    /// <param name="cells">Which indicators and years the response shows (periods of any length; their years count).</param>
    /// <param name="parents">The whole space hierarchy; loaded when null.</param>
    internal static async Task<IReadOnlySet<CellKey>?> WithheldAsync(DbConnection connection, ICurrentUser user, SuppressionRules rules,
        IReadOnlyCollection<IndicatorRow> indicators, IEnumerable<(Guid Indicator, Period Period)> cells,
        IReadOnlyDictionary<Guid, Guid?>? parents, CancellationToken ct)
    {
        if (!Protects(user)) return null;
        var years = cells.GroupBy(c => c.Indicator).ToDictionary(g => g.Key, g => g.Select(c => c.Period.Year).ToHashSet());
        var withheld = new HashSet<CellKey>();
        if (years.Count == 0) return withheld;
        parents ??= await ParentsAsync(connection, ct);
        foreach (var indicator in indicators)
        {
            if (!years.TryGetValue(indicator.Id, out var wanted) || wanted.Count == 0) continue;
            var shape = new ValueTableShape(indicator.Id, indicator.Kind, indicator.Aggregation, indicator.RateFactor ?? 1, parents, null);
            // Contiguous runs of years, each one range query (the decision for a year needs that whole year).
            foreach (var (first, last) in Runs(wanted))
                withheld.UnionWith(await DecideAsync(connection, shape, first, last, rules, ct));
        }
        return withheld;
    }

    /// <summary>
    /// The stored values of @indicatorId from @fromMonth to @toMonth, every space: found through the index on indicator
    /// and month (migration 0064), so deciding a year reads that year's values, not every value the indicator has
    /// (first_month &lt;= @toMonth follows from last_month &lt;= @toMonth and closes the index range at the end).
    /// </summary>
    internal const string DecideSql = """
        SELECT space_id, period, value, numerator, denominator, rating_count FROM observations
        WHERE indicator_id = @indicatorId AND first_month >= @fromMonth AND first_month <= @toMonth AND last_month <= @toMonth
        """;

    /// <summary>
    /// The cells of the indicator of <paramref name="shape"/> in the years <paramref name="firstYear"/> to
    /// <paramref name="lastYear"/> withheld from protected readers, whoever asks: the stored values of those whole years for
    /// every space of <see cref="ValueTableShape.Parents"/>, decided by <see cref="Disclosure.Withheld"/>. One range query read
    /// with typed getters (memory: the values of those years); exports call it once per indicator for all their years,
    /// responses for the caller use <see cref="WithheldAsync"/>.
    /// </summary>
    internal static async Task<HashSet<CellKey>> DecideAsync(DbConnection connection, ValueTableShape shape, int firstYear, int lastYear,
        SuppressionRules rules, CancellationToken ct)
    {
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(DecideSql,
            new { indicatorId = shape.Indicator, fromMonth = firstYear * 100 + 1, toMonth = lastYear * 100 + 12 }, cancellationToken: ct));
        var stored = new List<StoredValue>();
        // Numbers stored as decimals (PostgreSQL, SQL Server) are converted to double, as Dapper converts them.
        var isDouble = new[] { reader.GetFieldType(2) == typeof(double), reader.GetFieldType(3) == typeof(double), reader.GetFieldType(4) == typeof(double) };
        double? Number(int i) => reader.IsDBNull(i) ? null
            : isDouble[i - 2] ? reader.GetDouble(i) : Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture);
        // Periods repeat for every space: each text is parsed once.
        var periods = new Dictionary<string, Period>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            var space = reader.GetGuid(0);
            if (!shape.Parents.ContainsKey(space)) continue;
            var text = reader.GetString(1);
            if (!periods.TryGetValue(text, out var period)) periods[text] = period = Period.Parse(text);
            stored.Add(new StoredValue(space, period, new Measure(Number(2), Number(3), Number(4)), reader.IsDBNull(5) ? null : reader.GetInt32(5)));
        }
        return Disclosure.Withheld(shape, stored, rules);
    }

    /// <summary>What the caller may not see of these observations (null when the caller sees everything).</summary>
    internal static async Task<IReadOnlySet<CellKey>?> ForObservationsAsync(DbConnection connection, ISqlDialect dialect, ICurrentUser user,
        SuppressionRules rules, IReadOnlyCollection<ObservationRow> rows, CancellationToken ct)
    {
        if (!Protects(user)) return null;
        var indicators = await IndicatorRow.LoadAsync(connection, null, dialect, rows.Select(r => r.IndicatorId).Distinct().ToList(), ct);
        return await WithheldAsync(connection, user, rules, indicators, rows.Select(r => (r.IndicatorId, Period.Parse(r.Period))), null, ct);
    }

    /// <summary>Whether <paramref name="withheld"/> (from <see cref="ForObservationsAsync"/>) withholds the observation.</summary>
    internal static bool IsWithheld(IReadOnlySet<CellKey>? withheld, ObservationRow row) =>
        withheld is not null && withheld.Contains(new CellKey(row.IndicatorId, row.SpaceId, Period.Parse(row.Period)));

    private static IEnumerable<(int First, int Last)> Runs(IEnumerable<int> years)
    {
        int? first = null, last = null;
        foreach (var y in years.Order())
        {
            if (last is { } l && y == l + 1) { last = y; continue; }
            if (first is { } f) yield return (f, last!.Value);
            first = last = y;
        }
        if (first is { } ff) yield return (ff, last!.Value);
    }
}
