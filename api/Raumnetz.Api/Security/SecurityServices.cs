using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Raumnetz.Application.Auth;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Identity;
using Raumnetz.Infrastructure.Security;

namespace Raumnetz.Api.Security;

public static class Policies
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Admin = "admin";
    public const string Login = "login";
}

public static class SecurityServices
{
    public static IServiceCollection AddRaumnetzSecurity(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AuthSchemes.XsrfHeader;
            o.Cookie.Name = "raumnetz.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddAuthentication(AuthSchemes.Smart)
            .AddPolicyScheme(AuthSchemes.Smart, "Session cookie or API key", o =>
                o.ForwardDefaultSelector = ctx => ctx.Request.Headers.ContainsKey(AuthSchemes.ApiKeyHeader) ? AuthSchemes.ApiKey : AuthSchemes.Cookie)
            .AddCookie(AuthSchemes.Cookie, o =>
            {
                o.Cookie.Name = AuthSchemes.SessionCookie;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = ctx => { ctx.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                o.Events.OnRedirectToAccessDenied = ctx => { ctx.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
                o.Events.OnValidatePrincipal = ValidateSessionAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Read, p => p.RequireAuthenticatedUser().RequireRole(Enum.GetNames<Role>()))
            .AddPolicy(Policies.Write, p => p.RequireAuthenticatedUser().RequireRole(nameof(Role.Editor), nameof(Role.Coordinator), nameof(Role.Admin)))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(nameof(Role.Admin)));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policies.Login, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.Of(ctx),
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, ctx.RequestServices.GetRequiredService<Startup.RaumnetzOptions>().LoginAttemptsPerMinute),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                await Results.Problem(statusCode: 429, title: "Too many requests",
                    detail: "Too many sign-in attempts from this address. Wait a minute and try again.").ExecuteAsync(ctx.HttpContext);
            };
        });
        return services;
    }

    public static ClaimsPrincipal Principal(CurrentUserDto user) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
        new Claim(ClaimTypes.Name, user.Email),
        new Claim(ClaimTypes.Role, user.Role.ToString()),
        new Claim(AuthSchemes.AuthMethodClaim, AuthSchemes.Cookie),
    ], AuthSchemes.Cookie));

    /// <summary>
    /// Keeps a session in step with the account on every request: deactivated users are signed out, role changes apply
    /// at once. Authentication, not a use case: it reads through <see cref="AccountReader"/>, not MediatR.
    /// </summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext ctx)
    {
        if (!Guid.TryParse(ctx.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id)) { ctx.RejectPrincipal(); return; }
        var accounts = ctx.HttpContext.RequestServices.GetRequiredService<AccountReader>();
        var user = await accounts.ActiveUserAsync(id, ctx.HttpContext.RequestAborted);
        if (user is null) ctx.RejectPrincipal();
        else if (user.Role.ToString() != ctx.Principal!.FindFirstValue(ClaimTypes.Role)) ctx.ReplacePrincipal(Principal(user));
    }
}
