using System.Data;
using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using Raumnetz.Application.Common;
using SQLitePCL;

namespace Raumnetz.Infrastructure.Data;

/// <summary>
/// SQL Server: one command whose parameter values change per execution. Every parameter carries its type, and strings
/// are nvarchar(max), so sp_executesql reuses one plan (explicit preparation would add a round trip).
/// </summary>
internal sealed class SqlServerPreparedCommand : IPreparedCommand
{
    private readonly DbCommand command;

    public SqlServerPreparedCommand(DbConnection connection, DbTransaction transaction, string sql,
        IReadOnlyList<PreparedParameter> parameters)
    {
        command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, type) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@" + name;
            p.DbType = type;
            if (type == DbType.String) p.Size = -1;
            command.Parameters.Add(p);
        }
    }

    public async ValueTask<int> ExecuteAsync(object?[] values, CancellationToken ct)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return await command.ExecuteNonQueryAsync(ct);
    }

    public ValueTask<int> FlushAsync(CancellationToken ct) => ValueTask.FromResult(0);

    public ValueTask DisposeAsync() => command.DisposeAsync();
}

/// <summary>
/// PostgreSQL: the executions go to the server in batches of <see cref="BatchSize"/> statements, one round trip each
/// (Npgsql's NpgsqlBatch, prepared once), instead of one round trip per row. The values are copied when queued.
/// </summary>
internal sealed class PostgreSqlBatchedCommand : IPreparedCommand
{
    public const int BatchSize = 500;
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;
    private readonly string sql;
    private readonly IReadOnlyList<PreparedParameter> parameters;
    private readonly NpgsqlBatch batch;
    private int queued;
    private bool prepared;

    public PostgreSqlBatchedCommand(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql,
        IReadOnlyList<PreparedParameter> parameters)
    {
        (this.connection, this.transaction, this.sql, this.parameters) = (connection, transaction, sql, parameters);
        batch = NewBatch(BatchSize);
    }

    private NpgsqlBatch NewBatch(int size)
    {
        var b = new NpgsqlBatch(connection, transaction);
        for (var i = 0; i < size; i++)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var (name, type) in parameters) command.Parameters.Add(new NpgsqlParameter("@" + name, type));
            b.BatchCommands.Add(command);
        }
        return b;
    }

    public async ValueTask<int> ExecuteAsync(object?[] values, CancellationToken ct)
    {
        Fill(batch.BatchCommands[queued], values);
        if (++queued < BatchSize) return 0;
        if (!prepared)
        {
            await batch.PrepareAsync(ct);
            prepared = true;
        }
        queued = 0;
        return await batch.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask<int> FlushAsync(CancellationToken ct)
    {
        if (queued == 0) return 0;
        await using var rest = NewBatch(queued);
        for (var i = 0; i < queued; i++)
            for (var j = 0; j < parameters.Count; j++)
                rest.BatchCommands[i].Parameters[j].Value = batch.BatchCommands[i].Parameters[j].Value;
        queued = 0;
        return await rest.ExecuteNonQueryAsync(ct);
    }

    private static void Fill(NpgsqlBatchCommand command, object?[] values)
    {
        for (var j = 0; j < values.Length; j++) command.Parameters[j].Value = values[j] ?? DBNull.Value;
    }

    public ValueTask DisposeAsync() => batch.DisposeAsync();
}

/// <summary>
/// A statement prepared on the SQLite engine itself (SQLitePCLRaw, the library under Microsoft.Data.Sqlite), bound by
/// position: Microsoft.Data.Sqlite resolves every parameter by name on every execution, which costs more than a row
/// insert. Values are stored in the text forms of every other path (<see cref="SqliteText"/>), so rows written here read
/// back like any other: a Guid as lower-case text, a DateTimeOffset as UTC <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>. A value equal to the one of
/// the previous execution keeps its binding (SQLite keeps bindings across resets), so columns that repeat from row to
/// row (indicator, space, status, source) cost nothing. Runs on the connection's open transaction, like every command on it.
/// </summary>
internal sealed class SqlitePreparedCommand : IPreparedCommand
{
    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;
    private readonly int[] positions;
    private readonly object?[] bound;
    private readonly bool[] isBound;
    private byte[] buffer = new byte[256];

    private SqlitePreparedCommand(sqlite3 db, sqlite3_stmt statement, int[] positions)
    {
        this.db = db;
        this.statement = statement;
        this.positions = positions;
        bound = new object?[positions.Length];
        isBound = new bool[positions.Length];
    }

