using System.Data;
using System.Data.Common;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using Raumnetz.Application.Common;

namespace Raumnetz.Infrastructure.Data;

/// <summary>
/// SQLite and SQL Server: the upsert prepared once (<see cref="ISqlDialect.PrepareAsync"/>) and run per row. Inserted rows
/// are counted from COUNT(*) before and after: reading a result per row costs more than the insert itself on SQLite.
/// </summary>
internal sealed class PreparedBulkUpsert(
    IPreparedCommand command, DbConnection connection, DbTransaction transaction, string table, long before)
    : IBulkUpsert
{
    private long changed;

    public static async Task<IBulkUpsert> BeginAsync(ISqlDialect dialect, DbConnection connection, DbTransaction transaction,
        VersionedUpsert statement,
        IReadOnlyList<PreparedParameter> parameters, CancellationToken ct)
    {
        var before = await CountAsync(connection, transaction, statement.Table, ct);
        var command = await dialect.PrepareAsync(connection, transaction, dialect.Upsert(statement, returnVersion: false), parameters, ct);
        return new PreparedBulkUpsert(command, connection, transaction, statement.Table, before);
    }

    public async ValueTask AddAsync(object?[] values, CancellationToken ct) => changed += await command.ExecuteAsync(values, ct);

    /// <summary>Sends what the command still holds (SQL Server batches), so the connection takes the caller's reads.</summary>
    public async Task PauseAsync(CancellationToken ct) => changed += await command.FlushAsync(ct);

    public async Task<BulkUpsertCount> CompleteAsync(CancellationToken ct)
    {
        changed += await command.FlushAsync(ct);
        return new BulkUpsertCount(await CountAsync(connection, transaction, table, ct) - before, changed);
    }

    public ValueTask DisposeAsync() => command.DisposeAsync();

    // the table is a constant of the caller, never input
    private static Task<long> CountAsync(DbConnection connection, DbTransaction transaction, string table, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long>(
            new CommandDefinition($"SELECT COUNT(*) FROM {table}", transaction: transaction, cancellationToken: ct));
}

/// <summary>
/// PostgreSQL: the rows go by binary COPY into a temporary table of the transaction (no index, no WAL), as fast as the
/// server can take them, and a set-based INSERT … SELECT … ON CONFLICT … DO UPDATE … WHERE (values differ) writes them:
/// the same statement, row for row, as <see cref="ISqlDialect.Upsert"/>, so the same values are stored, an equal row is
/// left alone and a failing row fails the transaction. The rows go in chunks of <see cref="ChunkRows"/>: while the server
/// writes one chunk into the table, the caller reads and checks the next (on a machine with two cores the server's work
/// and the parsing overlap instead of following each other), and a chunk fits the session's temporary buffers (8 MB by
/// default), so staging never touches the disk. The staging table goes with the transaction.
/// The upsert of each chunk also appends the id, version and changed columns asked for of each row it inserted or changed
/// (its RETURNING, which leaves out rows left alone) to a second temporary table, <see cref="Changed"/>, which stays to the
/// end of the transaction: the changes feed copies it as it is (no search of the table for the write's timestamp, no sort).
/// </summary>
internal sealed class PostgreSqlBulkUpsert : IBulkUpsert
{
    private const string Staging = "bulk_upsert_rows";
    /// <summary>The rows inserted or changed, as <see cref="BulkUpsertCount.ChangedTable"/> names them.</summary>
    public const string Changed = "pg_temp.bulk_upsert_changed";
    public const int ChunkRows = 40_000;
    private const string Savepoint = "bulk_upsert_chunk";
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;
    private readonly VersionedUpsert statement;
    private readonly IReadOnlyList<PreparedParameter> parameters;
    private readonly string changedColumns;
    // the COPY into the staging table while one is open (null after a chunk was written or the caller paused)
    private NpgsqlBinaryImporter? importer;
    private bool truncate;
    private bool rowOpen;
    // no staged row has met a stored one yet: chunks are tried as a plain INSERT first (see WriteStagedAsync)
    private bool allNew = true;
    private int staged;
    private long inserted;
    private long changed;

    private PostgreSqlBulkUpsert(NpgsqlConnection connection, NpgsqlTransaction transaction, VersionedUpsert statement,
        IReadOnlyList<PreparedParameter> parameters, string changedColumns)
    {
        (this.connection, this.transaction, this.statement) = (connection, transaction, statement);
        (this.parameters, this.changedColumns) = (parameters, changedColumns);
    }

    public static async Task<IBulkUpsert> BeginAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, VersionedUpsert statement,
        IReadOnlyList<PreparedParameter> parameters, IReadOnlyList<string> changedColumns, CancellationToken ct)
    {
        var columns = string.Join(", ", parameters.Select(p => $"{Column(p.Name)} {SqlType(p.Type)}"));
        // the column names are constants of the caller, never input; the changed table takes their types from the table
        var kept = string.Join(", ", changedColumns.Prepend("version").Prepend("id"));
        await using (var create = new NpgsqlCommand($"""
                         DROP TABLE IF EXISTS pg_temp.{Staging}; CREATE TEMPORARY TABLE {Staging} ({columns}) ON COMMIT DROP;
                         DROP TABLE IF EXISTS {Changed};
                         CREATE TEMPORARY TABLE {Changed[8..]} ON COMMIT DROP AS SELECT {kept} FROM {statement.Table} WITH NO DATA
                         """, connection, transaction))
            await create.ExecuteNonQueryAsync(ct);
        return new PostgreSqlBulkUpsert(connection, transaction, statement, parameters, kept);
    }

    /// <summary>Opens the COPY into the staging table (emptied first when its rows were written), appending to what it holds.</summary>
    private async Task<NpgsqlBinaryImporter> CopyAsync(CancellationToken ct)
    {
        if (truncate)
        {
            await using (var empty = new NpgsqlCommand($"TRUNCATE {Staging}", connection, transaction))
                await empty.ExecuteNonQueryAsync(ct);
            truncate = false;
        }
        return await connection.BeginBinaryImportAsync(
            $"COPY {Staging} ({string.Join(", ", parameters.Select(p => Column(p.Name)))}) FROM STDIN (FORMAT BINARY)", ct);
    }

    /// <summary>Ends the COPY in progress, if any: the rows sent so far stay staged, and the connection takes commands again.</summary>
    private async Task EndCopyAsync(CancellationToken ct)
    {
        if (importer is null) return;
        var copy = importer;
        importer = null;
        await copy.CompleteAsync(ct);
        await copy.DisposeAsync();
    }

    /// <summary>Ends the COPY in progress (the staged rows wait for the next chunk's upsert), so the caller can read.</summary>
    public Task PauseAsync(CancellationToken ct) => EndCopyAsync(ct);

    public async ValueTask AddAsync(object?[] values, CancellationToken ct)
    {
        if (staged == ChunkRows) await WriteStagedAsync(ct);
        var importer = this.importer ??= await CopyAsync(ct);
        staged++;
        rowOpen = true;
        await importer.StartRowAsync(ct);
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (value is null) { await importer.WriteNullAsync(ct); continue; }
            var write = parameters[i].Type switch
            {
                DbType.Guid => importer.WriteAsync((Guid)value, NpgsqlDbType.Uuid, ct),
                DbType.Int32 => importer.WriteAsync((int)value, NpgsqlDbType.Integer, ct),
                DbType.Int64 => importer.WriteAsync((long)value, NpgsqlDbType.Bigint, ct),
                DbType.Double => importer.WriteAsync((double)value, NpgsqlDbType.Double, ct),
                DbType.Boolean => importer.WriteAsync((bool)value, NpgsqlDbType.Boolean, ct),
                DbType.DateTimeOffset => importer.WriteAsync(((DateTimeOffset)value).ToUniversalTime(), NpgsqlDbType.TimestampTz, ct),
                _ => importer.WriteAsync((string)value, NpgsqlDbType.Text, ct),
            };
            await write;
        }
        rowOpen = false;
    }

    public async Task<BulkUpsertCount> CompleteAsync(CancellationToken ct)
    {
        if (staged > 0) await WriteStagedAsync(ct);
        await using (var drop = new NpgsqlCommand($"DROP TABLE {Staging}", connection, transaction)) await drop.ExecuteNonQueryAsync(ct);
        return new BulkUpsertCount(inserted, changed) { ChangedTable = Changed };
    }

    /// <summary>
    /// Ends the COPY and writes the staged rows into the table, counting what it inserted and changed and appending those
    /// rows to <see cref="Changed"/>. Until a chunk meets a row that is already stored, each chunk is first tried as a plain
    /// INSERT … SELECT under a savepoint (no speculative insertion, no conflict check per row: a first import's rows are all
    /// new); a unique violation rolls back to the savepoint and the chunk, and every later one, goes through the upsert, so
    /// what is stored is the same either way, also when another writer inserts one of the keys meanwhile.
    /// </summary>
    private async Task WriteStagedAsync(CancellationToken ct)
    {
        await EndCopyAsync(ct);
        staged = 0;
        truncate = true;
        Func<string, string> value = v => v.StartsWith('@') ? "s." + Column(v[1..]) : v;
        if (allNew)
        {
            await transaction.SaveAsync(Savepoint, ct);
            try
            {
                await WriteAsync(OnConflict.InsertFrom(statement, value, $"{Staging} s"), ct);
                await transaction.ReleaseAsync(Savepoint, ct);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                await transaction.RollbackAsync(Savepoint, ct);
                allNew = false;
            }
        }
        await WriteAsync(OnConflict.UpsertFrom(statement, value, $"{Staging} s"), ct);
    }

    private async Task WriteAsync(string write, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            WITH written AS ({write}
                RETURNING {changedColumns}, xmax = 0 AS inserted),
            kept AS (INSERT INTO {Changed} ({changedColumns}) SELECT {changedColumns} FROM written)
            SELECT COUNT(*) FILTER (WHERE inserted), COUNT(*) FROM written
            """, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        inserted += reader.GetInt64(0);
        changed += reader.GetInt64(1);
    }

    public async ValueTask DisposeAsync()
    {
        if (importer is null) return;
        // Not completed: nothing goes into the table. The COPY into the staging table is ended cleanly where it can be (a
        // cancelled COPY would abort the transaction, and what else runs in it, such as the audit entry of a dry run, with
        // it); the staged rows go with the transaction, which is discarded.
        try
        {
            if (!rowOpen) await importer.CompleteAsync(CancellationToken.None);
            await importer.DisposeAsync();
        }
        catch (NpgsqlException) { /* the connection broke during the COPY; the transaction fails with it */ }
    }

    private static string Column(string name) => $"\"{name}\"";

    private static string SqlType(DbType type) => type switch
    {
        DbType.Guid => "uuid",
        DbType.Int32 => "integer",
        DbType.Int64 => "bigint",
        DbType.Double => "double precision",
        DbType.Boolean => "boolean",
        DbType.DateTimeOffset => "timestamptz",
        _ => "text",
    };
}
