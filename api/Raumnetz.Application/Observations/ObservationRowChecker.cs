using Raumnetz.Domain.Common;
using System.Data.Common;
using System.Globalization;
using Dapper;
using Raumnetz.Application.Common;
using Raumnetz.Application.Indicators;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Observations;

/// <summary>
/// Checks the rows of an import one at a time: indicator and space by code (any case), the period, numbers (with a
/// decimal comma if asked), status and texts, the indicator's value rules, and that no indicator, space and period
/// comes twice in one file. Each problem goes to the report by line or item and column.
/// </summary>
internal sealed class ObservationRowChecker
{
    private readonly Dictionary<string, IndicatorRow> indicators;
    private readonly Dictionary<Guid, IndicatorProfile> profiles;
    private readonly Dictionary<string, Guid> spaces;
    private readonly CultureInfo culture;
    private readonly ImportReport report;
    // rows seen so far by (indicator, space, first month, last month), the ids as small numbers: their line or item
    private readonly Dictionary<Guid, int> indicatorIndex;
    private readonly Dictionary<Guid, int> spaceIndex;
    private readonly Dictionary<(int, int, int, int), int> seen = [];
    // the end of each space's validity, and the lowest and highest value each space has per indicator (for the outlier
    // warning), read per indicator when the import first names it (HistoryToLoad, AddHistory)
    private readonly IReadOnlyDictionary<Guid, DateOnly?> validity;
    private readonly Dictionary<(Guid, Guid), (double? Lowest, double? Highest)> history;
    private readonly HashSet<Guid> historyRead = [];
    private readonly double maxJumpFactor;

    public ObservationRowChecker(IEnumerable<IndicatorRow> indicators, IReadOnlyDictionary<string, Guid> spacesByCode, bool decimalComma, ImportReport report,
        IReadOnlyDictionary<Guid, DateOnly?>? validity = null, IReadOnlyDictionary<(Guid, Guid), (double? Lowest, double? Highest)>? history = null,
        double maxJumpFactor = 0)
    {
        this.validity = validity ?? new Dictionary<Guid, DateOnly?>();
        this.history = history is null ? [] : new Dictionary<(Guid, Guid), (double? Lowest, double? Highest)>(history);
        this.maxJumpFactor = maxJumpFactor;
        this.indicators = indicators.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        if (history is not null) historyRead.UnionWith(this.indicators.Values.Select(i => i.Id)); // given whole
        indicatorIndex = this.indicators.Values.Select((i, n) => (i.Id, n)).ToDictionary(x => x.Id, x => x.n);
        profiles = this.indicators.Values.ToDictionary(i => i.Id, i => i.Profile());
        spaces = spacesByCode.ToDictionary(s => s.Key, s => s.Value, StringComparer.OrdinalIgnoreCase);
        spaceIndex = spaces.Values.Select((s, n) => (s, n)).ToDictionary(x => x.s, x => x.n);
        culture = decimalComma ? CultureInfo.GetCultureInfo("de-DE") : CultureInfo.InvariantCulture;
        this.report = report;
    }

    private sealed class SpaceKey
    {
        public Guid Id { get; init; }
        public string Code { get; init; } = "";
        public DateOnly? ValidTo { get; init; }
    }

    /// <summary>The lowest and highest value one space has of an indicator.</summary>
    public sealed class HistoryRow
    {
        public Guid SpaceId { get; init; }
        public double? Lowest { get; init; }
        public double? Highest { get; init; }
    }

