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
/// Opens connections for the configured provider, with one retry policy for transient faults (see
/// <see cref="TransientFaults"/>): bounded (<see cref="DatabaseOptions.MaxRetryAttempts"/>), exponential back-off from
/// 100 ms with jitter, every retry logged. It covers exactly two things:
/// <list type="bullet">
/// <item><see cref="OpenAsync"/>: opening a connection (nothing has been sent yet, so trying again is always safe);</item>
/// <item><see cref="ReadAsync{T}"/>: a whole read, opening included, for query handlers.</item>
/// </list>
/// Statements run on a connection from <see cref="OpenAsync"/> are not retried, so a write that may have committed is
/// never repeated; such a failure reaches the exception handler, which answers 503 when the database is away.
/// When a fault shows the connection itself is lost, the provider's pool is cleared so the next attempt (and the next
/// request) does not pick up another dead idle connection.
/// </summary>
public sealed class DbConnectionFactory : IDbConnectionFactory
{
    private readonly DatabaseOptions options;
    private readonly ResiliencePipeline openPipeline;
    private readonly ResiliencePipeline readPipeline;
    private readonly string connectionString;
    private readonly ILogger<DbConnectionFactory> logger;

    public DbConnectionFactory(DatabaseOptions options, ILogger<DbConnectionFactory> logger)
    {
        this.options = options;
        this.logger = logger;
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
        openPipeline = RetryPipeline("Opening a connection");
        readPipeline = RetryPipeline("A read");
    }

    public DatabaseProvider Provider { get; }
    public ISqlDialect Dialect { get; }

    /// <summary>The SQLite connections (native handles, which the pool reuses) that have had their pragmas.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = [];
    private static readonly object Marker = new();

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        using var activity = DatabaseActivity.Start("db open", Provider);
        try
        {
            return await openPipeline.ExecuteAsync(static async (factory, token) => await factory.OpenOnceAsync(token), this, ct);
        }
        catch (Exception e)
        {
            DatabaseActivity.Failed(activity, e);
            throw;
        }
    }

    public async Task<T> ReadAsync<T>(Func<DbConnection, CancellationToken, Task<T>> read, CancellationToken ct)
    {
        using var activity = DatabaseActivity.Start("db read", Provider);
        try
        {
            // The state overload with a static callback: no closure and no delegate per read (build/bench, pipeline).
            return await readPipeline.ExecuteAsync(static async (state, token) =>
            {
                await using var connection = await state.Factory.OpenOnceAsync(token);
                return await state.Read(connection, token);
            }, (Factory: this, Read: read), ct);
        }
        catch (Exception e)
        {
            DatabaseActivity.Failed(activity, e);
            throw;
        }
    }

    private ResiliencePipeline RetryPipeline(string what) => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(TransientFaults.IsTransient),
            MaxRetryAttempts = Math.Max(0, options.MaxRetryAttempts),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(100),
            OnRetry = args =>
            {
                var exception = args.Outcome.Exception;
                logger.LogWarning(exception, "{What} on {Provider} failed transiently ({Error}); retry {Attempt} of {Max} in {Delay} ms",
                    what, Provider, exception?.GetType().Name, args.AttemptNumber + 1, options.MaxRetryAttempts,
                        (int)args.RetryDelay.TotalMilliseconds);
                DatabaseActivity.Retry(args.AttemptNumber + 1, exception);
                if (exception is not null && TransientFaults.IsConnectionLost(exception)) ClearPool();
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    private async Task<DbConnection> OpenOnceAsync(CancellationToken ct)
    {
        DbConnection connection = Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteCanonicalConnection(connectionString),
            DatabaseProvider.PostgreSql => new NpgsqlConnection(connectionString),
            _ => new SqlConnection(connectionString),
        };
        try
        {
            await connection.OpenAsync(ct);
            // Per connection, not per use: the pool hands the same SQLite connection out again with its settings, and running
            // the two pragmas on every open was a statement more per read (build/bench, pipeline).
            if (Provider == DatabaseProvider.Sqlite && ((SqliteConnection)connection).Handle is { } handle
                && !Configured.TryGetValue(handle, out _))
            {
                await connection.ExecuteAsync("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
                Configured.AddOrUpdate(handle, Marker);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Drops the idle connections of this connection string's pool (they died with the server session).</summary>
    public void ClearPool()
    {
        switch (Provider)
        {
            case DatabaseProvider.PostgreSql:
                using (var c = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(c);
                break;
            case DatabaseProvider.SqlServer:
                using (var c = new SqlConnection(connectionString)) SqlConnection.ClearPool(c);
                break;
        }
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
