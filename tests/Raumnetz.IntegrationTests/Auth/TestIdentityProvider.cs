using System.Collections.Immutable;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Raumnetz.IntegrationTests.Auth;

/// <summary>A person the test identity provider signs in at its next authorization request.</summary>
public sealed record IdpPerson(string Subject, string Email, string Name, params string[] Groups);

/// <summary>
/// A real OpenID Connect provider in the test process: OpenIddict's server on Kestrel at a free local port (plain HTTP),
/// with the authorization code flow and PKCE. Its authorization endpoint signs in <see cref="NextPerson"/> without a login
/// page; its token endpoint checks the client's id and secret. The signing key is the test's own, so a test can also
/// forge tokens (wrong issuer, expired) that are signed with it.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "raumnetz";
    public const string ClientSecret = "raumnetz-test-secret";

    private readonly WebApplication app;

    public RsaSecurityKey SigningKey { get; } = new(RSA.Create(2048)) { KeyId = "test-idp-key" };

    /// <summary>The issuer (with a trailing slash, as OpenIddict writes it).</summary>
    public string Issuer { get; }

    /// <summary>Who the next authorization request signs in.</summary>
    public IdpPerson NextPerson { get; set; } = new("sub-0", "person@kreis.example", "Person");

    /// <summary>The access token of the last token response (a JWT, not encrypted).</summary>
    public string? LastAccessToken { get; private set; }

    private TestIdentityProvider()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddRouting();
        builder.Services.AddOpenIddict().AddServer(o =>
        {
            o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            o.AddSigningKey(SigningKey);
            o.AddEphemeralEncryptionKey();
            o.DisableAccessTokenEncryption();
            o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
            // No stores: the client and its redirect address are checked by the handlers below.
            o.EnableDegradedMode();
            o.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(b => b.UseInlineHandler(ctx =>
            {
                if (ctx.ClientId != ClientId) ctx.Reject(Errors.InvalidClient, "unknown client");
                else if (ctx.RedirectUri is null || !ctx.RedirectUri.EndsWith("/api/v1/auth/oidc/callback", StringComparison.Ordinal))
                    ctx.Reject(Errors.InvalidRequest, "unknown redirect_uri");
                return default;
            }));
            o.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(b => b.UseInlineHandler(ctx =>
            {
                if (ctx.ClientId != ClientId || ctx.Request.ClientSecret != ClientSecret)
                    ctx.Reject(Errors.InvalidClient, "bad client credentials");
                return default;
            }));
            o.AddEventHandler<OpenIddictServerEvents.ApplyTokenResponseContext>(b => b.UseInlineHandler(ctx =>
            {
                if (ctx.Response.AccessToken is { } token) LastAccessToken = token;
                return default;
            }));
            o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough()
                .DisableTransportSecurityRequirement();
        });
        app = builder.Build();
        app.MapMethods("/connect/authorize", ["GET", "POST"], (HttpContext context) =>
        {
            var request = context.GetOpenIddictServerRequest()!;
            var person = NextPerson;
            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, person.Subject).SetClaim(Claims.Email, person.Email).SetClaim(Claims.Name, person.Name);
            identity.SetClaims("groups", [.. person.Groups]);
            identity.SetScopes(request.GetScopes());
            identity.SetAudiences(ClientId);
            identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
            return Results.SignIn(new ClaimsPrincipal(identity),
                authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        app.MapPost("/connect/token", async (HttpContext context) =>
        {
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var identity = new ClaimsIdentity(result.Principal!.Claims, TokenValidationParameters.DefaultAuthenticationType,
                Claims.Name, Claims.Role);
            identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
            return Results.SignIn(new ClaimsPrincipal(identity),
                authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        app.StartAsync().GetAwaiter().GetResult();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Issuer = address.TrimEnd('/') + "/";
    }

    public static TestIdentityProvider Start() => new();

    /// <summary>A JWT access token signed with the provider's key; the test chooses issuer and lifetime.</summary>
    public string Forge(string subject, string? issuer = null, DateTime? expires = null)
    {
        var exp = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = ClientId,
            Subject = new ClaimsIdentity([new Claim(Claims.Subject, subject)]),
            IssuedAt = exp.AddMinutes(-20),
            NotBefore = exp.AddMinutes(-20),
            Expires = exp,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        SigningKey.Rsa.Dispose();
    }
}
