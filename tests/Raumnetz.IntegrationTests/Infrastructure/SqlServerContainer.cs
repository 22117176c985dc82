using DotNet.Testcontainers.Builders;
using Raumnetz.IntegrationTests.Infrastructure;
using Testcontainers.MsSql;

[assembly: AssemblyFixture(typeof(SqlServerContainer))]

namespace Raumnetz.IntegrationTests.Infrastructure;

/// <summary>
/// SQL Server 2022 in a Docker container, started through Testcontainers once for the whole test run (an assembly
/// fixture, set up before the first test class and removed after the last), when the run targets SQL Server
/// (RAUMNETZ_TEST_PROVIDER=SqlServer) and RAUMNETZ_TEST_SQLSERVER names no server. Every test class then gets a
/// database of its own on it (<see cref="TestDatabase.SqlServer"/>). For every other run it does nothing.
/// build/test asks for this pass only when a Docker engine answers; without one it skips SQL Server and says why.
/// </summary>
public sealed class SqlServerContainer : IAsyncLifetime
{
    public const string Image = "mcr.microsoft.com/mssql/server:2022-latest";

    private MsSqlContainer? container;

    /// <summary>The server's connection string (database master) once the container runs; null otherwise.</summary>
    public static string? ConnectionString { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (TestDatabase.CurrentProvider != "SqlServer" || TestDatabase.SqlServerFromEnvironment is not null) return;
        try
        {
            container = new MsSqlBuilder(Image).Build();
            await container.StartAsync(TestContext.Current.CancellationToken);
        }
        catch (DockerUnavailableException e)
        {
            throw new InvalidOperationException(
                "RAUMNETZ_TEST_PROVIDER=SqlServer needs a SQL Server: set RAUMNETZ_TEST_SQLSERVER to a connection string, "
                + "or run where a Docker engine answers (Testcontainers starts " + Image + "). build/test skips the pass without either.",
                    e);
        }
        ConnectionString = container.GetConnectionString();
    }

    public async ValueTask DisposeAsync()
    {
        ConnectionString = null;
        if (container is not null) await container.DisposeAsync();
    }
}
