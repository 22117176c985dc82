using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Indicators.IndicatorApi;

namespace Raumnetz.IntegrationTests.Assessments;

public sealed class AssessmentSummaryTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Summary_shows_count_mean_median_and_the_labelled_distribution()
    {
        var client = await factory.AdminAsync();
        var (_, _, north, south) = await CityAsync(client);
        var cooperation = (await CreateIndicatorAsync(client, Rating(ActorApi.Token(), new { aggregation = "median" }))).GetProperty("id").GetGuid();
        foreach (var rating in new[] { 4, 4, 2, 5 })
            await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(AssessmentsUrl, new { indicatorId = cooperation, spaceId = north, period = "2024-H1", rating }), HttpStatusCode.Created);
        foreach (var rating in new[] { 1, 2 })
            await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(AssessmentsUrl, new { indicatorId = cooperation, spaceId = south, period = "2024-H1", rating }), HttpStatusCode.Created);

        var summary = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync($"{AssessmentsUrl}/summary?indicatorId={cooperation}&spaceId={north}&period=2024-H1"));
        Assert.Equal(4, summary.GetProperty("count").GetInt32());
        Assert.Equal(3.75, summary.GetProperty("mean").GetDouble(), 9);
        Assert.Equal(4, summary.GetProperty("median").GetDouble());
        Assert.Equal([(1, "sehr schlecht", 0), (2, "schlecht", 1), (3, "mittel", 0), (4, "gut", 2), (5, "sehr gut", 1)],
            summary.GetProperty("distribution").EnumerateArray().Select(b => (b.GetProperty("rating").GetInt32(), b.GetProperty("label").GetString(), b.GetProperty("count").GetInt32())));
        // The indicator aggregates by median, so the measurement carries the median.
        var measured = (await ObservationsAsync(client, $"indicatorId={cooperation}&spaceId={north}")).Single();
        Assert.Equal(4, measured.GetProperty("value").GetDouble());

        var viewer = await factory.AsAsync("viewer");
        var few = await HttpAssert.OkAsync<JsonElement>(await viewer.GetAsync($"{AssessmentsUrl}/summary?indicatorId={cooperation}&spaceId={south}&period=2024-H1"));
        Assert.True(few.GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, few.GetProperty("mean").ValueKind);
        Assert.Empty(few.GetProperty("distribution").EnumerateArray());
        var fewObservation = (await ObservationsAsync(viewer, $"indicatorId={cooperation}&spaceId={south}")).Single();
        Assert.True(fewObservation.GetProperty("suppressed").GetBoolean());
        // Four people rated north, but the city's computed median of north and south (the mean of two) would reveal south
        // next to it: north is withheld too, in the summary as in every other response.
        Assert.True((await HttpAssert.OkAsync<JsonElement>(await viewer.GetAsync($"{AssessmentsUrl}/summary?indicatorId={cooperation}&spaceId={north}&period=2024-H1"))).GetProperty("suppressed").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync(AssessmentsUrl, new { indicatorId = cooperation, spaceId = north, period = "2024-H1", rating = 3 })).StatusCode);
    }
}
