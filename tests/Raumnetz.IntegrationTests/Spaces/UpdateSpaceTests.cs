using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Spaces;

public sealed class UpdateSpaceTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid id, object body, string? ifMatch) =>
        ifMatch is null
            ? client.SendJsonAsync(HttpMethod.Put, $"/api/v1/spaces/{id}", body)
            : client.SendJsonAsync(HttpMethod.Put, $"/api/v1/spaces/{id}", body, ("If-Match", ifMatch));

    [Fact]
    public async Task Matching_if_match_updates_and_returns_the_new_etag()
    {
        var c = await factory.AdminAsync();
        var space = await c.CreateSpaceAsync("U-1", "Alter Name", "district", validFrom: "2020-01-01");
        var (_, etag) = await c.GetSpaceAsync(space.Id());

        var response = await PutAsync(c, space.Id(), new { code = "U-1", name = "Neuer Name", level = "district", population = 1200, validFrom = "2020-01-01" }, etag);

        var body = await HttpAssert.OkAsync<JsonElement>(response);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal(2, body.GetProperty("version").GetInt64());
        Assert.Equal("Neuer Name", body.Str("name"));
        Assert.Equal(1200, body.GetProperty("population").GetInt32());
        var (read, readEtag) = await c.GetSpaceAsync(space.Id());
        Assert.Equal("Neuer Name", read.Str("name"));
        Assert.Equal("\"2\"", readEtag);
        Assert.True(read.GetProperty("updatedAt").GetDateTimeOffset() >= read.GetProperty("createdAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Weak_etag_form_is_accepted()
    {
        var c = await factory.AdminAsync();
        var space = await c.CreateSpaceAsync("U-W", "Schwach", "district");
        var response = await PutAsync(c, space.Id(), new { code = "U-W", name = "Schwach 2", level = "district" }, "W/\"1\"");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Stale_if_match_is_412_and_changes_nothing()
    {
        var c = await factory.AdminAsync();
        var space = await c.CreateSpaceAsync("U-2", "Erste Fassung", "district");
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(c, space.Id(), new { code = "U-2", name = "Zweite Fassung", level = "district" }, "\"1\"")).StatusCode);

        var stale = await PutAsync(c, space.Id(), new { code = "U-2", name = "Verlorene Fassung", level = "district" }, "\"1\"");

        await HttpAssert.ProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        var (read, etag) = await c.GetSpaceAsync(space.Id());
        Assert.Equal("Zweite Fassung", read.Str("name"));
        Assert.Equal("\"2\"", etag);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("\"x")]
    [InlineData("1")]
    public async Task Malformed_if_match_is_400_naming_if_match(string ifMatch)
    {
        var c = await factory.AdminAsync();
        var space = await c.CreateSpaceAsync($"U-M-{Guid.NewGuid():N}"[..20], "Unverändert", "district");
        var response = await PutAsync(c, space.Id(), new { code = space.Str("code"), name = "Geändert", level = "district" }, ifMatch);
        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "If-Match");
        Assert.Equal("Unverändert", (await c.GetSpaceAsync(space.Id())).Space.Str("name"));
    }

    [Fact]
    public async Task Parent_on_a_lower_level_is_400_naming_parentId()
    {
        var c = await factory.AdminAsync();
        var municipality = await c.CreateSpaceAsync("U-G", "Gemeinde", "municipality");
        var neighbourhood = await c.CreateSpaceAsync("U-Q", "Quartier", "neighbourhood");
        var response = await PutAsync(c, municipality.Id(), new { code = "U-G", name = "Gemeinde", level = "municipality", parentId = neighbourhood.Id() }, "\"1\"");
        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "parentId");
    }

    [Fact]
    public async Task Own_parent_is_400_naming_parentId()
    {
        var c = await factory.AdminAsync();
        var space = await c.CreateSpaceAsync("U-SELF", "Selbst", "district");
        var response = await PutAsync(c, space.Id(), new { code = "U-SELF", name = "Selbst", level = "district", parentId = space.Id() }, "*");
        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "parentId");
    }

    [Fact]
    public async Task Own_predecessor_is_400_naming_predecessorIds()
    {
        var c = await factory.AdminAsync();
        var space = await c.CreateSpaceAsync("U-PRED", "Vorgänger", "district");
        var response = await PutAsync(c, space.Id(), new { code = "U-PRED", name = "Vorgänger", level = "district", predecessorIds = new[] { space.Id() } }, "*");
        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "predecessorIds");
    }

    [Theory]
    [InlineData("district")]
    [InlineData("neighbourhood")]
    public async Task Level_not_above_its_children_is_400_naming_level(string level)
    {
        var c = await factory.AdminAsync();
        var parent = await c.CreateSpaceAsync($"U-P-{level}", "Elternraum", "municipality");
        await c.CreateSpaceAsync($"U-C-{level}", "Kindraum", "district", parent.Id());
        var response = await PutAsync(c, parent.Id(), new { code = $"U-P-{level}", name = "Elternraum", level }, "\"1\"");
        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "level");
        Assert.Equal("municipality", (await c.GetSpaceAsync(parent.Id())).Space.Str("level"));
    }

    [Fact]
    public async Task Moving_up_a_level_above_its_children_is_allowed()
    {
        var c = await factory.AdminAsync();
        var parent = await c.CreateSpaceAsync("U-UP", "Wird Kreis", "municipality");
        await c.CreateSpaceAsync("U-UP-C", "Kind", "district", parent.Id());
        var body = await HttpAssert.OkAsync<JsonElement>(await PutAsync(c, parent.Id(), new { code = "U-UP", name = "Wird Kreis", level = "county" }, "\"1\""));
        Assert.Equal("county", body.Str("level"));
    }

    [Fact]
    public async Task Code_of_another_space_is_409_naming_code()
    {
        var c = await factory.AdminAsync();
        await c.CreateSpaceAsync("U-TAKEN", "Vergeben", "district");
        var space = await c.CreateSpaceAsync("U-FREE", "Frei", "district");
        var response = await PutAsync(c, space.Id(), new { code = "U-TAKEN", name = "Frei", level = "district" }, "\"1\"");
        await HttpAssert.ProblemAsync(response, HttpStatusCode.Conflict, "code");
    }

    [Fact]
    public async Task Predecessors_are_replaced()
    {
        var c = await factory.AdminAsync();
        var a = await c.CreateSpaceAsync("U-A", "A", "district");
        var b = await c.CreateSpaceAsync("U-B", "B", "district");
        var space = await c.CreateSpaceAsync("U-AB", "AB", "district", predecessorIds: [a.Id()]);
        var body = await HttpAssert.OkAsync<JsonElement>(await PutAsync(c, space.Id(), new { code = "U-AB", name = "AB", level = "district", predecessorIds = new[] { b.Id() } }, "\"1\""));
        Assert.Equal([b.Id()], body.GetProperty("predecessorIds").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Empty((await c.GetSpaceAsync(a.Id())).Space.GetProperty("successorIds").EnumerateArray());
    }

    [Fact]
    public async Task Unknown_space_is_404()
    {
        var c = await factory.AdminAsync();
        var response = await PutAsync(c, Guid.NewGuid(), new { code = "U-404", name = "Nirgends", level = "district" }, "*");
        await HttpAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invalid_fields_are_400_naming_them()
    {
        var c = await factory.AdminAsync();
        var space = await c.CreateSpaceAsync("U-INV", "Gültig", "district");
        var response = await c.SendJsonAsync(HttpMethod.Put, $"/api/v1/spaces/{space.Id()}",
            TestData.RawJson("""{"code":"U INV","name":"","level":"district","population":-5}"""), ("If-Match", "*"));
        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "code", "name", "population");
    }
}
