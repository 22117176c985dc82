using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Spaces;

public sealed class EndSpaceTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static Task<HttpResponseMessage> EndAsync(HttpClient c, Guid id, object body, string? ifMatch = "*") =>
        ifMatch is null ? c.SendJsonAsync(HttpMethod.Post, $"/api/v1/spaces/{id}/end", body)
            : c.SendJsonAsync(HttpMethod.Post, $"/api/v1/spaces/{id}/end", body, ("If-Match", ifMatch));

    [Fact]
    public async Task Ends_a_space_on_a_day_and_it_leaves_lists_for_later_days()
    {
        var c = await factory.AdminAsync();
        var space = await c.CreateSpaceAsync("E-1", "Wird beendet", "district", validFrom: "2020-01-01");

        var response = await EndAsync(c, space.Id(), new { validTo = "2024-06-30" }, "\"1\"");

        var body = await HttpAssert.OkAsync<JsonElement>(response);
        Assert.Equal("2024-06-30", body.Str("validTo"));
        Assert.Equal(2, body.GetProperty("version").GetInt64());
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var onLastDay = await HttpAssert.OkAsync<JsonElement>(await c.GetAsync("/api/v1/spaces?validOn=2024-06-30&q=E-1", TestContext.Current.CancellationToken));
        Assert.Single(onLastDay.GetProperty("items").EnumerateArray());
        var after = await HttpAssert.OkAsync<JsonElement>(await c.GetAsync("/api/v1/spaces?validOn=2024-07-01&q=E-1", TestContext.Current.CancellationToken));
        Assert.Empty(after.GetProperty("items").EnumerateArray());
        Assert.Equal("2024-06-30", (await c.GetSpaceAsync(space.Id())).Space.Str("validTo")); // still there, in the history
    }

    [Fact]
    public async Task Ending_on_the_first_day_is_allowed()
    {
        var c = await factory.AdminAsync();
        var space = await c.CreateSpaceAsync("E-SAME", "Ein Tag", "district", validFrom: "2020-01-01");
        Assert.Equal(HttpStatusCode.OK, (await EndAsync(c, space.Id(), new { validTo = "2020-01-01" })).StatusCode);
    }

    [Fact]
    public async Task Ending_before_it_began_is_400_naming_validTo()
    {
        var c = await factory.AdminAsync();
        var space = await c.CreateSpaceAsync("E-2", "Zu früh", "district", validFrom: "2020-01-01");
        await HttpAssert.ProblemAsync(await EndAsync(c, space.Id(), new { validTo = "2019-12-31" }), HttpStatusCode.BadRequest, "validTo");
        Assert.Equal(JsonValueKind.Null, (await c.GetSpaceAsync(space.Id())).Space.GetProperty("validTo").ValueKind);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"validTo":null}""")]
    [InlineData("""{"validTo":"morgen"}""")]
    [InlineData("""{"validTo":20240101}""")]
    public async Task Missing_or_invalid_day_is_400_naming_validTo(string json)
    {
        var c = await factory.AdminAsync();
        var space = await c.CreateSpaceAsync($"E-{Guid.NewGuid():N}"[..12], "Ohne Datum", "district");
        var response = await c.SendJsonAsync(HttpMethod.Post, $"/api/v1/spaces/{space.Id()}/end", TestData.RawJson(json), ("If-Match", "*"));
        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validTo");
    }

    [Fact]
    public async Task Stale_if_match_is_412()
    {
        var c = await factory.AdminAsync();
        var space = await c.CreateSpaceAsync("E-3", "Veraltet", "district", validFrom: "2020-01-01");
        await HttpAssert.ProblemAsync(await EndAsync(c, space.Id(), new { validTo = "2024-01-01" }, "\"7\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal(1, (await c.GetSpaceAsync(space.Id())).Space.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Unknown_space_is_404()
    {
        var c = await factory.AdminAsync();
        await HttpAssert.ProblemAsync(await EndAsync(c, Guid.NewGuid(), new { validTo = "2024-01-01" }), HttpStatusCode.NotFound);
    }
}
