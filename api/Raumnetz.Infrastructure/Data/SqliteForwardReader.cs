using System.Collections;
using System.Data.Common;
using System.Runtime.InteropServices;
using Dapper;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Raumnetz.Infrastructure.Data;

/// <summary>
/// The rows of one long query read once, forward, by position, straight from the SQLite engine (SQLitePCLRaw, the library
/// under Microsoft.Data.Sqlite, as <see cref="SqlitePreparedCommand"/> writes): one call into the engine per column read,
/// where Microsoft.Data.Sqlite makes two or three (type checks before every getter), and no text allocated for the values
/// that repeat from row to row. An id is parsed from its stored text only when it differs from the one of the row before
/// (exports run in id order); a text cell is taken from a bounded table of the texts the column has had (periods,
/// statuses, sources). Values read as Microsoft.Data.Sqlite reads them: an id from its text (or 16-byte blob), numbers
/// by the engine's own conversion. Only the getters a forward reader by position needs; the others are not supported.
/// </summary>
internal sealed class SqliteForwardReader : DbDataReader
{
    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;
    private readonly int columns;
    private readonly byte[][] lastIdText;
    private readonly Guid[] lastId;
    private readonly ColumnTexts texts;
    private bool started;
    private bool done;
    private bool closed;

    private SqliteForwardReader(sqlite3 db, sqlite3_stmt statement)
    {
        this.db = db;
        this.statement = statement;
        columns = raw.sqlite3_column_count(statement);
        lastIdText = new byte[columns][];
        lastId = new Guid[columns];
        texts = new ColumnTexts(columns);
    }

    /// <summary>
    /// The reader of <paramref name="command"/>, or null when its parameters are not all single values (lists, which Dapper
    /// expands into the SQL, stay with Dapper's reader).
    /// </summary>
    public static SqliteForwardReader? TryOpen(SqliteConnection connection, CommandDefinition command)
    {
        var values = new List<(string Name, object? Value)>();
        if (command.Parameters is DynamicParameters parameters)
        {
            foreach (var name in parameters.ParameterNames)
            {
                var value = parameters.Get<object?>(name);
                if (!SqliteCalls.Binds(value)) return null;
                values.Add((name, value));
            }
        }
        else if (command.Parameters is not null) return null;
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        SqliteCalls.Check(db, raw.sqlite3_prepare_v2(db, command.CommandText, out var statement));
        try
        {
            var buffer = Array.Empty<byte>();
            foreach (var (name, value) in values)
            {
                var position = raw.sqlite3_bind_parameter_index(statement, "@" + name);
                if (position == 0) continue; // not used by the statement, as with Dapper
                SqliteCalls.Check(db, SqliteCalls.Bind(statement, position, value, ref buffer));
            }
            return new SqliteForwardReader(db, statement);
        }
        catch
        {
            statement.Dispose();
            throw;
        }
    }

    public override bool Read()
    {
        if (done || closed) return false;
        var rc = raw.sqlite3_step(statement);
        // before the first row another connection's checkpoint can hold the lock for a moment: wait as Microsoft.Data.Sqlite
        // does (a reset starts the query again, so only before any row was read)
        for (var waited = 0; !started && rc is raw.SQLITE_BUSY or raw.SQLITE_LOCKED && waited < 30_000; waited += 20)
        {
            Thread.Sleep(20);
            raw.sqlite3_reset(statement);
            rc = raw.sqlite3_step(statement);
        }
        started = true;
        if (rc == raw.SQLITE_ROW) return true;
        done = true;
        if (rc == raw.SQLITE_DONE) return false;
        throw SqliteCalls.Error(db, rc);
    }

