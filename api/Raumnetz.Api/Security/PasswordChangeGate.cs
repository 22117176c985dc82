using Raumnetz.Domain.Common;

namespace Raumnetz.Api.Security;

/// <summary>
/// While an account signs in with a one-time password set by an administrator, its session may only change the
/// password, read the signed-in user and sign out; every other API request is refused with 403 problem+json
/// (code <c>passwordChangeRequired</c>), so the web app knows to show the change form.
/// </summary>
public sealed class PasswordChangeGate(RequestDelegate next)
{
    private static readonly string[] Allowed =
        ["/api/v1/auth/password", "/api/v1/auth/me", "/api/v1/auth/logout", "/api/v1/auth/logout-everywhere", AuthSchemes.LoginPath];

    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.HasClaim(c => c.Type == AuthSchemes.PasswordChangeClaim)
            && context.Request.Path.StartsWithSegments("/api")
            && !Allowed.Any(a => context.Request.Path.Equals(a, StringComparison.OrdinalIgnoreCase)))
            throw new PasswordChangeRequiredException();
        return next(context);
    }
}
