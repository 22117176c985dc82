using Raumnetz.Domain.Common;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Metadata;

namespace Raumnetz.Api.Security;

/// <summary>
/// Double-submit protection for the SPA: unsafe requests that authenticate with the session cookie must echo the
/// XSRF-TOKEN cookie in the X-XSRF-TOKEN header (validated by ASP.NET Core's antiforgery, bound to the user).
/// API-key requests carry no ambient credentials and are exempt; so are endpoints marked with
/// <c>DisableAntiforgery()</c> (sign-in, which authenticates by its body, even when a stale session cookie comes along).
/// </summary>
public sealed class AntiforgeryMiddleware(RequestDelegate next, IAntiforgery antiforgery)
{
    public Task InvokeAsync(HttpContext context) =>
        !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
            && context.User.Identity?.AuthenticationType == AuthSchemes.Cookie
            && !context.Request.Headers.ContainsKey(AuthSchemes.ApiKeyHeader)
            && context.Request.Path.StartsWithSegments("/api")
            && context.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>() is not { RequiresValidation: false }
            ? ValidatedAsync(context)
            : next(context); // reads pass straight on, without a state machine of their own

    private async Task ValidatedAsync(HttpContext context)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            throw new Domain.Common.ForbiddenException(
                Text.Format(Messages.Detail_XsrfMissing, AuthSchemes.XsrfHeader, AuthSchemes.XsrfCookie));
        }
        await next(context);
    }

    /// <summary>Issues a fresh request token in the readable XSRF-TOKEN cookie (after login and on /auth/me).</summary>
    public static void IssueToken(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        context.Response.Cookies.Append(AuthSchemes.XsrfCookie, tokens.RequestToken!, new CookieOptions
        {
            HttpOnly = false,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
        });
    }
}
