using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Raumnetz.Application.Auth;
using Raumnetz.Application.Authorization;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Identity;
using Raumnetz.Infrastructure.Security;

namespace Raumnetz.Api.Security;

/// <summary>Sign-in with e-mail address and password ("Raumnetz:Auth").</summary>
public sealed class LocalAccountOptions
{
    /// <summary>Password sign-in is possible (Raumnetz__Auth__LocalAccounts, default true). Off: POST /auth/login answers 403.</summary>
    public bool LocalAccounts { get; set; } = true;
}

/// <summary>
/// The municipality's identity provider ("Raumnetz:Oidc"): OpenID Connect code flow with PKCE for people, and (optionally)
/// its JWT access tokens for API calls. Configured by the issuer (<see cref="Authority"/>), client id and secret; off
/// while the issuer or the client id is empty.
/// </summary>
public sealed class OidcOptions
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>The provider's name on the sign-in page ("Mit {DisplayName} anmelden").</summary>
    public string DisplayName { get; set; } = "Identitätsanbieter";
    /// <summary>Space-separated scopes asked for.</summary>
    public string Scopes { get; set; } = "openid profile email";
    /// <summary>Refuse a provider reached over plain HTTP (default true; off only for tests and local trials).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
    /// <summary>Accept the provider's JWT access tokens as "Authorization: Bearer" on API calls (default true).</summary>
    public bool AcceptBearerTokens { get; set; } = true;
    /// <summary>The audience an access token must name (default: the client id).</summary>
    public string? Audience { get; set; }
    public string EmailClaim { get; set; } = "email";
    public string NameClaim { get; set; } = "name";
    /// <summary>Rules that map the provider's claims to a role and grants; see <see cref="OidcClaimMapping"/>.</summary>
    public List<OidcClaimRule> Rules { get; set; } = [];

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

/// <summary>
/// When the person's token carries the claim <see cref="Claim"/> with the value <see cref="Value"/>: this role and these grants.
/// </summary>
public sealed class OidcClaimRule
{
    public string Claim { get; set; } = "";
    public string Value { get; set; } = "";
    /// <summary>The global role (the highest of all matching rules wins); none: viewer, unless another matching rule names one.</summary>
    public Role? Role { get; set; }
    public List<OidcGrantRule> Grants { get; set; } = [];
}

public sealed class OidcGrantRule
{
    public Role Role { get; set; } = Role.Editor;
    public GrantScope Scope { get; set; }
    public Guid TargetId { get; set; }
}

/// <summary>Applies the claim mapping rules to a person's claims.</summary>
public static class OidcClaimMapping
{
    /// <summary>
    /// The highest role of the matching rules (viewer when rules matched but none names a role) and the union of their
    /// grants; (null, []) when no rule matched. A claim matches by exact type and value (a list claim such as "groups"
    /// arrives as one claim per entry).
    /// </summary>
    public static (Role? Role, IReadOnlyList<RoleGrantInput> Grants) Map(ClaimsPrincipal principal, IEnumerable<OidcClaimRule> rules)
    {
        var matched = rules.Where(r => principal.Claims.Any(c => c.Type == r.Claim && c.Value == r.Value)).ToList();
        if (matched.Count == 0) return (null, []);
        var role = matched.Select(r => r.Role).Where(r => r is not null).Max() ?? Role.Viewer;
        var grants = matched.SelectMany(r => r.Grants)
            .Select(g => new RoleGrantInput { Role = g.Role, Scope = g.Scope, TargetId = g.TargetId }).Distinct().ToList();
        return (role, grants);
    }
}

public static class OidcSignIn
{
    public const string Scheme = "Oidc";
    public const string BearerScheme = "Bearer";
    public const string LoginPath = "/api/v1/auth/oidc/login";
    public const string CallbackPath = "/api/v1/auth/oidc/callback";
    public const string SignedOutCallbackPath = "/api/v1/auth/oidc/signed-out";

