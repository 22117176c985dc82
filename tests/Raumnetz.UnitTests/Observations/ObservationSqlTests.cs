using System.Text.RegularExpressions;
using Raumnetz.Application.Common;
using Raumnetz.Application.Observations;
using Raumnetz.Infrastructure.Data;

namespace Raumnetz.UnitTests.Observations;

/// <summary>The observation upsert as each dialect writes it (SQL Server has no test server here, so its text is pinned).</summary>
public sealed partial class ObservationSqlTests
{
    private static readonly string[] Compared = ["value", "numerator", "denominator", "status", "source", "note", "rating_count"];
    private const string Columns = "id, indicator_id, space_id, period, first_month, last_month, value, numerator, denominator, status, source, note, rating_count, version, created_at, updated_at";
    private const string Values = "@id, @indicatorId, @spaceId, @period, @firstMonth, @lastMonth, @value, @numerator, @denominator, @status, @source, @note, @ratingCount, 1, @now, @now";

    private static string Flat(string sql) => Spaces().Replace(sql, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Sqlite_and_postgresql_insert_on_conflict_and_update_only_what_changed(bool returning)
    {
        var unchanged = string.Join(" AND ", Compared.Select(c => $"(observations.{c} = excluded.{c} OR (observations.{c} IS NULL AND excluded.{c} IS NULL))"));
        var expected = $"INSERT INTO observations ({Columns}) VALUES ({Values}) ON CONFLICT (indicator_id, space_id, first_month, last_month) DO UPDATE SET "
            + "value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator, status = excluded.status, source = excluded.source, "
            + "note = excluded.note, rating_count = excluded.rating_count, version = observations.version + 1, updated_at = excluded.updated_at "
            + $"WHERE NOT ({unchanged})" + (returning ? " RETURNING version" : "");
        Assert.Equal(expected, Flat(ObservationSql.Upsert(new SqliteDialect(), returning)));
        Assert.Equal(expected, Flat(ObservationSql.Upsert(new PostgreSqlDialect(), returning)));
    }

    [Fact]
    public void Sql_server_merges()
    {
        static string P(string c) => c == "rating_count" ? "@ratingCount" : "@" + c;
        var same = string.Join(" AND ", Compared.Select(c => $"(t.{c} = {P(c)} OR (t.{c} IS NULL AND {P(c)} IS NULL))"));
        var expected = "MERGE observations WITH (HOLDLOCK) AS t "
            + "USING (SELECT @indicatorId AS indicator_id, @spaceId AS space_id, @firstMonth AS first_month, @lastMonth AS last_month) AS k "
            + "ON t.indicator_id = k.indicator_id AND t.space_id = k.space_id AND t.first_month = k.first_month AND t.last_month = k.last_month "
            + $"WHEN MATCHED AND NOT ({same}) THEN UPDATE SET value = @value, numerator = @numerator, denominator = @denominator, status = @status, "
            + "source = @source, note = @note, rating_count = @ratingCount, version = t.version + 1, updated_at = @now "
            + $"WHEN NOT MATCHED THEN INSERT ({Columns}) VALUES ({Values}) OUTPUT inserted.version;";
        ISqlDialect sqlServer = new SqlServerDialect();
        Assert.Equal(expected, Flat(ObservationSql.Upsert(sqlServer)));
        Assert.EndsWith("VALUES (" + Values + ") ;", Flat(ObservationSql.Upsert(sqlServer, returning: false)));
    }
}
