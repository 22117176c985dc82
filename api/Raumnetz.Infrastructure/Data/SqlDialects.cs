using System.Data.Common;
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
    // SQLITE_CONSTRAINT_UNIQUE = 2067, SQLITE_CONSTRAINT_PRIMARYKEY = 1555, SQLITE_CONSTRAINT_FOREIGNKEY = 787
    public bool IsUniqueViolation(Exception e) => e is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };
    public bool IsForeignKeyViolation(Exception e) => e is SqliteException { SqliteExtendedErrorCode: 787 };

    public Task<IPreparedCommand> PrepareAsync(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<PreparedParameter> parameters, CancellationToken ct) =>
        Task.FromResult<IPreparedCommand>(SqlitePreparedCommand.Prepare((SqliteConnection)connection, sql, parameters));

    // Every transaction here starts with BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default), which takes the database's
    // write lock at once: writers are serialised before any check runs, so reading the row is enough.
    public async Task<bool> LockForUpdateAsync(DbConnection connection, DbTransaction transaction, string table, Guid id, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM {table} WHERE id = @id", new { id }, transaction, cancellationToken: ct)) > 0;
}

/// <summary>PostgreSQL: LIMIT, constraint errors by SQLSTATE.</summary>
public sealed class PostgreSqlDialect : ISqlDialect
{
    public string Limit(string parameterName) => $"LIMIT {parameterName}";
    public string WithRecursive => "WITH RECURSIVE";
    public string In(string column, string listParameter) => $"{column} = ANY({listParameter})";
    public bool IsUniqueViolation(Exception e) => e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
    public bool IsForeignKeyViolation(Exception e) => e is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation };

    public Task<IPreparedCommand> PrepareAsync(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<PreparedParameter> parameters, CancellationToken ct) =>
        Task.FromResult<IPreparedCommand>(new PostgreSqlBatchedCommand((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, sql, parameters));

    public async Task<bool> LockForUpdateAsync(DbConnection connection, DbTransaction transaction, string table, Guid id, CancellationToken ct) =>
        (await connection.QueryAsync<Guid>(new CommandDefinition($"SELECT id FROM {table} WHERE id = @id FOR UPDATE", new { id }, transaction, cancellationToken: ct))).Any();
}

/// <summary>SQL Server: OFFSET/FETCH (needs ORDER BY, which every list has), constraint errors by number.</summary>
public sealed class SqlServerDialect : ISqlDialect
{
    public string Limit(string parameterName) => $"OFFSET 0 ROWS FETCH NEXT {parameterName} ROWS ONLY";
    public string WithRecursive => "WITH";
    public string In(string column, string listParameter) => $"{column} IN {listParameter}";
    public bool IsUniqueViolation(Exception e) => e is SqlException { Number: 2601 or 2627 };
    public bool IsForeignKeyViolation(Exception e) => e is SqlException { Number: 547 };

    public Task<IPreparedCommand> PrepareAsync(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<PreparedParameter> parameters, CancellationToken ct) =>
        Task.FromResult<IPreparedCommand>(new SqlServerPreparedCommand(connection, transaction, sql, parameters));

    public async Task<bool> LockForUpdateAsync(DbConnection connection, DbTransaction transaction, string table, Guid id, CancellationToken ct) =>
        (await connection.QueryAsync<Guid>(new CommandDefinition($"SELECT id FROM {table} WITH (UPDLOCK, HOLDLOCK, ROWLOCK) WHERE id = @id", new { id }, transaction, cancellationToken: ct))).Any();
}
