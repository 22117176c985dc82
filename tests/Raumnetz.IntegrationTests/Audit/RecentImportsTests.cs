using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Indicators.IndicatorApi;

namespace Raumnetz.IntegrationTests.Audit;

/// <summary>The latest imports: a small read of the audit trail for every signed-in account (the start page's side column).</summary>
public sealed class RecentImportsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Url = "/api/v1/imports/recent";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_viewer_sees_the_latest_imports_newest_first_with_who_what_kind_and_their_counts()
    {
        var admin = await factory.AdminAsync();
        var me = await HttpAssert.OkAsync<JsonElement>(await admin.GetAsync("/api/v1/auth/me", Ct));
        var t = Actors.ActorApi.Token();
        var import = new
        {
            type = "FeatureCollection",
            features = new[] { new { type = "Feature", properties = new { code = $"{t}-a", name = $"Importiert {t}", level = "district" },
                geometry = (object?)null } },
        };
        await HttpAssert.OkAsync<JsonElement>(await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/spaces/import", import));
        await CreateIndicatorAsync(admin, Count($"{t}-cases", new { name = "Fälle " + t }));
        var csv = $"""
            indicator,space,period,value
            {t}-cases,{t}-a,2023,4
            {t}-cases,{t}-a,2024,5
            """;
        await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(admin, csv));
        await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(admin, csv, "?dryRun=true"));
        var csvAgain = csv.Replace(",5", ",6", StringComparison.Ordinal);
        await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(admin, csvAgain));

        var viewer = await factory.SignedInAsAsync("viewer");
        var recent = (await HttpAssert.OkAsync<JsonElement>(await viewer.GetAsync($"{Url}?limit=3", Ct))).EnumerateArray().ToList();
        Assert.Equal(3, recent.Count);
        Assert.Equal(["observations", "observations", "spaces"], recent.Select(r => r.Str("kind")));
        Assert.All(recent, r => Assert.Equal(me.Str("displayName"), r.Str("by")));
        Assert.Equal((2, 0, 1), Counts(recent[0]));
        Assert.Equal((2, 2, 0), Counts(recent[1]));
        Assert.Equal(1, recent[2].GetProperty("counts").GetProperty("created").GetInt64());
        Assert.True(recent[0].GetProperty("occurredAt").GetDateTimeOffset() >= recent[1].GetProperty("occurredAt").GetDateTimeOffset());

        var five = await HttpAssert.OkAsync<JsonElement>(await viewer.GetAsync(Url, Ct));
        Assert.Equal(Math.Min(5, five.GetArrayLength()), five.GetArrayLength());
        Assert.True(five.GetArrayLength() >= 3);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("21")]
    [InlineData("viele")]
    public async Task A_limit_outside_1_to_20_is_400_naming_it(string limit)
    {
        var viewer = await factory.SignedInAsAsync("viewer");
        await HttpAssert.ProblemAsync(await viewer.GetAsync($"{Url}?limit={limit}", Ct), HttpStatusCode.BadRequest, "limit");
    }

    private static (long Rows, long Created, long Updated) Counts(JsonElement r)
    {
        var c = r.GetProperty("counts");
        long Get(string name) => c.TryGetProperty(name, out var v) ? v.GetInt64() : 0;
        return (Get("rows"), Get("created"), Get("updated"));
    }
}
