using Raumnetz.Domain.Common;
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
            .AddPolicyScheme(AuthSchemes.Smart, "Session cookie, API key or the identity provider's bearer token", o =>
                o.ForwardDefaultSelector = ctx => ctx.Request.Headers.ContainsKey(AuthSchemes.ApiKeyHeader) ? AuthSchemes.ApiKey
                    : OidcSignIn.HasBearer(ctx) ? OidcSignIn.BearerScheme
                    // Sign-in does not authenticate by the cookie: it always starts a new session (DatabaseTicketStore).
                    : ctx.Request.Path.StartsWithSegments(AuthSchemes.LoginPath) ? AuthSchemes.ApiKey
                    : AuthSchemes.Cookie)
            .AddCookie(AuthSchemes.Cookie, o =>
            {
                o.Cookie.Name = AuthSchemes.SessionCookie;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // The cookie names a server-side session (DatabaseTicketStore); the session's idle and absolute
                // lifetimes are checked against its row, so the cookie itself neither slides nor outlives the session.
                o.SlidingExpiration = false;
                o.Events.OnRedirectToLogin = ctx => { ctx.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                o.Events.OnRedirectToAccessDenied = ctx => { ctx.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, null);
        services.AddOptions<CookieAuthenticationOptions>(AuthSchemes.Cookie).Configure<SessionStore, SessionLifetimes>((o, sessions, lifetimes) =>
        {
            o.SessionStore = new DatabaseTicketStore(sessions);
            o.ExpireTimeSpan = lifetimes.Absolute;
        });
        // After the cookie handler's own post-configuration, which creates the data-protected format this wraps.
        services.PostConfigure<CookieAuthenticationOptions>(AuthSchemes.Cookie, o => o.TicketDataFormat = new CachedTicketFormat(o.TicketDataFormat));

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Read, p => p.RequireAuthenticatedUser().RequireRole(Enum.GetNames<Role>()))
            // A global writer, or an account holding scoped grants: which writes those reach is decided per command by
            // Application/Authorization (WriteAuthorizationBehaviour), which every command passes.
            .AddPolicy(Policies.Write, p => p.RequireAuthenticatedUser().RequireAssertion(ctx =>
                ctx.User.IsInRole(nameof(Role.Editor)) || ctx.User.IsInRole(nameof(Role.Coordinator)) || ctx.User.IsInRole(nameof(Role.Admin))
                || ctx.User.HasClaim(c => c.Type == AuthSchemes.GrantsClaim)))
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
                await Results.Problem(statusCode: 429, title: Messages.Title_TooManyRequests,
                    detail: Messages.Detail_LoginRateLimited).ExecuteAsync(ctx.HttpContext);
            };
        });
        return services;
    }

    /// <summary>The principal of a signed-in user; <paramref name="sessionId"/> names the session the request came with.</summary>
    public static ClaimsPrincipal Principal(CurrentUserDto user, Guid? sessionId = null, bool hasGrants = false)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.Email),
            new(ClaimTypes.Role, user.Role.ToString()),
            new(AuthSchemes.AuthMethodClaim, AuthSchemes.Cookie),
        };
        if (sessionId is { } sid) claims.Add(new Claim(AuthSchemes.SessionClaim, sid.ToString()));
        if (hasGrants) claims.Add(new Claim(AuthSchemes.GrantsClaim, "true"));
        if (user.MustChangePassword) claims.Add(new Claim(AuthSchemes.PasswordChangeClaim, "true"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthSchemes.Cookie));
    }

    /// <summary>The session of the request (null for an API key).</summary>
    public static Guid? SessionId(ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(AuthSchemes.SessionClaim), out var id) ? id : null;
}
