using System.Data;
using System.Data.Common;

namespace Raumnetz.Application.Common;

/// <summary>The database providers Raumnetz runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}

/// <summary>
/// Opens connections to the configured database. Query handlers read through <see cref="ReadAsync{T}"/>; command
/// handlers get their connection and transaction from <see cref="IUnitOfWork"/>, which opens them here.
/// </summary>
public interface IDbConnectionFactory
{
    DatabaseProvider Provider { get; }
    ISqlDialect Dialect { get; }
    /// <summary>An open connection. Opening is retried on transient faults; what runs on it afterwards is not.</summary>
    Task<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>
    /// Runs a read with the provider's retry policy (bounded, exponential back-off with jitter, logged): on a transient
    /// fault the whole delegate runs again on a fresh connection. Use it for queries only. A write must not go through
    /// here: once its statement was sent it may have committed, and repeating it could apply it twice.
    /// </summary>
    Task<T> ReadAsync<T>(Func<DbConnection, CancellationToken, Task<T>> read, CancellationToken ct);
}

/// <summary>The few places where SQL differs between providers. Everything else is portable SQL.</summary>
public interface ISqlDialect
{
    /// <summary>Clause that limits rows, placed after ORDER BY (LIMIT / OFFSET-FETCH).</summary>
    string Limit(string parameterName);

    /// <summary>Start of a recursive common table expression ("WITH RECURSIVE" or, on SQL Server, "WITH").</summary>
    string WithRecursive { get; }

    /// <summary>
    /// "column is in the list parameter". Dapper expands <c>IN @list</c> for SQLite and SQL Server but hands Npgsql an
    /// array, which PostgreSQL needs as <c>= ANY(@list)</c>.
    /// </summary>
    string In(string column, string listParameter);

    /// <summary>
    /// "column is one of these ids" for lists of up to some hundreds: the condition on <paramref name="listParameter"/>
    /// and the value to bind to it. SQLite gets the list as one JSON text (json_each), as expanding hundreds of
    /// parameters costs more there than the lookups themselves; the others get <see cref="In"/> and the list.
    /// </summary>
    (string Condition, object Value) InIds(string column, string listParameter, IReadOnlyCollection<Guid> ids);

    /// <summary>
    /// An insert that, when a row with the same key exists, updates it instead, and only when one of the
    /// <see cref="VersionedUpsert.Update"/> columns differs (NULL equal to NULL): it sets them to the new values, raises
    /// <c>version</c> by 1 and sets <c>updated_at</c> to the inserted one; an equal row is left alone. With
    /// <paramref name="returnVersion"/> it returns the row's version when it inserted (1) or changed it (&gt; 1) and
    /// nothing otherwise; without, the affected-row count is 1 or 0. (ON CONFLICT on SQLite and PostgreSQL, MERGE on SQL Server.)
    /// </summary>
    string Upsert(VersionedUpsert statement, bool returnVersion);

    /// <summary>Whether a unique-constraint violation caused this exception.</summary>
    bool IsUniqueViolation(Exception exception);

    /// <summary>Whether a foreign-key violation caused this exception.</summary>
    bool IsForeignKeyViolation(Exception exception);

    /// <summary>
    /// Prepares one statement for many executions inside <paramref name="transaction"/> (bulk writes such as imports).
    /// Values are passed by position in the order of <paramref name="parameters"/>. On SQLite they go straight to the
    /// engine: ADO.NET looks each parameter up by name on every execution, which costs more than the insert itself. On
    /// PostgreSQL the executions are sent in batches (one round trip for many rows), so errors may surface only when a
    /// batch runs: call <see cref="IPreparedCommand.FlushAsync"/> at the end.
    /// </summary>
    Task<IPreparedCommand> PrepareAsync(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<PreparedParameter> parameters, CancellationToken ct);

    /// <summary>
    /// Locks the row <paramref name="id"/> of <paramref name="table"/> until <paramref name="transaction"/> ends, so that
    /// a rule checked by reading other rows and then inserting (no overlapping memberships in a network, no duplicate
    /// relation of an actor) holds across requests and instances: a second transaction locking the same row waits for
    /// the first to commit and then sees its rows. Returns whether the row exists. <paramref name="table"/> is a
    /// constant of the caller, never input.
    /// </summary>
    Task<bool> LockForUpdateAsync(DbConnection connection, DbTransaction transaction, string table, Guid id, CancellationToken ct);

