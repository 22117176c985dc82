using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Indicators.IndicatorApi;

namespace Raumnetz.IntegrationTests.Indicators;

public sealed class EvaluateIndicatorSetTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Evaluation_compares_with_previous_period_baseline_target_and_the_city()
    {
        var client = await factory.AdminAsync();
        var (_, city, north, south) = await CityAsync(client);
        var sgb2 = (await CreateIndicatorAsync(client, Rate(ActorApi.Token()))).GetProperty("id").GetGuid();
        await PutObservationOkAsync(client,
            new { indicatorId = sgb2, spaceId = north, period = "2023", numerator = 180, denominator = 1000 });
        await PutObservationOkAsync(client,
            new { indicatorId = sgb2, spaceId = north, period = "2024", numerator = 160, denominator = 1000 });
        await PutObservationOkAsync(client,
            new { indicatorId = sgb2, spaceId = south, period = "2024", numerator = 100, denominator = 1000 });
        var set = await HttpAssert.OkAsync<JsonElement>(
            await client.PostAsJsonAsync(SetsUrl, new { name = "Monitoring", indicatorIds = new[] { sgb2 } }), HttpStatusCode.Created);
        var setId = set.GetProperty("id").GetGuid();
        await HttpAssert.OkAsync<JsonElement>(await client.PutIfMatchAsync($"{SetsUrl}/{setId}/goals", new
        {
            goals = new[] { new { indicatorId = sgb2, spaceId = north, baseline = new { period = "2020", value = 20.0 },
                    targets = new[] { new { period = "2026", value = 14.0 } } } },
        }));

        var evaluation = await HttpAssert.OkAsync<JsonElement>(
            await client.GetAsync($"{SetsUrl}/{setId}/evaluation?spaceId={north}&period=2024"));
        Assert.Equal(city, evaluation.GetProperty("referenceSpaceId").GetGuid());
        var item = Assert.Single(evaluation.GetProperty("items").EnumerateArray());
        Assert.Equal(16, item.GetProperty("value").GetProperty("value").GetDouble(), 9);
        Assert.False(item.GetProperty("value").GetProperty("aggregated").GetBoolean());
        Assert.Equal(18, item.GetProperty("previous").GetProperty("value").GetDouble(), 9);
        Assert.Equal(-2, item.GetProperty("changeFromPrevious").GetProperty("difference").GetDouble(), 9);
        Assert.Equal("better", item.GetProperty("changeFromPrevious").GetProperty("judgement").GetString());
        Assert.Equal(-4, item.GetProperty("changeFromBaseline").GetProperty("difference").GetDouble(), 9);
        Assert.Equal("2026", item.GetProperty("target").GetProperty("period").GetString());
        Assert.Equal("onTrack", item.GetProperty("attainment").GetString()); // 48 of 72 months, 4 of 6 points
        var reference = item.GetProperty("reference");
        Assert.True(reference.GetProperty("aggregated").GetBoolean());
        Assert.Equal(13, reference.GetProperty("value").GetDouble(), 9);      // (160 + 100) / 2000 × 100
        Assert.Equal(2, reference.GetProperty("count").GetInt32());
        Assert.Equal(3, item.GetProperty("comparison").GetProperty("difference").GetDouble(), 9);
        Assert.Equal("above", item.GetProperty("comparison").GetProperty("position").GetString());
        Assert.Equal("worse", item.GetProperty("comparison").GetProperty("judgement").GetString());

        var vsSouth = await HttpAssert.OkAsync<JsonElement>(
            await client.GetAsync($"{SetsUrl}/{setId}/evaluation?spaceId={north}&period=2024&referenceSpaceId={south}"));
        Assert.Equal(1.6, vsSouth.GetProperty("items")[0].GetProperty("comparison").GetProperty("ratio").GetDouble(), 9);

        var cityEval = await HttpAssert.OkAsync<JsonElement>(
            await client.GetAsync($"{SetsUrl}/{setId}/evaluation?spaceId={city}&period=2024"));
        Assert.Equal(JsonValueKind.Null, cityEval.GetProperty("referenceSpaceId").ValueKind);
        Assert.Equal(JsonValueKind.Null, cityEval.GetProperty("items")[0].GetProperty("attainment").ValueKind);

        await HttpAssert.ProblemAsync(await client.GetAsync($"{SetsUrl}/{setId}/evaluation?spaceId={north}&period=2024-Q9"),
            HttpStatusCode.BadRequest, "period");
        await HttpAssert.ProblemAsync(await client.GetAsync($"{SetsUrl}/{Guid.NewGuid()}/evaluation?spaceId={north}&period=2024"),
            HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Periods_that_begin_in_the_same_month_are_each_evaluated_with_their_own_value()
    {
        // the evaluation finds its values by the periods' first months (the index on indicator and month): a year, its first
        // half, quarter and month all begin in January, and each keeps its own value, its own previous period and baseline
        var client = await factory.AdminAsync();
        var (_, _, north, _) = await CityAsync(client);
        var cases = (await CreateIndicatorAsync(client, Count(ActorApi.Token()))).GetProperty("id").GetGuid();
        var stored = new[]
        {
            ("2023", 90), ("2024", 100), ("2024-H1", 60), ("2024-Q1", 30), ("2024-01", 7), ("2023-12", 8), ("2023-Q4", 25), ("2023-H2", 45),
            ("2022", 80),
        };
        foreach (var (period, value) in stored)
            await PutObservationOkAsync(client, new { indicatorId = cases, spaceId = north, period, value, confirmOutlier = true });
        var set = await HttpAssert.OkAsync<JsonElement>(
            await client.PostAsJsonAsync(SetsUrl, new { name = "Gleicher Monatsbeginn", indicatorIds = new[] { cases } }),
            HttpStatusCode.Created);
        var setId = set.GetProperty("id").GetGuid();
        await HttpAssert.OkAsync<JsonElement>(await client.PutIfMatchAsync($"{SetsUrl}/{setId}/goals", new
        {
            goals = new[]
            {
                new
                {
                    indicatorId = cases, spaceId = north, baseline = new { period = "2022", value = 80.0 }, targets = Array.Empty<object>(),
                },
            },
        }));

        foreach (var (period, value, previous) in new[] { ("2024", 100, 90), ("2024-H1", 60, 45), ("2024-Q1", 30, 25), ("2024-01", 7, 8) })
        {
            var evaluation = await HttpAssert.OkAsync<JsonElement>(
                await client.GetAsync($"{SetsUrl}/{setId}/evaluation?spaceId={north}&period={period}"));
            var item = Assert.Single(evaluation.GetProperty("items").EnumerateArray());
            Assert.Equal(period, item.GetProperty("value").GetProperty("period").GetString());
            Assert.Equal(value, item.GetProperty("value").GetProperty("value").GetDouble(), 9);
            Assert.Equal(previous, item.GetProperty("previous").GetProperty("value").GetDouble(), 9);
            Assert.Equal(value - 80, item.GetProperty("changeFromBaseline").GetProperty("difference").GetDouble(), 9);
        }
    }
}
