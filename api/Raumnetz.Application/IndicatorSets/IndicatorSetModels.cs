using System.Data.Common;
using Dapper;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.IndicatorSets;

/// <summary>An indicator set: a few meaningful indicators chosen for a purpose, optionally owned by a network.</summary>
public sealed record IndicatorSetDto
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string? Purpose { get; init; }
    /// <summary>The owning network, if any.</summary>
    public Guid? NetworkId { get; init; }
    /// <summary>The indicators in their order.</summary>
    public IReadOnlyList<IndicatorSetItem> Indicators { get; init; } = [];
    /// <summary>True when the set has more indicators than recommended ("few and meaningful": at most 7).</summary>
    public bool ExceedsRecommendedSize { get; init; }
    /// <summary>The recommended largest number of indicators (7).</summary>
    public int RecommendedMaxIndicators { get; init; } = IndicatorRules.FewAndMeaningful;
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>One indicator of a set, in its position.</summary>
public sealed record IndicatorSetItem
{
    public int Position { get; init; }
    public Guid IndicatorId { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public IndicatorKind Kind { get; init; }
    public string? Unit { get; init; }
    public IndicatorDirection Direction { get; init; }
}

public sealed class IndicatorSetRow
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string SearchKey { get; set; } = "";
    public string? Purpose { get; set; }
    public Guid? NetworkId { get; set; }
    public long Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public const string Columns = "s.id, s.name, s.search_key, s.purpose, s.network_id, s.version, s.created_at, s.updated_at";
}

internal sealed class IndicatorSetItemRow
{
    public Guid SetId { get; init; }
    public int Position { get; init; }
    public Guid IndicatorId { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public IndicatorKind Kind { get; init; }
    public string? Unit { get; init; }
    public IndicatorDirection Direction { get; init; }
}

internal static class IndicatorSetLoader
{
    public static async Task<IndicatorSetDto?> LoadAsync(DbConnection connection, DbTransaction? tx, Common.ISqlDialect dialect, Guid id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<IndicatorSetRow>($"SELECT {IndicatorSetRow.Columns} FROM indicator_sets s WHERE s.id = @id", new { id }, tx);
        return row is null ? null : (await ToDtosAsync(connection, tx, dialect, [row], CancellationToken.None))[0];
    }

    public static async Task<List<IndicatorSetDto>> ToDtosAsync(DbConnection connection, DbTransaction? tx, Common.ISqlDialect dialect, IReadOnlyList<IndicatorSetRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.Id).ToList();
        var items = (await connection.QueryAsync<IndicatorSetItemRow>(new CommandDefinition($"""
            SELECT x.set_id, x.position, x.indicator_id, i.code, i.name, i.kind, i.unit, i.direction
            FROM indicator_set_items x JOIN indicators i ON i.id = x.indicator_id
            WHERE {dialect.In("x.set_id", "@ids")}
            ORDER BY x.position
            """, new { ids }, tx, cancellationToken: ct))).ToLookup(x => x.SetId);
        return rows.Select(r =>
        {
            var list = items[r.Id].Select(x => new IndicatorSetItem
            {
                Position = x.Position, IndicatorId = x.IndicatorId, Code = x.Code, Name = x.Name, Kind = x.Kind, Unit = x.Unit, Direction = x.Direction,
            }).ToList();
            return new IndicatorSetDto
            {
                Id = r.Id, Name = r.Name, Purpose = r.Purpose, NetworkId = r.NetworkId, Indicators = list,
                ExceedsRecommendedSize = list.Count > IndicatorRules.FewAndMeaningful,
                Version = r.Version, CreatedAt = r.CreatedAt, UpdatedAt = r.UpdatedAt,
            };
        }).ToList();
    }
}