    public override Task<bool> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Read() ? TrueTask : FalseTask;
    }

    private static readonly Task<bool> TrueTask = Task.FromResult(true);
    private static readonly Task<bool> FalseTask = Task.FromResult(false);

    public override bool IsDBNull(int ordinal) => raw.sqlite3_column_type(statement, ordinal) == raw.SQLITE_NULL;

    public override double GetDouble(int ordinal) => NotNull(ordinal, raw.sqlite3_column_double(statement, ordinal));

    public override long GetInt64(int ordinal) => NotNull(ordinal, raw.sqlite3_column_int64(statement, ordinal));

    public override int GetInt32(int ordinal) => checked((int)GetInt64(ordinal));

    public override Guid GetGuid(int ordinal)
    {
        var text = Utf8(ordinal);
        if (text.Length == 16 && raw.sqlite3_column_type(statement, ordinal) == raw.SQLITE_BLOB) return new Guid(text);
        var last = lastIdText[ordinal];
        if (last is not null && text.SequenceEqual(last)) return lastId[ordinal];
        var id = Guid.Parse(texts.Decode(text));
        lastIdText[ordinal] = text.ToArray();
        lastId[ordinal] = id;
        return id;
    }

    public override string GetString(int ordinal) => texts.Get(ordinal, Utf8(ordinal));

    /// <summary>A text value's UTF-8 bytes (sqlite3_column_blob gives a text's bytes without conversion).</summary>
    private ReadOnlySpan<byte> Utf8(int ordinal)
    {
        var text = raw.sqlite3_column_blob(statement, ordinal);
        return text.IsEmpty && IsDBNull(ordinal) ? throw new InvalidCastException($"Column {ordinal} is NULL.") : text;
    }

    private T NotNull<T>(int ordinal, T value) =>
        EqualityComparer<T>.Default.Equals(value, default) && IsDBNull(ordinal)
            ? throw new InvalidCastException($"Column {ordinal} is NULL.") : value;

    /// <summary>The type of the column's value in this row, as Microsoft.Data.Sqlite reports it (NULL: by the declared type).</summary>
    public override Type GetFieldType(int ordinal) => raw.sqlite3_column_type(statement, ordinal) switch
    {
        raw.SQLITE_INTEGER => typeof(long),
        raw.SQLITE_FLOAT => typeof(double),
        raw.SQLITE_TEXT => typeof(string),
        raw.SQLITE_BLOB => typeof(byte[]),
        _ => raw.sqlite3_column_decltype(statement, ordinal).utf8_to_string()?.ToUpperInvariant() switch
        {
            { } t when t.Contains("INT", StringComparison.Ordinal) => typeof(long),
            { } t when t.Contains("REAL", StringComparison.Ordinal) || t.Contains("FLOA", StringComparison.Ordinal)
                || t.Contains("DOUB", StringComparison.Ordinal) => typeof(double),
            { } t when t.Contains("BLOB", StringComparison.Ordinal) => typeof(byte[]),
            _ => typeof(string),
        },
    };

    public override object GetValue(int ordinal) => raw.sqlite3_column_type(statement, ordinal) switch
    {
        raw.SQLITE_INTEGER => raw.sqlite3_column_int64(statement, ordinal),
        raw.SQLITE_FLOAT => raw.sqlite3_column_double(statement, ordinal),
        raw.SQLITE_TEXT => GetString(ordinal),
        raw.SQLITE_BLOB => raw.sqlite3_column_blob(statement, ordinal).ToArray(),
        _ => DBNull.Value,
    };

    public override int FieldCount => columns;
    public override bool HasRows => throw new NotSupportedException();
    public override bool IsClosed => closed;
    public override int RecordsAffected => -1;
    public override int Depth => 0;
    public override object this[int ordinal] => GetValue(ordinal);
    public override object this[string name] => GetValue(GetOrdinal(name));
    public override string GetName(int ordinal) => raw.sqlite3_column_name(statement, ordinal).utf8_to_string();

    public override int GetOrdinal(string name)
    {
        for (var i = 0; i < columns; i++)
            if (string.Equals(GetName(i), name, StringComparison.OrdinalIgnoreCase)) return i;
        throw new ArgumentOutOfRangeException(nameof(name), name, "No such column.");
    }

    public override string GetDataTypeName(int ordinal) => raw.sqlite3_column_decltype(statement, ordinal).utf8_to_string() ?? "";
    public override bool NextResult() => false;

    public override int GetValues(object[] values)
    {
        var n = Math.Min(values.Length, columns);
        for (var i = 0; i < n; i++) values[i] = GetValue(i);
        return n;
    }

    public override IEnumerator GetEnumerator() => throw new NotSupportedException();
    public override bool GetBoolean(int ordinal) => GetInt64(ordinal) != 0;
    public override byte GetByte(int ordinal) => checked((byte)GetInt64(ordinal));
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) =>
        throw new NotSupportedException();
    public override char GetChar(int ordinal) => throw new NotSupportedException();
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) =>
        throw new NotSupportedException();
    public override DateTime GetDateTime(int ordinal) => throw new NotSupportedException();
    public override decimal GetDecimal(int ordinal) => (decimal)GetDouble(ordinal);
    public override float GetFloat(int ordinal) => (float)GetDouble(ordinal);
    public override short GetInt16(int ordinal) => checked((short)GetInt64(ordinal));

    public override void Close()
    {
        if (closed) return;
        closed = true;
        statement.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Close();
        base.Dispose(disposing);
    }
}
