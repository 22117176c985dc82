using System.Data.Common;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Raumnetz.Application.Common;
using Raumnetz.Application.Exports;
using Raumnetz.Application.Indicators;
using Raumnetz.Application.IndicatorSets;
using Raumnetz.Domain.Indicators;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Indicators;

/// <summary>
/// The cost of a question follows the size of its answer, not of the database (issue 17): the queries the evaluation,
/// a space's time series and the small-number decision send find their values through an index bounded by the slice,
/// on a SQLite database whose statistics are those of a state (1,000 spaces × 200 indicators × 120 months, 24,000,000
/// values) and on one without statistics (the API never runs ANALYZE), read by SQLite's own planner (EXPLAIN QUERY PLAN).
/// SQLite only: the plan is the engine's.
/// </summary>
public sealed class ObservationQueryPlanTests(ObservationQueryPlanTests.SqliteFactory factory)
    : IClassFixture<ObservationQueryPlanTests.SqliteFactory>
{
    public sealed class SqliteFactory() : ApiFactory(TestDatabase.Sqlite());

    /// <summary>What ANALYZE writes for a state-sized observations table (sqlite_stat1: rows, then rows per distinct prefix).</summary>
    private const string StateStatistics = """
        ANALYZE;
        DELETE FROM sqlite_stat1 WHERE tbl IN ('observations', 'spaces');
        INSERT INTO sqlite_stat1 (tbl, idx, stat)
        SELECT 'observations', name, CASE
            WHEN name = 'ix_observations_indicator_months' THEN '24000000 120000 1000 1000 1'
            WHEN name = 'ix_observations_space' THEN '24000000 24000'
            WHEN sql IS NULL AND name LIKE 'sqlite_autoindex_observations_%'
                 AND (SELECT COUNT(*) FROM pragma_index_info(name)) = 4 THEN '24000000 120000 120 1 1'
            ELSE '24000000 1' END
        FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'observations';
        INSERT INTO sqlite_stat1 (tbl, idx, stat) SELECT 'spaces', name, CASE WHEN name = 'ix_spaces_parent' THEN '1000 50' ELSE '1000 1' END
        FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'spaces';
        ANALYZE sqlite_schema;
        """;

    /// <summary>No statistics at all: what a database the API created has (it never runs ANALYZE).</summary>
    private const string NoStatistics = """
        ANALYZE;
        DELETE FROM sqlite_stat1;
        ANALYZE sqlite_schema;
        """;

    private async Task<List<string>> PlanAsync(string sql, object args, bool stateStatistics)
    {
        var db = factory.Services.GetRequiredService<IDbConnectionFactory>();
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(stateStatistics ? StateStatistics : NoStatistics);
        return await PlanAsync(connection, sql, args);
    }

    private static async Task<List<string>> PlanAsync(DbConnection connection, string sql, object args) =>
        (await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + sql, args))
            .Select(r => r.Detail).ToList();

    private IDbConnectionFactory Db => factory.Services.GetRequiredService<IDbConnectionFactory>();

    private static readonly Guid[] SevenIndicators = [.. Enumerable.Range(0, 7).Select(_ => Guid.CreateVersion7())];

    /// <summary>
    /// The export's stamp (its ETag's count and last change) for an indicator set of seven over ten years, as
    /// <see cref="ExportQueryBuilder"/> builds it for the slice of issue 17's scale bench.
    /// </summary>
    internal static CommandDefinition SliceStamp(IServiceProvider services, ISqlDialect dialect)
    {
        var query = new ExportIndicatorsQuery
        {
            Format = services.GetRequiredService<IExportFormats>().Find("csv")!, From = "2016", To = "2025",
        };
        var indicators = SevenIndicators
            .Select(id => new ExportIndicator(id, "c", "n", IndicatorKind.Count, null, 0, AggregationRule.Sum, null)).ToList();
        var plan = new ExportPlan(query, indicators, AllIndicators: false, "t", [], Array.Empty<Guid>().ToLookup(g => g), [],
            Scope: null, [], 201601, 202512);
        return new ExportQueryBuilder(plan, dialect).Stamp(CancellationToken.None);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Evaluation_reads_the_periods_it_shows_through_the_index_on_indicator_and_month(bool stateStatistics)
    {
        var plan = await PlanAsync(EvaluateIndicatorSetHandler.ObservationsSql(Db.Dialect),
            new { indicatorIds = SevenIndicators, firstMonths = new[] { 202512, 202511 }, periods = new[] { "2025-12", "2025-11" } },
            stateStatistics);

        Assert.Contains(plan, p =>
            p.Contains("USING INDEX ix_observations_indicator_months (indicator_id=? AND first_month=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, p => p.StartsWith("SCAN", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_subtrees_series_finds_its_values_space_by_space_not_every_value_of_the_indicator(bool stateStatistics)
    {
        var plan = await PlanAsync(PublishedValueReads.StoredSql(Db.Dialect, subtree: true, from: true, to: true),
            new { indicatorId = SevenIndicators[0], under = Guid.CreateVersion7(), fromMonth = 201601, toMonth = 202512 }, stateStatistics);

        var search = plan.FindIndex(p => p.StartsWith("SEARCH o USING INDEX", StringComparison.Ordinal));
        Assert.True(search >= 0, string.Join(" | ", plan));
        Assert.Contains("(indicator_id=? AND space_id=? AND first_month>? AND first_month<?)", plan[search],
            StringComparison.Ordinal);
        Assert.True(plan.FindIndex(p => p == "SCAN t") is var scan && scan >= 0 && scan < search, string.Join(" | ", plan));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_small_number_decision_reads_the_years_it_decides_through_the_index_on_indicator_and_month(bool stateStatistics)
    {
        var plan = await PlanAsync(DisclosureReads.DecideSql,
            new { indicatorId = SevenIndicators[0], fromMonth = 202501, toMonth = 202512 }, stateStatistics);

        var only = Assert.Single(plan);
        Assert.Contains("USING INDEX ix_observations_indicator_months (indicator_id=? AND first_month>? AND first_month<?)", only,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_exports_stamp_is_answered_from_the_index_on_indicator_and_month_alone(bool stateStatistics)
    {
        var stamp = SliceStamp(factory.Services, Db.Dialect);
        var plan = await PlanAsync(stamp.CommandText, stamp.Parameters!, stateStatistics);

        var only = Assert.Single(plan);
        Assert.StartsWith("SEARCH o USING COVERING INDEX ix_observations_indicator_months (indicator_id=? AND first_month>?", only,
            StringComparison.Ordinal);
    }
}
