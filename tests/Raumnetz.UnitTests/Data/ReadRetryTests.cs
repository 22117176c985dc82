using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Raumnetz.Application.Common;
using Raumnetz.Infrastructure.Data;

namespace Raumnetz.UnitTests.Data;

/// <summary>IDbConnectionFactory.ReadAsync: a read is repeated on transient faults, boundedly, and only on those.</summary>
public sealed class ReadRetryTests
{
    private static DbConnectionFactory Factory(int retries) => new(
        new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=:memory:", MaxRetryAttempts = retries },
        NullLogger<DbConnectionFactory>.Instance);

    [Fact]
    public async Task A_read_that_hits_a_busy_database_is_tried_again_on_a_fresh_connection()
    {
        var calls = 0;
        var result = await Factory(3).ReadAsync(async (connection, ct) =>
        {
            if (++calls < 3) throw new SqliteException("database is locked", 5);
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT 42", cancellationToken: ct));
        }, TestContext.Current.CancellationToken);
        Assert.Equal(42, result);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Retries_are_bounded()
    {
        var calls = 0;
        var e = await Assert.ThrowsAsync<SqliteException>(() => Factory(2).ReadAsync<int>((_, _) =>
        {
            calls++;
            throw new SqliteException("database is locked", 5);
        }, TestContext.Current.CancellationToken));
        Assert.Equal(5, e.SqliteErrorCode);
        Assert.Equal(3, calls); // the first attempt and two retries
    }

    [Fact]
    public async Task A_fault_that_is_not_transient_is_not_retried()
    {
        var calls = 0;
        await Assert.ThrowsAsync<SqliteException>(() => Factory(3).ReadAsync<int>(async (connection, ct) =>
        {
            calls++;
            return await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT * FROM no_such_table", cancellationToken: ct));
        }, TestContext.Current.CancellationToken));
        Assert.Equal(1, calls);
    }
}
