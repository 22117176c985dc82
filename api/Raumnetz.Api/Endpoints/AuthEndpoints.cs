using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.Auth;
using Raumnetz.Application.Preferences;
using Raumnetz.Domain.Common;
using Raumnetz.Infrastructure.Security;

namespace Raumnetz.Api.Endpoints;

public static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth");
        // No antiforgery check: it authenticates by the credentials in its body, not by a cookie, and takes only JSON,
        // which no cross-site form can send. A stale session cookie without its X-XSRF-TOKEN must not stop a new sign-in.
        group.MapPost("/login", Login).WithName(nameof(Login)).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(Policies.Login)
            .WithSummary("Sign in with e-mail and password; sets the session cookie and the XSRF-TOKEN cookie. Failed attempts are "
                + "throttled per e-mail address and client address (429 with Retry-After); unknown addresses are answered like wrong passwords.")
            .Errors(400, 401, 403, 429);
        group.MapGet("/sign-in-options", GetSignInOptions).WithName(nameof(GetSignInOptions)).AllowAnonymous()
            .WithSummary("How one signs in here: with e-mail address and password (unless switched off) and/or through the identity "
                + "provider (its name and the address that starts the sign-in, returning to returnUrl: a path of this app, else 400).")
            .Errors(400);
        group.MapGet("/oidc/login", StartOidcSignIn).WithName(nameof(StartOidcSignIn)).AllowAnonymous()
            .WithSummary("Start the sign-in through the identity provider (OpenID Connect, code flow with PKCE): redirects (302) to the "
                + "provider, which sends the browser back to /api/v1/auth/oidc/callback; that starts a session and redirects to returnUrl "
                + "(a path of this app, default /). 404 when no provider is configured.")
            .Produces(StatusCodes.Status302Found).Errors(404);
        group.MapPost("/logout", (Delegate)Logout).WithName(nameof(Logout)).RequireAuthorization(Policies.Read)
            .WithSummary("Sign out and end the session: its cookie is refused from now on, on every instance.");
        group.MapPost("/logout-everywhere", (Delegate)LogoutEverywhere).WithName(nameof(LogoutEverywhere)).RequireAuthorization(Policies.Read)
            .WithSummary("Sign out everywhere: end every session of the signed-in user, this one included.");
        group.MapPost("/password", ChangePassword).WithName(nameof(ChangePassword)).RequireAuthorization(Policies.Read)
            .WithSummary("Change the signed-in user's own password (the current one is required; at least 12 characters, not containing "
                + "the e-mail address's local part, not a common password). Every other session of the user ends; this one stays valid.")
            .Errors(400);
        group.MapGet("/sessions", ListSessions).WithName(nameof(ListSessions)).RequireAuthorization(Policies.Read)
            .WithSummary("The signed-in user's open sessions, newest first; 'current' marks the one of this request.");
        group.MapDelete("/sessions/{id}", EndSession).WithName(nameof(EndSession)).RequireAuthorization(Policies.Read)
            .WithSummary("End one of the signed-in user's own sessions; its cookie is refused from now on.").Errors(400, 404);
        group.MapGet("/me", GetCurrentUser).WithName(nameof(GetCurrentUser)).RequireAuthorization(Policies.Read)
            .WithSummary("The signed-in user (or API key) with its global role and its grants scoped to networks and space subtrees; "
                + "also renews the XSRF-TOKEN cookie.")
            .Errors(404);
        group.MapGet("/me/preferences", GetMyPreferences).WithName(nameof(GetMyPreferences)).RequireAuthorization(Policies.Read)
            .WithSummary("The signed-in user's preferences (what the start page shows); version 0 while none are saved. Returns its ETag.")
            .Errors(403);
        group.MapPut("/me/preferences", SaveMyPreferences).WithName(nameof(SaveMyPreferences)).RequireAuthorization(Policies.Read)
            .WithSummary("Replace the signed-in user's preferences (If-Match with the ETag from GET, or * to replace whatever is current, "
                + "the only way while none are saved; 428 without, 412 when stale). Indicator sets, area, indicator and actor must exist.")
            .Errors(400, 403, 412, 428);
    }

    public static async Task<Ok<UserPreferencesDto>> GetMyPreferences(IMediator mediator, HttpContext context)
    {
        var preferences = await mediator.Send(new GetMyPreferencesQuery(), context.RequestAborted);
        // the defaults (version 0) have no ETag: the first save sends If-Match: *
        return TypedResults.Ok(preferences.Version > 0 ? context.WithETag(preferences, preferences.Version) : preferences);
    }

    public static async Task<Ok<UserPreferencesDto>> SaveMyPreferences(SaveMyPreferencesCommand request, IMediator mediator, HttpContext context)
    {
        var preferences = await mediator.Send(request with { ExpectedVersion = ETags.IfMatch(context.Request) },
            context.RequestAborted);
        return TypedResults.Ok(context.WithETag(preferences, preferences.Version));
    }

    public static Ok<SignInOptionsDto> GetSignInOptions(OidcOptions oidc, LocalAccountOptions local, string? returnUrl = null)
    {
        if (returnUrl is not null && !IsAppPath(returnUrl)) throw new InvalidFieldException("returnUrl", Messages.Grants_ReturnUrlInvalid);
        var login = returnUrl is null ? OidcSignIn.LoginPath : $"{OidcSignIn.LoginPath}?returnUrl={Uri.EscapeDataString(returnUrl)}";
        return TypedResults.Ok(new SignInOptionsDto
        {
            LocalAccounts = local.LocalAccounts,
            Provider = oidc.Enabled ? new SignInProviderDto { DisplayName = oidc.DisplayName, LoginUrl = login } : null,
        });
    }

    public static IResult StartOidcSignIn(OidcOptions oidc, string? returnUrl = null)
    {
        if (!oidc.Enabled) throw new NotFoundException("Identity provider", "oidc");
        return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl is not null && IsAppPath(returnUrl) ? returnUrl : "/" },
            [OidcSignIn.Scheme]);
    }

    /// <summary>A path of this app (never an absolute address or a protocol-relative one: no open redirect).</summary>
    private static bool IsAppPath(string url) =>
        url is { Length: > 0 and <= 2000 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.Contains('\\', StringComparison.Ordinal);

    public static async Task<Ok<CurrentUserDto>> Login(LoginCommand request, IMediator mediator, HttpContext context, IAntiforgery antiforgery,
        LocalAccountOptions local)
    {
        if (!local.LocalAccounts) throw new ForbiddenException(Messages.Grants_LocalAccountsOff);
        var result = await mediator.Send(request with { ClientAddress = ClientAddress.Of(context) }, context.RequestAborted);
        if (result.RetryAfter is { } wait) throw new TooManyAttemptsException(wait);
        var user = result.User ?? throw new LoginFailedException();
        var principal = SecurityServices.Principal(user);
        context.Items[DatabaseTicketStore.SigningIn] = true;
        await context.SignInAsync(AuthSchemes.Cookie, principal);
        context.User = principal;
        AntiforgeryMiddleware.IssueToken(context, antiforgery);
        return TypedResults.Ok(user);
    }

    public static async Task<NoContent> Logout(HttpContext context)
    {
        await context.SignOutAsync(AuthSchemes.Cookie);
        context.Response.Cookies.Delete(AuthSchemes.XsrfCookie);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> LogoutEverywhere(HttpContext context, SessionStore sessions)
    {
        // An API key has no sessions; its caller is not a user, so there is nothing to end but the request's own cookie.
        if (context.User.FindFirstValue(AuthSchemes.AuthMethodClaim) == AuthSchemes.Cookie)
            await sessions.RevokeAllAsync(Guid.Parse(context.User.FindFirstValue(ClaimTypes.NameIdentifier)!), context.RequestAborted);
        return await Logout(context);
    }

    public static async Task<NoContent> ChangePassword(ChangePasswordCommand request, IMediator mediator, HttpContext context)
    {
        await mediator.Send(request with { UserId = SignedInUser(context), SessionId = SecurityServices.SessionId(context.User) },
            context.RequestAborted);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IReadOnlyList<SessionDto>>> ListSessions(IMediator mediator, HttpContext context) =>
        TypedResults.Ok(await mediator.Send(new ListSessionsQuery(SignedInUser(context), SecurityServices.SessionId(context.User)),
            context.RequestAborted));

    public static async Task<NoContent> EndSession(Guid id, IMediator mediator, HttpContext context)
    {
        await mediator.Send(new EndSessionCommand(SignedInUser(context), id), context.RequestAborted);
        return TypedResults.NoContent();
    }

    /// <summary>The signed-in user of a session; an API key has no password and no sessions (403).</summary>
    private static Guid SignedInUser(HttpContext context) =>
        context.User.FindFirstValue(AuthSchemes.AuthMethodClaim) == AuthSchemes.Cookie
            ? Guid.Parse(context.User.FindFirstValue(ClaimTypes.NameIdentifier)!)
            : throw new ForbiddenException(Messages.Forbidden_ApiKeyHasNoPassword);

    public static async Task<Ok<CurrentUserDto>> GetCurrentUser(IMediator mediator, HttpContext context, IAntiforgery antiforgery,
        Application.Authorization.GrantReads grants)
    {
        var id = Guid.Parse(context.User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        if (context.User.FindFirstValue(AuthSchemes.AuthMethodClaim) == AuthSchemes.ApiKey)
            return TypedResults.Ok(new CurrentUserDto
            {
                Id = id, Email = "", DisplayName = context.User.Identity!.Name!,
                Role = Enum.Parse<Domain.Identity.Role>(context.User.FindFirstValue(ClaimTypes.Role)!),
                Grants = await grants.ListAsync(null, id, context.RequestAborted),
            });
        var user = await mediator.Send(new GetCurrentUserQuery(id), context.RequestAborted);
        AntiforgeryMiddleware.IssueToken(context, antiforgery);
        return TypedResults.Ok(user);
    }
}

/// <summary>How one signs in here (for the sign-in page).</summary>
public sealed record SignInOptionsDto
{
    /// <summary>Sign-in with e-mail address and password is possible (Raumnetz__Auth__LocalAccounts).</summary>
    public bool LocalAccounts { get; init; }
    /// <summary>The identity provider, when one is configured.</summary>
    public SignInProviderDto? Provider { get; init; }
}

public sealed record SignInProviderDto
{
    /// <summary>The provider's name ("Mit {displayName} anmelden").</summary>
    public string DisplayName { get; init; } = "";
    /// <summary>Where the browser goes to start the sign-in (add ?returnUrl=/path).</summary>
    public string LoginUrl { get; init; } = "";
}
