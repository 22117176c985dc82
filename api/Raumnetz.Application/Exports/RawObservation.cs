using System.Data.Common;
using System.Globalization;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Exports;

/// <summary>
/// An observation as the export reads it (the columns of <see cref="ExportQueryBuilder.Columns"/>): a value, not an object,
/// since one passes for every exported row.
/// </summary>
internal readonly struct RawObservation
{
    public Guid IndicatorId { get; init; }
    public Guid SpaceId { get; init; }
    public required string Period { get; init; }
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

    /// <summary>The exported row; a withheld one without value, numerator and denominator.</summary>
    public ExportRow ToRow(ExportIndicator indicator, ExportSpace space, bool suppressed, bool aggregated) =>
        new(indicator, space, Period, suppressed ? null : Value, suppressed ? null : Numerator, suppressed ? null : Denominator,
            ParsedStatus, Source, suppressed, aggregated);
}

/// <summary>
/// Reads the row of <see cref="ExportQueryBuilder.Columns"/> the reader stands on with typed getters by position: no per-row
/// mapping machinery in the loop that runs once per exported value. Numbers stored as decimals (PostgreSQL, SQL Server)
/// are converted to double, as Dapper converts them.
/// </summary>
internal sealed class RawObservationReader(DbDataReader reader)
{
    private Type[]? types;

    public RawObservation Read()
    {
        types ??= [reader.GetFieldType(3), reader.GetFieldType(4), reader.GetFieldType(5)];
        return new RawObservation
        {
            IndicatorId = reader.GetGuid(0),
            SpaceId = reader.GetGuid(1),
            Period = reader.GetString(2),
            Value = Number(3, types[0]),
            Numerator = Number(4, types[1]),
            Denominator = Number(5, types[2]),
            Status = reader.IsDBNull(6) ? null : reader.GetString(6),
            Source = reader.IsDBNull(7) ? null : reader.GetString(7),
            RatingCount = reader.IsDBNull(8) ? null : reader.GetInt32(8),
        };
    }

    /// <summary>A number as a double; a decimal (PostgreSQL's numeric) read as one and converted as Convert.ToDouble does,
    /// without boxing it.</summary>
    private double? Number(int i, Type type) =>
        reader.IsDBNull(i) ? null
        : type == typeof(double) ? reader.GetDouble(i)
        : type == typeof(decimal) ? (double)reader.GetDecimal(i)
        : Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture);
}
