using System.Net;
using System.Net.Sockets;
using Raumnetz.Application.Webhooks;

namespace Raumnetz.Infrastructure.Webhooks;

/// <summary>
/// Which IP addresses a webhook may be delivered to: public ones only, unless configuration allows private ranges (or just
/// loopback). Refused: unspecified (0.0.0.0, ::), loopback, private (10/8, 172.16/12, 192.168/16), carrier-grade NAT
/// (100.64/10), link-local (169.254/16 with the cloud metadata address, fe80::/10), unique-local IPv6 (fc00::/7),
/// multicast and broadcast, the 0/8 "this network" block, benchmarking and documentation ranges. IPv4 mapped into IPv6
/// is judged as IPv4.
/// </summary>
public static class WebhookAddresses
{
    public static bool IsAllowed(IPAddress address, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(options);
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return options.AllowLoopbackTargets || options.AllowPrivateTargets;
        if (IsAlwaysRefused(address)) return false;
        return !IsPrivate(address) || options.AllowPrivateTargets;
    }

    /// <summary>Addresses no configuration opens: nobody can be reached there (unspecified, multicast, broadcast).</summary>
    private static bool IsAlwaysRefused(IPAddress address)
    {
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast)) return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6) return address.IsIPv6Multicast;
        var b = address.GetAddressBytes();
        return b[0] == 0 || b[0] >= 224;
    }

    private static bool IsPrivate(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 10
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
                || (b[0] == 198 && b[1] is 18 or 19)
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113);
        }
        var v6 = address.GetAddressBytes();
        return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal
            || (v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0d && v6[3] == 0xb8) // 2001:db8::/32 documentation
            || (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b) // 64:ff9b::/96 NAT64 can reach IPv4 private space
            || (v6[0] == 0x20 && v6[1] == 0x02); // 6to4 embeds an arbitrary IPv4 address
    }
}
