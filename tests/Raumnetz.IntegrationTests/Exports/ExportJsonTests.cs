using System.Text.Json;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Exports.ExportApi;

namespace Raumnetz.IntegrationTests.Exports;

public sealed class ExportJsonTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Json_lists_indicators_spaces_and_values()
    {
        var client = await factory.AdminAsync();
        var d = await factory.DataAsync();
        var (response, body) = await GetAsync(client, Url(d, "format=json"));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var doc = JsonDocument.Parse(body).RootElement;
        Assert.Equal("Monitoring Nordstadt", doc.GetProperty("title").GetString());
        Assert.Equal([d.Code("cases"), d.Code("sgb2"), d.Code("safety")], doc.GetProperty("indicators").EnumerateArray()
            .Select(i => i.GetProperty("code").GetString()));
        var spaces = doc.GetProperty("spaces").EnumerateArray().ToList();
        Assert.Contains(spaces, s => s.GetProperty("code").GetString() == d.Code("n1") && s.GetProperty("parentCode")
            .GetString() == d.Code("north") && s.GetProperty("level").GetString() == "neighbourhood");
        var values = doc.GetProperty("values").EnumerateArray().ToList();
        Assert.Equal(11, values.Count);
        var rate = values.Single(v => v.GetProperty("indicator").GetString() == d.Code("sgb2") && v.GetProperty("space")
            .GetString() == d.Code("north"));
        Assert.Equal((15.0, 150.0, 1000.0),
            (rate.GetProperty("value").GetDouble(), rate.GetProperty("numerator").GetDouble(), rate.GetProperty("denominator")
                .GetDouble()));
        var small = values.Single(v => v.GetProperty("indicator").GetString() == d.Code("cases") && v.GetProperty("space")
            .GetString() == d.Code("north") && v.GetProperty("period").GetString() == "2024");
        Assert.True(small.GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, small.GetProperty("value").ValueKind);
        Assert.False(small.GetProperty("aggregated").GetBoolean());
        // The streamed export withholds what every other response withholds: the city's rate, computed from its districts
        // (181/1208, shown by the evaluation and the series), would give centre's 1/8 back from north and south.
        var south = values.Single(v => v.GetProperty("indicator").GetString() == d.Code("sgb2") && v.GetProperty("space")
            .GetString() == d.Code("south"));
        Assert.True(south.GetProperty("suppressed").GetBoolean());
    }

    [Fact]
    public async Task Aggregated_adds_values_computed_up_the_hierarchy_and_protects_them_too()
    {
        var client = await factory.AdminAsync();
        var d = await factory.DataAsync();
        var doc = JsonDocument.Parse((await GetAsync(client, Url(d, "format=json&aggregated=true"))).Body).RootElement;
        var values = doc.GetProperty("values").EnumerateArray().ToList();
        JsonElement Value(string indicator, string space, string period) => values.Single(v =>
            v.GetProperty("indicator").GetString() == d.Code(indicator) && v.GetProperty("space").GetString() == d.Code(space)
                && v.GetProperty("period").GetString() == period);

        var city2023 = Value("cases", "city", "2023");
        Assert.True(city2023.GetProperty("aggregated").GetBoolean());
        Assert.Equal(28, city2023.GetProperty("value").GetDouble());   // 5 + 10 + 13
        Assert.False(Value("cases", "city", "2024").GetProperty("aggregated").GetBoolean()); // measured 25 is kept
        var cityRate = Value("sgb2", "city", "2024");
        Assert.Equal(181, cityRate.GetProperty("numerator").GetDouble());   // 150 + 30 + 1
        Assert.Equal(1208, cityRate.GetProperty("denominator").GetDouble()); // 1000 + 200 + 8
        Assert.Equal(181.0 / 1208 * 100, cityRate.GetProperty("value").GetDouble(), 9);
        // The centre's rate is withheld (denominator 8) and the city total would reveal it: the smallest other district goes too.
        Assert.True(Value("sgb2", "centre", "2024").GetProperty("suppressed").GetBoolean());
        Assert.True(Value("sgb2", "south", "2024").GetProperty("suppressed").GetBoolean());
        Assert.False(Value("sgb2", "north", "2024").GetProperty("suppressed").GetBoolean());
        // north 2024 has no value of its own, but n1 has none either: north keeps its measured (withheld) value.
        Assert.True(Value("cases", "north", "2024").GetProperty("suppressed").GetBoolean());
        var safetyCity = Value("safety", "city", "2024-Q2");
        Assert.Equal(3.5, safetyCity.GetProperty("value").GetDouble());     // mean of one district
    }
}
