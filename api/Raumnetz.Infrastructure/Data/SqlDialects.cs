using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;
using Raumnetz.Application.Common;

namespace Raumnetz.Infrastructure.Data;

/// <summary>SQLite: LIMIT, constraint errors by extended result code.</summary>
public sealed class SqliteDialect : ISqlDialect
{
    public string Limit(string parameterName) => $"LIMIT {parameterName}";
    public string WithRecursive => "WITH RECURSIVE";
    public string In(string column, string listParameter) => $"{column} IN {listParameter}";

    /// <summary>The ids as one JSON array in the text form stored (<see cref="SqliteText.Id"/>), so each is one lookup in the index.</summary>
    public (string Condition, object Value) InIds(string column, string listParameter, IReadOnlyCollection<Guid> ids) =>
        ($"{column} IN (SELECT value FROM json_each({listParameter}))", JsonSerializer.Serialize(ids.Select(SqliteText.Id)));

    // SQLITE_CONSTRAINT_UNIQUE = 2067, SQLITE_CONSTRAINT_PRIMARYKEY = 1555, SQLITE_CONSTRAINT_FOREIGNKEY = 787
    public string Upsert(VersionedUpsert u, bool returnVersion) => OnConflict.Upsert(u, returnVersion);
    public bool IsUniqueViolation(Exception e) => e is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };
    public bool IsForeignKeyViolation(Exception e) => e is SqliteException { SqliteExtendedErrorCode: 787 };

    public Task<IPreparedCommand> PrepareAsync(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<PreparedParameter> parameters, CancellationToken ct) =>
        Task.FromResult<IPreparedCommand>(SqlitePreparedCommand.Prepare((SqliteConnection)connection, sql, parameters));

    public async Task<IAsyncDisposable> BeginBulkWriteAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        await SqlitePageCache.EnlargeAsync(connection, transaction);

    public Task<IBulkUpsert> BeginBulkUpsertAsync(DbConnection connection, DbTransaction transaction, VersionedUpsert statement,
        IReadOnlyList<PreparedParameter> parameters, IReadOnlyList<string> changedColumns, CancellationToken ct) =>
        PreparedBulkUpsert.BeginAsync(this, connection, transaction, statement, parameters, byRowId: true, ct);

    // Every transaction here starts with BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default), which takes the database's
    // write lock at once: writers are serialised before any check runs, so reading the row is enough.
    public async Task<bool> LockForUpdateAsync(DbConnection connection, DbTransaction transaction, string table, Guid id, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM {table} WHERE id = @id", new { id }, transaction, cancellationToken: ct)) > 0;

    // BEGIN IMMEDIATE: the transaction holds the database's only write lock already.
    public Task LockTransactionAsync(DbConnection connection, DbTransaction transaction, long key, CancellationToken ct) => Task.CompletedTask;
    public string IdText(string column) => column; // stored as "D" text already (SqliteText.Id)

    public async Task<DbDataReader> ReadForwardAsync(DbConnection connection, CommandDefinition command) =>
        SqliteForwardReader.TryOpen((SqliteConnection)connection, command) ?? await connection.ExecuteReaderAsync(command);
}

