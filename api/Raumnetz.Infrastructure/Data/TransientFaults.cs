using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Raumnetz.Infrastructure.Data;

/// <summary>Which exceptions mean "try again shortly" for each provider.</summary>
public static class TransientFaults
{
    // Connection loss, throttling, failover, deadlock victim and timeouts (see SqlClient's SqlConfigurableRetryFactory list).
    private static readonly HashSet<int> SqlServerTransientNumbers =
        [-2, 20, 53, 64, 121, 233, 1205, 4060, 4221, 10053, 10054, 10060, 10928, 10929, 40143, 40197, 40501, 40540, 40613, 42108, 42109, 49918, 49919, 49920];

    public static bool IsTransient(Exception e) => e switch
    {
        SqliteException s => s.SqliteErrorCode is 5 or 6, // SQLITE_BUSY, SQLITE_LOCKED
        NpgsqlException n => n.IsTransient,
        SqlException s => s.Errors.Cast<SqlError>().Any(err => SqlServerTransientNumbers.Contains(err.Number)),
        TimeoutException => true,
        _ => false,
    };

    /// <summary>Whether the database could not be reached at all (the API answers 503 then).</summary>
    public static bool IsUnavailable(Exception e) => e switch
    {
        NpgsqlException { InnerException: System.Net.Sockets.SocketException or IOException or TimeoutException } => true,
        NpgsqlException n when n.IsTransient => true,
        PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" } => true,
        SqlException s => s.Errors.Cast<SqlError>().Any(err => SqlServerTransientNumbers.Contains(err.Number)),
        SqliteException { SqliteErrorCode: 5 or 6 or 14 } => true, // busy, locked, cannot open
        TimeoutException => true,
        _ => false,
    };
}
