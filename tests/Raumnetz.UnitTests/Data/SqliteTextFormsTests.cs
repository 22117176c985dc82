using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Raumnetz.Application.Common;
using Raumnetz.Infrastructure.Data;

namespace Raumnetz.UnitTests.Data;

/// <summary>
/// Every way a value reaches SQLite stores an id as lower-case text and an instant as UTC
/// <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c> (<see cref="SqliteText"/>), and reads back as the same value.
/// </summary>
public sealed class SqliteTextFormsTests : IAsyncLifetime
{
    private static readonly Guid Id = Guid.Parse("0197a0b1-c2d3-7e4f-8a9b-abcdefabcdef");
    private const string IdText = "0197a0b1-c2d3-7e4f-8a9b-abcdefabcdef";
    /// <summary>An instant given with an offset of +02:00 and a fraction that needs all seven digits.</summary>
    private static readonly DateTimeOffset At = new DateTimeOffset(2024, 5, 1, 12, 30, 15, TimeSpan.FromHours(2)).AddTicks(1_234_567);
    private const string AtText = "2024-05-01T10:30:15.1234567Z";

    private readonly string file = Path.Combine(Path.GetTempPath(), $"raumnetz-unit-{Guid.NewGuid():N}.db");
    private DbConnectionFactory factory = null!;
    private DbConnection connection = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" };
        factory = new DbConnectionFactory(options, NullLogger<DbConnectionFactory>.Instance);
        connection = await factory.OpenAsync(Ct);
        await connection.ExecuteAsync("CREATE TABLE t (id TEXT PRIMARY KEY, ref TEXT NULL, at TEXT NULL)");
    }

    public async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
    }

    private Task<(string Id, string? Ref, string? At, string Type)> StoredAsync() =>
        connection.QuerySingleAsync<(string, string?, string?, string)>("SELECT id, ref, at, typeof(id) FROM t");

    private async Task AssertStoredAndReadBackAsync()
    {
        var stored = await StoredAsync();
        Assert.Equal(("text", IdText, IdText, AtText), (stored.Type, stored.Id, stored.Ref, stored.At));
        var row = await connection.QuerySingleAsync<Row>("SELECT id, ref, at FROM t");
        Assert.Equal(Id, row.Id);
        Assert.Equal(Id, row.Ref);
        Assert.Equal(At, row.At);
        Assert.Equal(TimeSpan.Zero, row.At!.Value.Offset);
    }

    private sealed class Row
    {
        public Guid Id { get; init; }
        public Guid? Ref { get; init; }
        public DateTimeOffset? At { get; init; }
    }

    [Fact]
    public async Task Dapper_parameters_of_an_anonymous_object_including_nullable_ones()
    {
        await connection.ExecuteAsync("INSERT INTO t (id, ref, at) VALUES (@id, @reference, @at)",
            new { id = Id, reference = (Guid?)Id, at = (DateTimeOffset?)At });
        await AssertStoredAndReadBackAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM t WHERE id = @Id AND at = @At", new { Id, At }));
    }

    [Fact]
    public async Task Dapper_dynamic_parameters_with_and_without_a_db_type()
    {
        var p = new DynamicParameters();
        p.Add("id", Id);
        p.Add("reference", Id, DbType.Guid);
        p.Add("at", At, DbType.DateTimeOffset);
        await connection.ExecuteAsync("INSERT INTO t (id, ref, at) VALUES (@id, @reference, @at)", p);
        await AssertStoredAndReadBackAsync();
    }

    [Fact]
    public async Task Dapper_list_expansion_finds_the_stored_ids()
    {
        await connection.ExecuteAsync("INSERT INTO t (id, ref, at) VALUES (@Id, @Id, @At)", new { Id, At });
        Assert.Equal((IdText, AtText), ((await StoredAsync()).Id, (await StoredAsync()).At));
        var other = Guid.CreateVersion7();
        var dialect = factory.Dialect;
        Assert.Equal([Id], await connection.QueryAsync<Guid>($"SELECT id FROM t WHERE {dialect.In("id", "@ids")}",
            new { ids = new[] { other, Id } }));
        Assert.Equal([Id], await connection.QueryAsync<Guid>($"SELECT id FROM t WHERE {dialect.In("ref", "@ids")}",
            new { ids = new List<Guid> { Id } }));
        Assert.Equal([Id], await connection.QueryAsync<Guid>("SELECT id FROM t WHERE at IN @instants", new { instants = new[] { At } }));
    }

    [Fact]
    public async Task A_command_built_by_hand_inside_a_transaction()
    {
        await using var tx = await connection.BeginTransactionAsync(Ct);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO t (id, ref, at) VALUES (@id, @ref, @at)";
            foreach (var (name, value) in new (string, object)[] { ("@id", Id), ("@ref", Id), ("@at", At) })
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                p.Value = value;
                command.Parameters.Add(p);
            }
            Assert.Same(tx, command.Transaction); // the connection's open transaction, as Microsoft.Data.Sqlite sets it
            await command.ExecuteNonQueryAsync(Ct);
        }
        await tx.CommitAsync(Ct);
        await AssertStoredAndReadBackAsync();
    }

    [Fact]
    public async Task A_command_carries_the_open_transaction_and_the_timeout_but_not_a_finished_transaction()
    {
        var sqlite = (SqliteConnection)connection;
        sqlite.DefaultTimeout = 17;
        await using (var command = connection.CreateCommand())
        {
            Assert.Null(command.Transaction);
            Assert.Equal(17, command.CommandTimeout);
        }
        Func<DbTransaction, Task>[] finishes = [t => t.CommitAsync(Ct), t => t.RollbackAsync(Ct), t => t.DisposeAsync().AsTask()];
        foreach (var finish in finishes)
        {
            var tx = await connection.BeginTransactionAsync(IsolationLevel.Serializable, Ct);
            await using (var inside = connection.CreateCommand()) Assert.Same(tx, inside.Transaction);
            await finish(tx);
            await using var after = connection.CreateCommand();
            Assert.Null(after.Transaction);
            after.CommandText = "SELECT COUNT(*) FROM t";
            Assert.Equal(0L, await after.ExecuteScalarAsync(Ct)); // runs: no stale transaction to refuse it
            await tx.DisposeAsync();
        }
        using var deferred = sqlite.BeginTransaction(deferred: true);
        await using (var inside = connection.CreateCommand()) Assert.Same(deferred, inside.Transaction);
    }

    [Fact]
    public async Task The_prepared_bulk_command()
    {
        await using var tx = await connection.BeginTransactionAsync(Ct);
        await using (var command = await factory.Dialect.PrepareAsync(connection, tx, "INSERT INTO t (id, ref, at) VALUES (@id, @ref, @at)",
            [new("id", DbType.Guid), new("ref", DbType.Guid), new("at", DbType.DateTimeOffset)], Ct))
        {
            Assert.Equal(1, await command.ExecuteAsync([Id, Id, At], Ct));
            await command.FlushAsync(Ct);
        }
        await tx.CommitAsync(Ct);
        await AssertStoredAndReadBackAsync();
    }

    [Fact]
    public async Task The_forward_reader_binds_every_value_as_the_connection_stores_it()
    {
        await connection.ExecuteAsync("INSERT INTO t (id, ref, at) VALUES (@Id, NULL, @At)", new { Id, At });
        var p = new DynamicParameters();
        p.Add("id", Id);
        p.Add("at", At);
        p.Add("text", "ä" + new string('x', 300)); // longer than one buffer and not ASCII
        p.Add("half", 0.5f);
        p.Add("whole", 2L);
        p.Add("yes", true);
        p.Add("none", null);
        var command = new CommandDefinition("""
            SELECT id, at, @text AS text, @half AS half, @whole + 1 AS three, @yes AS yes, @none IS NULL AS none
            FROM t WHERE id = @id AND at = @at
            """, p, cancellationToken: Ct);
        await using var reader = await factory.Dialect.ReadForwardAsync(connection, command);
        Assert.Equal("SqliteForwardReader", reader.GetType().Name); // bound here, not handed back to Dapper's reader
        Assert.True(await reader.ReadAsync(Ct));
        Assert.Equal((IdText, AtText, "ä" + new string('x', 300)), (reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        Assert.Equal((0.5, 3L, 1L, 1L), (reader.GetDouble(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6)));
        Assert.False(await reader.ReadAsync(Ct));
    }

    [Fact]
    public void The_text_forms()
    {
        Assert.Equal(IdText, SqliteText.Id(Guid.Parse(IdText.ToUpperInvariant())));
        Assert.Equal(AtText, SqliteText.Instant(At));
        Assert.Equal("2024-05-01T00:00:00.0000000Z", SqliteText.Instant(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal("text", SqliteText.Stored("text"));
        Assert.Equal(42L, SqliteText.Stored(42L));
    }
}
