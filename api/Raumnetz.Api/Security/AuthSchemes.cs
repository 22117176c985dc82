using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Raumnetz.Infrastructure.Security;

namespace Raumnetz.Api.Security;

public static class AuthSchemes
{
    public const string Cookie = "Cookie";
    public const string ApiKey = "ApiKey";
    /// <summary>Picks ApiKey when the X-Api-Key header is present, otherwise the session cookie.</summary>
    public const string Smart = "Smart";
    public const string ApiKeyHeader = "X-Api-Key";
    public const string SessionCookie = "raumnetz.session";
    public const string XsrfCookie = "XSRF-TOKEN";
    public const string XsrfHeader = "X-XSRF-TOKEN";
    public const string AuthMethodClaim = "amr";
    /// <summary>The id of the server-side session a cookie request came with.</summary>
    public const string SessionClaim = "sid";
    /// <summary>Present while the account must replace a one-time password (<see cref="PasswordChangeGate"/>).</summary>
    public const string PasswordChangeClaim = "raumnetz:password-change";
    /// <summary>
    /// Present when the account or key holds role grants scoped to networks or space subtrees (lets it reach write endpoints).
    /// </summary>
    public const string GrantsClaim = "raumnetz:grants";
    /// <summary>Query parameter of a calendar feed's secret subscription token.</summary>
    public const string FeedTokenParameter = "token";
    public const string LoginPath = "/api/v1/auth/login";
}

/// <summary>
/// Marks an anonymous endpoint that authenticates by a secret token in the query (<see cref="AuthSchemes.FeedTokenParameter"/>)
/// as well as by a session or an API key: the calendar feeds, which calendar programs read without signing in.
/// </summary>
public sealed class FeedTokenAuthMetadata;

/// <summary>
/// Authenticates partner systems by the X-Api-Key header against the stored hashes, on every request (a revoked key is
/// refused at once). Reads through <see cref="AccountReader"/>, not MediatR.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountReader accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AuthSchemes.ApiKeyHeader, out var values)) return AuthenticateResult.NoResult();
        var key = await accounts.ActiveApiKeyAsync(values.ToString().Trim(), Context.RequestAborted);
        if (key is null) return AuthenticateResult.Fail("Unknown or revoked API key.");
        return AuthenticateResult.Success(Tickets.GetValue(key, static k => Ticket(k)));
    }

    /// <summary>
    /// The ticket of each key as <see cref="AccountReader"/> answers it: the same answer while its row is cached (a revoked key is
    /// a new answer, or none), so the principal is built once per cached row, not per request (build/bench, pipeline). Nothing
    /// changes a principal once authenticated; the table holds an entry only as long as its answer lives.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ApiKeyAccount, AuthenticationTicket> Tickets = [];

    private static AuthenticationTicket Ticket(ApiKeyAccount key)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, key.Id.ToString()),
            new Claim(ClaimTypes.Name, key.Name),
            new Claim(ClaimTypes.Role, key.Role.ToString()),
            new Claim(AuthSchemes.AuthMethodClaim, AuthSchemes.ApiKey),
        ], AuthSchemes.ApiKey);
        if (key.HasGrants) identity.AddClaim(new Claim(AuthSchemes.GrantsClaim, "true"));
        if (key.RateLimitPerMinute is { } limit)
            identity.AddClaim(new Claim(Http.QuotaMiddleware.KeyLimitClaim,
                limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new AuthenticationTicket(new ClaimsPrincipal(identity), AuthSchemes.ApiKey);
    }
}
