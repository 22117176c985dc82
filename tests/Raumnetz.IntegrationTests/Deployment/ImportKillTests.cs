using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Npgsql;

namespace Raumnetz.IntegrationTests.Deployment;

/// <summary>
/// A kill -9 of the API process during a PostgreSQL import of observations (new rows streaming by binary COPY straight into
/// the table under a savepoint, or the changes feed's rows being written) leaves either nothing or everything: no
/// observation of the file and no
/// entry of the changes feed, or all of them. A new process then imports the whole file.
/// </summary>
[Trait("Category", "PostgreSql")]
public sealed class ImportKillTests
{
    private const int Spaces = 60;
    private const int Months = 2400; // 1900-01 .. 2099-12: 144,000 rows, some 5 MB of CSV (under the 20 MB limit)

    [Theory]
    [InlineData("COPY observations")]
    [InlineData("INSERT INTO entity_changes")]
    public async Task A_kill_9_during_an_import_leaves_either_nothing_or_everything(string statement)
    {
        using var database = ApiProcess.FreshPostgresDatabase();
        var cs = database.ConnectionString;
        var csv = await SetUpAsync(cs);
        var rows = Spaces * Months;

        await using (var api = ApiProcess.Start(cs))
        {
            await api.WaitReadyAsync(TimeSpan.FromSeconds(90));
            using var client = await api.SignedInAsync(TimeSpan.FromMinutes(5));
            var import = client.PostAsync("/api/v1/observations/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
            var watch = Stopwatch.StartNew();
            while (await RunningAsync(cs, statement) == 0)
            {
                if (import.IsCompleted)
                {
                    var ended = import.IsCompletedSuccessfully ? await (await import).Content.ReadAsStringAsync()
                        : import.Exception?.ToString();
                    Assert.Fail($"the import ended before '{statement}' was seen running: {ended}");
                }
                Assert.True(watch.Elapsed < TimeSpan.FromMinutes(3), $"'{statement}' was not seen running within 3 minutes:\n{api.Output}");
                await Task.Delay(10);
            }
            Process.GetProcessById(api.ProcessId).Kill(); // SIGKILL: no shutdown, no rollback sent by the client
            await Assert.ThrowsAnyAsync<Exception>(() => import);
            TestContext.Current.TestOutputHelper?.WriteLine($"killed during '{statement}' after {watch.ElapsedMilliseconds} ms");
        }

        // the server ends the session (and its transaction) once it notices the client is gone
        var waited = Stopwatch.StartNew();
        while (await ApiProcess.ScalarAsync<long>(cs,
                   "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()") > 0)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(2), "the killed process's sessions did not end");
            await Task.Delay(100);
        }
        var stored = await ApiProcess.ScalarAsync<long>(cs, "SELECT COUNT(*) FROM observations");
        var changes = await ApiProcess.ScalarAsync<long>(cs, "SELECT COUNT(*) FROM entity_changes WHERE entity_type = 'observation'");
        Assert.True(stored == 0 || stored == rows, $"{stored} of {rows} observations stored after the kill");
        Assert.Equal(stored, changes);

        await using (var again = ApiProcess.Start(cs))
        {
            await again.WaitReadyAsync(TimeSpan.FromSeconds(90));
            using var client = await again.SignedInAsync(TimeSpan.FromMinutes(5));
            var response = await client.PostAsync("/api/v1/observations/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(rows, await ApiProcess.ScalarAsync<long>(cs, "SELECT COUNT(*) FROM observations"));
        Assert.Equal(rows, await ApiProcess.ScalarAsync<long>(cs, "SELECT COUNT(*) FROM entity_changes WHERE entity_type = 'observation'"));
    }

    /// <summary>
    /// Migrates the database, adds one count indicator and the spaces (straight in SQL: quicker than the API) and returns the CSV.
    /// </summary>
    private static async Task<string> SetUpAsync(string cs)
    {
        var (code, output) = await ApiProcess.MigrateAsync(cs, TimeSpan.FromMinutes(2));
        Assert.True(code == 0, output);
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"""
                INSERT INTO indicators (id, code, name, search_key, kind, decimals, direction, aggregation, is_proportion, version, created_at, updated_at)
                VALUES (gen_random_uuid(), 'kill-count', 'Fälle', 'faelle', 'Count', 0, 'LowerIsBetter', 'Sum', false, 1, now(), now());
                INSERT INTO spaces (id, code, name, search_key, level, valid_from, version, created_at, updated_at)
                SELECT gen_random_uuid(), 'KILL-' || i, 'Quartier ' || i, 'quartier ' || i, 'Neighbourhood', '1900-01-01', 1, now(), now()
                FROM generate_series(1, {Spaces}) i;
                """, connection);
            await command.ExecuteNonQueryAsync();
        }
        var csv = new StringBuilder("indicator,space,period,value\n");
        for (var s = 1; s <= Spaces; s++)
            for (var m = 0; m < Months; m++)
                csv.Append("kill-count,KILL-").Append(s).Append(',').Append(1900 + m / 12).Append('-')
                    .Append((m % 12 + 1).ToString("00", CultureInfo.InvariantCulture))
                    .Append(',').Append((s * 37 + m) % 500 + 3).Append('\n');
        return csv.ToString();
    }

    private static Task<long> RunningAsync(string cs, string statement) => ApiProcess.ScalarAsync<long>(cs,
        "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' "
        + "AND query LIKE '%' || @statement || '%' "
        + "AND query NOT LIKE '%pg_stat_activity%'", new { statement });
}
