using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;
using static Raumnetz.IntegrationTests.Users.AccountApi;

namespace Raumnetz.IntegrationTests.Auth;

/// <summary>The API configured for the in-process identity provider, with claim mapping rules (one of them with a grant).</summary>
public sealed class OidcApiFactory : ApiFactory
{
    /// <summary>The network the "lenkrunde-teltow" group is coordinator of (the tests give a network this id).</summary>
    public static readonly Guid TeltowNetwork = Guid.Parse("01930000-0000-7000-8000-00000000a001");

    public TestIdentityProvider Idp { get; } = TestIdentityProvider.Start();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Raumnetz:Oidc:Authority"] = Idp.Issuer,
        ["Raumnetz:Oidc:ClientId"] = TestIdentityProvider.ClientId,
        ["Raumnetz:Oidc:ClientSecret"] = TestIdentityProvider.ClientSecret,
        ["Raumnetz:Oidc:DisplayName"] = "Kreis-Login",
        ["Raumnetz:Oidc:RequireHttpsMetadata"] = "false",
        ["Raumnetz:Oidc:Rules:0:Claim"] = "groups",
        ["Raumnetz:Oidc:Rules:0:Value"] = "raumnetz-admins",
        ["Raumnetz:Oidc:Rules:0:Role"] = "Admin",
        ["Raumnetz:Oidc:Rules:1:Claim"] = "groups",
        ["Raumnetz:Oidc:Rules:1:Value"] = "sozialplanung",
        ["Raumnetz:Oidc:Rules:1:Role"] = "Analyst",
        ["Raumnetz:Oidc:Rules:2:Claim"] = "groups",
        ["Raumnetz:Oidc:Rules:2:Value"] = "lenkrunde-teltow",
        ["Raumnetz:Oidc:Rules:2:Grants:0:Role"] = "Coordinator",
        ["Raumnetz:Oidc:Rules:2:Grants:0:Scope"] = "Network",
        ["Raumnetz:Oidc:Rules:2:Grants:0:TargetId"] = TeltowNetwork.ToString(),
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Idp.DisposeAsync();
    }
}

