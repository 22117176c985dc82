using Microsoft.Data.Sqlite;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace Raumnetz.IntegrationTests.Infrastructure;

/// <summary>
/// A throwaway database for one test class. SQLite always; PostgreSQL when RAUMNETZ_TEST_POSTGRES holds a
/// connection string to a server (build/test starts one); SQL Server when RAUMNETZ_TEST_SQLSERVER does, or else on
/// the container that <see cref="SqlServerContainer"/> starts for a run with RAUMNETZ_TEST_PROVIDER=SqlServer.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly Action? drop;

    private TestDatabase(string provider, string connectionString, Action? drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.drop = drop;
    }

    public string Provider { get; }
    public string ConnectionString { get; }

    /// <summary>The provider this run of the suite targets; build/test runs the suite once per configured provider.</summary>
    public static string CurrentProvider => Environment.GetEnvironmentVariable("RAUMNETZ_TEST_PROVIDER") is { Length: > 0 } p ? p : "Sqlite";

    public static string? PostgresServer => Environment.GetEnvironmentVariable("RAUMNETZ_TEST_POSTGRES") is { Length: > 0 } s ? s : null;
    public static string? SqlServerFromEnvironment => Environment.GetEnvironmentVariable("RAUMNETZ_TEST_SQLSERVER") is { Length: > 0 } s ? s : null;
    /// <summary>The SQL Server to create test databases on: RAUMNETZ_TEST_SQLSERVER, else the run's container.</summary>
    public static string? SqlServerServer => SqlServerFromEnvironment ?? SqlServerContainer.ConnectionString;

    public static TestDatabase Sqlite()
    {
        var dir = Path.Combine(Path.GetTempPath(), "raumnetz-tests");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, $"{Guid.NewGuid():N}.db");
        return new TestDatabase("Sqlite", $"Data Source={file}", () =>
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        });
    }

    public static TestDatabase Postgres()
    {
        var server = PostgresServer ?? throw new InvalidOperationException("RAUMNETZ_TEST_POSTGRES is not set.");
        var name = $"rn_{Guid.NewGuid():N}";
        using (var c = new NpgsqlConnection(server))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE {name}";
            cmd.ExecuteNonQuery();
        }
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        return new TestDatabase("PostgreSql", cs, () =>
        {
            NpgsqlConnection.ClearAllPools();
            using var c = new NpgsqlConnection(server);
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS {name} WITH (FORCE)";
            cmd.ExecuteNonQuery();
        });
    }

    public static TestDatabase SqlServer()
    {
        var server = SqlServerServer ?? throw new InvalidOperationException(
            "No SQL Server: set RAUMNETZ_TEST_SQLSERVER, or RAUMNETZ_TEST_PROVIDER=SqlServer where a Docker engine answers.");
        var name = $"rn_{Guid.NewGuid():N}";
        Execute(server, $"CREATE DATABASE [{name}]");
        var cs = new SqlConnectionStringBuilder(server) { InitialCatalog = name }.ToString();
        return new TestDatabase("SqlServer", cs, () =>
        {
            SqlConnection.ClearAllPools();
            Execute(server, $"ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]");
        });

        static void Execute(string cs, string sql)
        {
            using var c = new SqlConnection(cs);
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }
    }

    public static TestDatabase Create(string provider) => provider switch
    {
        "Sqlite" => Sqlite(),
        "PostgreSql" => Postgres(),
        "SqlServer" => SqlServer(),
        _ => throw new NotSupportedException(provider),
    };

    /// <summary>The same database for a second factory (a second API instance): disposing it drops nothing.</summary>
    public TestDatabase Shared() => new(Provider, ConnectionString, null);

    public void Dispose() => drop?.Invoke();
}
