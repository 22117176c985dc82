using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Indicators.IndicatorApi;

namespace Raumnetz.IntegrationTests.Indicators;

public sealed class CreateIndicatorTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Rate_with_every_field_is_created_and_read_back_with_its_etag()
    {
        var client = await factory.AdminAsync();
        var code = ActorApi.Token();
        var response = await client.PostAsJsonAsync(IndicatorsUrl, Rate(code, 100, new
        {
            name = "  SGB-II-Quote  ",
            description = "Anteil der Personen in Bedarfsgemeinschaften nach SGB II an der Bevölkerung unter 65 Jahren.",
            source = "Statistik der Bundesagentur für Arbeit", updateInterval = "yearly", topic = "Arbeit", isProportion = true,
        }));
        var created = await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var read = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync(response.Headers.Location));
        foreach (var i in new[] { created, read })
        {
            Assert.Equal(code, i.GetProperty("code").GetString());
            Assert.Equal("SGB-II-Quote", i.GetProperty("name").GetString());
            Assert.Equal("rate", i.GetProperty("kind").GetString());
            Assert.Equal(100, i.GetProperty("rateFactor").GetDouble());
            Assert.True(i.GetProperty("isProportion").GetBoolean());
            Assert.Equal("rate", i.GetProperty("aggregation").GetString());
            Assert.Equal("lowerIsBetter", i.GetProperty("direction").GetString());
            Assert.Equal("yearly", i.GetProperty("updateInterval").GetString());
            Assert.Equal("Arbeit", i.GetProperty("topic").GetString());
            Assert.Equal(1, i.GetProperty("decimals").GetInt32());
            Assert.Equal(JsonValueKind.Null, i.GetProperty("scaleMin").ValueKind);
            Assert.Empty(i.GetProperty("scaleLabels").EnumerateArray());
        }
    }

    [Fact]
    public async Task Rating_keeps_its_scale_and_labels()
    {
        var client = await factory.AdminAsync();
        var rating = await CreateIndicatorAsync(client, Rating(ActorApi.Token()));
        Assert.Equal(1, rating.GetProperty("scaleMin").GetInt32());
        Assert.Equal(5, rating.GetProperty("scaleMax").GetInt32());
        Assert.Equal(["sehr schlecht", "schlecht", "mittel", "gut", "sehr gut"], rating.GetProperty("scaleLabels").Strings());
        Assert.Equal(JsonValueKind.Null, rating.GetProperty("rateFactor").ValueKind);
    }

    public static TheoryData<string, string> Invalid => new()
    {
        { "aggregation", """{"kind":"rate","aggregation":"sum","rateFactor":100}""" },
        { "aggregation", """{"kind":"count","aggregation":"rate"}""" },
        { "rateFactor", """{"kind":"rate","aggregation":"rate","rateFactor":null}""" },
        { "rateFactor", """{"kind":"count","aggregation":"sum","rateFactor":100}""" },
        { "scaleMin", """{"kind":"rating","aggregation":"mean"}""" },
        { "scaleMax", """{"kind":"rating","aggregation":"mean","scaleMin":5,"scaleMax":1}""" },
        { "scaleLabels", """{"kind":"rating","aggregation":"mean","scaleMin":1,"scaleMax":5,"scaleLabels":["a","b"]}""" },
        { "decimals", """{"decimals":7}""" },
        { "code", """{"code":"has space"}""" },
        { "name", """{"name":""}""" },
        { "kind", """{"kind":"ratio"}""" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Invalid_fields_are_refused_with_a_field_error(string field, string changes)
    {
        var client = await factory.AdminAsync();
        var body = ActorApi.Merge(Count(ActorApi.Token()), JsonNode.Parse(changes)!.AsObject());
        var response = await client.PostAsJsonAsync(IndicatorsUrl, body);
        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Duplicate_code_is_a_conflict()
    {
        var client = await factory.AdminAsync();
        var code = ActorApi.Token();
        await CreateIndicatorAsync(client, Count(code));
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(IndicatorsUrl, Count(code)), HttpStatusCode.Conflict, "code");
    }

    [Fact]
    public async Task Viewers_cannot_create_indicators_but_can_list_them()
    {
        var viewer = await factory.AsAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync(IndicatorsUrl, Count(ActorApi.Token()))).StatusCode);
        var admin = await factory.AdminAsync();
        var code = ActorApi.Token();
        await CreateIndicatorAsync(admin, Count(code, new { topic = "Jugendhilfe" }));
        var page = await HttpAssert.OkAsync<JsonElement>(await viewer.GetAsync($"{IndicatorsUrl}?q={code}&kind=count&topic=jugendhilfe"));
        Assert.Equal(code, Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("code").GetString());
    }
}
