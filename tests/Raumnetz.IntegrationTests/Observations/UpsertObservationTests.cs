using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Indicators.IndicatorApi;

namespace Raumnetz.IntegrationTests.Observations;

public sealed class UpsertObservationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task First_put_creates_the_same_put_changes_nothing_and_a_new_value_replaces()
    {
        var client = await factory.AdminAsync();
        var (_, city, _, _) = await CityAsync(client);
        var indicator = (await CreateIndicatorAsync(client, Count(ActorApi.Token()))).GetProperty("id").GetGuid();
        var body = new { indicatorId = indicator, spaceId = city, period = "2024-q2", value = 42, status = "provisional", source = "Jugendamt", note = "vorläufig" };

        var created = await PutObservationOkAsync(client, body);
        Assert.Equal("2024-Q2", created.GetProperty("period").GetString());
        Assert.Equal(42, created.GetProperty("value").GetDouble());
        Assert.Equal("provisional", created.GetProperty("status").GetString());
        Assert.Equal(1, created.GetProperty("version").GetInt64());
        Assert.False(created.GetProperty("suppressed").GetBoolean());

        await HttpAssert.ProblemAsync(await PutObservationAsync(client, body), HttpStatusCode.PreconditionRequired);
        var again = await HttpAssert.OkAsync<JsonElement>(await client.PutIfMatchAsync(ObservationsUrl, body, "\"1\""));
        Assert.Equal(1, again.GetProperty("version").GetInt64());
        Assert.Equal(created.GetProperty("updatedAt").GetString(), again.GetProperty("updatedAt").GetString());

        var changed = await HttpAssert.OkAsync<JsonElement>(await client.PutIfMatchAsync(ObservationsUrl, body with { value = 43, status = "final" }, "\"1\""));
        Assert.Equal(2, changed.GetProperty("version").GetInt64());
        Assert.Equal(created.GetProperty("id").GetGuid(), changed.GetProperty("id").GetGuid());

        var stale = new HttpRequestMessage(HttpMethod.Put, ObservationsUrl) { Content = System.Net.Http.Json.JsonContent.Create(body) }.WithIfMatch("\"1\"");
        await HttpAssert.ProblemAsync(await client.SendAsync(stale), HttpStatusCode.PreconditionFailed);
        Assert.Single(await ObservationsAsync(client, $"indicatorId={indicator}"));
    }

    [Fact]
    public async Task A_rate_is_computed_from_numerator_and_denominator()
    {
        var client = await factory.AdminAsync();
        var (_, city, _, _) = await CityAsync(client);
        var indicator = (await CreateIndicatorAsync(client, Rate(ActorApi.Token(), 1000))).GetProperty("id").GetGuid();
        var o = await PutObservationOkAsync(client, new { indicatorId = indicator, spaceId = city, period = "2023", numerator = 37, denominator = 2000 });
        Assert.Equal(18.5, o.GetProperty("value").GetDouble(), 9);
        Assert.Equal(37, o.GetProperty("numerator").GetDouble());
        Assert.Equal("final", o.GetProperty("status").GetString());
    }

    public static TheoryData<string, string, string> Bad => new()
    {
        { "count", """{"period":"2024-13","value":1}""", "period" },
        { "count", """{"period":"24","value":1}""", "period" },
        { "count", """{"period":"2024","value":-1}""", "value" },
        { "count", """{"period":"2024","value":1.5}""", "value" },
        { "count", """{"period":"2024"}""", "value" },
        { "count", """{"period":"2024","value":1,"numerator":1}""", "numerator" },
        { "rate", """{"period":"2024","numerator":12,"denominator":10}""", "numerator" },
        { "rate", """{"period":"2024","numerator":12}""", "denominator" },
        { "rate", """{"period":"2024","numerator":0,"denominator":0}""", "denominator" },
        { "rate", """{"period":"2024","value":3,"numerator":1,"denominator":10}""", "value" }, // 1 / 10 is 10 %, not 3
        { "rating", """{"period":"2024","value":6}""", "value" },
        { "rating", """{"period":"2024","value":0}""", "value" },
        { "count", """{"period":"2024","value":1,"status":"draft"}""", "status" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public async Task Bad_values_are_refused_and_nothing_is_written(string kind, string fields, string field)
    {
        var client = await factory.AdminAsync();
        var (_, city, _, _) = await CityAsync(client);
        var code = ActorApi.Token();
        var indicator = (await CreateIndicatorAsync(client, kind switch { "rate" => Rate(code), "rating" => Rating(code), _ => Count(code) })).GetProperty("id").GetGuid();
        var body = ActorApi.Merge(new System.Text.Json.Nodes.JsonObject { ["indicatorId"] = indicator.ToString(), ["spaceId"] = city.ToString() },
            System.Text.Json.Nodes.JsonNode.Parse(fields)!.AsObject());
        await HttpAssert.ProblemAsync(await ActorApi.SendAsync(client, HttpMethod.Put, ObservationsUrl, body), HttpStatusCode.BadRequest, field);
        Assert.Empty(await ObservationsAsync(client, $"indicatorId={indicator}"));
    }

    [Fact]
    public async Task Unknown_indicator_or_space_is_a_field_error()
    {
        var client = await factory.AdminAsync();
        var (_, city, _, _) = await CityAsync(client);
        var indicator = (await CreateIndicatorAsync(client, Count(ActorApi.Token()))).GetProperty("id").GetGuid();
        await HttpAssert.ProblemAsync(await PutObservationAsync(client, new { indicatorId = Guid.NewGuid(), spaceId = city, period = "2024", value = 5 }), HttpStatusCode.BadRequest, "indicatorId");
        await HttpAssert.ProblemAsync(await PutObservationAsync(client, new { indicatorId = indicator, spaceId = Guid.NewGuid(), period = "2024", value = 5 }), HttpStatusCode.BadRequest, "spaceId");
    }

    [Fact]
    public async Task Viewers_and_analysts_see_small_numbers_withheld_and_flagged_editors_see_them()
    {
        var admin = await factory.AdminAsync();
        var (_, city, north, _) = await CityAsync(admin);
        var count = (await CreateIndicatorAsync(admin, Count(ActorApi.Token()))).GetProperty("id").GetGuid();
        var rate = (await CreateIndicatorAsync(admin, Rate(ActorApi.Token()))).GetProperty("id").GetGuid();
        await PutObservationOkAsync(admin, new { indicatorId = count, spaceId = north, period = "2024", value = 2 });
        await PutObservationOkAsync(admin, new { indicatorId = count, spaceId = city, period = "2024", value = 3 });
        await PutObservationOkAsync(admin, new { indicatorId = rate, spaceId = north, period = "2024", numerator = 1, denominator = 9 });

        foreach (var role in new[] { "viewer", "analyst" })
        {
            var client = await factory.AsAsync(role);
            var counts = await ObservationsAsync(client, $"indicatorId={count}");
            var small = counts.Single(o => o.GetProperty("spaceId").GetGuid() == north);
            Assert.True(small.GetProperty("suppressed").GetBoolean());
            Assert.Equal(JsonValueKind.Null, small.GetProperty("value").ValueKind);
            // north is the city's only part with a value, so the city's 3 would reveal it: withheld too (as in the export).
            Assert.True(counts.Single(o => o.GetProperty("spaceId").GetGuid() == city).GetProperty("suppressed").GetBoolean());
            var rated = Assert.Single(await ObservationsAsync(client, $"indicatorId={rate}"));
            Assert.True(rated.GetProperty("suppressed").GetBoolean());
            Assert.Equal(JsonValueKind.Null, rated.GetProperty("denominator").ValueKind);
            var one = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync($"{ObservationsUrl}/{small.GetProperty("id").GetGuid()}"));
            Assert.True(one.GetProperty("suppressed").GetBoolean());
        }
        var editor = await factory.AsAsync("editor");
        var seen = (await ObservationsAsync(editor, $"indicatorId={count}&spaceId={north}&from=2024&to=2024")).Single();
        Assert.Equal(2, seen.GetProperty("value").GetDouble());
        Assert.False(seen.GetProperty("suppressed").GetBoolean());
    }

    [Fact]
    public async Task List_filters_by_period_range_and_pages_in_period_order_and_delete_needs_the_etag()
    {
        var client = await factory.AdminAsync();
        var (_, city, _, _) = await CityAsync(client);
        var indicator = (await CreateIndicatorAsync(client, Count(ActorApi.Token()))).GetProperty("id").GetGuid();
        foreach (var p in new[] { "2024-05", "2023", "2024-H1", "2024", "2022-Q4" })
            await PutObservationOkAsync(client, new { indicatorId = indicator, spaceId = city, period = p, value = 10 });
        var all = await ActorApi.AllPagesAsync(client, $"{ObservationsUrl}?indicatorId={indicator}", limit: 2);
        Assert.Equal(new[] { "2022-Q4", "2023" }, all.Take(2).Select(o => o.GetProperty("period").GetString()));
        Assert.Equal("2024-05", all[^1].GetProperty("period").GetString());
        var range = await ObservationsAsync(client, $"indicatorId={indicator}&from=2024-Q1&to=2024-H1");
        Assert.Equal(new[] { "2024-05", "2024-H1" }, range.Select(o => o.GetProperty("period").GetString()).Order());
        await HttpAssert.ProblemAsync(await client.GetAsync($"{ObservationsUrl}?from=2024-X"), HttpStatusCode.BadRequest, "from");

        var id = all[0].GetProperty("id").GetGuid();
        await HttpAssert.ProblemAsync(await ActorApi.SendAsync(client, HttpMethod.Delete, $"{ObservationsUrl}/{id}", null, "\"7\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.NoContent, (await ActorApi.SendAsync(client, HttpMethod.Delete, $"{ObservationsUrl}/{id}", null, "\"1\"")).StatusCode);
        Assert.Equal(4, (await ObservationsAsync(client, $"indicatorId={indicator}")).Count);
    }
}