    /// <summary>
    /// Sets the connection up for a bulk write in <paramref name="transaction"/>: on SQLite a 64 MB page cache, so the
    /// indexes of a big table stay in memory. Disposing the result sets it back, so the connection returns to the pool
    /// as it was. Nothing to do on the other providers.
    /// </summary>
    Task<IAsyncDisposable> BeginBulkWriteAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct);

    /// <summary>
    /// Takes the lock named <paramref name="key"/> for the rest of <paramref name="transaction"/> (released at commit or
    /// rollback), so that transactions taking it run that part one after another across connections and instances:
    /// pg_advisory_xact_lock on PostgreSQL, sp_getapplock with the transaction as owner on SQL Server, nothing on SQLite,
    /// where every transaction holds the database's write lock from its start. The changes feed takes it before it numbers
    /// its rows, so their order is commit order.
    /// </summary>
    Task LockTransactionAsync(DbConnection connection, DbTransaction transaction, long key, CancellationToken ct);

    /// <summary>A UUID column as the lower-case text the API shows ("D" format), for copying ids into text columns.</summary>
    string IdText(string column);

    /// <summary>
    /// Runs a long query whose rows are read once, forward, by position with typed getters (the streamed exports). On SQLite,
    /// when its parameters are single values, the rows come straight from the engine (one call per column read, repeated
    /// ids and texts not allocated again); with list parameters, and on SQL Server, it is Dapper's reader; on PostgreSQL
    /// Dapper's reader with its texts shared between rows (<c>PostgreSqlForwardReader</c>).
    /// </summary>
    Task<DbDataReader> ReadForwardAsync(DbConnection connection, Dapper.CommandDefinition command);

    /// <summary>
    /// Starts writing many rows with <paramref name="statement"/> in <paramref name="transaction"/> (imports). Each row gives
    /// the values of the statement's parameters (@name) by position in the order of <paramref name="parameters"/>. On SQLite
    /// and SQL Server every row runs the upsert as a prepared command (<see cref="PrepareAsync"/>). On PostgreSQL the rows go
    /// by binary COPY into a temporary table of the transaction, and <see cref="IBulkUpsert.CompleteAsync"/> runs one
    /// INSERT … SELECT … ON CONFLICT for all of them: constraint errors surface only there. The same statement also keeps the
    /// <c>id</c>, <c>version</c> and <paramref name="changedColumns"/> of every row it inserted or changed in a temporary table
    /// of the transaction (<see cref="BulkUpsertCount.ChangedTable"/>), so the changes feed reads them from there instead of
    /// searching the whole table again. One bulk upsert per transaction.
    /// </summary>
    Task<IBulkUpsert> BeginBulkUpsertAsync(DbConnection connection, DbTransaction transaction, VersionedUpsert statement,
        IReadOnlyList<PreparedParameter> parameters, IReadOnlyList<string> changedColumns, CancellationToken ct);
}

/// <summary>Rows written with one <see cref="VersionedUpsert"/>; see <see cref="ISqlDialect.BeginBulkUpsertAsync"/>.</summary>
public interface IBulkUpsert : IAsyncDisposable
{
    /// <summary>Adds a row: one value per parameter, in order (null for NULL). The array may be reused by the caller afterwards.</summary>
    ValueTask AddAsync(object?[] values, CancellationToken ct);

    /// <summary>
    /// Lets the connection take other commands (a read of the caller in the same transaction) before the next
    /// <see cref="AddAsync"/>: on PostgreSQL it ends the COPY in progress (the rows sent so far stay staged and are written
    /// with the next chunk, so a read does not see them yet); elsewhere it sends what a batch still holds.
    /// </summary>
    Task PauseAsync(CancellationToken ct);

    /// <summary>
    /// Writes what is still pending and returns how many rows were inserted and how many inserted or changed (rows equal to
    /// the stored ones are left alone). Disposing without completing writes nothing more (the transaction is to be discarded).
    /// </summary>
    Task<BulkUpsertCount> CompleteAsync(CancellationToken ct);
}

/// <summary>
/// What a bulk upsert did: rows inserted, and rows inserted or changed. <see cref="ChangedTable"/>, where the provider keeps
/// one (PostgreSQL), is a temporary table of the transaction holding <c>id</c>, <c>version</c> and the changed columns asked
/// for of exactly the rows inserted or changed, one each, in the order they were written; null elsewhere (then find them in
/// the table by their <c>updated_at</c>). <see cref="InsertedRows"/>, where the provider can name them without a search
/// (SQLite, by rowid), is a condition on the written table that holds for exactly the rows inserted, which a scan of the
/// table reads in the order they were written; the rows changed are then the others with the write's <c>updated_at</c>.
/// </summary>
public readonly record struct BulkUpsertCount(long Inserted, long Changed)
{
    public string? ChangedTable { get; init; }
    public string? InsertedRows { get; init; }
}

/// <summary>
/// What <see cref="ISqlDialect.Upsert"/> writes: the table, each inserted column with its value (a parameter such as
/// @value, or a literal), the columns of the unique key and the columns an update sets (to their inserted values).
/// </summary>
public sealed record VersionedUpsert(string Table, IReadOnlyList<(string Column, string Value)> Insert, IReadOnlyList<string> Key, IReadOnlyList<string> Update)
{
    public string ValueOf(string column) => Insert.First(c => c.Column == column).Value;
}

/// <summary>A parameter of a prepared command: its name in the SQL (without the @) and its type.</summary>
public readonly record struct PreparedParameter(string Name, DbType Type);

/// <summary>A statement prepared once and run many times with new values; see <see cref="ISqlDialect.PrepareAsync"/>.</summary>
public interface IPreparedCommand : IAsyncDisposable
{
    /// <summary>
    /// Runs the statement with these values (one per parameter, in order; null for NULL), or queues it where the provider
    /// sends statements in batches. Returns the number of rows inserted, updated or deleted by what ran during this call.
    /// The array may be reused by the caller afterwards.
    /// </summary>
    ValueTask<int> ExecuteAsync(object?[] values, CancellationToken ct);

    /// <summary>Runs whatever is still queued; returns the number of rows it inserted, updated or deleted.</summary>
    ValueTask<int> FlushAsync(CancellationToken ct);
}
