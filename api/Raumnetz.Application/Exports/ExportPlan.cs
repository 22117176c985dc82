using System.Data.Common;
using Dapper;
using Raumnetz.Application.Common;
using Raumnetz.Application.Indicators;
using Raumnetz.Application.Spaces;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Indicators;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.Application.Exports;

/// <summary>
/// What one export covers, worked out once before any row is read: the indicators in export order (of the set, as
/// listed, or all by code), every space with the tree (children, roots), the spaces in scope (null: all) in tree order,
/// and the months of <c>from</c> and <c>to</c>.
/// </summary>
internal sealed record ExportPlan(
    ExportIndicatorsQuery Query, List<ExportIndicator> Indicators, bool AllIndicators, string Title, Dictionary<Guid, ExportSpace> AllSpaces,
    ILookup<Guid, Guid> Children, List<Guid> Roots, HashSet<Guid>? Scope, List<ExportSpace> ScopeSpaces, int? FromMonth, int? ToMonth)
{
    public IExportFormat Format => Query.Format;

    public CsvOptions Csv => Query.Csv;

    private sealed class SpaceMeta
    {
        public Guid Id { get; init; }
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public SpaceLevel Level { get; init; }
        public Guid? ParentId { get; init; }
    }

    /// <summary>Reads the indicators and the spaces; an unknown set, indicator or space is a bad request naming its parameter.</summary>
    public static async Task<ExportPlan> LoadAsync(DbConnection connection, ISqlDialect dialect, ExportIndicatorsQuery request, CancellationToken ct)
    {
        var (indicators, all, title) = await IndicatorsAsync(connection, dialect, request, ct);
        var spaces = (await connection.QueryAsync<SpaceMeta>(new CommandDefinition("SELECT id, code, name, level, parent_id FROM spaces", cancellationToken: ct))).ToList();
        var byId = spaces.ToDictionary(s => s.Id);
        var exportSpaces = spaces.ToDictionary(s => s.Id, s => new ExportSpace(s.Id, s.Code, s.Name, s.Level, s.ParentId,
            s.ParentId is { } p && byId.TryGetValue(p, out var parent) ? parent.Code : null));
        var children = exportSpaces.Values.Where(s => s.ParentId is not null).ToLookup(s => s.ParentId!.Value, s => s.Id);
        var roots = exportSpaces.Values.Where(s => s.ParentId is null).Select(s => s.Id).ToList();
        var scope = ExportScope.Of(request, exportSpaces, children);
        var scopeSpaces = ExportScope.TreeOrder(exportSpaces.Values.Where(s => scope is null || scope.Contains(s.Id)).ToList());
        int? from = request.From is null ? null : Period.Parse(request.From).FirstMonth;
        int? to = request.To is null ? null : Period.Parse(request.To).LastMonth;
        return new ExportPlan(request, indicators, all, title, exportSpaces, children, roots, scope, scopeSpaces, from, to);
    }

    private static async Task<(List<ExportIndicator>, bool All, string Title)> IndicatorsAsync(DbConnection connection, ISqlDialect dialect,
        ExportIndicatorsQuery q, CancellationToken ct)
    {
        static ExportIndicator Map(IndicatorRow r) => new(r.Id, r.Code, r.Name, r.Kind, r.Unit, r.Decimals, r.Aggregation, r.RateFactor);
        if (q.IndicatorSetId is { } setId)
        {
            var title = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                    "SELECT name FROM indicator_sets WHERE id = @setId", new { setId }, cancellationToken: ct))
                ?? throw new InvalidFieldException("indicatorSetId", Text.DoesNotExist("Indicator set", setId));
            var order = (await connection.QueryAsync<Guid>(new CommandDefinition(
                "SELECT indicator_id FROM indicator_set_items WHERE set_id = @setId ORDER BY position", new { setId }, cancellationToken: ct))).ToList();
            var rows = (await IndicatorRow.LoadAsync(connection, null, dialect, order, ct)).ToDictionary(r => r.Id);
            return (order.Select(id => Map(rows[id])).ToList(), false, title);
        }
        if (q.IndicatorIds is { Count: > 0 } ids)
        {
            var distinct = ids.Distinct().ToList();
            var rows = (await IndicatorRow.LoadAsync(connection, null, dialect, distinct, ct)).ToDictionary(r => r.Id);
            var missing = distinct.FirstOrDefault(i => !rows.ContainsKey(i));
            if (missing != Guid.Empty) throw new InvalidFieldException("indicatorIds", Text.DoesNotExist("Indicator", missing));
            return (distinct.Select(id => Map(rows[id])).ToList(), false, "indicators");
        }
        var everything = await IndicatorRow.LoadAsync(connection, null, dialect, null, ct);
        return (everything.OrderBy(r => r.Code, StringComparer.Ordinal).Select(Map).ToList(), true, "indicators");
    }

    /// <summary>What the writer gets besides the rows: the spaces in scope, with their geometry when the format needs it.</summary>
    public async Task<ExportDocument> DocumentAsync(DbConnection connection, IReadOnlyList<string> periods, DateTimeOffset generated, CancellationToken ct)
    {
        var spaces = ScopeSpaces;
        if (Format.NeedsGeometry)
        {
            var geometries = (await connection.QueryAsync<(Guid Id, string Geometry)>(new CommandDefinition(
                "SELECT id, geometry FROM spaces WHERE geometry IS NOT NULL", cancellationToken: ct))).ToDictionary(g => g.Id, g => g.Geometry);
            spaces = spaces.Select(s => geometries.TryGetValue(s.Id, out var g) ? s with { Geometry = SpaceGeometry.Read(g) } : s).ToList();
        }
        return new ExportDocument { Title = Title, Generated = generated, Indicators = Indicators, Spaces = spaces, Periods = periods, Csv = Csv, Columns = Query.Columns };
    }

    /// <summary>The periods (as stored) in time order.</summary>
    public static List<string> InTimeOrder(IEnumerable<string> periods) => periods.Select(Period.Parse).Order().Select(p => p.ToString()).ToList();
}
