using System.Net;
using System.Net.Sockets;

namespace Raumnetz.Api.Security;

/// <summary>
/// The client a request comes from, as limits and the sign-in throttle count it: the connection's address after the
/// forwarded headers of trusted proxies (Http/Edge.cs). An IPv4 address counts by itself; an IPv6 address by its /64
/// network, since one subscriber usually holds a whole /64 and could otherwise rotate addresses to escape the limits.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context) => Key(context.Connection.RemoteIpAddress);

    internal static string Key(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