/// <summary>PostgreSQL: LIMIT, constraint errors by SQLSTATE.</summary>
public sealed class PostgreSqlDialect : ISqlDialect
{
    public string Limit(string parameterName) => $"LIMIT {parameterName}";
    public string WithRecursive => "WITH RECURSIVE";
    public string In(string column, string listParameter) => $"{column} = ANY({listParameter})";
    public (string Condition, object Value) InIds(string column, string listParameter, IReadOnlyCollection<Guid> ids) => (In(column, listParameter), ids.ToList());
    public string Upsert(VersionedUpsert u, bool returnVersion) => OnConflict.Upsert(u, returnVersion);
    public bool IsUniqueViolation(Exception e) => e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
    public bool IsForeignKeyViolation(Exception e) => e is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation };

    public Task<IPreparedCommand> PrepareAsync(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<PreparedParameter> parameters, CancellationToken ct) =>
        Task.FromResult<IPreparedCommand>(new PostgreSqlBatchedCommand((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, sql, parameters));

    public Task<IAsyncDisposable> BeginBulkWriteAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        Task.FromResult<IAsyncDisposable>(NothingToUndo.Instance);

    public Task<IBulkUpsert> BeginBulkUpsertAsync(DbConnection connection, DbTransaction transaction, VersionedUpsert statement,
        IReadOnlyList<PreparedParameter> parameters, IReadOnlyList<string> changedColumns, CancellationToken ct) =>
        PostgreSqlBulkUpsert.BeginAsync((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, statement, parameters, changedColumns,
            ct);

    public async Task<bool> LockForUpdateAsync(DbConnection connection, DbTransaction transaction, string table, Guid id, CancellationToken ct) =>
        (await connection.QueryAsync<Guid>(new CommandDefinition($"SELECT id FROM {table} WHERE id = @id FOR UPDATE", new { id }, transaction, cancellationToken: ct))).Any();

    public Task LockTransactionAsync(DbConnection connection, DbTransaction transaction, long key, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key }, transaction, cancellationToken: ct));
    public string IdText(string column) => $"{column}::text";
    public async Task<DbDataReader> ReadForwardAsync(DbConnection connection, CommandDefinition command) =>
        PostgreSqlForwardReader.Over(await connection.ExecuteReaderAsync(command), (NpgsqlConnection)connection);
}

/// <summary>SQL Server: OFFSET/FETCH (needs ORDER BY, which every list has), constraint errors by number.</summary>
public sealed class SqlServerDialect : ISqlDialect
{
    public string Limit(string parameterName) => $"OFFSET 0 ROWS FETCH NEXT {parameterName} ROWS ONLY";
    public string WithRecursive => "WITH";
    public string In(string column, string listParameter) => $"{column} IN {listParameter}";
    public (string Condition, object Value) InIds(string column, string listParameter, IReadOnlyCollection<Guid> ids) => (In(column, listParameter), ids.ToList());
    public string Upsert(VersionedUpsert u, bool returnVersion)
    {
        var same = string.Join(" AND ", u.Update.Select(c => $"(t.{c} = {u.ValueOf(c)} OR (t.{c} IS NULL AND {u.ValueOf(c)} IS NULL))"));
        return $"""
            MERGE {u.Table} WITH (HOLDLOCK) AS t
            USING (SELECT {string.Join(", ", u.Key.Select(k => $"{u.ValueOf(k)} AS {k}"))}) AS k
            ON {string.Join(" AND ", u.Key.Select(k => $"t.{k} = k.{k}"))}
            WHEN MATCHED AND NOT ({same}) THEN UPDATE SET {string.Join(", ", u.Update.Select(c => $"{c} = {u.ValueOf(c)}"))},
                version = t.version + 1, updated_at = {u.ValueOf("updated_at")}
            WHEN NOT MATCHED THEN INSERT ({string.Join(", ", u.Insert.Select(c => c.Column))}) VALUES ({string.Join(", ", u.Insert.Select(c => c.Value))})
            {(returnVersion ? "OUTPUT inserted.version" : "")};
            """;
    }

    public bool IsUniqueViolation(Exception e) => e is SqlException { Number: 2601 or 2627 };
    public bool IsForeignKeyViolation(Exception e) => e is SqlException { Number: 547 };

    public Task<IPreparedCommand> PrepareAsync(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<PreparedParameter> parameters, CancellationToken ct) =>
        Task.FromResult<IPreparedCommand>(new SqlServerPreparedCommand(connection, transaction, sql, parameters));

    public Task<IAsyncDisposable> BeginBulkWriteAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        Task.FromResult<IAsyncDisposable>(NothingToUndo.Instance);

    public Task<IBulkUpsert> BeginBulkUpsertAsync(DbConnection connection, DbTransaction transaction, VersionedUpsert statement,
        IReadOnlyList<PreparedParameter> parameters, IReadOnlyList<string> changedColumns, CancellationToken ct) =>
        PreparedBulkUpsert.BeginAsync(this, connection, transaction, statement, parameters, byRowId: false, ct);

    public async Task<bool> LockForUpdateAsync(DbConnection connection, DbTransaction transaction, string table, Guid id, CancellationToken ct) =>
        (await connection.QueryAsync<Guid>(new CommandDefinition($"SELECT id FROM {table} WITH (UPDLOCK, HOLDLOCK, ROWLOCK) WHERE id = @id", new { id }, transaction, cancellationToken: ct))).Any();

