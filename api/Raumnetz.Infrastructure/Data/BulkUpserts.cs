using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using Raumnetz.Application.Common;

namespace Raumnetz.Infrastructure.Data;

/// <summary>
/// SQLite and SQL Server: the upsert prepared once (<see cref="ISqlDialect.PrepareAsync"/>) and run per row. Inserted rows
/// are counted from COUNT(*) before and after: reading a result per row costs more than the insert itself on SQLite.
/// On SQLite (<c>byRowId</c>) the inserted rows are also named by their rowid (<see cref="BulkUpsertCount.InsertedRows"/>):
/// SQLite gives every new row the highest rowid so far plus one, so the rows this transaction inserted (it holds the
/// database's write lock from its start) are exactly those above the highest rowid before its first row, in the order
/// they were written; the changes feed reads them by that range instead of searching the table by timestamp and sorting.
/// </summary>
internal sealed class PreparedBulkUpsert(
    IPreparedCommand command, DbConnection connection, DbTransaction transaction, string table, long before, long? lastRowIdBefore)
    : IBulkUpsert
{
    private long changed;

    public static async Task<IBulkUpsert> BeginAsync(ISqlDialect dialect, DbConnection connection, DbTransaction transaction,
        VersionedUpsert statement, IReadOnlyList<PreparedParameter> parameters, bool byRowId, CancellationToken ct)
    {
        var before = await CountAsync(connection, transaction, statement.Table, ct);
        // at the largest rowid SQLite picks new ones at random: then the range would not hold (never in practice)
        long? lastRowId = byRowId ? await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COALESCE(MAX(rowid), 0) FROM {statement.Table}", transaction: transaction, cancellationToken: ct)) : null;
        if (lastRowId == long.MaxValue) lastRowId = null;
        var command = await dialect.PrepareAsync(connection, transaction, dialect.Upsert(statement, returnVersion: false), parameters, ct);
        return new PreparedBulkUpsert(command, connection, transaction, statement.Table, before, lastRowId);
    }

    public async ValueTask AddAsync(object?[] values, CancellationToken ct) => changed += await command.ExecuteAsync(values, ct);

    /// <summary>Sends what the command still holds (SQL Server batches), so the connection takes the caller's reads.</summary>
    public async Task PauseAsync(CancellationToken ct) => changed += await command.FlushAsync(ct);

    public async Task<BulkUpsertCount> CompleteAsync(CancellationToken ct)
    {
        changed += await command.FlushAsync(ct);
        return new BulkUpsertCount(await CountAsync(connection, transaction, table, ct) - before, changed)
        {
            InsertedRows = lastRowIdBefore is { } last ? string.Create(CultureInfo.InvariantCulture, $"{table}.rowid > {last}") : null,
        };
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
    // the table's columns as the COPY straight into it writes them (null: not possible for this statement's column types)
    private readonly DirectColumn[]? direct;
    // which of those columns the changed table takes, in its order
    private readonly int[] changedSources;
    // rows go by COPY straight into the table (until a chunk meets a stored row or a value the COPY cannot carry exactly)
    private bool copyDirect;
    private bool savepointOpen;
    // the rows of the chunk copied straight into the table since its savepoint, to replay into the staging table
    private readonly List<object?[]> pending = [];

    private PostgreSqlBulkUpsert(NpgsqlConnection connection, NpgsqlTransaction transaction, VersionedUpsert statement,
        IReadOnlyList<PreparedParameter> parameters, string changedColumns, DirectColumn[]? direct, int[] changedSources)
    {
        (this.connection, this.transaction, this.statement) = (connection, transaction, statement);
        (this.parameters, this.changedColumns) = (parameters, changedColumns);
        (this.direct, this.changedSources, copyDirect) = (direct, changedSources, direct is not null);
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
        var direct = await DirectColumnsAsync(connection, transaction, statement, parameters, ct);
        var sources = direct is null ? [] : changedColumns.Prepend("version").Prepend("id")
            .Select(c => statement.Insert.ToList().FindIndex(i => i.Column == c)).ToArray();
        if (sources.Any(i => i < 0)) direct = null;
        return new PostgreSqlBulkUpsert(connection, transaction, statement, parameters, kept, direct, sources);
    }

    /// <summary>
    /// A column of the table as the COPY straight into it writes it: a parameter's value or a literal, in the column's type.
    /// </summary>
    private sealed record DirectColumn(string Name, int Parameter, object? Literal, NpgsqlDbType Type);

    /// <summary>The table's inserted columns with their types; null when one of them is of a type the direct COPY does not write.</summary>
    private static async Task<DirectColumn[]?> DirectColumnsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        VersionedUpsert statement, IReadOnlyList<PreparedParameter> parameters, CancellationToken ct)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var read = new NpgsqlCommand("""
                         SELECT a.attname, t.typname FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
                         WHERE a.attrelid = @table::regclass AND a.attnum > 0 AND NOT a.attisdropped
                         """, connection, transaction))
        {
            read.Parameters.AddWithValue("table", statement.Table);
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) types[reader.GetString(0)] = reader.GetString(1);
        }
        var columns = new List<DirectColumn>();
        foreach (var (column, value) in statement.Insert)
        {
            NpgsqlDbType? type = types.GetValueOrDefault(column) switch
            {
                "uuid" => NpgsqlDbType.Uuid,
                "int4" => NpgsqlDbType.Integer,
                "int8" => NpgsqlDbType.Bigint,
                "numeric" => NpgsqlDbType.Numeric,
                "float8" => NpgsqlDbType.Double,
                "bool" => NpgsqlDbType.Boolean,
                "varchar" or "text" => NpgsqlDbType.Text,
                "timestamptz" => NpgsqlDbType.TimestampTz,
                _ => null,
            };
            if (type is null) return null;
            if (value.StartsWith('@'))
            {
                var index = parameters.ToList().FindIndex(p => p.Name == value[1..]);
                if (index < 0) return null;
                columns.Add(new DirectColumn(column, index, null, type.Value));
            }
            else if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var literal)
                     && type is NpgsqlDbType.Bigint or NpgsqlDbType.Integer)
                columns.Add(new DirectColumn(column, -1, type == NpgsqlDbType.Integer ? (int)literal : literal, type.Value));
            else return null;
        }
        return [.. columns];
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
        try { await copy.CompleteAsync(ct); }
        finally { await copy.DisposeAsync(); }
    }

    /// <summary>Ends the COPY in progress (the staged rows wait for the next chunk's upsert), so the caller can read.</summary>
    public async Task PauseAsync(CancellationToken ct)
    {
        if (copyDirect) await EndDirectAsync(ct);
        else await EndCopyAsync(ct);
    }

    public async ValueTask AddAsync(object?[] values, CancellationToken ct)
    {
        if (staged == ChunkRows) await WriteStagedAsync(ct);
        if (copyDirect && !Carried(values)) await LeaveDirectAsync(ct);
        if (copyDirect)
        {
            if (!savepointOpen)
            {
                await transaction.SaveAsync(Savepoint, ct);
                savepointOpen = true;
            }
            var copy = this.importer ??= await connection.BeginBinaryImportAsync(
                $"COPY {statement.Table} ({string.Join(", ", direct!.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)", ct);
            staged++;
            pending.Add((object?[])values.Clone());
            rowOpen = true;
            await copy.StartRowAsync(ct);
            foreach (var column in direct!)
                await WriteDirectAsync(copy, column, column.Parameter < 0 ? column.Literal : values[column.Parameter], ct);
            rowOpen = false;
            return;
        }
        var importer = this.importer ??= await CopyAsync(ct);
        staged++;
        rowOpen = true;
        await importer.StartRowAsync(ct);
        for (var i = 0; i < values.Length; i++) await WriteStagedValueAsync(importer, parameters[i].Type, values[i], ct);
        rowOpen = false;
    }

    private static Task WriteStagedValueAsync(NpgsqlBinaryImporter importer, DbType type, object? value, CancellationToken ct) =>
        value is null ? importer.WriteNullAsync(ct) : type switch
        {
            DbType.Guid => importer.WriteAsync((Guid)value, NpgsqlDbType.Uuid, ct),
            DbType.Int32 => importer.WriteAsync((int)value, NpgsqlDbType.Integer, ct),
            DbType.Int64 => importer.WriteAsync((long)value, NpgsqlDbType.Bigint, ct),
            DbType.Double => importer.WriteAsync((double)value, NpgsqlDbType.Double, ct),
            DbType.Boolean => importer.WriteAsync((bool)value, NpgsqlDbType.Boolean, ct),
            DbType.DateTimeOffset => importer.WriteAsync(((DateTimeOffset)value).ToUniversalTime(), NpgsqlDbType.TimestampTz, ct),
            _ => importer.WriteAsync((string)value, NpgsqlDbType.Text, ct),
        };

    /// <summary>Whether the direct COPY carries every value of the row exactly as the INSERT … SELECT would store it.</summary>
    private bool Carried(object?[] values) =>
        direct!.All(c => c.Parameter < 0 || c.Type != NpgsqlDbType.Numeric || values[c.Parameter] is not double d
                         || Numeric(d) is not null);

    /// <summary>
    /// A double as PostgreSQL's cast to numeric stores it (its 15 significant digits, float8_numeric's "%.15g"), when a
    /// decimal holds that exactly; null otherwise (the row then goes through the staging table and the server's cast).
    /// </summary>
    private static decimal? Numeric(double d)
    {
        if (d == 0) return 0m;
        var magnitude = Math.Abs(d);
        if (!double.IsFinite(d) || magnitude < 1e-13 || magnitude >= 1e27) return null;
        return decimal.Parse(d.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static Task WriteDirectAsync(NpgsqlBinaryImporter copy, DirectColumn column, object? value, CancellationToken ct) =>
        value switch
        {
            null => copy.WriteNullAsync(ct),
            double d when column.Type == NpgsqlDbType.Numeric => copy.WriteAsync(Numeric(d)!.Value, NpgsqlDbType.Numeric, ct),
            DateTimeOffset t => copy.WriteAsync(t.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct),
            string text => copy.WriteAsync(text, NpgsqlDbType.Text, ct),
            Guid g => copy.WriteAsync(g, NpgsqlDbType.Uuid, ct),
            int i when column.Type == NpgsqlDbType.Integer => copy.WriteAsync(i, NpgsqlDbType.Integer, ct),
            long l when column.Type == NpgsqlDbType.Bigint => copy.WriteAsync(l, NpgsqlDbType.Bigint, ct),
            double d when column.Type == NpgsqlDbType.Double => copy.WriteAsync(d, NpgsqlDbType.Double, ct),
            _ => copy.WriteAsync(value, column.Type, ct),
        };

    /// <summary>
    /// Ends the direct COPY of the chunk in progress. On a unique violation (a row already stored) the chunk's rows are
    /// rolled back to the savepoint and replayed into the staging table, and this chunk and every later one go through the
    /// upsert. Returns whether the rows stayed in the table.
    /// </summary>
    private async Task<bool> EndDirectAsync(CancellationToken ct)
    {
        try
        {
            await EndCopyAsync(ct);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            allNew = false;
            await ReplayAsync(ct);
            return false;
        }
    }

    /// <summary>
    /// Stops copying straight into the table (a value it cannot carry exactly): the chunk's rows go to the staging table.
    /// </summary>
    private async Task LeaveDirectAsync(CancellationToken ct)
    {
        if (await EndDirectAsync(ct) && savepointOpen) await ReplayAsync(ct);
        copyDirect = false;
    }

    /// <summary>Rolls the chunk's direct rows back to the savepoint and copies them into the staging table instead.</summary>
    private async Task ReplayAsync(CancellationToken ct)
    {
        await transaction.RollbackAsync(Savepoint, ct);
        savepointOpen = false;
        copyDirect = false;
        var copy = importer = await CopyAsync(ct);
        foreach (var row in pending)
        {
            rowOpen = true;
            await copy.StartRowAsync(ct);
            for (var i = 0; i < row.Length; i++) await WriteStagedValueAsync(copy, parameters[i].Type, row[i], ct);
            rowOpen = false;
        }
        pending.Clear();
        await EndCopyAsync(ct);
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
        if (copyDirect && await EndDirectAsync(ct))
        {
            // the chunk is in the table: its changed rows (id, version 1 and the asked columns) by binary COPY as well
            await using (var copy = await connection.BeginBinaryImportAsync(
                             $"COPY {Changed} ({changedColumns}) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var row in pending)
                {
                    await copy.StartRowAsync(ct);
                    foreach (var i in changedSources)
                    {
                        var column = direct![i];
                        await WriteDirectAsync(copy, column, column.Parameter < 0 ? column.Literal : row[column.Parameter], ct);
                    }
                }
                await copy.CompleteAsync(ct);
            }
            if (savepointOpen) await transaction.ReleaseAsync(Savepoint, ct);
            savepointOpen = false;
            inserted += pending.Count;
            changed += pending.Count;
            pending.Clear();
            staged = 0;
            return;
        }
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
