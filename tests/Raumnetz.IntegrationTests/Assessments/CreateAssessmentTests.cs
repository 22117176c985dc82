using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Indicators.IndicatorApi;

namespace Raumnetz.IntegrationTests.Assessments;

public sealed class CreateAssessmentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Ratings_by_actors_and_anonymous_roll_up_into_the_measurement()
    {
        var client = await factory.AdminAsync();
        var (_, _, north, _) = await CityAsync(client);
        var safety = (await CreateIndicatorAsync(client, Rating(ActorApi.Token()))).GetProperty("id").GetGuid();
        var actor = await ActorApi.CreateOrganisationAsync(client, "Quartiersmanagement Nord");

        var first = await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(AssessmentsUrl,
            new { indicatorId = safety, spaceId = north, period = "2024", rating = 4, actorId = actor, comment = "Besser beleuchtet seit dem Umbau." }), HttpStatusCode.Created);
        Assert.Equal(actor, first.GetProperty("actorId").GetGuid());
        Assert.Equal("Quartiersmanagement Nord", first.GetProperty("actorName").GetString());
        await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(AssessmentsUrl, new { indicatorId = safety, spaceId = north, period = "2024", rating = 2 }), HttpStatusCode.Created);
        var third = await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(AssessmentsUrl, new { indicatorId = safety, spaceId = north, period = "2024", rating = 5 }), HttpStatusCode.Created);
        Assert.Equal(JsonValueKind.Null, third.GetProperty("actorId").ValueKind);

        var measured = Assert.Single(await ObservationsAsync(client, $"indicatorId={safety}"));
        Assert.Equal(11.0 / 3, measured.GetProperty("value").GetDouble(), 9);
        Assert.Equal(3, measured.GetProperty("ratingCount").GetInt32());
        Assert.Equal("provisional", measured.GetProperty("status").GetString());
        Assert.Equal("assessments", measured.GetProperty("source").GetString());

        var url = $"{AssessmentsUrl}/{third.GetProperty("id").GetGuid()}";
        var changed = await HttpAssert.OkAsync<JsonElement>(await ActorApi.SendAsync(client, HttpMethod.Put, url,
            JsonSerializer.SerializeToNode(new { rating = 3, comment = "doch nur mittel" }), "\"1\""));
        Assert.Equal(2, changed.GetProperty("version").GetInt64());
        Assert.Equal(3, Assert.Single(await ObservationsAsync(client, $"indicatorId={safety}")).GetProperty("value").GetDouble(), 9);

        var listed = await ActorApi.AllPagesAsync(client, $"{AssessmentsUrl}?indicatorId={safety}&spaceId={north}&period=2024");
        Assert.Equal(3, listed.Count);
        foreach (var a in listed)
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteIfMatchAsync($"{AssessmentsUrl}/{a.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Empty(await ObservationsAsync(client, $"indicatorId={safety}"));
    }

    [Fact]
    public async Task Ratings_outside_the_scale_of_other_indicators_or_by_unknown_actors_are_refused()
    {
        var client = await factory.AdminAsync();
        var (_, _, north, _) = await CityAsync(client);
        var safety = (await CreateIndicatorAsync(client, Rating(ActorApi.Token()))).GetProperty("id").GetGuid();
        var count = (await CreateIndicatorAsync(client, Count(ActorApi.Token()))).GetProperty("id").GetGuid();
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(AssessmentsUrl, new { indicatorId = safety, spaceId = north, period = "2024", rating = 6 }), HttpStatusCode.BadRequest, "rating");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(AssessmentsUrl, new { indicatorId = safety, spaceId = north, period = "2024", rating = 0 }), HttpStatusCode.BadRequest, "rating");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(AssessmentsUrl, new { indicatorId = count, spaceId = north, period = "2024", rating = 3 }), HttpStatusCode.BadRequest, "indicatorId");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(AssessmentsUrl, new { indicatorId = safety, spaceId = north, period = "2024", rating = 3, actorId = Guid.NewGuid() }), HttpStatusCode.BadRequest, "actorId");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(AssessmentsUrl, new { indicatorId = safety, spaceId = north, period = "2024-Q0", rating = 3 }), HttpStatusCode.BadRequest, "period");
        Assert.Empty(await ActorApi.AllPagesAsync(client, $"{AssessmentsUrl}?indicatorId={safety}"));
        Assert.Empty(await ObservationsAsync(client, $"indicatorId={safety}"));
    }
}
