using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace Raumnetz.Api.Security;

/// <summary>
/// The session cookie's format, remembering what it has read. The cookie carries only the protected name of a server-side
/// session (<see cref="DatabaseTicketStore"/>); unprotecting it (AES and HMAC of data protection) each request cost more CPU
/// than the rest of authentication together, and its crypto objects were left to the finalizer (build/bench, pipeline). A
/// cookie is unprotected once and the result kept for a minute under the exact cookie text: the same text always unprotects
/// to the same ticket, so this decides nothing the inner format would not. Whether the session is still open is decided by
/// the session store on every request as before. Failures are not kept; protecting (sign-in) goes to the inner format.
/// </summary>
public sealed class CachedTicketFormat(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>, IDisposable
{
    private static readonly TimeSpan Kept = TimeSpan.FromMinutes(1);
    private readonly MemoryCache read = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText) || protectedText.Length > 4096) return inner.Unprotect(protectedText, purpose);
        var key = purpose is null ? protectedText : purpose + "\n" + protectedText;
        if (read.TryGetValue(key, out AuthenticationTicket? ticket)) return ticket;
        ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is not null) read.Set(key, ticket, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Kept, Size = 1 });
        return ticket;
    }

    public void Dispose() => read.Dispose();
}
