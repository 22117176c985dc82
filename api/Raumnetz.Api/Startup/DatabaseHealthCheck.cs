using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Raumnetz.Application.Common;

namespace Raumnetz.Api.Startup;

/// <summary>Ready when initialisation has finished and the database answers.</summary>
public sealed class DatabaseHealthCheck(IDbConnectionFactory db, DatabaseInitializer initializer) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!initializer.IsReady) return HealthCheckResult.Unhealthy("Database initialisation has not finished.");
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await using var connection = await db.OpenAsync(timeout.Token);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: timeout.Token));
            return HealthCheckResult.Healthy($"{db.Provider} answers.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"{db.Provider} does not answer: {e.GetType().Name}");
        }
    }
}
