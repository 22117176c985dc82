using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging;
using Raumnetz.Application.Common;

namespace Raumnetz.Infrastructure.Data;

/// <summary>
/// Applies the embedded SQL files of Migrations/&lt;Provider&gt;/ in name order, each in its own transaction,
/// and records them in the journal table <c>schema_migrations</c>. On the server providers a database lock keeps
/// several instances from migrating at the same time.
/// </summary>
public sealed partial class MigrationRunner(IDbConnectionFactory factory, ILogger<MigrationRunner> logger)
{
    public sealed record Migration(string Id, string Sql);

    public static IReadOnlyList<Migration> Load(DatabaseProvider provider)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = $"{assembly.GetName().Name}.Data.Migrations.{provider}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new Migration(n[prefix.Length..^4], Read(assembly, n)))
            .ToList();
    }

    /// <summary>Applies what is missing; returns the ids applied now.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await EnsureJournalAsync(connection);
        await LockAsync(connection);
        try
        {
            var applied = (await connection.QueryAsync<string>("SELECT id FROM schema_migrations")).ToHashSet();
            var done = new List<string>();
            foreach (var migration in Load(factory.Provider).Where(m => !applied.Contains(m.Id)))
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                foreach (var batch in Batches(migration.Sql))
                    await connection.ExecuteAsync(
                        new CommandDefinition(batch, transaction: tx, cancellationToken: ct, commandTimeout: 300));
                await connection.ExecuteAsync("INSERT INTO schema_migrations (id, applied_at) VALUES (@id, @at)",
                    new { id = migration.Id, at = DateTimeOffset.UtcNow }, tx);
                await tx.CommitAsync(ct);
                logger.LogInformation("Applied migration {Migration} ({Provider})", migration.Id, factory.Provider);
                done.Add(migration.Id);
            }
            return done;
        }
        finally
        {
            await UnlockAsync(connection);
        }
    }

    /// <summary>Ids of the migrations not yet applied (for readiness and the --migrate command).</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await EnsureJournalAsync(connection);
        var applied = (await connection.QueryAsync<string>("SELECT id FROM schema_migrations")).ToHashSet();
        return Load(factory.Provider).Where(m => !applied.Contains(m.Id)).Select(m => m.Id).ToList();
    }

    private async Task EnsureJournalAsync(DbConnection connection)
    {
        var sql = factory.Provider switch
        {
            DatabaseProvider.SqlServer => """
                IF OBJECT_ID('schema_migrations') IS NULL
                CREATE TABLE schema_migrations (id NVARCHAR(200) NOT NULL PRIMARY KEY, applied_at DATETIMEOFFSET NOT NULL)
                """,
            DatabaseProvider.PostgreSql
                => "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)",
            _ => "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)",
        };
        try
        {
            await connection.ExecuteAsync(sql);
        }
        catch (Exception e) when (factory.Dialect.IsUniqueViolation(e)
            || e.Message.Contains("already exists", StringComparison.OrdinalIgnoreCase))
        {
            // another instance created it at the same moment
        }
    }

    private Task LockAsync(DbConnection connection) => factory.Provider switch
    {
        DatabaseProvider.PostgreSql => connection.ExecuteAsync("SELECT pg_advisory_lock(72617566)"),
        DatabaseProvider.SqlServer
            => connection.ExecuteAsync(
            "EXEC sp_getapplock @Resource = 'raumnetz_migrations', @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = 120000"),
        _ => Task.CompletedTask,
    };

    private Task UnlockAsync(DbConnection connection) => factory.Provider switch
    {
        DatabaseProvider.PostgreSql => connection.ExecuteAsync("SELECT pg_advisory_unlock(72617566)"),
        DatabaseProvider.SqlServer
            => connection.ExecuteAsync("EXEC sp_releaseapplock @Resource = 'raumnetz_migrations', @LockOwner = 'Session'"),
        _ => Task.CompletedTask,
    };

    /// <summary>SQL Server scripts may separate batches with a line holding only GO.</summary>
    private IEnumerable<string> Batches(string sql) => factory.Provider == DatabaseProvider.SqlServer
        ? GoSeparator().Split(sql).Where(b => !string.IsNullOrWhiteSpace(b))
        : [sql];

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoSeparator();

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
