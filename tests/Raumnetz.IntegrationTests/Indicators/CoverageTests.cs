using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Indicators.IndicatorApi;

namespace Raumnetz.IntegrationTests.Indicators;

/// <summary>
/// Every computed value says what it stands for ("aus 1 von 2 Teilräumen", population share), and one computed from too
/// small a part of its space (below Raumnetz:Reference:MinCoverage, 0.8 by default) is no reference at all.
/// City 100,000 = north 40,000 + south 60,000, all entered today (so they exist in 2027; the years before count only the parts with a value).
/// </summary>
public sealed class CoverageTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Computed_values_carry_their_coverage_and_a_thin_one_is_no_reference()
    {
        var client = await factory.AdminAsync();
        var (_, city, north, south) = await CityAsync(client);
        var indicator = (await CreateIndicatorAsync(client, Count(ActorApi.Token()))).GetProperty("id").GetGuid();
        var set = (await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(SetsUrl, new { name = "Abdeckung", indicatorIds = new[] { indicator } }),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await PutObservationOkAsync(client, new { indicatorId = indicator, spaceId = north, period = "2027", value = 10 });

        async Task<JsonElement> EvaluateAsync(Guid space) => (await HttpAssert.OkAsync<JsonElement>(
            await client.GetAsync($"{SetsUrl}/{set}/evaluation?spaceId={space}&period=2027"))).GetProperty("items")[0];

        // the city's value from north alone: 1 of 2 parts, 40 % of the people
        var cityItem = await EvaluateAsync(city);
        var coverage = cityItem.GetProperty("value").GetProperty("coverage");
        Assert.True(cityItem.GetProperty("value").GetProperty("aggregated").GetBoolean());
        Assert.Equal((1, 2, 0.4), (coverage.GetProperty("parts").GetInt32(), coverage.GetProperty("of").GetInt32(), coverage.GetProperty("populationShare").GetDouble()));

        // ...so north is not compared with it
        var northItem = await EvaluateAsync(north);
        Assert.Equal(JsonValueKind.Null, northItem.GetProperty("reference").ValueKind);
        Assert.Equal(JsonValueKind.Null, northItem.GetProperty("comparison").ValueKind);
        Assert.True(northItem.GetProperty("referenceIncomplete").GetBoolean());
        Assert.False(northItem.GetProperty("value").TryGetProperty("coverage", out var own) && own.ValueKind != JsonValueKind.Null); // measured

        // with south the city is covered in full and serves as reference
        await PutObservationOkAsync(client, new { indicatorId = indicator, spaceId = south, period = "2027", value = 20 });
        northItem = await EvaluateAsync(north);
        Assert.Equal(30, northItem.GetProperty("reference").GetProperty("value").GetDouble());
        Assert.Equal(1.0, northItem.GetProperty("reference").GetProperty("coverage").GetProperty("populationShare").GetDouble());
        Assert.False(northItem.GetProperty("referenceIncomplete").GetBoolean());

        // the series of the city shows the computed value with its coverage
        var series = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync($"{IndicatorsUrl}/{indicator}/series?spaceId={city}"));
        var item = Assert.Single(series.GetProperty("items").EnumerateArray());
        Assert.True(item.GetProperty("aggregated").GetBoolean());
        Assert.Equal((30, 2, 2), (item.GetProperty("value").GetDouble(), item.GetProperty("coverage").GetProperty("parts").GetInt32(), item.GetProperty("coverage").GetProperty("of").GetInt32()));
    }
}