/// <summary>
/// Sign-in through the identity provider against a real OpenID Connect server in the test process (OpenIddict): the full
/// code flow with PKCE through the browser's redirects, provisioning and linking of accounts, role and grant mapping by
/// the configured rules, the product's own server-side session as the result; the provider's access tokens on API calls,
/// and tokens of a wrong issuer or past their expiry refused with 401.
/// </summary>
public sealed class OidcSignInTests(OidcApiFactory factory) : IClassFixture<OidcApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Runs the browser's part of the code flow; returns the browser (with its cookies) and the callback's answer.</summary>
    private async Task<(HttpClient Browser, HttpResponseMessage Callback)> SignInThroughProviderAsync(IdpPerson person,
        string returnUrl = "/netzwerke")
    {
        factory.Idp.NextPerson = person;
        var browser = factory.UncheckedClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        var start = await browser.GetAsync($"/api/v1/auth/oidc/login?returnUrl={Uri.EscapeDataString(returnUrl)}", Ct);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorize = start.Headers.Location!;
        Assert.StartsWith(factory.Idp.Issuer + "connect/authorize", authorize.ToString(), StringComparison.Ordinal);
        Assert.Contains("code_challenge=", authorize.Query, StringComparison.Ordinal);
        using var idp = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var answer = await idp.GetAsync(authorize, Ct);
        Assert.True(answer.StatusCode == HttpStatusCode.Redirect, await answer.Content.ReadAsStringAsync(Ct));
        var callback = answer.Headers.Location!;
        Assert.Equal("/api/v1/auth/oidc/callback", callback.AbsolutePath);
        return (browser, await browser.GetAsync(callback.PathAndQuery, Ct));
    }

    private static async Task<JsonElement> MeAsync(HttpClient client) =>
        await HttpAssert.OkAsync<JsonElement>(await client.GetAsync("/api/v1/auth/me", Ct));

    private static IdpPerson Person(params string[] groups)
    {
        var n = Guid.NewGuid().ToString("N")[..10];
        return new IdpPerson($"sub-{n}", $"person-{n}@kreis.example", $"Person {n}", groups);
    }

    [Fact]
    public async Task The_code_flow_provisions_an_account_with_the_mapped_role_and_grant_and_starts_a_server_side_session()
    {
        var admin = await factory.AdminAsync();
        var created = (await admin.NetworkAsync($"Lenkrunde Teltow {Guid.NewGuid():N}", "steeringGroup")).Id();
        await factory.ExecuteAsync("UPDATE networks SET id = @to WHERE id = @from",
            new { to = OidcApiFactory.TeltowNetwork, from = created });
        var person = Person("sozialplanung", "lenkrunde-teltow");

        var (browser, callback) = await SignInThroughProviderAsync(person, "/netzwerke/teltow");
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/netzwerke/teltow", callback.Headers.Location!.OriginalString);
        Assert.Contains(callback.Headers.GetValues("Set-Cookie"), c => c.StartsWith("raumnetz.session=", StringComparison.Ordinal));

        var me = await MeAsync(browser);
        Assert.Equal((person.Email, person.Name, "analyst"), (me.Str("email"), me.Str("displayName"), me.Str("role")));
        var grant = Assert.Single(me.GetProperty("grants").EnumerateArray());
        Assert.Equal(("coordinator", "network", OidcApiFactory.TeltowNetwork),
            (grant.Str("role"), grant.Str("scope"), grant.GetProperty("targetId").GetGuid()));
        // the product's own session: listed, and revocable like any other
        var sessions = await HttpAssert.OkAsync<JsonElement>(await browser.GetAsync("/api/v1/auth/sessions", Ct));
        Assert.Single(sessions.EnumerateArray());
        Assert.Equal(1L,
            await factory.ScalarAsync<long>("SELECT COUNT(*) FROM users WHERE external_subject = @s", new { s = person.Subject }));

        // a second sign-in finds the same account by its subject
        var (again, _) = await SignInThroughProviderAsync(person);
        Assert.Equal(me.Id(), (await MeAsync(again)).Id());
    }

    [Fact]
    public async Task A_rule_maps_the_admin_group_to_the_admin_role_and_a_later_sign_in_follows_a_changed_group()
    {
        var person = Person("raumnetz-admins");
        var (browser, _) = await SignInThroughProviderAsync(person);
        Assert.Equal("admin", (await MeAsync(browser)).Str("role"));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(UsersUrl, Ct)).StatusCode);

        // the provider moved the person to another group: the next sign-in demotes the account and ends its old sessions
        var (demoted, _) = await SignInThroughProviderAsync(person with { Groups = ["sozialplanung"] });
        Assert.Equal("analyst", (await MeAsync(demoted)).Str("role"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/auth/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await demoted.GetAsync(UsersUrl, Ct)).StatusCode);
    }

    [Fact]
    public async Task An_existing_local_account_is_linked_by_e_mail_and_keeps_its_role_when_no_rule_matches()
    {
        var (id, email) = await CreateUserAsync(factory, "editor");
        var (browser, callback) =
            await SignInThroughProviderAsync(new IdpPerson($"sub-{Guid.NewGuid():N}", email.ToUpperInvariant(), "Name"));
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        var me = await MeAsync(browser);
        Assert.Equal((id, "editor"), (me.Id(), me.Str("role")));
    }

    [Fact]
    public async Task A_person_without_a_matching_rule_and_without_an_account_is_refused_with_401_and_nothing_is_created()
    {
        var person = Person("kantine");
        var (browser, callback) = await SignInThroughProviderAsync(person);
        var problem = await HttpAssert.ProblemAsync(callback, HttpStatusCode.Unauthorized);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.Equal(0L, await factory.ScalarAsync<long>("SELECT COUNT(*) FROM users WHERE email_key = @e", new { e = person.Email }));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/auth/me", Ct)).StatusCode);

        // a browser is sent back to the sign-in page with the reason
        factory.Idp.NextPerson = person;
        var html = factory.UncheckedClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        html.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var start = await html.GetAsync("/api/v1/auth/oidc/login", Ct);
        using var idp = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var back = await html.GetAsync((await idp.GetAsync(start.Headers.Location!, Ct)).Headers.Location!.PathAndQuery, Ct);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.StartsWith("/login?signInError=", back.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_account_is_refused_at_the_provider_sign_in()
    {
        var person = Person("sozialplanung");
        var (browser, _) = await SignInThroughProviderAsync(person);
        var id = (await MeAsync(browser)).Id();
        var admin = await factory.AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{UsersUrl}/{id}/deactivate", null, Ct)).StatusCode);
        var (_, callback) = await SignInThroughProviderAsync(person);
        await HttpAssert.ProblemAsync(callback, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_providers_access_token_authenticates_api_calls_and_tokens_of_a_wrong_issuer_or_past_expiry_get_401()
    {
        var person = Person("sozialplanung");
        var (browser, _) = await SignInThroughProviderAsync(person);
        var token = factory.Idp.LastAccessToken!;
        Assert.NotNull(token);
        var api = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        async Task<HttpStatusCode> WithAsync(string bearer)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            return (await api.SendAsync(request, Ct)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await WithAsync(token));
        Assert.Equal(HttpStatusCode.OK, await WithAsync(factory.Idp.Forge(person.Subject)));
        Assert.Equal(HttpStatusCode.Unauthorized, await WithAsync(factory.Idp.Forge(person.Subject, issuer: "http://127.0.0.1:1/")));
        Assert.Equal(HttpStatusCode.Unauthorized,
            await WithAsync(factory.Idp.Forge(person.Subject, expires: DateTime.UtcNow.AddMinutes(-10))));
        Assert.Equal(HttpStatusCode.Unauthorized, await WithAsync(factory.Idp.Forge("sub-nobody")));
        Assert.Equal(HttpStatusCode.Unauthorized, await WithAsync(token[..^4] + "AAAA"));
        _ = browser;
    }

    [Fact]
    public async Task The_sign_in_options_name_the_provider_and_the_return_address_stays_inside_the_app()
    {
        var options = await HttpAssert.OkAsync<JsonElement>(await factory.CreateClient().GetAsync("/api/v1/auth/sign-in-options", Ct));
        Assert.True(options.GetProperty("localAccounts").GetBoolean());
        Assert.Equal(("Kreis-Login", "/api/v1/auth/oidc/login"),
            (options.GetProperty("provider").Str("displayName"), options.GetProperty("provider").Str("loginUrl")));

        var back = await HttpAssert.OkAsync<JsonElement>(
            await factory.CreateClient().GetAsync("/api/v1/auth/sign-in-options?returnUrl=%2Fnetzwerke%3Fx%3D1", Ct));
        Assert.Equal("/api/v1/auth/oidc/login?returnUrl=%2Fnetzwerke%3Fx%3D1", back.GetProperty("provider").Str("loginUrl"));
        await HttpAssert.ProblemAsync(
            await factory.CreateClient().GetAsync("/api/v1/auth/sign-in-options?returnUrl=https%3A%2F%2Fevil.example%2F", Ct),
            HttpStatusCode.BadRequest, "returnUrl");

        var (_, callback) = await SignInThroughProviderAsync(Person("sozialplanung"), "https://evil.example/");
        Assert.Equal("/", callback.Headers.Location!.OriginalString);
    }
}

/// <summary>Local accounts switched off: password sign-in is refused with a clear 403 problem, and the sign-in options say so.</summary>
public sealed class LocalAccountsOffTests(LocalAccountsOffTests.Factory factory) : IClassFixture<LocalAccountsOffTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        protected override IDictionary<string, string?> Settings =>
            new Dictionary<string, string?> { ["Raumnetz:Auth:LocalAccounts"] = "false" };
    }

    [Fact]
    public async Task Password_sign_in_is_403_and_the_options_offer_no_form()
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = ApiFactory.AdminEmail, password = ApiFactory.AdminPassword }, TestContext.Current.CancellationToken);
        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("Identitätsanbieter", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
            c => c.StartsWith("raumnetz.session", StringComparison.Ordinal));
        var options = await HttpAssert.OkAsync<JsonElement>(
            await client.GetAsync("/api/v1/auth/sign-in-options", TestContext.Current.CancellationToken));
        Assert.False(options.GetProperty("localAccounts").GetBoolean());
        Assert.Equal(JsonValueKind.Null, options.GetProperty("provider").ValueKind);
    }
}
