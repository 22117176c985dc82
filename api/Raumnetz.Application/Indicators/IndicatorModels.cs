using System.Data.Common;
using System.Text.Json;
using AutoMapper;
using Dapper;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Indicators;

/// <summary>An indicator (Kennzahl): what is measured, how it is shown and how it aggregates up the space hierarchy.</summary>
public sealed record IndicatorDto
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public IndicatorKind Kind { get; init; }
    public string? Unit { get; init; }
    public int Decimals { get; init; }
    public IndicatorDirection Direction { get; init; }
    public AggregationRule Aggregation { get; init; }
    /// <summary>Rates only: value = numerator / denominator × factor.</summary>
    public double? RateFactor { get; init; }
    /// <summary>Rates only: the numerator cannot exceed the denominator.</summary>
    public bool IsProportion { get; init; }
    public int? ScaleMin { get; init; }
    public int? ScaleMax { get; init; }
    /// <summary>Ratings only: one label per point of the scale, lowest first; empty when none were given.</summary>
    public IReadOnlyList<string> ScaleLabels { get; init; } = [];
    /// <summary>The lowest value this indicator can take (null: no limit).</summary>
    public double? Minimum { get; init; }
    /// <summary>The highest value this indicator can take (null: no limit).</summary>
    public double? Maximum { get; init; }
    public string? Source { get; init; }
    public UpdateInterval? UpdateInterval { get; init; }
    public string? Topic { get; init; }
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A row of the indicators table as Dapper reads it.</summary>
public sealed class IndicatorRow
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string SearchKey { get; set; } = "";
    public string? Description { get; set; }
    public IndicatorKind Kind { get; set; }
    public string? Unit { get; set; }
    public int Decimals { get; set; }
    public IndicatorDirection Direction { get; set; }
    public AggregationRule Aggregation { get; set; }
    public double? RateFactor { get; set; }
    public bool IsProportion { get; set; }
    public int? ScaleMin { get; set; }
    public int? ScaleMax { get; set; }
    public string? ScaleLabels { get; set; }
    public double? Minimum { get; set; }
    public double? Maximum { get; set; }
    public string? Source { get; set; }
    public UpdateInterval? UpdateInterval { get; set; }
    public string? Topic { get; set; }
    public long Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public const string Columns = """
        i.id, i.code, i.name, i.search_key, i.description, i.kind, i.unit, i.decimals, i.direction, i.aggregation, i.rate_factor,
        i.is_proportion, i.scale_min, i.scale_max, i.scale_labels, i.minimum, i.maximum, i.source, i.update_interval, i.topic, i.version, i.created_at, i.updated_at
        """;

    public IndicatorProfile Profile() => new(Kind, Aggregation, RateFactor, IsProportion, ScaleMin, ScaleMax, Decimals, Minimum, Maximum);

    public IReadOnlyList<string> Labels() => ScaleLabels is null ? [] : JsonSerializer.Deserialize<List<string>>(ScaleLabels) ?? [];

    /// <summary>Every indicator, or those with the given ids.</summary>
    internal static async Task<List<IndicatorRow>> LoadAsync(DbConnection connection, DbTransaction? tx, Common.ISqlDialect dialect, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        if (ids is { Count: 0 }) return [];
        var sql = $"SELECT {Columns} FROM indicators i" + (ids is null ? "" : $" WHERE {dialect.In("i.id", "@ids")}");
        return (await connection.QueryAsync<IndicatorRow>(new CommandDefinition(sql, new { ids = ids?.ToList() }, tx, cancellationToken: ct))).ToList();
    }
}

public sealed class IndicatorMappingProfile : Profile
{
    public IndicatorMappingProfile()
    {
        CreateMap<IndicatorRow, IndicatorDto>()
            .ForMember(d => d.ScaleLabels, o => o.MapFrom(r => r.Labels()));
    }
}
