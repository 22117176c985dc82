using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Preferences;

/// <summary>The start page's preferences belong to the signed-in user, are versioned, and refer to things that exist.</summary>
public sealed class MyPreferencesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Url = "/api/v1/auth/me/preferences";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Guid> CreateSetAsync(HttpClient client)
    {
        var indicator = await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync("/api/v1/indicators", new
        {
            code = "pref-" + Guid.NewGuid().ToString("N")[..8], name = "Quote", kind = "rate", unit = "%", decimals = 1,
            direction = "lowerIsBetter", aggregation = "rate", rateFactor = 100, isProportion = true,
        }, Ct), HttpStatusCode.Created);
        var set = await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync("/api/v1/indicator-sets", new
        {
            name = "Set " + Guid.NewGuid().ToString("N")[..6], indicatorIds = new[] { indicator.GetProperty("id").GetGuid() },
        }, Ct), HttpStatusCode.Created);
        return set.GetProperty("id").GetGuid();
    }

    private static readonly object NoSets = new { dashboard = new { indicatorSetIds = Array.Empty<Guid>() } };
    private static object OneUnknownSet => new { dashboard = new { indicatorSetIds = new[] { Guid.NewGuid() } } };

    private static HttpRequestMessage Put(object body, string? etag = "*")
    {
        var request = new HttpRequestMessage(HttpMethod.Put, Url) { Content = JsonContent.Create(body) };
        return etag is null ? request : request.WithIfMatch(etag);
    }

    [Fact]
    public async Task Preferences_are_saved_per_user_and_versioned()
    {
        var editor = await factory.SignedInAsAsync("editor");
        var empty = await editor.GetAsync(Url, Ct);
        var initial = await HttpAssert.OkAsync<JsonElement>(empty);
        Assert.Equal(0, initial.GetProperty("version").GetInt64());
        Assert.Null(empty.Headers.ETag);
        Assert.Empty(initial.GetProperty("dashboard").GetProperty("indicatorSetIds").EnumerateArray());

        var set = await CreateSetAsync(await factory.AdminAsync());
        var saved = await HttpAssert.OkAsync<JsonElement>(await editor.SendAsync(Put(new
        {
            dashboard = new { indicatorSetIds = new[] { set, set }, rankingLevel = "neighbourhood" },
        }), Ct));
        Assert.Equal(1, saved.GetProperty("version").GetInt64());
        Assert.Equal([set], saved.GetProperty("dashboard").GetProperty("indicatorSetIds").EnumerateArray().Select(e => e.GetGuid()));

        var read = await editor.GetAsync(Url, Ct);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        var dashboard = (await HttpAssert.OkAsync<JsonElement>(read)).GetProperty("dashboard");
        Assert.Equal("neighbourhood", dashboard.GetProperty("rankingLevel").GetString());

        // a second save needs the version; another user sees only their own (none)
        await HttpAssert.ProblemAsync(await editor.SendAsync(Put(NoSets, null), Ct),
            HttpStatusCode.PreconditionRequired);
        await HttpAssert.ProblemAsync(await editor.SendAsync(Put(NoSets, "\"0\""), Ct), HttpStatusCode.PreconditionFailed);
        await HttpAssert.ProblemAsync(await editor.SendAsync(Put(NoSets, "\"7\""), Ct),
            HttpStatusCode.PreconditionFailed);
        var second = await HttpAssert.OkAsync<JsonElement>(await editor.SendAsync(
            Put(NoSets, "\"1\""), Ct));
        Assert.Equal(2, second.GetProperty("version").GetInt64());
        var viewer = await factory.SignedInAsAsync("viewer");
        Assert.Equal(0, (await HttpAssert.OkAsync<JsonElement>(await viewer.GetAsync(Url, Ct))).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Unknown_sets_and_spaces_are_refused_naming_the_field_and_nothing_is_written()
    {
        var viewer = await factory.SignedInAsAsync("viewer");
        await HttpAssert.ProblemAsync(await viewer.SendAsync(Put(OneUnknownSet), Ct),
            HttpStatusCode.BadRequest, "dashboard.indicatorSetIds");
        await HttpAssert.ProblemAsync(await viewer.SendAsync(Put(new
        {
            dashboard = new { indicatorSetIds = Array.Empty<Guid>(), underSpaceId = Guid.NewGuid() },
        }), Ct), HttpStatusCode.BadRequest, "dashboard.underSpaceId");
        await HttpAssert.ProblemAsync(await viewer.SendAsync(Put(new
        {
            dashboard = new { indicatorSetIds = Array.Empty<Guid>(), myActorId = Guid.NewGuid() },
        }), Ct), HttpStatusCode.BadRequest, "dashboard.myActorId");
        await HttpAssert.ProblemAsync(await viewer.SendAsync(Put(new
        {
            dashboard = new { indicatorSetIds = Enumerable.Range(0, 11).Select(_ => Guid.NewGuid()).ToArray() },
        }), Ct), HttpStatusCode.BadRequest);
        Assert.Equal(0, (await HttpAssert.OkAsync<JsonElement>(await viewer.GetAsync(Url, Ct))).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task An_api_key_has_no_preferences()
    {
        var (client, _) = await factory.ApiKeyClientAsync("viewer");
        await HttpAssert.ProblemAsync(await client.GetAsync(Url, Ct), HttpStatusCode.Forbidden);
    }
}
