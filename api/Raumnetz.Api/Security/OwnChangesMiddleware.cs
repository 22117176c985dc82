using Raumnetz.Infrastructure.Security;

namespace Raumnetz.Api.Security;

/// <summary>
/// After a request that may change data on this instance (any method but GET, HEAD and OPTIONS), the next authentication here
/// reads the database's auth revision again (<see cref="AuthCache"/>), so a session ended, a key revoked, a user deactivated or
/// a role changed through this instance holds at the very next request, without the up to one second
/// (<see cref="AuthRevision.RecheckEvery"/>) the other instances take. Marked when the response starts (the command has
/// committed, the client has not seen the answer yet) and again when the request is done (for a response started early).
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
