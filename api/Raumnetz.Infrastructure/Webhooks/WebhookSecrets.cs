using Microsoft.AspNetCore.DataProtection;
using Raumnetz.Application.Webhooks;

namespace Raumnetz.Infrastructure.Webhooks;

/// <summary>Webhook signing secrets at rest: protected with ASP.NET Data Protection (its keys live in the database).</summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider) : IWebhookSecrets
{
    private readonly IDataProtector protector = provider.CreateProtector("Raumnetz.Webhooks.Secret.v1");

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string stored) => protector.Unprotect(stored);
}
