using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Dapper;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Logging;
using Raumnetz.Application.Common;
using Raumnetz.Application.Indicators;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Indicators;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.Application.Exports;

/// <summary>
/// Exports indicator values. Which indicators: those of a set (in its order), the listed ones, or all. Which spaces:
/// the listed ones, the subtree of <see cref="Under"/>, the spaces on <see cref="Level"/> (combined, all must hold), or
/// all. Which periods: from the start of <see cref="From"/> to the end of <see cref="To"/>. With <see cref="Aggregated"/>
/// spaces without a measured value get the value computed from the spaces below them (by each indicator's rule).
/// Small numbers are always withheld in exports (primary suppression) together with whatever would let them be
/// recomputed from totals of the same export (secondary suppression), and flagged as suppressed. Without
/// <see cref="Aggregated"/> the rows are streamed straight from the database in constant memory; with it they are
/// computed in memory first.
/// </summary>
public sealed record ExportIndicatorsQuery : IRequest<IndicatorExport>
{
    /// <summary>The format, chosen at the edge: what it needs decides the queries.</summary>
    public required IExportFormat Format { get; init; }
    public Guid? IndicatorSetId { get; init; }
    public IReadOnlyCollection<Guid>? IndicatorIds { get; init; }
    public IReadOnlyCollection<Guid>? SpaceIds { get; init; }
    public Guid? Under { get; init; }
    public SpaceLevel? Level { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public bool Aggregated { get; init; }
    /// <summary>Separator and decimal comma (used by the CSV formats; part of every export's ETag).</summary>
    public CsvOptions Csv { get; init; } = CsvOptions.Default;
}

public sealed class ExportIndicatorsValidator : AbstractValidator<ExportIndicatorsQuery>
{
    public const int MaxIndicators = 200;

