using System.Data;
using System.Data.Common;
using Dapper;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Identity;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Observations;

/// <summary>
/// A measured value (Messwert) of an indicator for a space and period. For viewers and analysts small numbers, and what
/// would reveal them through a total, are withheld (<see cref="Disclosure"/>): <see cref="Suppressed"/> is true and value,
/// numerator and denominator are null.
/// </summary>
public sealed record ObservationDto
{
    public Guid Id { get; init; }
    public Guid IndicatorId { get; init; }
    public string IndicatorCode { get; init; } = "";
    public Guid SpaceId { get; init; }
    public string SpaceCode { get; init; } = "";
    public string SpaceName { get; init; } = "";
    /// <summary>2024, 2024-H1, 2024-Q2 or 2024-05.</summary>
    public string Period { get; init; } = "";
    public double? Value { get; init; }
    /// <summary>Rates only.</summary>
    public double? Numerator { get; init; }
    /// <summary>Rates only.</summary>
    public double? Denominator { get; init; }
    public ObservationStatus Status { get; init; }
    public string? Source { get; init; }
    public string? Note { get; init; }
    /// <summary>Ratings rolled up from assessments: how many there were (null for values recorded directly).</summary>
    public int? RatingCount { get; init; }
    /// <summary>True when the value is withheld as a small number (small-number protection).</summary>
    public bool Suppressed { get; init; }
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

public sealed class ObservationRow
{
    public Guid Id { get; set; }
    public Guid IndicatorId { get; set; }
    public string IndicatorCode { get; set; } = "";
    public IndicatorKind IndicatorKind { get; set; }
    public Guid SpaceId { get; set; }
    public string SpaceCode { get; set; } = "";
    public string SpaceName { get; set; } = "";
    public string Period { get; set; } = "";
    public int FirstMonth { get; set; }
    public double? Value { get; set; }
    public double? Numerator { get; set; }
    public double? Denominator { get; set; }
    public ObservationStatus Status { get; set; }
    public string? Source { get; set; }
    public string? Note { get; set; }
    public int? RatingCount { get; set; }
    public long Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public const string Columns = """
        o.id, o.indicator_id, i.code AS indicator_code, i.kind AS indicator_kind, o.space_id, s.code AS space_code, s.name AS space_name,
        o.period, o.first_month, o.value, o.numerator, o.denominator, o.status, o.source, o.note, o.rating_count, o.version, o.created_at, o.updated_at
        """;

    public const string From = "observations o JOIN indicators i ON i.id = o.indicator_id JOIN spaces s ON s.id = o.space_id";

    /// <summary>The DTO; value, numerator and denominator withheld when <paramref name="suppressed"/> (see <see cref="Disclosure"/>).</summary>
    public ObservationDto ToDto(bool suppressed)
    {
        return new ObservationDto
        {
            Id = Id, IndicatorId = IndicatorId, IndicatorCode = IndicatorCode, SpaceId = SpaceId, SpaceCode = SpaceCode, SpaceName = SpaceName,
            Period = Period, Value = suppressed ? null : Value, Numerator = suppressed ? null : Numerator, Denominator = suppressed ? null : Denominator,
            Status = Status, Source = Source, Note = Note, RatingCount = RatingCount, Suppressed = suppressed,
            Version = Version, CreatedAt = CreatedAt, UpdatedAt = UpdatedAt,
        };
    }
}

public static class SmallNumbers
{
    /// <summary>Viewers and analysts (and API keys with those roles) see small numbers withheld; editors and above see them.</summary>
    public static bool Protects(Role? role) => role is null or Role.Viewer or Role.Analyst;
}

/// <summary>The one statement that inserts or updates an observation by (indicator, space, period).</summary>
public static class ObservationSql
{
    /// <summary>The upsert as a statement (for bulk writes); parameters as for <see cref="Upsert"/>.</summary>
    internal static readonly VersionedUpsert Statement = new("observations",
        [
            ("id", "@id"), ("indicator_id", "@indicatorId"), ("space_id", "@spaceId"), ("period", "@period"), ("first_month", "@firstMonth"),
            ("last_month", "@lastMonth"), ("value", "@value"), ("numerator", "@numerator"), ("denominator", "@denominator"), ("status", "@status"),
            ("source", "@source"), ("note", "@note"), ("rating_count", "@ratingCount"), ("version", "1"), ("created_at", "@now"), ("updated_at", "@now"),
        ],
        ["indicator_id", "space_id", "first_month", "last_month"],
        ["value", "numerator", "denominator", "status", "source", "note", "rating_count"]);

    /// <summary>
    /// Upsert that leaves an unchanged row alone (no new version, no new timestamp) and returns the row's version when
    /// it inserted (1) or changed it (&gt; 1), and nothing when the row was already equal (with <paramref name="returning"/>;
    /// without, the affected-row count is 1 or 0). Parameters: @id, @indicatorId,
    /// @spaceId, @period, @firstMonth, @lastMonth, @value, @numerator, @denominator, @status, @source, @note, @ratingCount, @now.
    /// </summary>
    public static string Upsert(ISqlDialect dialect, bool returning = true) => dialect.Upsert(Statement, returning);

    /// <summary>Runs <see cref="Upsert"/> for one observation; returns the new version, or null when nothing changed.</summary>
    internal static async Task<long?> UpsertAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, ObservationValues v, DateTimeOffset now)
    {
        var p = new DynamicParameters();
        p.Add("id", Guid.CreateVersion7());
        p.Add("indicatorId", v.IndicatorId);
        p.Add("spaceId", v.SpaceId);
        p.Add("period", v.Period.ToString());
        p.Add("firstMonth", v.Period.FirstMonth);
        p.Add("lastMonth", v.Period.LastMonth);
        p.Add("value", v.Value, DbType.Double);
        p.Add("numerator", v.Numerator, DbType.Double);
        p.Add("denominator", v.Denominator, DbType.Double);
        p.Add("status", v.Status.ToString());
        p.Add("source", v.Source, DbType.String);
        p.Add("note", v.Note, DbType.String);
        p.Add("ratingCount", v.RatingCount, DbType.Int32);
        p.Add("now", now);
        return await connection.ExecuteScalarAsync<long?>(Upsert(dialect), p, tx);
    }
}
