using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Raumnetz.Application.Common;
using Raumnetz.Infrastructure.Data;

namespace Raumnetz.IntegrationTests.Deployment;

/// <summary>
/// Migrations as a deployment step of their own: <c>Raumnetz.Api.dll --migrate</c> brings a fresh PostgreSQL database up
/// to date and exits; concurrent migrators (processes or runners) apply every migration exactly once.
/// </summary>
[Trait("Category", "PostgreSql")]
public sealed class MigrateCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static IReadOnlyList<string> AllMigrations => MigrationRunner.Load(DatabaseProvider.PostgreSql).Select(m => m.Id).ToList();

    [Fact]
    public async Task Migrate_flag_applies_all_migrations_to_a_fresh_database_and_exits_then_the_API_starts_without_migrating()
    {
        using var db = ApiProcess.FreshPostgresDatabase();

        var (code, output) = await ApiProcess.MigrateAsync(db.ConnectionString, Timeout);
        Assert.True(code == 0, $"--migrate exited with {code}:\n{output}");
        Assert.Contains($"Applied {AllMigrations.Count} migration(s)", output);
        Assert.Equal(AllMigrations, await JournalAsync(db.ConnectionString));
        Assert.True(await ApiProcess.ScalarAsync<bool>(db.ConnectionString, "SELECT to_regclass('public.spaces') IS NOT NULL"),
            "spaces table missing");

        // The deployment after the step: instances that do not migrate themselves are ready on the migrated database.
        await using var api = ApiProcess.Start(db.ConnectionString,
            new Dictionary<string, string> { ["Raumnetz__MigrateOnStart"] = "false" });
        await api.WaitReadyAsync(Timeout);
        using var client = await api.SignedInAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/spaces")).StatusCode);
        Assert.Equal(AllMigrations, await JournalAsync(db.ConnectionString));
    }

    [Fact]
    public async Task Two_migrate_processes_started_together_on_one_fresh_database_both_succeed_and_apply_each_migration_once()
    {
        using var db = ApiProcess.FreshPostgresDatabase();

        var results = await Task.WhenAll(ApiProcess.MigrateAsync(db.ConnectionString, Timeout),
            ApiProcess.MigrateAsync(db.ConnectionString, Timeout));

        foreach (var (code, output) in results) Assert.True(code == 0, $"--migrate exited with {code}:\n{output}");
        // One of them applied everything (it held the lock); the other then found nothing left to do.
        Assert.Single(results, r => r.Output.Contains($"Applied {AllMigrations.Count} migration(s)", StringComparison.Ordinal));
        Assert.Single(results, r => r.Output.Contains("Database is up to date.", StringComparison.Ordinal));
        Assert.Equal(AllMigrations, await JournalAsync(db.ConnectionString));
    }

    [Fact]
    public async Task Four_runners_migrating_one_fresh_database_at_once_apply_each_migration_exactly_once()
    {
        using var db = ApiProcess.FreshPostgresDatabase();
        var options = new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = db.ConnectionString };
        var runners = Enumerable.Range(0, 4)
            .Select(_ => new MigrationRunner(new DbConnectionFactory(options, NullLogger<DbConnectionFactory>.Instance),
                    NullLogger<MigrationRunner>.Instance))
            .ToList();

        var applied = await Task.WhenAll(runners.Select(r => Task.Run(() => r.MigrateAsync(TestContext.Current.CancellationToken))));

        Assert.Equal(AllMigrations.Order(), applied.SelectMany(a => a).Order());
        Assert.Equal(AllMigrations, await JournalAsync(db.ConnectionString));
    }

    [Fact]
    public async Task Adding_the_set_network_constraint_clears_references_to_networks_that_do_not_exist()
    {
        using var db = ApiProcess.FreshPostgresDatabase();
        var ct = TestContext.Current.CancellationToken;
        var runner = new MigrationRunner(
            new DbConnectionFactory(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = db.ConnectionString },
            NullLogger<DbConnectionFactory>.Instance), NullLogger<MigrationRunner>.Instance);
        await runner.MigrateAsync(ct);
        // a database from before 0021, where a client had stored a network id that exists nowhere
        await ExecuteAsync(db.ConnectionString, """
            ALTER TABLE indicator_sets DROP CONSTRAINT fk_indicator_sets_network;
            DROP INDEX ix_indicator_sets_network;
            DELETE FROM schema_migrations WHERE id = '0021_indicator_set_network';
            INSERT INTO indicator_sets (id, name, search_key, purpose, network_id, version, created_at, updated_at)
            VALUES ('0198f0aa-0000-7000-8000-000000000001', 'Altes Set', 'altes set', NULL, '0198f0aa-0000-7000-8000-0000000000ff', 1, now(), now());
            """);

        Assert.Equal(["0021_indicator_set_network"], await runner.MigrateAsync(ct));

        Assert.Null(await NullableScalarAsync(db.ConnectionString, "SELECT network_id FROM indicator_sets WHERE name = 'Altes Set'"));
        Assert.Equal(1L,
            await ApiProcess.ScalarAsync<long>(db.ConnectionString,
                "SELECT COUNT(*) FROM pg_constraint WHERE conname = 'fk_indicator_sets_network'"));
        var dangling = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => ExecuteAsync(db.ConnectionString,
            "UPDATE indicator_sets SET network_id = '0198f0aa-0000-7000-8000-0000000000ff'"));
        Assert.Equal(Npgsql.PostgresErrorCodes.ForeignKeyViolation, dangling.SqlState);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(
            new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await Dapper.SqlMapper.ExecuteAsync(connection, sql);
    }

    private static async Task<object?> NullableScalarAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(
            new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        var value = await Dapper.SqlMapper.ExecuteScalarAsync(connection, sql);
        return value is DBNull ? null : value;
    }

    private static async Task<List<string>> JournalAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(
            new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        return (await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT id FROM schema_migrations ORDER BY id")).ToList();
    }
}
