using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Raumnetz.Application.Common;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Indicators;

/// <summary>
/// The export's stamp on PostgreSQL (issue 17): its count and last change of the values the export depends on come from
/// the index on indicator and month alone (an index-only scan: updated_at is an INCLUDE column, migration 0066), so on a
/// state-sized database it reads the slice's index entries instead of every row of the table. The plan is PostgreSQL's
/// own (EXPLAIN); on an empty test database the planner would scan the table anyway, so sequential and bitmap scans are
/// priced out for the one statement and the test asserts which index scan remains: without updated_at in the index it is
/// a plain index scan that visits every row.
/// </summary>
[Trait("Category", "PostgreSql")]
public sealed class ObservationQueryPlanPostgresTests(PostgresApiFactory factory) : IClassFixture<PostgresApiFactory>
{
    [Fact]
    public async Task The_exports_stamp_is_an_index_only_scan_of_the_index_on_indicator_and_month()
    {
        var db = factory.Services.GetRequiredService<IDbConnectionFactory>();
        var stamp = ObservationQueryPlanTests.SliceStamp(factory.Services, db.Dialect);
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off", transaction: transaction);

        var plan = string.Join("\n", await connection.QueryAsync<string>("EXPLAIN " + stamp.CommandText, stamp.Parameters, transaction));

        Assert.Contains("Index Only Scan using ix_observations_indicator_months on observations o", plan, StringComparison.Ordinal);
        Assert.Contains("Index Cond: ((indicator_id = ANY (", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }
}