    public static SqlitePreparedCommand Prepare(SqliteConnection connection, string sql, IReadOnlyList<PreparedParameter> parameters)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        SqliteCalls.Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        var positions = new int[parameters.Count];
        for (var i = 0; i < parameters.Count; i++)
        {
            positions[i] = raw.sqlite3_bind_parameter_index(statement, "@" + parameters[i].Name);
            if (positions[i] == 0)
            {
                statement.Dispose();
                throw new ArgumentException($"The statement has no parameter @{parameters[i].Name}.", nameof(parameters));
            }
        }
        return new SqlitePreparedCommand(db, statement, positions);
    }

    public ValueTask<int> ExecuteAsync(object?[] values, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (values.Length != positions.Length) throw new ArgumentException($"Expected {positions.Length} values, got {values.Length}.",
            nameof(values));
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i] is DBNull ? null : values[i];
            if (isBound[i] && Equals(value, bound[i])) continue;
            isBound[i] = false;
            SqliteCalls.Check(db, SqliteCalls.Bind(statement, positions[i], value, ref buffer));
            (bound[i], isBound[i]) = (value, true);
        }
        var rc = raw.sqlite3_step(statement);
        var error = rc is raw.SQLITE_DONE or raw.SQLITE_ROW ? null : SqliteCalls.Error(db, rc);
        raw.sqlite3_reset(statement);
        if (error is not null) throw error;
        // rows this INSERT, UPDATE or DELETE changed (0 when an upsert found its row equal)
        return ValueTask.FromResult(raw.sqlite3_changes(db));
    }

    public ValueTask<int> FlushAsync(CancellationToken ct) => ValueTask.FromResult(0);

    public ValueTask DisposeAsync()
    {
        statement.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// The calls straight into SQLite (SQLitePCLRaw) that the prepared writes and the forward reader make: binding values and
/// checking result codes.
/// </summary>
internal static class SqliteCalls
{
    /// <summary>Throws <see cref="Error"/> unless <paramref name="rc"/> says the call went well.</summary>
    public static void Check(sqlite3 db, int rc)
    {
        if (rc is raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW) return;
        throw Error(db, rc);
    }

    /// <summary>The error as Microsoft.Data.Sqlite reports it, so the dialect and the retry policy classify it the same way.</summary>
    public static SqliteException Error(sqlite3 db, int rc) =>
        new(raw.sqlite3_errmsg(db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(db));

    /// <summary>Whether <see cref="Bind"/> takes this value (other types stay with Microsoft.Data.Sqlite's parameters).</summary>
    public static bool Binds(object? value) =>
        value is null or DBNull or string or Guid or DateTimeOffset or double or float or int or long or bool;

    /// <summary>
    /// Binds one value as the connection's parameters store it (<see cref="SqliteText"/>: ids and instants as their text),
    /// text encoded into <paramref name="buffer"/>, which grows when needed and is kept by the caller for the next value.
    /// </summary>
    public static int Bind(sqlite3_stmt statement, int position, object? value, ref byte[] buffer)
    {
        switch (value)
        {
            case null or DBNull: return raw.sqlite3_bind_null(statement, position);
            case string s: return BindText(statement, position, s, ref buffer);
            case Guid g:
                Span<byte> id = stackalloc byte[36];
                g.TryFormat(id, out _, "D"); // lower-case, as SqliteText.Id
                return raw.sqlite3_bind_text(statement, position, id);
            case DateTimeOffset t: return BindText(statement, position, SqliteText.Instant(t), ref buffer);
            case double d: return raw.sqlite3_bind_double(statement, position, d);
            case float f: return raw.sqlite3_bind_double(statement, position, f);
            case int n: return raw.sqlite3_bind_int64(statement, position, n);
            case long n: return raw.sqlite3_bind_int64(statement, position, n);
            case bool b: return raw.sqlite3_bind_int64(statement, position, b ? 1 : 0);
            default: throw new NotSupportedException($"SQLite does not bind {value.GetType().Name} values directly here.");
        }
    }

    private static int BindText(sqlite3_stmt statement, int position, string s, ref byte[] buffer)
    {
        var max = Encoding.UTF8.GetMaxByteCount(s.Length);
        if (buffer.Length < max) buffer = new byte[Math.Max(max, buffer.Length * 2)];
        var n = Encoding.UTF8.GetBytes(s, buffer);
        return raw.sqlite3_bind_text(statement, position, buffer.AsSpan(0, n)); // copied by SQLite (SQLITE_TRANSIENT)
    }
}
