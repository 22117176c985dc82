using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Indicators.IndicatorApi;

namespace Raumnetz.IntegrationTests.Indicators;

public sealed class UpdateIndicatorTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Update_needs_the_current_etag_and_bumps_the_version()
    {
        var client = await factory.AdminAsync();
        var code = ActorApi.Token();
        var created = await CreateIndicatorAsync(client, Count(code));
        var url = $"{IndicatorsUrl}/{created.GetProperty("id").GetGuid()}";
        var response = await ActorApi.SendAsync(client, HttpMethod.Put, url, Count(code, new { name = "Fälle der Hilfen zur Erziehung" }), "\"1\"");
        var updated = await HttpAssert.OkAsync<JsonElement>(response);
        Assert.Equal(2, updated.GetProperty("version").GetInt64());
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        await HttpAssert.ProblemAsync(await ActorApi.SendAsync(client, HttpMethod.Put, url, Count(code), "\"1\""), HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Kind_cannot_change_once_values_exist_and_a_used_indicator_cannot_be_deleted()
    {
        var client = await factory.AdminAsync();
        var (_, city, _, _) = await CityAsync(client);
        var code = ActorApi.Token();
        var id = (await CreateIndicatorAsync(client, Count(code))).GetProperty("id").GetGuid();
        await PutObservationOkAsync(client, new { indicatorId = id, spaceId = city, period = "2024", value = 12 });

        var response = await ActorApi.SendAsync(client, HttpMethod.Put, $"{IndicatorsUrl}/{id}", Rate(code));
        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "kind");
        await HttpAssert.ProblemAsync(await client.DeleteIfMatchAsync($"{IndicatorsUrl}/{id}"), HttpStatusCode.Conflict);

        var unused = (await CreateIndicatorAsync(client, Count(ActorApi.Token()))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteIfMatchAsync($"{IndicatorsUrl}/{unused}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{IndicatorsUrl}/{unused}")).StatusCode);
    }
}
