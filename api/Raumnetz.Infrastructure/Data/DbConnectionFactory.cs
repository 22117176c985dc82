using System.Data.Common;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;
using Polly;
using Polly.Retry;
using Raumnetz.Application.Common;

namespace Raumnetz.Infrastructure.Data;

/// <summary>
/// Opens connections for the configured provider. Opening is retried on transient faults (bounded, exponential
/// back-off with jitter, logged); statements are not retried here, so a write that may have committed is never repeated.
/// </summary>
public sealed class DbConnectionFactory : IDbConnectionFactory
{
    private readonly DatabaseOptions options;
    private readonly ResiliencePipeline openPipeline;
    private readonly string connectionString;

    public DbConnectionFactory(DatabaseOptions options, ILogger<DbConnectionFactory> logger)
    {
        this.options = options;
        TypeHandlers.Register();
        Provider = options.Provider;
        Dialect = options.Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteDialect(),
            DatabaseProvider.PostgreSql => new PostgreSqlDialect(),
            DatabaseProvider.SqlServer => new SqlServerDialect(),
            _ => throw new InvalidOperationException($"Unknown database provider {options.Provider}."),
        };
        connectionString = options.Provider == DatabaseProvider.Sqlite ? PrepareSqlite(options.ConnectionString) : options.ConnectionString;
        openPipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(TransientFaults.IsTransient),
                MaxRetryAttempts = Math.Max(0, options.MaxRetryAttempts),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(100),
                OnRetry = args =>
                {
                    logger.LogWarning(args.Outcome.Exception, "Opening a {Provider} connection failed transiently; retry {Attempt} in {Delay} ms",
                        Provider, args.AttemptNumber + 1, (int)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public DatabaseProvider Provider { get; }
    public ISqlDialect Dialect { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        return await openPipeline.ExecuteAsync(async token =>
        {
            DbConnection connection = Provider switch
            {
                DatabaseProvider.Sqlite => new SqliteConnection(connectionString),
                DatabaseProvider.PostgreSql => new NpgsqlConnection(connectionString),
                _ => new SqlConnection(connectionString),
            };
            try
            {
                await connection.OpenAsync(token);
                if (Provider == DatabaseProvider.Sqlite)
                    await connection.ExecuteAsync("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
                return connection;
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }, ct);
    }

    /// <summary>Initialises SQLite once: native library, data directory, WAL journal.</summary>
    private static string PrepareSqlite(string cs)
    {
        SQLitePCL.Batteries.Init();
        var builder = new SqliteConnectionStringBuilder(cs);
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:")
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            using var c = new SqliteConnection(builder.ToString());
            c.Open();
            c.Execute("PRAGMA journal_mode = WAL;");
        }
        return builder.ToString();
    }

    public override string ToString() => $"{Provider} ({options.Provider})";
}