    /// <summary>
    /// Registers the options and the two schemes. Both are always registered and configured from "Raumnetz:Oidc" when
    /// first used (configuration is read at run time, not while services are registered); while no provider is configured
    /// <see cref="RaumnetzSchemeProvider"/> hides them, so they are never asked to handle a request.
    /// </summary>
    public static IServiceCollection AddRaumnetzOidc(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
            sp.GetRequiredService<IConfiguration>().GetSection("Raumnetz:Oidc").Get<OidcOptions>() ?? new OidcOptions());
        services.AddSingleton(sp =>
            sp.GetRequiredService<IConfiguration>().GetSection("Raumnetz:Auth").Get<LocalAccountOptions>() ?? new LocalAccountOptions());
        services.AddSingleton<IAuthenticationSchemeProvider, RaumnetzSchemeProvider>();

        var authentication = services.AddAuthentication();
        authentication.AddOpenIdConnect(Scheme, o =>
        {
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.CallbackPath = CallbackPath;
            o.SignedOutCallbackPath = SignedOutCallbackPath;
            o.SignInScheme = AuthSchemes.Cookie;
            o.SaveTokens = false;
            o.MapInboundClaims = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            // The callback is a top-level GET (response mode query), so Lax cookies come along; SameAsRequest lets a
            // deployment behind plain HTTP (tests, local trials) work, HTTPS deployments get Secure cookies.
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Events.OnTokenValidated = OnTokenValidatedAsync;
            o.Events.OnRemoteFailure = OnRemoteFailureAsync;
        });
        services.AddOptions<OpenIdConnectOptions>(Scheme).Configure<OidcOptions>((o, options) =>
        {
            // While off, placeholders keep the (hidden, never used) scheme valid.
            o.Authority = options.Enabled ? options.Authority : "https://oidc.invalid/";
            o.ClientId = options.Enabled ? options.ClientId : "off";
            o.ClientSecret = options.ClientSecret;
            o.RequireHttpsMetadata = options.RequireHttpsMetadata;
            o.Scope.Clear();
            foreach (var scope in options.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries)) o.Scope.Add(scope);
        });
        authentication.AddJwtBearer(BearerScheme, o =>
        {
            o.MapInboundClaims = false;
            o.Events = new JwtBearerEvents { OnTokenValidated = OnBearerValidatedAsync };
        });
        services.AddOptions<JwtBearerOptions>(BearerScheme).Configure<OidcOptions>((o, options) =>
        {
            o.Authority = options.Enabled ? options.Authority : "https://oidc.invalid/";
            o.Audience = options.Audience ?? options.ClientId;
            o.RequireHttpsMetadata = options.RequireHttpsMetadata;
        });
        return services;
    }

    /// <summary>The person is who the provider says: find, link or create the account, then start the product's own session.</summary>
    private static async Task OnTokenValidatedAsync(Microsoft.AspNetCore.Authentication.OpenIdConnect.TokenValidatedContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<OidcOptions>();
        var principal = context.Principal!;
        var subject = principal.FindFirstValue("sub");
        if (string.IsNullOrEmpty(subject))
        {
            context.Fail("The identity provider's token has no subject.");
            return;
        }
        var (role, grants) = OidcClaimMapping.Map(principal, options.Rules);
        var mediator = context.HttpContext.RequestServices.GetRequiredService<IMediator>();
        var result = await mediator.Send(new SignInExternalCommand
        {
            Subject = subject, Email = principal.FindFirstValue(options.EmailClaim),
            DisplayName = principal.FindFirstValue(options.NameClaim),
            MappedRole = role, MappedGrants = grants,
        }, context.HttpContext.RequestAborted);
        // The sign-in may have changed the account (role, grants) and ended its sessions, on a GET (the provider's callback),
        // which OwnChangesMiddleware does not mark: this instance reads the auth revision again at the next request.
        context.HttpContext.RequestServices.GetRequiredService<AuthCache>().Changed();
        if (result.User is not { } user)
        {
            context.Fail(result.Refusal switch
            {
                ExternalSignInRefusal.Inactive => Messages.Grants_OidcAccountInactive,
                ExternalSignInRefusal.NoEmail => Messages.Grants_OidcNoEmail,
                _ => Messages.Grants_OidcNoAccount,
            });
            return;
        }
        // A sign-in always starts a new session (DatabaseTicketStore), whatever cookie the browser came with.
        context.HttpContext.Items[DatabaseTicketStore.SigningIn] = true;
        context.Principal = SecurityServices.Principal(user, null, user.Grants.Count > 0);
    }

    /// <summary>
    /// A refused or failed sign-in (forged or expired token, wrong issuer, no account): a browser goes back to the sign-in
    /// page with the reason; any other client gets 401 problem+json.
    /// </summary>
    private static async Task OnRemoteFailureAsync(RemoteFailureContext context)
    {
        context.HandleResponse();
        var reason = context.Failure?.Message ?? Messages.Title_SignInFailed;
        if (context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect("/login?signInError=" + Uri.EscapeDataString(reason.Length > 300 ? reason[..300] : reason));
            return;
        }
        await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: Messages.Title_SignInFailed,
            detail: KnownReason(reason)).ExecuteAsync(context.HttpContext);
    }

    /// <summary>Our own refusals are shown as they are; the handler's (token validation) only as "sign-in failed".</summary>
    private static string KnownReason(string reason) =>
        reason == Messages.Grants_OidcAccountInactive || reason == Messages.Grants_OidcNoEmail || reason == Messages.Grants_OidcNoAccount
            ? reason : Messages.Title_SignInFailed;

    /// <summary>
    /// An access token of the provider on an API call: it names an account linked at an earlier interactive sign-in, which
    /// must be active; the account's role and grants apply (as the last sign-in mapped them). No account is created here.
    /// </summary>
    private static async Task OnBearerValidatedAsync(Microsoft.AspNetCore.Authentication.JwtBearer.TokenValidatedContext context)
    {
        var subject = context.Principal?.FindFirstValue("sub");
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountReader>();
        var account = string.IsNullOrEmpty(subject) ? null
            : await accounts.ActiveExternalUserAsync(subject, context.HttpContext.RequestAborted);
        if (account is null)
        {
            context.Fail("No active account is linked to the token's subject.");
            return;
        }
        var principal = SecurityServices.Principal(account.User, null, account.HasGrants);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.RemoveClaim(identity.FindFirst(AuthSchemes.AuthMethodClaim));
        identity.AddClaim(new Claim(AuthSchemes.AuthMethodClaim, BearerScheme));
        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(identity.Claims, BearerScheme));
    }

    /// <summary>Whether a request carries a bearer token this deployment accepts.</summary>
    public static bool HasBearer(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && context.RequestServices.GetService<OidcOptions>() is { Enabled: true, AcceptBearerTokens: true };
}

/// <summary>
/// The registered schemes, without the identity provider's two while it is off (no issuer or client id configured) and
/// without the bearer scheme while its tokens are not accepted.
/// </summary>
public sealed class RaumnetzSchemeProvider(IOptions<AuthenticationOptions> options, OidcOptions oidc)
    : AuthenticationSchemeProvider(options)
{
    private bool Hidden(string name) =>
        (name == OidcSignIn.Scheme && !oidc.Enabled) || (name == OidcSignIn.BearerScheme && !(oidc.Enabled && oidc.AcceptBearerTokens));

    public override async Task<AuthenticationScheme?> GetSchemeAsync(string name) => Hidden(name) ? null : await base.GetSchemeAsync(name);

    public override async Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync() =>
        (await base.GetRequestHandlerSchemesAsync()).Where(s => !Hidden(s.Name)).ToList();

    public override async Task<IEnumerable<AuthenticationScheme>> GetAllSchemesAsync() =>
        (await base.GetAllSchemesAsync()).Where(s => !Hidden(s.Name)).ToList();
}
