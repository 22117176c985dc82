using Raumnetz.Infrastructure.Security;

namespace Raumnetz.Api.Security;

/// <summary>
/// Before and after a request that may change data on this instance (any method but GET, HEAD and OPTIONS), authentication
/// here reads the database's auth revision again (<see cref="AuthCache"/>): such a request never acts on a revoked session or
/// key, and a session ended, a key revoked, a user deactivated or a role changed through this instance holds at the very next
/// request, without the up to one second (<see cref="AuthRevision.RecheckEvery"/>) the other instances take for reads.
/// Marked when the response starts (the command has committed, the client has not seen the answer yet) and again when the
/// request is done (for a response started early).
/// </summary>
public sealed class OwnChangesMiddleware(RequestDelegate next, AuthCache cache)
{
    public Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        return HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
            ? next(context)
            : ChangingAsync(context);
    }

    private async Task ChangingAsync(HttpContext context)
    {
        // Before authentication too: a request that may write is authenticated against the revision as it is now, so a
        // revoked session or key cannot change anything on any instance, not even within the second the others take
        // to see the revocation for reads. The revision's read (retried, clearing a dead pool) also comes before the
        // command's first statement, which is never retried.
        cache.Changed();
        context.Response.OnStarting(static state =>
        {
            ((AuthCache)state).Changed();
            return Task.CompletedTask;
        }, cache);
        try
        {
            await next(context);
        }
        finally
        {
            cache.Changed();
        }
    }
}