    public ExportIndicatorsValidator()
    {
        RuleFor(x => x.Level).DefinedEnum();
        RuleFor(x => x.IndicatorIds).MaxItems(MaxIndicators);
        RuleFor(x => x.SpaceIds).MaxItems(Limits.Spaces);
        RuleFor(x => x.IndicatorIds).Empty().When(x => x.IndicatorSetId is not null).WithMessage("Give either 'indicatorSetId' or 'indicatorIds', not both.");
        RuleFor(x => x.From).Must(p => p is null || Period.TryParse(p, out _)).WithMessage("'from' must be a period such as 2024, 2024-H1, 2024-Q2 or 2024-05.");
        RuleFor(x => x.To).Must(p => p is null || Period.TryParse(p, out _)).WithMessage("'to' must be a period such as 2024, 2024-H1, 2024-Q2 or 2024-05.");
        RuleFor(x => x.To).Must((x, to) => !Period.TryParse(x.From, out var f) || !Period.TryParse(to, out var t) || f.FirstMonth <= t.LastMonth)
            .WithMessage("'to' must not lie before 'from'.");
    }
}

public sealed class ExportIndicatorsHandler(IDbConnectionFactory db, SuppressionRules rules, TimeProvider clock,
    ILogger<ExportIndicatorsHandler> logger)
    : IRequestHandler<ExportIndicatorsQuery, IndicatorExport>
{
    private sealed class SpaceMeta
    {
        public Guid Id { get; init; }
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public SpaceLevel Level { get; init; }
        public Guid? ParentId { get; init; }
    }

    private sealed class Stamp
    {
        public long N { get; init; }
        public object? M { get; init; }
    }

    /// <summary>An observation as the export reads it.</summary>
    public sealed class RawObservation
    {
        public Guid IndicatorId { get; init; }
        public Guid SpaceId { get; init; }
        public string Period { get; init; } = "";
        public double? Value { get; init; }
        public double? Numerator { get; init; }
        public double? Denominator { get; init; }
        /// <summary>The status as stored (read as text: mapping it is cheaper than Dapper's enum parsing, once per row).</summary>
        public string? Status { get; init; }
        public string? Source { get; init; }
        public int? RatingCount { get; init; }

        public ObservationStatus? ParsedStatus => Status switch
        {
            null => null,
            "Final" => ObservationStatus.Final,
            "Provisional" => ObservationStatus.Provisional,
            "Estimated" => ObservationStatus.Estimated,
            _ => Enum.TryParse<ObservationStatus>(Status, true, out var s) ? s : null,
        };
    }

    private sealed record Plan(
        ExportIndicatorsQuery Query, List<ExportIndicator> Indicators, bool AllIndicators, Dictionary<Guid, ExportSpace> AllSpaces,
        HashSet<Guid>? Scope, List<ExportSpace> ScopeSpaces, int? FromMonth, int? ToMonth, CsvOptions Csv, string Title,
        ILookup<Guid, Guid> Children, List<Guid> Roots);

    public async Task<IndicatorExport> Handle(ExportIndicatorsQuery request, CancellationToken cancellationToken)
    {
        var (plan, stamp) = await db.ReadAsync(async (connection, ct) =>
        {
            var (indicators, all, title) = await IndicatorsAsync(connection, request, ct);
            var spaces = (await connection.QueryAsync<SpaceMeta>(new CommandDefinition("SELECT id, code, name, level, parent_id FROM spaces", cancellationToken: ct))).ToList();
            var byId = spaces.ToDictionary(s => s.Id);
            var exportSpaces = spaces.ToDictionary(s => s.Id, s => new ExportSpace(s.Id, s.Code, s.Name, s.Level, s.ParentId,
                s.ParentId is { } p && byId.TryGetValue(p, out var parent) ? parent.Code : null));
            var children = exportSpaces.Values.Where(s => s.ParentId is not null).ToLookup(s => s.ParentId!.Value, s => s.Id);
            var roots = exportSpaces.Values.Where(s => s.ParentId is null).Select(s => s.Id).ToList();
            var scope = Scope(request, exportSpaces, children);
            var scopeSpaces = TreeOrder(exportSpaces.Values.Where(s => scope is null || scope.Contains(s.Id)).ToList());
            int? from = request.From is null ? null : Period.Parse(request.From).FirstMonth;
            int? to = request.To is null ? null : Period.Parse(request.To).LastMonth;
            var planned = new Plan(request, indicators, all, exportSpaces, scope, scopeSpaces, from, to, request.Csv, title, children, roots);
            var (where, p) = Filter(planned, withSpaces: true);
            var obs = await connection.QuerySingleAsync<Stamp>(new CommandDefinition(
                $"SELECT COUNT(*) AS n, MAX(o.updated_at) AS m FROM observations o {where}", p, cancellationToken: ct));
            var meta = await connection.QuerySingleAsync<Stamp>(new CommandDefinition(
                "SELECT (SELECT COUNT(*) FROM spaces) + (SELECT COUNT(*) FROM indicators) AS n, (SELECT MAX(updated_at) FROM spaces) AS m", cancellationToken: ct));
            var indicatorStamp = await connection.ExecuteScalarAsync<object?>(new CommandDefinition("SELECT MAX(updated_at) FROM indicators", cancellationToken: ct));
            return (planned, $"{obs.N}|{Text(obs.M)}|{meta.N}|{Text(meta.M)}|{Text(indicatorStamp)}");
        }, cancellationToken);

        var format = request.Format;
        return new IndicatorExport
        {
            Version = Version(request, plan, stamp),
            ContentType = format.ContentType,
            FileName = $"raumnetz-{Slug(plan.Title)}-{clock.GetUtcNow():yyyyMMdd}{format.FileNameSuffix}.{format.FileExtension}",
            WriteAsync = (stream, ct) => WriteAsync(plan, stream, ct),
        };
    }

    private static string Text(object? o) => Convert.ToString(o, CultureInfo.InvariantCulture) ?? "";

    /// <summary>Everything the content depends on: the request, the indicators it resolved to, the rules and the data's stamp.</summary>
    private string Version(ExportIndicatorsQuery q, Plan plan, string stamp) =>
        string.Join('|', q.Format.Name, q.IndicatorSetId, string.Join(',', plan.Indicators.Select(i => i.Id)), string.Join(",", (q.SpaceIds ?? []).Order()),
            q.Under, q.Level, q.From, q.To, q.Aggregated, plan.Csv.Delimiter, plan.Csv.DecimalComma, rules.MinCount, rules.MinDenominator, stamp, 1);

    private static string Slug(string title)
    {
        var s = new StringBuilder();
        foreach (var c in TextRules.SearchKey(title))
            s.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        var slug = string.Join('-', s.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "indicators" : slug.Length > 60 ? slug[..60] : slug;
    }

    private async Task<(List<ExportIndicator>, bool All, string Title)> IndicatorsAsync(DbConnection connection, ExportIndicatorsQuery q, CancellationToken ct)
    {
        static ExportIndicator Map(IndicatorRow r) => new(r.Id, r.Code, r.Name, r.Kind, r.Unit, r.Decimals, r.Aggregation, r.RateFactor);
        if (q.IndicatorSetId is { } setId)
        {
            var title = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition("SELECT name FROM indicator_sets WHERE id = @setId", new { setId }, cancellationToken: ct))
                ?? throw new InvalidFieldException("indicatorSetId", $"Indicator set '{setId}' does not exist.");
            var order = (await connection.QueryAsync<Guid>(new CommandDefinition(
                "SELECT indicator_id FROM indicator_set_items WHERE set_id = @setId ORDER BY position", new { setId }, cancellationToken: ct))).ToList();
            var rows = (await IndicatorRow.LoadAsync(connection, null, db.Dialect, order, ct)).ToDictionary(r => r.Id);
            return (order.Select(id => Map(rows[id])).ToList(), false, title);
        }
        if (q.IndicatorIds is { Count: > 0 } ids)
        {
            var distinct = ids.Distinct().ToList();
            var rows = (await IndicatorRow.LoadAsync(connection, null, db.Dialect, distinct, ct)).ToDictionary(r => r.Id);
            var missing = distinct.FirstOrDefault(i => !rows.ContainsKey(i));
            if (missing != Guid.Empty) throw new InvalidFieldException("indicatorIds", $"Indicator '{missing}' does not exist.");
            return (distinct.Select(id => Map(rows[id])).ToList(), false, "indicators");
        }
        var everything = await IndicatorRow.LoadAsync(connection, null, db.Dialect, null, ct);
        return (everything.OrderBy(r => r.Code, StringComparer.Ordinal).Select(Map).ToList(), true, "indicators");
    }

    private static HashSet<Guid>? Scope(ExportIndicatorsQuery q, Dictionary<Guid, ExportSpace> spaces, ILookup<Guid, Guid> children)
    {
        HashSet<Guid>? scope = null;
        void Intersect(IEnumerable<Guid> ids) { var set = ids.ToHashSet(); if (scope is null) scope = set; else scope.IntersectWith(set); }
        if (q.SpaceIds is { Count: > 0 } list)
        {
            var missing = list.FirstOrDefault(id => !spaces.ContainsKey(id));
            if (missing != Guid.Empty) throw new InvalidFieldException("spaceIds", $"Space '{missing}' does not exist.");
            Intersect(list);
        }
        if (q.Under is { } under)
        {
            if (!spaces.ContainsKey(under)) throw new InvalidFieldException("under", $"Space '{under}' does not exist.");
            var subtree = new HashSet<Guid>();
            var stack = new Stack<Guid>([under]);
            while (stack.Count > 0) { var s = stack.Pop(); if (subtree.Add(s)) foreach (var c in children[s]) stack.Push(c); }
            Intersect(subtree);
        }
        if (q.Level is { } level) Intersect(spaces.Values.Where(s => s.Level == level).Select(s => s.Id));
        return scope;
    }

    /// <summary>Parents before children, siblings by code.</summary>
    private static List<ExportSpace> TreeOrder(List<ExportSpace> spaces)
    {
        var ids = spaces.Select(s => s.Id).ToHashSet();
        var children = spaces.Where(s => s.ParentId is { } p && ids.Contains(p)).ToLookup(s => s.ParentId!.Value);
        var result = new List<ExportSpace>(spaces.Count);
        void Visit(ExportSpace s) { result.Add(s); foreach (var c in children[s.Id].OrderBy(c => c.Code, StringComparer.Ordinal)) Visit(c); }
        foreach (var root in spaces.Where(s => s.ParentId is not { } p || !ids.Contains(p)).OrderBy(s => s.Code, StringComparer.Ordinal)) Visit(root);
        return result;
    }

    /// <summary>WHERE clause on observations o for indicators, periods and (when listed) spaces.</summary>
    private (string Where, DynamicParameters Parameters) Filter(Plan plan, bool withSpaces)
    {
        var where = new List<string>();
        var p = new DynamicParameters();
        if (!plan.AllIndicators)
        {
            where.Add(db.Dialect.In("o.indicator_id", "@indicatorIds"));
            p.Add("indicatorIds", plan.Indicators.Select(i => i.Id).ToList());
        }
        if (withSpaces && plan.Query.SpaceIds is { Count: > 0 } && plan.Scope is { } scope)
        {
            where.Add(db.Dialect.In("o.space_id", "@spaceIds"));
            p.Add("spaceIds", scope.ToList());
        }
        if (plan.FromMonth is { } from) { where.Add("o.first_month >= @fromMonth"); p.Add("fromMonth", from); }
        if (plan.ToMonth is { } to) { where.Add("o.last_month <= @toMonth"); p.Add("toMonth", to); }
        if (plan.Indicators.Count == 0) where.Add("o.indicator_id IS NULL");
        return (where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where), p);
    }

