using System.Net;
using System.Net.Sockets;
using Raumnetz.Application.Webhooks;
using Raumnetz.Domain.Common;

namespace Raumnetz.Infrastructure.Webhooks;

/// <summary>
/// The check of a target URL when a subscription is created or changed: https (http only where allowed), and every address
/// its host resolves to must be allowed (<see cref="WebhookAddresses"/>). The sender checks again at every connection,
/// against the address it actually connects to, so a name that later resolves elsewhere (DNS rebinding) gains nothing.
/// </summary>
public sealed class WebhookTargets(WebhookOptions options) : IWebhookTargets
{
    public async Task CheckAsync(string url, string field, CancellationToken ct)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new InvalidFieldException(field, Messages.Rule_Url);
        if (uri.Scheme == Uri.UriSchemeHttp && options.AllowHttp != true)
            throw new InvalidFieldException(field, Messages.Webhooks_HttpsRequired);
        if (!string.IsNullOrEmpty(uri.UserInfo)) throw new InvalidFieldException(field, Messages.Webhooks_NoCredentialsInUrl);
        IPAddress[] addresses;
        if (IPAddress.TryParse(uri.DnsSafeHost, out var literal)) addresses = [literal];
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(uri.DnsSafeHost, ct);
            }
            catch (SocketException)
            {
                throw new InvalidFieldException(field, Text.Format(Messages.Webhooks_HostUnknown, uri.Host));
            }
        }
        if (addresses.Length == 0) throw new InvalidFieldException(field, Text.Format(Messages.Webhooks_HostUnknown, uri.Host));
        if (addresses.FirstOrDefault(a => !WebhookAddresses.IsAllowed(a, options)) is { } refused)
            throw new InvalidFieldException(field, Text.Format(Messages.Webhooks_PrivateTarget, refused));
    }
}
