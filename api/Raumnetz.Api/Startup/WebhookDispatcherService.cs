using Raumnetz.Application.Webhooks;

namespace Raumnetz.Api.Startup;

/// <summary>
/// Runs the webhook dispatcher in this instance every Raumnetz__Webhooks__PollInterval (default 2 s), unless
/// Raumnetz__Webhooks__Dispatcher is false. Several instances on one server database may all run it: each subscription is
/// delivered by the instance holding its lease.
/// </summary>
public sealed partial class WebhookDispatcherService(WebhookDispatcher dispatcher, WebhookOptions options, TimeProvider clock,
    ILogger<WebhookDispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Dispatcher) return;
        try
        {
            await Task.Yield();
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await dispatcher.RunOnceAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Failed(logger, e.GetType().Name, e.Message);
                }
                await Task.Delay(options.PollInterval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook dispatcher round failed: {Error} {Detail}; trying again later")]
    private static partial void Failed(ILogger logger, string error, string detail);
}