    private const string RawColumns = "o.indicator_id, o.space_id, o.period, o.value, o.numerator, o.denominator, o.status, o.source, o.rating_count";

    private async Task WriteAsync(Plan plan, Stream output, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        if (plan.Query.Aggregated) await WriteComputedAsync(plan, output, ct);
        else await WriteStreamedAsync(plan, output, ct);
        logger.LogDebug("Export {Format} ({Scope}) written in {Elapsed} ms", plan.Query.Format.Name, plan.Query.Aggregated ? "aggregated" : "streamed",
            (long)clock.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>What secondary suppression gives up least of: the value, or for a rate its denominator (the population behind it).</summary>
    private static double? Weight(ExportIndicator indicator, RawObservation o) => indicator.Kind == IndicatorKind.Rate ? o.Denominator : o.Value;

    private bool IsPrimary(ExportIndicator indicator, RawObservation o) =>
        Suppression.IsPrimary(indicator.Kind, o.Value, o.Denominator, o.RatingCount, rules);

    /// <summary>
    /// Streams the stored values straight from an unbuffered reader to the writer. Secondary suppression never crosses
    /// indicators, so it is worked out per indicator on a second connection while the rows stream: in indicator order the
    /// first rows wait only for the first indicator; formats ordered by space wait for all of them.
    /// </summary>
    private async Task WriteStreamedAsync(Plan plan, Stream output, CancellationToken ct)
    {
        var format = plan.Query.Format;
        var bySpace = format.RowOrder == ExportRowOrder.BySpace;
        await using var connection = await db.OpenAsync(ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var withheld = plan.Indicators.ToDictionary(i => i.Id, _ => new TaskCompletionSource<HashSet<(Guid, Guid, string)>>(TaskCreationOptions.RunContinuationsAsynchronously));
        var suppression = Task.Run(() => SuppressAsync(plan, withheld, stop.Token), CancellationToken.None);
        try
        {
            var (where, p) = Filter(plan, withSpaces: true);
            var periods = format.NeedsPeriods
                ? (await connection.QueryAsync<string>(new CommandDefinition($"SELECT DISTINCT o.period FROM observations o {where}", p, cancellationToken: ct)))
                    .Select(Period.Parse).Order().Select(x => x.ToString()).ToList()
                : [];
            var order = bySpace ? "o.space_id, o.indicator_id" : "o.indicator_id, o.space_id";
            // The unique key (indicator, space, first month, last month) gives this order without sorting.
            var sql = $"SELECT {RawColumns} FROM observations o {where} ORDER BY {order}, o.first_month, o.last_month";
            var indicators = plan.Indicators.ToDictionary(i => i.Id);
            var document = await DocumentAsync(connection, plan, periods, ct);
            if (bySpace) await Task.WhenAll(withheld.Values.Select(t => t.Task));
            await format.WriteAsync(document, Rows(ct), output, ct);

            async IAsyncEnumerable<ExportRow> Rows([EnumeratorCancellation] CancellationToken token)
            {
                await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, p, cancellationToken: token));
                var raw = new RawReader(reader);
                Guid? current = null;
                HashSet<(Guid, Guid, string)> hidden = [];
                while (await reader.ReadAsync(token))
                {
                    var o = raw.Read();
                    if (plan.Scope is { } scope && !scope.Contains(o.SpaceId)) continue;
                    if (!indicators.TryGetValue(o.IndicatorId, out var indicator)) continue;
                    if (o.IndicatorId != current) (current, hidden) = (o.IndicatorId, await withheld[o.IndicatorId].Task);
                    var suppressed = IsPrimary(indicator, o) || (hidden.Count > 0 && hidden.Contains((o.IndicatorId, o.SpaceId, o.Period)));
                    yield return ToRow(indicator, plan.AllSpaces[o.SpaceId], o, suppressed, false);
                }
            }
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
    }

    /// <summary>
    /// Completes each indicator's set of withheld cells (keyed by the period as stored, so rows need no parsing to be
    /// looked up), in the order the rows stream. A failure fails every set still open, so the stream stops with it.
    /// </summary>
    private async Task SuppressAsync(Plan plan, Dictionary<Guid, TaskCompletionSource<HashSet<(Guid, Guid, string)>>> withheld, CancellationToken ct)
    {
        try
        {
            var started = clock.GetTimestamp();
            await using var connection = await db.OpenAsync(ct);
            var primaries = await PrimariesAsync(connection, plan, ct);
            var total = 0;
            // In the order SQLite and PostgreSQL sort the ids (as text, bytewise): any other order is still right, only slower.
            foreach (var indicator in plan.Indicators.OrderBy(i => i.Id.ToString(), StringComparer.Ordinal))
            {
                var cells = primaries.TryGetValue(indicator.Id, out var small) ? await SecondaryAsync(connection, plan, indicator, small, ct) : [];
                withheld[indicator.Id].TrySetResult(cells.Select(c => (c.Indicator, c.Space, c.Period.ToString())).ToHashSet());
                total += cells.Count;
            }
            logger.LogDebug("Export {Format}: {Cells} cells withheld by secondary suppression, found in {Elapsed} ms", plan.Query.Format.Name, total,
                (long)clock.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e)
        {
            foreach (var set in withheld.Values) set.TrySetException(e);
            throw;
        }
    }

    /// <summary>
    /// Reads the row of <see cref="RawColumns"/> the reader stands on with typed getters by position: no per-row mapping
    /// machinery in the loop that runs once per exported value. Numbers stored as decimals (PostgreSQL, SQL Server) are
    /// converted to double, as Dapper converts them.
    /// </summary>
    private sealed class RawReader(DbDataReader reader)
    {
        private bool[]? isDouble;

        public RawObservation Read()
        {
            isDouble ??= [reader.GetFieldType(3) == typeof(double), reader.GetFieldType(4) == typeof(double), reader.GetFieldType(5) == typeof(double)];
            return new RawObservation
            {
                IndicatorId = reader.GetGuid(0),
                SpaceId = reader.GetGuid(1),
                Period = reader.GetString(2),
                Value = Number(3, isDouble[0]),
                Numerator = Number(4, isDouble[1]),
                Denominator = Number(5, isDouble[2]),
                Status = reader.IsDBNull(6) ? null : reader.GetString(6),
                Source = reader.IsDBNull(7) ? null : reader.GetString(7),
                RatingCount = reader.IsDBNull(8) ? null : reader.GetInt32(8),
            };
        }

        private double? Number(int i, bool typed) =>
            reader.IsDBNull(i) ? null : typed ? reader.GetDouble(i) : Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture);
    }

    private static ExportRow ToRow(ExportIndicator indicator, ExportSpace space, RawObservation o, bool suppressed, bool aggregated) =>
        new(indicator, space, o.Period, suppressed ? null : o.Value, suppressed ? null : o.Numerator, suppressed ? null : o.Denominator,
            o.ParsedStatus, o.Source, suppressed, aggregated);

    private async Task<ExportDocument> DocumentAsync(DbConnection connection, Plan plan, IReadOnlyList<string> periods, CancellationToken ct)
    {
        var spaces = plan.ScopeSpaces;
        if (plan.Query.Format.NeedsGeometry)
        {
            var geometries = (await connection.QueryAsync<(Guid Id, string Geometry)>(new CommandDefinition(
                "SELECT id, geometry FROM spaces WHERE geometry IS NOT NULL", cancellationToken: ct))).ToDictionary(g => g.Id, g => g.Geometry);
            spaces = spaces.Select(s => geometries.TryGetValue(s.Id, out var g) ? s with { Geometry = JsonDocument.Parse(g).RootElement.Clone() } : s).ToList();
        }
        return new ExportDocument
        {
            Title = plan.Title, Generated = clock.GetUtcNow(), Indicators = plan.Indicators, Spaces = spaces, Periods = periods, Csv = plan.Csv,
        };
    }

    /// <summary>
    /// The small values of the additive indicators (one filtered query), by indicator: where secondary suppression starts.
    /// </summary>
    private async Task<Dictionary<Guid, List<RawObservation>>> PrimariesAsync(DbConnection connection, Plan plan, CancellationToken ct)
    {
        var additive = plan.Indicators.Where(i => Suppression.IsAdditive(i.Aggregation)).ToDictionary(i => i.Id);
        if (additive.Count == 0) return [];
        var (where, p) = Filter(plan, withSpaces: true);
        var small = new List<string>();
        void Kind(IndicatorKind kind, string predicate, string name)
        {
            var ids = additive.Values.Where(i => i.Kind == kind).Select(i => i.Id).ToList();
            if (ids.Count == 0) return;
            small.Add($"({db.Dialect.In("o.indicator_id", "@" + name)} AND {predicate})");
            p.Add(name, ids);
        }
        Kind(IndicatorKind.Count, "o.value < @minCount", "countIds");
        Kind(IndicatorKind.Rate, "o.denominator < @minDenominator", "rateIds");
        Kind(IndicatorKind.Rating, "o.rating_count < @minCount", "ratingIds");
        if (small.Count == 0) return [];
        p.Add("minCount", rules.MinCount, DbType.Double);
        p.Add("minDenominator", rules.MinDenominator, DbType.Double);
        var sql = $"SELECT {RawColumns} FROM observations o {(where.Length == 0 ? "WHERE" : where + " AND")} ({string.Join(" OR ", small)})";
        return (await connection.QueryAsync<RawObservation>(new CommandDefinition(sql, p, cancellationToken: ct)))
            .Where(o => (plan.Scope is null || plan.Scope.Contains(o.SpaceId)) && IsPrimary(additive[o.IndicatorId], o))
            .GroupBy(o => o.IndicatorId).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>
    /// Secondary suppression of one indicator for the streamed export: loads only the cells that share a total with its
    /// small values (the spaces' ancestors and their children; the same years) and lets <see cref="Suppression.Secondary"/>
    /// decide. Totals never combine indicators, so each indicator is decided on its own. Memory grows with the small
    /// values, not with the export.
    /// </summary>
    private async Task<HashSet<CellKey>> SecondaryAsync(DbConnection connection, Plan plan, ExportIndicator indicator, List<RawObservation> primaries, CancellationToken ct)
    {
        if (primaries.Count == 0) return [];
        var additive = new Dictionary<Guid, ExportIndicator> { [indicator.Id] = indicator };
        var cells = new Dictionary<CellKey, double?>();
        var loadedPeriods = new HashSet<(Guid Indicator, Period Period, Guid Space)>();
        var loadedYears = new HashSet<(Guid Indicator, Guid Space, int Year)>();
        var primary = new HashSet<CellKey>();
        foreach (var o in primaries)
        {
            var key = new CellKey(o.IndicatorId, o.SpaceId, Period.Parse(o.Period));
            primary.Add(key);
            cells[key] = Weight(additive[o.IndicatorId], o);
        }
        var work = primary.ToList();
        var secondary = new HashSet<CellKey>();
        for (var round = 0; work.Count > 0 && round < 20; round++)
        {
            foreach (var byPeriod in work.GroupBy(c => (c.Indicator, c.Period)))
            {
                var spaces = new HashSet<Guid>();
                foreach (var spaceId in byPeriod.Select(c => c.Space).Distinct())
                    for (Guid? s = spaceId; s is { } current; s = plan.AllSpaces[current].ParentId)
                    {
                        spaces.Add(current);
                        if (plan.AllSpaces[current].ParentId is { } parent) foreach (var sibling in plan.Children[parent]) spaces.Add(sibling);
                    }
                spaces.RemoveWhere(s => (plan.Scope is { } scope && !scope.Contains(s)) || !loadedPeriods.Add((byPeriod.Key.Indicator, byPeriod.Key.Period, s)));
                if (spaces.Count == 0) continue;
                // by first and last month (the period exactly), so each space's cell is one lookup in the unique key
                await LoadAsync("o.first_month = @periodFirst AND o.last_month = @periodLast", q =>
                {
                    q.Add("periodFirst", byPeriod.Key.Period.FirstMonth);
                    q.Add("periodLast", byPeriod.Key.Period.LastMonth);
                }, byPeriod.Key.Indicator, spaces);
            }
            foreach (var byYear in work.GroupBy(c => (c.Indicator, c.Period.Year)))
            {
                var spaces = byYear.Select(c => c.Space).Where(s => loadedYears.Add((byYear.Key.Indicator, s, byYear.Key.Year))).ToHashSet();
                if (spaces.Count == 0) continue;
                await LoadAsync("o.first_month >= @firstMonth AND o.last_month <= @lastMonth", q =>
                {
                    q.Add("firstMonth", Math.Max(byYear.Key.Year * 100 + 1, plan.FromMonth ?? 0));
                    q.Add("lastMonth", Math.Min(byYear.Key.Year * 100 + 12, plan.ToMonth ?? int.MaxValue));
                }, byYear.Key.Indicator, spaces);
            }
            var groups = Suppression.Groups(cells.Keys, s => plan.AllSpaces[s].ParentId, _ => true);
            var found = Suppression.Secondary(cells, primary, groups);
            work = found.Where(c => !secondary.Contains(c)).ToList();
            secondary = found;
        }
        return secondary;

        async Task LoadAsync(string condition, Action<DynamicParameters> parameters, Guid indicatorId, IReadOnlyCollection<Guid> spaceIds)
        {
            foreach (var chunk in spaceIds.Chunk(500))
            {
                var q = new DynamicParameters();
                q.Add("indicatorId", indicatorId);
                // On SQLite the list goes as one JSON parameter: expanding it into hundreds of parameters costs more than the
                // lookups themselves. The ids as SQLite stores them: lower-case text ("D").
                string spaces;
                if (db.Provider == DatabaseProvider.Sqlite)
                {
                    spaces = "o.space_id IN (SELECT value FROM json_each(@spaceIds))";
                    q.Add("spaceIds", JsonSerializer.Serialize(chunk.Select(g => g.ToString("D"))), DbType.String);
                }
                else
                {
                    spaces = db.Dialect.In("o.space_id", "@spaceIds");
                    q.Add("spaceIds", chunk.ToList());
                }
                parameters(q);
                if (plan.FromMonth is { } from) q.Add("fromMonth", from);
                if (plan.ToMonth is { } to) q.Add("toMonth", to);
                var range = (plan.FromMonth is null ? "" : " AND o.first_month >= @fromMonth") + (plan.ToMonth is null ? "" : " AND o.last_month <= @toMonth");
                var rows = await connection.QueryAsync<RawObservation>(new CommandDefinition($"""
                    SELECT {RawColumns} FROM observations o
                    WHERE o.indicator_id = @indicatorId AND {spaces} AND {condition}{range}
                    """, q, cancellationToken: ct));
                foreach (var o in rows) cells[new CellKey(o.IndicatorId, o.SpaceId, Period.Parse(o.Period))] = Weight(additive[o.IndicatorId], o);
            }
        }
    }

    /// <summary>
    /// With values computed up the hierarchy. Aggregation and suppression never combine indicators, so in indicator
    /// order the values are read, computed, protected and written one indicator at a time: memory follows the largest
    /// indicator, not the export. GeoJSON, which lists values per space, computes the whole table at once.
    /// </summary>
    private async Task WriteComputedAsync(Plan plan, Stream output, CancellationToken ct)
    {
        var format = plan.Query.Format;
        await using var connection = await db.OpenAsync(ct);
        var (where, p) = Filter(plan, withSpaces: false);
        if (format.RowOrder == ExportRowOrder.BySpace)
        {
            var stored = (await connection.QueryAsync<RawObservation>(new CommandDefinition($"SELECT {RawColumns} FROM observations o {where}", p, cancellationToken: ct))).ToList();
            var document = await DocumentAsync(connection, plan, [], ct);
            var (rows, periods) = Computed(plan, plan.Indicators, stored, bySpace: true);
            await format.WriteAsync(document with { Periods = periods }, ToAsync(rows), output, ct);
            return;
        }
        // Computed values exist only for periods that have stored values, so the stored periods are all the periods.
        var allPeriods = format.NeedsPeriods
            ? (await connection.QueryAsync<string>(new CommandDefinition($"SELECT DISTINCT o.period FROM observations o {where}", p, cancellationToken: ct)))
                .Select(Period.Parse).Order().Select(x => x.ToString()).ToList()
            : [];
        var header = await DocumentAsync(connection, plan, allPeriods, ct);
        await format.WriteAsync(header, Rows(ct), output, ct);

        async IAsyncEnumerable<ExportRow> Rows([EnumeratorCancellation] CancellationToken token)
        {
            foreach (var indicator in plan.Indicators)
            {
                var (one, q) = Filter(plan, withSpaces: false);
                q.Add("exportIndicator", indicator.Id);
                var sql = $"SELECT {RawColumns} FROM observations o {(one.Length == 0 ? "WHERE" : one + " AND")} o.indicator_id = @exportIndicator";
                var stored = (await connection.QueryAsync<RawObservation>(new CommandDefinition(sql, q, cancellationToken: token))).ToList();
                foreach (var row in Computed(plan, [indicator], stored, bySpace: false).Rows) yield return row;
            }
        }
    }

    /// <summary>
    /// The stored values of <paramref name="indicators"/> with the values computed up the hierarchy, small values and
    /// what would reveal them through a total withheld, in indicator, space (tree) and period order (or space first).
    /// </summary>
    private (List<ExportRow> Rows, List<string> Periods) Computed(Plan plan, IReadOnlyList<ExportIndicator> selected, List<RawObservation> stored, bool bySpace)
    {
        var indicators = selected.ToDictionary(i => i.Id);
        var cells = new List<(ExportIndicator Indicator, Guid Space, Period Period, RawObservation Obs, bool Aggregated, int Count)>();
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
                    ? new RawObservation { IndicatorId = indicator.Id, SpaceId = spaceId, Period = series.Key.Period, Value = value.Measure.Value,
                        Numerator = value.Measure.Numerator, Denominator = value.Measure.Denominator, Source = $"aggregated ({indicator.Aggregation.ToString().ToLowerInvariant()} of {value.Count})" }
                    : own[spaceId];
                cells.Add((indicator, spaceId, period, obs, value.Aggregated, value.Count));
            }
        }
        var values = cells.ToDictionary(c => new CellKey(c.Indicator.Id, c.Space, c.Period), c => Weight(c.Indicator, c.Obs));
        var primary = cells.Where(c => IsPrimary(c.Indicator, c.Obs)).Select(c => new CellKey(c.Indicator.Id, c.Space, c.Period)).ToHashSet();
        var groups = Suppression.Groups(values.Keys, s => plan.AllSpaces[s].ParentId, i => Suppression.IsAdditive(indicators[i].Aggregation));
        var suppressed = Suppression.Secondary(values, primary, groups);
        suppressed.UnionWith(primary);

        var indicatorOrder = plan.Indicators.Select((i, n) => (i.Id, n)).ToDictionary(x => x.Id, x => x.n);
        var spaceOrder = plan.ScopeSpaces.Select((s, n) => (s.Id, n)).ToDictionary(x => x.Id, x => x.n);
        var ordered = bySpace
            ? cells.OrderBy(c => spaceOrder[c.Space]).ThenBy(c => indicatorOrder[c.Indicator.Id]).ThenBy(c => c.Period)
            : cells.OrderBy(c => indicatorOrder[c.Indicator.Id]).ThenBy(c => spaceOrder[c.Space]).ThenBy(c => c.Period);
        var rows = ordered.Select(c => ToRow(c.Indicator, plan.AllSpaces[c.Space], c.Obs, suppressed.Contains(new CellKey(c.Indicator.Id, c.Space, c.Period)), c.Aggregated)).ToList();
        return (rows, cells.Select(c => c.Period).Distinct().Order().Select(x => x.ToString()).ToList());
    }

    private static async IAsyncEnumerable<ExportRow> ToAsync(IEnumerable<ExportRow> rows)
    {
        foreach (var r in rows) yield return r;
    }
#pragma warning restore CS1998
}
