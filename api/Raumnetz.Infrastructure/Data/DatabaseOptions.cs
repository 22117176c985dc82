using Raumnetz.Application.Common;

namespace Raumnetz.Infrastructure.Data;

/// <summary>Configuration section "Database" plus the connection string "Raumnetz".</summary>
public sealed class DatabaseOptions
{
    public const string DefaultSqliteConnectionString = "Data Source=data/raumnetz.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = DefaultSqliteConnectionString;
    /// <summary>How often opening a connection is retried on a transient fault.</summary>
    public int MaxRetryAttempts { get; set; } = 3;
}