    /// <summary>
    /// A checker over every indicator and space in the database. The values an indicator has already (for the outlier
    /// warning) are not read here: <see cref="HistoryToLoad"/> names an indicator when a row first needs them, and the caller
    /// reads them with <see cref="HistoryAsync"/> (before it writes any row of that indicator, so they are the values stored
    /// before the import) and hands them to <see cref="AddHistory"/>: the cost follows the indicators imported, not the table.
    /// </summary>
    public static async Task<ObservationRowChecker> LoadAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, bool decimalComma, ImportReport report,
        PlausibilityRules plausibility, CancellationToken ct)
    {
        var indicators = await IndicatorRow.LoadAsync(connection, tx, dialect, null, ct);
        var spaceRows = (await connection.QueryAsync<SpaceKey>(new CommandDefinition("SELECT id, code, valid_to FROM spaces", transaction: tx, cancellationToken: ct))).ToList();
        var spaces = spaceRows.ToDictionary(s => s.Code, s => s.Id, StringComparer.OrdinalIgnoreCase);
        var validity = spaceRows.ToDictionary(s => s.Id, s => s.ValidTo);
        return new ObservationRowChecker(indicators, spaces, decimalComma, report, validity, null, plausibility.MaxJumpFactor);
    }

    /// <summary>
    /// The indicator of <paramref name="row"/> when the outlier warning is on and its stored values were not read yet
    /// (read them with <see cref="HistoryAsync"/> and pass them to <see cref="AddHistory"/> before checking the row); else null.
    /// </summary>
    public Guid? HistoryToLoad(RawImportRow row) =>
        maxJumpFactor > 1 && !string.IsNullOrWhiteSpace(row.Indicator) && indicators.TryGetValue(row.Indicator.Trim(), out var i)
            && !historyRead.Contains(i.Id) ? i.Id : null;

    /// <summary>Takes the stored values of an indicator, per space (<see cref="HistoryAsync"/>).</summary>
    public void AddHistory(Guid indicatorId, IEnumerable<HistoryRow> rows)
    {
        historyRead.Add(indicatorId);
        foreach (var h in rows) history[(indicatorId, h.SpaceId)] = (h.Lowest, h.Highest);
    }

    /// <summary>The lowest and highest value each space has of one indicator (by the index on the indicator).</summary>
    public static async Task<IReadOnlyList<HistoryRow>> HistoryAsync(DbConnection connection, DbTransaction tx, Guid indicatorId,
        CancellationToken ct) =>
        (await connection.QueryAsync<HistoryRow>(new CommandDefinition("""
            SELECT space_id, MIN(value) AS lowest, MAX(value) AS highest FROM observations
            WHERE indicator_id = @indicatorId AND value IS NOT NULL GROUP BY space_id
            """, new { indicatorId }, tx, cancellationToken: ct))).AsList();

    /// <summary>The checked values of the row, or null when it is bad (its problems are in the report).</summary>
    public ObservationValues? Check(RawImportRow row)
    {
        var before = report.Count;
        var indicator = Indicator(row);
        Guid? spaceId = string.IsNullOrWhiteSpace(row.Space) ? Missing<Guid>(row, "space")
            : spaces.TryGetValue(row.Space.Trim(), out var sid) ? sid
            : Unknown<Guid>(row, "space", "unknownSpace", Domain.Common.Text.Format(Messages.Import_UnknownSpace, row.Space.Trim()), row.Space.Trim());
        Period? period = string.IsNullOrWhiteSpace(row.Period) ? Missing<Period>(row, "period")
            : Period.TryParse(row.Period, out var pp) ? pp
            : Unknown<Period>(row, "period", "notAPeriod", Domain.Common.Text.Format(Messages.Import_NotAPeriod, row.Period), row.Period);
        var value = Number(row, "value", row.Value);
        var numerator = Number(row, "numerator", row.Numerator);
        var denominator = Number(row, "denominator", row.Denominator);
        var status = ObservationStatus.Final;
        if (!string.IsNullOrWhiteSpace(row.Status) && !TryParseStatus(row.Status, out status))
            report.Add(row, "status", "notAStatus", Domain.Common.Text.Format(Messages.Import_NotAStatus, row.Status), ("value", row.Status));
        var source = Text(row, "source", row.Source, Limits.Name);
        var note = Text(row, "note", row.Note, Limits.Note);
        if (report.Count > before || indicator is null || spaceId is null || period is null) return null;

        var profile = profiles[indicator.Id];
        // A rate's value written next to its numerator and denominator (as the export writes it, rounded to the indicator's
        // decimals) stands for the computed one: keep the exact quotient, so a re-imported export changes nothing.
        if (profile.Kind == IndicatorKind.Rate && value is { } given && numerator is { } n0 && denominator is { } d0 && d0 > 0
            && IndicatorRules.RateValue(n0, d0, profile.RateFactor ?? 1) is { } exact
            && Math.Abs(exact - given) <= 0.5 * Math.Pow(10, -Math.Clamp(profile.Decimals, 0, 6)) + 1e-9)
            value = null;
        var (checkedValue, problems) = ObservationRules.Check(profile, value, numerator, denominator);
        if (validity.TryGetValue(spaceId.Value, out var validTo) && ObservationRules.CheckValidity(period.Value, validTo) is { } outside) problems.Add(outside);
        foreach (var problem in problems) report.Add(row, problem);
        if (problems.Count == 0 && checkedValue is { } v0 && maxJumpFactor > 1 && history.TryGetValue((indicator.Id, spaceId.Value), out var h)
            && ObservationRules.IsOutlier(v0, h.Lowest, h.Highest, maxJumpFactor))
            report.Warn(row, ObservationRules.Outlier(v0, h.Lowest!.Value, h.Highest!.Value, maxJumpFactor));
        var key = (indicatorIndex[indicator.Id], spaceIndex[spaceId.Value], period.Value.FirstMonth, period.Value.LastMonth);
        if (seen.TryGetValue(key, out var first))
        {
            report.Add(row, "period", "duplicate", row.Line is not null
                ? Domain.Common.Text.Format(Messages.Import_DuplicateLine, first)
                : Domain.Common.Text.Format(Messages.Import_DuplicateItem, first), ("first", first));
            return null;
        }
        seen[key] = row.Line ?? row.Item ?? 0;
        return report.Count > before ? null
            : new ObservationValues(indicator.Id, spaceId.Value, period.Value, checkedValue, numerator, denominator, status, source, note, null);
    }

    private IndicatorRow? Indicator(RawImportRow row)
    {
        if (string.IsNullOrWhiteSpace(row.Indicator)) { report.Add(row, "indicator", "required", Messages.Import_IndicatorRequired); return null; }
        if (indicators.TryGetValue(row.Indicator.Trim(), out var i)) return i;
        report.Add(row, "indicator", "unknownIndicator", Domain.Common.Text.Format(Messages.Import_UnknownIndicator, row.Indicator.Trim()), ("value", row.Indicator.Trim()));
        return null;
    }

    private T? Missing<T>(RawImportRow row, string column) where T : struct
    {
        report.Add(row, column, "required", Domain.Common.Text.Format(Messages.Import_ColumnRequired, column));
        return null;
    }

    private T? Unknown<T>(RawImportRow row, string column, string code, string message, string value) where T : struct
    {
        report.Add(row, column, code, message, ("value", value));
        return null;
    }

    private double? Number(RawImportRow row, string column, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (double.TryParse(text, NumberStyles.Float, culture, out var v) && double.IsFinite(v)) return v;
        report.Add(row, column, "notANumber", Domain.Common.Text.Format(culture.Name == "de-DE" ? Messages.Import_NotANumberComma : Messages.Import_NotANumber, text),
            ("value", text), ("decimalComma", culture.Name == "de-DE"));
        return null;
    }

    private string? Text(RawImportRow row, string column, string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        if (t.Length <= max) return t;
        report.Add(row, column, "tooLong", Domain.Common.Text.Format(Messages.Import_TooLong, column, max), ("max", max));
        return null;
    }

    /// <summary>
    /// A status in English (provisional, final, estimated, in any case) or as the German UI and the German export write it
    /// (vorläufig, endgültig, geschätzt; also spelt with ae/ue); no numbers. The one mapping for every import format: the CSV
    /// and the JSON import read the same words.
    /// </summary>
    public static bool TryParseStatus(string text, out ObservationStatus status)
    {
        var t = text.Trim().ToLowerInvariant();
        status = t switch
        {
            "provisional" => ObservationStatus.Provisional,
            "final" => ObservationStatus.Final,
            "estimated" => ObservationStatus.Estimated,
            "vorläufig" or "vorlaeufig" => ObservationStatus.Provisional,
            "endgültig" or "endgueltig" => ObservationStatus.Final,
            "geschätzt" or "geschaetzt" => ObservationStatus.Estimated,
            _ => default,
        };
        return status != default;
    }
}
