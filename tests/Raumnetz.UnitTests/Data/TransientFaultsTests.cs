using System.Net.Sockets;
using System.Reflection;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;
using Raumnetz.Infrastructure.Data;

namespace Raumnetz.UnitTests.Data;

public sealed class TransientFaultsTests
{
    [Theory]
    [InlineData(5, true)]   // SQLITE_BUSY
    [InlineData(6, true)]   // SQLITE_LOCKED
    [InlineData(19, false)] // SQLITE_CONSTRAINT
    [InlineData(1, false)]  // SQLITE_ERROR (syntax and the like)
    public void Sqlite_busy_and_locked_are_transient(int code, bool transient)
    {
        var e = new SqliteException("sqlite", code);
        Assert.Equal(transient, TransientFaults.IsTransient(e));
        Assert.Equal(transient, TransientFaults.IsUnavailable(e));
        Assert.False(TransientFaults.IsConnectionLost(e));
    }

    [Fact]
    public void Sqlite_cannot_open_is_unavailable_but_not_retried()
    {
        var e = new SqliteException("unable to open database file", 14);
        Assert.False(TransientFaults.IsTransient(e));
        Assert.True(TransientFaults.IsUnavailable(e));
    }

    [Fact]
    public void Npgsql_network_failures_are_transient_and_lose_the_connection()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));
        var broken = new NpgsqlException("Exception while reading from stream",
            new EndOfStreamException("Attempted to read past the end of the stream."));
        foreach (var e in new[] { refused, broken })
        {
            Assert.True(TransientFaults.IsTransient(e));
            Assert.True(TransientFaults.IsUnavailable(e));
            Assert.True(TransientFaults.IsConnectionLost(e));
        }
    }

    [Fact]
    public void Npgsql_timeouts_are_transient_but_keep_the_connection()
    {
        var e = new NpgsqlException("Exception while reading from stream", new TimeoutException("Timeout during reading attempt"));
        Assert.True(TransientFaults.IsTransient(e));
        Assert.True(TransientFaults.IsUnavailable(e));
        Assert.False(TransientFaults.IsConnectionLost(e));
    }

    [Theory]
    [InlineData("57P01", true, true)]  // admin_shutdown: server stopped (fast/immediate) or session terminated
    [InlineData("57P02", true, true)]  // crash_shutdown
    [InlineData("57P03", true, true)]  // cannot_connect_now: starting up or shutting down
    [InlineData("08006", true, true)]  // connection_failure
    [InlineData("53300", true, false)] // too_many_connections
    [InlineData("40001", true, false)] // serialization_failure
    [InlineData("23505", false, false)] // unique_violation: a conflict the client must see (409)
    [InlineData("23503", false, false)] // foreign_key_violation
    [InlineData("42P01", false, false)] // undefined_table: our bug, a 500
    public void Postgres_errors_by_sqlstate(string sqlState, bool transient, bool connectionLost)
    {
        var e = new PostgresException("message", "FATAL", "FATAL", sqlState);
        Assert.Equal(transient, TransientFaults.IsTransient(e));
        Assert.Equal(transient, TransientFaults.IsUnavailable(e));
        Assert.Equal(connectionLost, TransientFaults.IsConnectionLost(e));
    }

    [Fact]
    public void Unavailable_is_found_anywhere_in_the_exception_chain()
    {
        var root = new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));
        var wrapped = new InvalidOperationException("outer", new AggregateException(new ArgumentException("other"), root));
        Assert.True(TransientFaults.IsUnavailable(wrapped));
        Assert.True(TransientFaults.IsConnectionLost(wrapped));
        Assert.False(TransientFaults.IsTransient(wrapped)); // the retry policy only looks at what the provider threw
    }

    [Fact]
    public void Other_exceptions_are_not_transient()
    {
        foreach (var e in new Exception[] { new InvalidOperationException("x"), new OperationCanceledException(),
                new ArgumentException("x"), new NpgsqlException("x") })
        {
            Assert.False(TransientFaults.IsTransient(e), e.GetType().Name);
            Assert.False(TransientFaults.IsUnavailable(e), e.GetType().Name);
        }
        Assert.True(TransientFaults.IsTransient(new TimeoutException()));
    }

    [Theory]
    [InlineData(1205, true, false)]  // deadlock victim
    [InlineData(-2, true, true)]     // client timeout
    [InlineData(10054, true, true)]  // connection reset by peer
    [InlineData(40613, true, false)] // Azure SQL: database not currently available
    [InlineData(2627, false, false)] // unique constraint: a 409
    [InlineData(547, false, false)]  // foreign key: a 409
    public void SqlServer_errors_by_number(int number, bool transient, bool connectionLost)
    {
        var e = SqlServerError(number);
        Assert.Equal(number, e.Number);
        Assert.Equal(transient, TransientFaults.IsTransient(e));
        Assert.Equal(transient, TransientFaults.IsUnavailable(e));
        Assert.Equal(connectionLost, TransientFaults.IsConnectionLost(e));
    }

    /// <summary>
    /// SqlException has no public constructor; SqlClient builds it from an internal SqlErrorCollection. This uses the
    /// internal members of Microsoft.Data.SqlClient 2.x (pinned in Directory.Packages.props); a new version that renames
    /// them fails here with a clear message rather than silently testing nothing.
    /// </summary>
    private static SqlException SqlServerError(int number)
    {
        const BindingFlags Internal = BindingFlags.NonPublic | BindingFlags.Instance;
        var errorCtor = typeof(SqlError).GetConstructors(Internal).OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException("SqlError has no internal constructor in this SqlClient version.");
        var ints = 0;
        var args = errorCtor.GetParameters().Select(p => p.ParameterType switch
        {
            var t when t == typeof(int) => ints++ == 0 ? number : (object)0, // infoNumber, then lineNumber
            var t when t == typeof(byte) => (byte)0,
            var t when t == typeof(uint) => 0u,
            var t when t == typeof(string) => "test",
            _ => null,
        }).ToArray();
        var error = (SqlError)errorCtor.Invoke(args);
        var collection = (SqlErrorCollection)Activator.CreateInstance(typeof(SqlErrorCollection), nonPublic: true)!;
        typeof(SqlErrorCollection).GetMethod("Add", Internal)!.Invoke(collection, [error]);
        var create = typeof(SqlException)
            .GetMethod("CreateException", BindingFlags.NonPublic | BindingFlags.Static, [typeof(SqlErrorCollection), typeof(string)])
            ?? throw new InvalidOperationException(
                "SqlException.CreateException(SqlErrorCollection, string) is missing in this SqlClient version.");
        return (SqlException)create.Invoke(null, [collection, "15.0"])!;
    }
}
