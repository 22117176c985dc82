using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Spaces;

public sealed class CreateSpaceTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Creates_a_space_with_201_location_etag_and_body()
    {
        var client = await factory.AdminAsync();
        var response = await client.PostAsJsonAsync("/api/v1/spaces",
            new { code = "12069", name = "  Landkreis Potsdam-Mittelmark ", level = "county", population = 220000,
                validFrom = "2020-01-01" }, Ct);

        var body = await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created);
        Assert.Equal($"/api/v1/spaces/{body.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal("12069", body.Str("code"));
        Assert.Equal("Landkreis Potsdam-Mittelmark", body.Str("name"));
        Assert.Equal("county", body.Str("level"));
        Assert.Equal(220000, body.GetProperty("population").GetInt32());
        Assert.Equal("2020-01-01", body.Str("validFrom"));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("validTo").ValueKind);
        Assert.Equal(1, body.GetProperty("version").GetInt64());

        var (read, etag) = await client.GetSpaceAsync(body.Id());
        Assert.Equal("\"1\"", etag);
        Assert.Equal(body.GetRawText(), read.GetRawText());
    }

    [Fact]
    public async Task Valid_from_defaults_to_today()
    {
        var client = await factory.AdminAsync();
        var body = await client.CreateSpaceAsync("TODAY", "Heute", "municipality");
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), body.Str("validFrom"));
    }

    [Fact]
    public async Task Child_shows_its_parent_and_the_parent_counts_its_children()
    {
        var client = await factory.AdminAsync();
        var county = await client.CreateSpaceAsync("C-PARENT", "Kreis Oberhavel", "county");
        var child = await client.CreateSpaceAsync("C-CHILD", "Oranienburg", "municipality", county.Id());

        Assert.Equal(county.Id(), child.GetProperty("parentId").GetGuid());
        Assert.Equal("Kreis Oberhavel", child.Str("parentName"));
        var (parent, _) = await client.GetSpaceAsync(county.Id());
        Assert.Equal(1, parent.GetProperty("childCount").GetInt32());
    }

    [Fact]
    public async Task Predecessors_are_stored_and_show_as_successors()
    {
        var client = await factory.AdminAsync();
        var a = await client.CreateSpaceAsync("P-OLD-A", "Alt A", "district", validTo: null);
        var b = await client.CreateSpaceAsync("P-OLD-B", "Alt B", "district");
        var merged = await client.CreateSpaceAsync("P-NEW", "Neu AB", "district", predecessorIds: [a.Id(), b.Id(), a.Id()]);

        Assert.Equal(new[] { a.Id(), b.Id() }.Order(), merged.GetProperty("predecessorIds").EnumerateArray().Select(e => e.GetGuid())
            .Order());
        var (old, _) = await client.GetSpaceAsync(a.Id());
        Assert.Equal([merged.Id()], old.GetProperty("successorIds").EnumerateArray().Select(e => e.GetGuid()));
    }

    [Fact]
    public async Task Geometry_polygon_is_stored_and_returned()
    {
        var client = await factory.AdminAsync();
        var geometry = new { type = "Polygon",
            coordinates = new[] { new[] { new[] { 13.0, 52.0 }, new[] { 13.1, 52.0 }, new[] { 13.1, 52.1 }, new[] { 13.0, 52.0 } } } };
        var body = await HttpAssert.OkAsync<JsonElement>(
            await client.PostAsJsonAsync("/api/v1/spaces", new { code = "GEO", name = "Mit Fläche", level = "district", geometry }, Ct),
                HttpStatusCode.Created);
        Assert.Equal("Polygon", body.GetProperty("geometry").Str("type"));
        Assert.Equal(13.1, body.GetProperty("geometry").GetProperty("coordinates")[0][1][0].GetDouble());
    }

    [Fact]
    public async Task Duplicate_code_is_409_naming_code()
    {
        var client = await factory.AdminAsync();
        await client.CreateSpaceAsync("DUP", "Erster", "district");
        var response = await client.PostAsJsonAsync("/api/v1/spaces", new { code = "DUP", name = "Zweiter", level = "district" }, Ct);
        await HttpAssert.ProblemAsync(response, HttpStatusCode.Conflict, "code");
        Assert.Single(await client.AllSpacesAsync(), s => s.Str("code") == "DUP");
    }

    [Theory]
    [InlineData("county")]
    [InlineData("state")]
    public async Task Parent_on_the_same_or_a_lower_level_is_400_naming_parentId(string level)
    {
        var client = await factory.AdminAsync();
        var parent = await client.CreateSpaceAsync($"LOW-{level}", "Kreis", "county");
        var response = await client.PostAsJsonAsync("/api/v1/spaces",
            new { code = $"HIGH-{level}", name = "Zu hoch", level, parentId = parent.Id() }, Ct);
        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "parentId");
    }

    [Fact]
    public async Task Unknown_parent_is_400_naming_parentId()
    {
        var client = await factory.AdminAsync();
        var response = await client.PostAsJsonAsync("/api/v1/spaces",
            new { code = "ORPHAN", name = "Waise", level = "district", parentId = Guid.NewGuid() }, Ct);
        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "parentId");
    }

    [Fact]
    public async Task Unknown_predecessor_is_400_naming_predecessorIds()
    {
        var client = await factory.AdminAsync();
        var response = await client.PostAsJsonAsync("/api/v1/spaces",
            new { code = "NOPRED", name = "Ohne", level = "district", predecessorIds = new[] { Guid.NewGuid() } }, Ct);
        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "predecessorIds");
        Assert.DoesNotContain(await client.AllSpacesAsync(), s => s.Str("code") == "NOPRED");
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{"code":"","name":"Leer","level":"district"}""", "code" },
        { """{"code":"A B","name":"Leerzeichen","level":"district"}""", "code" },
        { """{"code":"-A","name":"Strich","level":"district"}""", "code" },
        { $$"""{"code":"{{new string('C', 51)}}","name":"Lang","level":"district"}""", "code" },
        { """{"code":"N1","name":"   ","level":"district"}""", "name" },
        { $$"""{"code":"N2","name":"{{new string('n', 201)}}","level":"district"}""", "name" },
        { """{"code":"N3","name":"Ohne Ebene"}""", "level" },
        { """{"code":"N4","name":"Falsche Ebene","level":"galaxy"}""", "level" },
        { """{"code":"N5","name":"Zahl als Ebene","level":3}""", "level" },
        { """{"code":"N6","name":"Negativ","level":"district","population":-1}""", "population" },
        { """{"code":"N7","name":"Zu viele","level":"district","population":100000001}""", "population" },
        { """{"code":"N8","name":"Rückwärts","level":"district","validFrom":"2024-05-01","validTo":"2024-04-30"}""", "validTo" },
        { """{"code":"N9","name":"Kein Datum","level":"district","validFrom":"2024-13-01"}""", "validFrom" },
        { """{"code":"N10","name":"Text","level":"district","geometry":"POLYGON"}""", "geometry" },
        { """{"code":"N11","name":"Punkt","level":"district","geometry":{"type":"Point","coordinates":[1,2]}}""", "geometry" },
        { """{"code":"N12","name":"Typ als Zahl","level":"district","geometry":{"type":5,"coordinates":[]}}""", "geometry" },
        { """{"code":"N13","name":"Ohne Koordinaten","level":"district","geometry":{"type":"Polygon"}}""", "geometry" },
        { """{"code":"N14","name":"Keine Id","level":"district","predecessorIds":["x"]}""", "predecessorIds[0]" },
        { $$"""{"code":"N15","name":"Zu viele","level":"district","predecessorIds":[{{string.Join(",", Enumerable.Range(0, 21).Select(_ => $"\"{Guid.NewGuid()}\""))}}]}""", "predecessorIds" },
        { """{"code":null,"name":"Null","level":"district"}""", "code" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Invalid_fields_are_400_naming_the_field_and_nothing_is_created(string json, string field)
    {
        var client = await factory.AdminAsync();
        var before = (await client.AllSpacesAsync()).Count;
        var response = await client.PostAsync("/api/v1/spaces", TestData.RawJson(json), Ct);
        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, (await client.AllSpacesAsync()).Count);
    }
}
