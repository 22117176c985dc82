using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Raumnetz.Infrastructure.Security;

namespace Raumnetz.Api.Security;

/// <summary>
/// The cookie scheme's session store: the cookie carries only a random session token (protected by data protection),
/// and every request looks the session up in the database through <see cref="SessionStore"/>. The ticket is rebuilt
/// from the session and the current user row each time, so nothing of the account is trusted from the cookie: a
/// revoked or expired session, or a deactivated user, gets 401 at the next request on any instance.
/// </summary>
public sealed class DatabaseTicketStore(SessionStore sessions) : ITicketStore
{
    /// <summary>Set in <see cref="HttpContext.Items"/> by the sign-in endpoint before it calls SignInAsync.</summary>
    public static readonly object SigningIn = new();

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null!, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreAsync(ticket, null!, cancellationToken);

    public Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)!);
        return sessions.CreateAsync(userId, httpContext?.Request.Headers.UserAgent.ToString(),
            httpContext?.Connection.RemoteIpAddress?.ToString(), cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null!, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveAsync(key, null!, cancellationToken);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (httpContext?.Items.ContainsKey(SigningIn) == true)
        {
            // A sign-in always starts a new session and ends the one the browser came with: were it found here, the
            // cookie handler would keep its key (RenewAsync) for the new user instead of storing a new session.
            await sessions.RevokeAsync(key, cancellationToken);
            return null;
        }
        var session = await sessions.FindAsync(key, cancellationToken);
        return session is null ? null : Tickets.GetValue(session, static s => Ticket(s));
    }

    /// <summary>
    /// The ticket of each session as <see cref="SessionStore.FindAsync"/> answers it: the same answer while its row is cached
    /// (a revoked or changed session is a new answer, or none), so the principal is built once per cached row, not per
    /// request (build/bench, pipeline). The cookie handler does not change the ticket (no sliding expiration, no refresh),
    /// nor does anything else change a principal once authenticated; an entry lives only as long as its answer.
    /// </summary>
    private static readonly ConditionalWeakTable<ActiveSession, AuthenticationTicket> Tickets = [];

    private static AuthenticationTicket Ticket(ActiveSession session) => new(
        SecurityServices.Principal(session.User, session.Id, session.HasGrants),
        new AuthenticationProperties { IssuedUtc = session.CreatedAt, ExpiresUtc = session.ExpiresAt, AllowRefresh = false },
        AuthSchemes.Cookie);

    /// <summary>Nothing to write: the session's state is its row, kept by <see cref="SessionStore"/>.</summary>
    public Task RenewAsync(string key, AuthenticationTicket ticket) => Task.CompletedTask;

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RemoveAsync(string key) => RemoveAsync(key, null!, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, null!, cancellationToken);

    public Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) => sessions.RevokeAsync(key, cancellationToken);
}
