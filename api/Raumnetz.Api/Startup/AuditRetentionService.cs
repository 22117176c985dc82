using Raumnetz.Application.Audit;
using Raumnetz.Application.Common;

namespace Raumnetz.Api.Startup;

/// <summary>
/// Deletes audit entries older than Raumnetz__Audit__RetentionDays, once an hour (and shortly after start). Does nothing
/// when no retention is set: entries are then kept forever.
/// </summary>
public sealed partial class AuditRetentionService(IServiceProvider services, AuditOptions options, TimeProvider clock,
    ILogger<AuditRetentionService> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Retention is not { } retention) return;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(30), clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var db = services.GetRequiredService<IDbConnectionFactory>();
                    var deleted = await AuditRetention.PurgeAsync(db, clock.GetUtcNow() - retention, stoppingToken);
                    if (deleted > 0) Purged(logger, deleted, retention.TotalDays);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Failed(logger, e.GetType().Name);
                }
                await Task.Delay(Every, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} audit entries older than {Days} days")]
    private static partial void Purged(ILogger logger, int count, double days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit retention cleanup failed: {Error}; trying again later")]
    private static partial void Failed(ILogger logger, string error);
}
