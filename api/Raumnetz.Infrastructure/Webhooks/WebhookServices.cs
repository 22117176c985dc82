using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Raumnetz.Application.Webhooks;

namespace Raumnetz.Infrastructure.Webhooks;

public static class WebhookServices
{
    /// <summary>
    /// Webhooks: options from Raumnetz:Webhooks (http targets allowed by default only in Development), the target check,
    /// the sender, the secret protection and the dispatcher (run by the API's hosted service).
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IConfiguration>().GetSection("Raumnetz:Webhooks").Get<WebhookOptions>()
                ?? new WebhookOptions();
            options.AllowHttp ??= sp.GetService<IHostEnvironment>()?.IsDevelopment() ?? false;
            return options;
        });
        services.AddSingleton<IWebhookTargets, WebhookTargets>();
        services.AddSingleton<IWebhookSender, WebhookSender>();
        services.AddSingleton<IWebhookSecrets, WebhookSecrets>();
        services.AddSingleton<WebhookDispatcher>();
        return services;
    }
}
