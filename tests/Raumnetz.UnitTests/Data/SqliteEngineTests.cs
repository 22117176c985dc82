using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Raumnetz.Application.Common;
using Raumnetz.Infrastructure.Data;

namespace Raumnetz.UnitTests.Data;

/// <summary>The SQLite engine the product runs on, read through its own connection factory.</summary>
public sealed class SqliteEngineTests
{
    /// <summary>The oldest engine the product accepts: 3.46 (2024). 3.35.5 from 2021 shipped with the old pins.</summary>
    private static readonly Version Minimum = new(3, 46);

    [Fact]
    public async Task The_bundled_engine_is_3_46_or_newer()
    {
        var factory = new DbConnectionFactory(
            new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=:memory:" },
            NullLogger<DbConnectionFactory>.Instance);

        var text = await factory.ReadAsync((connection, ct) =>
            connection.ExecuteScalarAsync<string>(new CommandDefinition("SELECT sqlite_version()", cancellationToken: ct)),
                TestContext.Current.CancellationToken);

        Assert.NotNull(text);
        var version = Version.Parse(text);
        Assert.True(version >= Minimum, $"SQLite {version} is older than {Minimum}.");
    }
}
