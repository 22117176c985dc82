using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Raumnetz.Infrastructure.Data;

/// <summary>
/// Which exceptions mean "try again shortly", per provider. Three questions, three answers:
/// <list type="bullet">
/// <item><see cref="IsTransient"/>: may the same work be tried again (opening a connection; a whole read)?</item>
/// <item><see cref="IsUnavailable"/>: should the API answer 503 with Retry-After instead of 500?</item>
/// <item><see cref="IsConnectionLost"/>: is the connection (and so every idle one in the pool) gone?</item>
/// </list>
/// A write is never repeated on any of these: once its statement was sent it may have committed.
/// </summary>
public static class TransientFaults
{
    // Connection loss, throttling, failover, deadlock victim and timeouts (see SqlClient's SqlConfigurableRetryFactory list).
    private static readonly HashSet<int> SqlServerTransientNumbers =
        [-2, 20, 53, 64, 121, 233, 1205, 4060, 4221, 10053, 10054, 10060, 10928, 10929, 40143, 40197, 40501, 40540, 40613, 42108, 42109,
            49918, 49919, 49920];

    // The subset that means the session is gone: timeout/network errors, "transport-level error", broken pipe, resets.
    private static readonly HashSet<int> SqlServerConnectionLostNumbers = [-2, 20, 53, 64, 121, 233, 10053, 10054, 10060];

    // PostgreSQL ended the session: admin_shutdown (fast/immediate stop, pg_terminate_backend), crash_shutdown,
    // cannot_connect_now (starting up or shutting down). Npgsql does not count the first two as transient.
    private static readonly HashSet<string> PostgresSessionEnded = ["57P01", "57P02", "57P03"];

    /// <summary>Whether the failed work may simply be tried again in a moment (SQLite busy/locked, Npgsql's transient
    /// exceptions and ended sessions, SQL Server's transient error numbers, timeouts).</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        SqliteException s => s.SqliteErrorCode is 5 or 6, // SQLITE_BUSY, SQLITE_LOCKED
        PostgresException p => p.IsTransient || PostgresSessionEnded.Contains(p.SqlState),
        NpgsqlException n => n.IsTransient || n.InnerException is SocketException or IOException or TimeoutException,
        SqlException s => s.Errors.Cast<SqlError>().Any(err => SqlServerTransientNumbers.Contains(err.Number)),
        TimeoutException => true,
        _ => false,
    };

    /// <summary>
    /// Whether the database could not be reached or could not serve the request for now, anywhere in the exception
    /// chain: the API answers 503 problem+json with Retry-After then, never 500.
    /// </summary>
    public static bool IsUnavailable(Exception e) => Chain(e).Any(x => x switch
    {
        SqliteException { SqliteErrorCode: 14 } => true, // SQLITE_CANTOPEN
        PostgresException { SqlState: "53300" } => true, // too_many_connections
        _ => IsTransient(x) || IsConnectionLost(x),
    });

    /// <summary>Whether the connection itself is gone (network error, server stopped or restarted). After such a fault the
    /// idle connections of the pool are most likely dead too, so the pool is cleared before trying again.</summary>
    public static bool IsConnectionLost(Exception e) => Chain(e).Any(x => x switch
    {
        PostgresException p => PostgresSessionEnded.Contains(p.SqlState) || p.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException n => n.InnerException is SocketException or IOException,
        SqlException s => s.Errors.Cast<SqlError>().Any(err => SqlServerConnectionLostNumbers.Contains(err.Number)),
        _ => false,
    });

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
            if (x is AggregateException a)
                foreach (var inner in a.InnerExceptions)
                    yield return inner;
        }
    }
}