    public async Task LockTransactionAsync(DbConnection connection, DbTransaction transaction, long key, CancellationToken ct)
    {
        var result = await connection.ExecuteScalarAsync<int>(new CommandDefinition("""
            DECLARE @result INT;
            EXEC @result = sp_getapplock @Resource = @resource, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = -1;
            SELECT @result;
            """, new { resource = "raumnetz:" + key.ToString(CultureInfo.InvariantCulture) }, transaction, cancellationToken: ct));
        if (result < 0) throw new InvalidOperationException($"sp_getapplock refused the lock {key} ({result}).");
    }
    public string IdText(string column) => $"LOWER(CONVERT(NVARCHAR(36), {column}))";
    public Task<DbDataReader> ReadForwardAsync(DbConnection connection, CommandDefinition command) =>
        connection.ExecuteReaderAsync(command);
}

/// <summary>For a bulk write that needs no setting up.</summary>
internal sealed class NothingToUndo : IAsyncDisposable
{
    public static readonly NothingToUndo Instance = new();
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>
/// A 64 MB page cache on a SQLite connection for a bulk write, so the indexes of a big table stay in memory; disposing
/// sets back the size the connection had, so it goes back to the pool as it was.
/// </summary>
internal sealed class SqlitePageCache(DbConnection connection, DbTransaction transaction, long before) : IAsyncDisposable
{
    public static async Task<SqlitePageCache> EnlargeAsync(DbConnection connection, DbTransaction transaction)
    {
        var before = await connection.ExecuteScalarAsync<long>("PRAGMA cache_size", transaction: transaction);
        await connection.ExecuteAsync("PRAGMA cache_size = -65536", transaction: transaction);
        return new SqlitePageCache(connection, transaction, before);
    }

    public async ValueTask DisposeAsync()
    {
        try { await connection.ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {before}"), transaction: transaction.Connection is null ? null : transaction); }
        catch (DbException) { /* a broken connection is not returned to the pool anyway */ }
    }
}

/// <summary>INSERT … ON CONFLICT … DO UPDATE … WHERE, as SQLite and PostgreSQL both write it.</summary>
internal static class OnConflict
{
    public static string Upsert(VersionedUpsert u, bool returnVersion) => $"""
        INSERT INTO {u.Table} ({string.Join(", ", u.Insert.Select(c => c.Column))}) VALUES ({string.Join(", ", u.Insert.Select(c => c.Value))})
        {Conflict(u)}
        {(returnVersion ? "RETURNING version" : "")}
        """;

    /// <summary>
    /// The same upsert for every row of <paramref name="from"/> (INSERT … SELECT): <paramref name="value"/> says what each
    /// inserted value (a parameter such as @value, or a literal) is in the SELECT list.
    /// </summary>
    public static string UpsertFrom(VersionedUpsert u, Func<string, string> value, string from) => $"""
        INSERT INTO {u.Table} ({string.Join(", ", u.Insert.Select(c => c.Column))})
        SELECT {string.Join(", ", u.Insert.Select(c => value(c.Value)))} FROM {from}
        {Conflict(u)}
        """;

    /// <summary>
    /// <see cref="UpsertFrom"/> without its ON CONFLICT: a plain INSERT … SELECT of the same values, for rows expected to be
    /// new (a row whose key is taken fails it with a unique violation).
    /// </summary>
    public static string InsertFrom(VersionedUpsert u, Func<string, string> value, string from) => $"""
        INSERT INTO {u.Table} ({string.Join(", ", u.Insert.Select(c => c.Column))})
        SELECT {string.Join(", ", u.Insert.Select(c => value(c.Value)))} FROM {from}
        """;

    private static string Conflict(VersionedUpsert u)
    {
        var unchanged = string.Join(" AND ", u.Update.Select(c => $"({u.Table}.{c} = excluded.{c} OR ({u.Table}.{c} IS NULL AND excluded.{c} IS NULL))"));
        return $"""
            ON CONFLICT ({string.Join(", ", u.Key)}) DO UPDATE SET {string.Join(", ", u.Update.Select(c => $"{c} = excluded.{c}"))},
                version = {u.Table}.version + 1, updated_at = excluded.updated_at
            WHERE NOT ({unchanged})
            """;
    }
}
