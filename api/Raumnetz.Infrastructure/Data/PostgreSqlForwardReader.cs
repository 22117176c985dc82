using System.Collections;
using System.Data.Common;
using Npgsql;

namespace Raumnetz.Infrastructure.Data;

/// <summary>
/// The rows of one long query read once, forward, by position (the streamed exports), as Npgsql reads them, except texts:
/// a text cell's UTF-8 bytes are copied into one buffer (<see cref="DbDataReader.GetBytes"/>, which Npgsql serves for any
/// column without allocating) and its string taken from <see cref="ColumnTexts"/>, as <see cref="SqliteForwardReader"/>
/// does on SQLite: no string per row for the texts that repeat (periods, statuses, sources).
/// Only for text columns (text, varchar) on a connection that speaks UTF-8 (Npgsql's default); any other column, and
/// everything else, is the inner reader's.
/// </summary>
internal sealed class PostgreSqlForwardReader(DbDataReader inner, bool utf8) : DbDataReader
{
    private readonly bool?[] isText = new bool?[inner.FieldCount];
    private readonly ColumnTexts texts = new(inner.FieldCount);
    private byte[] bytes = new byte[64];

    /// <summary>The reader over <paramref name="reader"/> (Dapper's, over Npgsql's) of a query on <paramref name="connection"/>.</summary>
    public static PostgreSqlForwardReader Over(DbDataReader reader, NpgsqlConnection connection) =>
        new(reader, new NpgsqlConnectionStringBuilder(connection.ConnectionString).Encoding
            is null or "UTF8" or "UTF-8" or "utf8" or "utf-8");

    public override string GetString(int ordinal)
    {
        if (!(isText[ordinal] ??= utf8 && IsText(inner.GetDataTypeName(ordinal)))) return inner.GetString(ordinal);
        var length = (int)inner.GetBytes(ordinal, 0, bytes, 0, bytes.Length);
        if (length == bytes.Length)
        {
            // perhaps longer than the buffer: its whole length, then all of it
            var whole = (int)inner.GetBytes(ordinal, 0, null, 0, 0);
            if (whole > bytes.Length)
            {
                bytes = new byte[Math.Max(whole, bytes.Length * 2)];
                length = (int)inner.GetBytes(ordinal, 0, bytes, 0, bytes.Length);
            }
        }
        return texts.Get(ordinal, bytes.AsSpan(0, length));
    }

    /// <summary>text, or varchar with or without its length (whose binary form is the text's bytes).</summary>
    private static bool IsText(string type) =>
        type == "text" || type == "character varying" || type.StartsWith("character varying(", StringComparison.Ordinal);

    public override bool Read() => inner.Read();
    public override Task<bool> ReadAsync(CancellationToken cancellationToken) => inner.ReadAsync(cancellationToken);
    public override bool NextResult() => inner.NextResult();
    public override Task<bool> NextResultAsync(CancellationToken cancellationToken) => inner.NextResultAsync(cancellationToken);
    public override bool IsDBNull(int ordinal) => inner.IsDBNull(ordinal);
    public override Task<bool> IsDBNullAsync(int ordinal, CancellationToken cancellationToken) =>
        inner.IsDBNullAsync(ordinal, cancellationToken);
    public override object this[int ordinal] => inner[ordinal];
    public override object this[string name] => inner[name];
    public override int Depth => inner.Depth;
    public override int FieldCount => inner.FieldCount;
    public override bool HasRows => inner.HasRows;
    public override bool IsClosed => inner.IsClosed;
    public override int RecordsAffected => inner.RecordsAffected;
    public override bool GetBoolean(int ordinal) => inner.GetBoolean(ordinal);
    public override byte GetByte(int ordinal) => inner.GetByte(ordinal);
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) =>
        inner.GetBytes(ordinal, dataOffset, buffer, bufferOffset, length);
    public override char GetChar(int ordinal) => inner.GetChar(ordinal);
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) =>
        inner.GetChars(ordinal, dataOffset, buffer, bufferOffset, length);
    public override string GetDataTypeName(int ordinal) => inner.GetDataTypeName(ordinal);
    public override DateTime GetDateTime(int ordinal) => inner.GetDateTime(ordinal);
    public override decimal GetDecimal(int ordinal) => inner.GetDecimal(ordinal);
    public override double GetDouble(int ordinal) => inner.GetDouble(ordinal);
    public override Type GetFieldType(int ordinal) => inner.GetFieldType(ordinal);
    public override float GetFloat(int ordinal) => inner.GetFloat(ordinal);
    public override Guid GetGuid(int ordinal) => inner.GetGuid(ordinal);
    public override short GetInt16(int ordinal) => inner.GetInt16(ordinal);
    public override int GetInt32(int ordinal) => inner.GetInt32(ordinal);
    public override long GetInt64(int ordinal) => inner.GetInt64(ordinal);
    public override string GetName(int ordinal) => inner.GetName(ordinal);
    public override int GetOrdinal(string name) => inner.GetOrdinal(name);
    public override object GetValue(int ordinal) => inner.GetValue(ordinal);
    public override int GetValues(object[] values) => inner.GetValues(values);
    public override IEnumerator GetEnumerator() => inner.GetEnumerator();
    public override void Close() => inner.Close();
    public override Task CloseAsync() => inner.CloseAsync();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
