using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Spaces;

public sealed class ImportSpacesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static object Feature(string code, string name, string level, string? parentCode = null, int? population = null,
        object? geometry = null) =>
        new { type = "Feature", properties = new { code, name, level, parentCode, population }, geometry };

    private static object File(params object[] features) => new { type = "FeatureCollection", features };

    private async Task<HttpResponseMessage> ImportAsync(object body, bool dryRun = false) =>
        await (await factory.AdminAsync()).SendJsonAsync(HttpMethod.Post, "/api/v1/spaces/import" + (dryRun ? "?dryRun=true" : ""), body);

    private async Task<Dictionary<string, JsonElement>> SpacesByCodeAsync(string prefix) =>
        (await (await factory.AdminAsync()).AllSpacesAsync()).Where(s => s.Str("code").StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(s => s.Str("code"));

    private static readonly object Square = new { type = "Polygon",
        coordinates = new[] { new[] { new[] { 13.0, 52.0 }, new[] { 13.1, 52.0 }, new[] { 13.1, 52.1 }, new[] { 13.0, 52.0 } } } };

    [Fact]
    public async Task Imports_a_hierarchy_with_parents_after_children_and_german_level_names()
    {
        var response = await ImportAsync(File(
            Feature("I1-Q", "Bahnhofsviertel", "Quartier", "I1-ST"),
            Feature("I1-ST", "Innenstadt", "Stadtteil", "I1-G", 8000, Square),
            Feature("I1-G", "Neuruppin", "Gemeinde", "I1-LK", 31000),
            Feature("I1-LK", "Landkreis Ostprignitz-Ruppin", "Landkreis")));

        var result = await HttpAssert.OkAsync<JsonElement>(response);
        Assert.Equal(4, result.GetProperty("created").GetInt32());
        Assert.Equal(0, result.GetProperty("updated").GetInt32());
        Assert.False(result.GetProperty("dryRun").GetBoolean());
        var spaces = await SpacesByCodeAsync("I1-");
        Assert.Equal(4, spaces.Count);
        Assert.Equal("county", spaces["I1-LK"].Str("level"));
        Assert.Equal("neighbourhood", spaces["I1-Q"].Str("level"));
        Assert.Equal(spaces["I1-ST"].Id(), spaces["I1-Q"].GetProperty("parentId").GetGuid());
        Assert.Equal(spaces["I1-G"].Id(), spaces["I1-ST"].GetProperty("parentId").GetGuid());
        Assert.Equal(spaces["I1-LK"].Id(), spaces["I1-G"].GetProperty("parentId").GetGuid());
        Assert.Equal(31000, spaces["I1-G"].GetProperty("population").GetInt32());
        Assert.Equal("Polygon", spaces["I1-ST"].GetProperty("geometry").Str("type"));
    }

    [Fact]
    public async Task Parent_may_be_an_existing_space()
    {
        var c = await factory.AdminAsync();
        var county = await c.CreateSpaceAsync("I2-LK", "Bestehender Kreis", "county");
        await HttpAssert.OkAsync<JsonElement>(await ImportAsync(File(Feature("I2-G", "Neue Gemeinde", "municipality", "I2-LK"))));
        Assert.Equal(county.Id(), (await SpacesByCodeAsync("I2-G"))["I2-G"].GetProperty("parentId").GetGuid());
    }

    [Fact]
    public async Task Dry_run_counts_but_writes_nothing()
    {
        var response = await ImportAsync(
            File(Feature("I3-LK", "Probekreis", "county"), Feature("I3-G", "Probegemeinde", "municipality", "I3-LK")), dryRun: true);

        var result = await HttpAssert.OkAsync<JsonElement>(response);
        Assert.Equal(2, result.GetProperty("created").GetInt32());
        Assert.True(result.GetProperty("dryRun").GetBoolean());
        Assert.Empty(await SpacesByCodeAsync("I3-"));
    }

    [Fact]
    public async Task Reimport_updates_instead_of_duplicating()
    {
        await HttpAssert.OkAsync<JsonElement>(
            await ImportAsync(
                File(Feature("I4-LK", "Kreis", "county", population: 100), Feature("I4-G", "Gemeinde", "municipality", "I4-LK"))));
        var before = await SpacesByCodeAsync("I4-");

        var result = await HttpAssert.OkAsync<JsonElement>(
            await ImportAsync(File(Feature("I4-LK", "Kreis (neu)", "county"), Feature("I4-G", "Gemeinde", "municipality", "I4-LK"))));

        Assert.Equal(0, result.GetProperty("created").GetInt32());
        Assert.Equal(2, result.GetProperty("updated").GetInt32());
        var after = await SpacesByCodeAsync("I4-");
        Assert.Equal(2, after.Count);
        Assert.Equal(before["I4-LK"].Id(), after["I4-LK"].Id());
        Assert.Equal("Kreis (neu)", after["I4-LK"].Str("name"));
        Assert.Equal(100, after["I4-LK"].GetProperty("population").GetInt32()); // not given again: kept
        Assert.Equal(2, after["I4-LK"].GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Unknown_parent_code_is_400_naming_the_feature_and_imports_nothing()
    {
        var response = await ImportAsync(File(Feature("I5-LK", "Kreis", "county"), Feature("I5-G", "Gemeinde", "municipality", "I5-NOPE")));
        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "features[1].properties.parentCode");
        Assert.Empty(await SpacesByCodeAsync("I5-"));
    }

    [Fact]
    public async Task Child_not_below_its_parent_is_400_naming_the_features_level()
    {
        var response = await ImportAsync(
            File(Feature("I6-G", "Gemeinde", "municipality"), Feature("I6-LK", "Kreis unter Gemeinde", "county", "I6-G")));
        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "features[1].properties.level");
        Assert.Empty(await SpacesByCodeAsync("I6-"));
    }

    [Fact]
    public async Task Reimport_cannot_move_a_space_below_its_existing_children()
    {
        var c = await factory.AdminAsync();
        var county = await c.CreateSpaceAsync("I9-LK", "Kreis", "county");
        await c.CreateSpaceAsync("I9-G", "Gemeinde", "municipality", county.Id());

        var response = await ImportAsync(File(Feature("I9-LK", "Kreis als Quartier", "neighbourhood")));

        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "features[0].properties.level");
        Assert.Equal("county", (await c.GetSpaceAsync(county.Id())).Space.Str("level"));
    }

    [Fact]
    public async Task Reimport_cannot_make_a_cycle_through_existing_children()
    {
        var c = await factory.AdminAsync();
        var county = await c.CreateSpaceAsync("I10-LK", "Kreis", "county");
        await c.CreateSpaceAsync("I10-ST", "Stadtteil", "district", county.Id());

        // The county would become a neighbourhood inside its own district.
        var response = await ImportAsync(File(Feature("I10-LK", "Kreis", "neighbourhood", "I10-ST")));

        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "features[0].properties.level");
        Assert.Null((await c.GetSpaceAsync(county.Id())).Space.GetProperty("parentId").GetString());
    }

    [Fact]
    public async Task Reimport_may_move_a_space_that_keeps_above_its_children()
    {
        var c = await factory.AdminAsync();
        var municipality = await c.CreateSpaceAsync("I11-G", "Gemeinde", "municipality");
        await c.CreateSpaceAsync("I11-Q", "Quartier", "neighbourhood", municipality.Id());
        await HttpAssert.OkAsync<JsonElement>(await ImportAsync(File(Feature("I11-G", "Jetzt Stadtteil", "district"))));
        Assert.Equal("district", (await c.GetSpaceAsync(municipality.Id())).Space.Str("level"));
    }

    [Fact]
    public async Task Unknown_level_is_400_naming_the_features_level()
    {
        var response = await ImportAsync(File(Feature("I7-OK", "Gut", "county"), Feature("I7-BAD", "Schlecht", "Galaxis")));
        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "features[1].properties.level");
        Assert.Empty(await SpacesByCodeAsync("I7-"));
    }

    [Fact]
    public async Task Duplicate_codes_in_the_file_are_400_naming_features()
    {
        var response = await ImportAsync(File(Feature("I8-A", "Eins", "county"), Feature("I8-A", "Zwei", "county")));
        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "features");
        Assert.Empty(await SpacesByCodeAsync("I8-"));
    }

    public static TheoryData<string, string> InvalidFiles => new()
    {
        { """{"type":"Feature","features":[]}""", "type" },
        { """{"type":"FeatureCollection"}""", "features" },
        { """{"type":"FeatureCollection","features":[{"type":"Point","properties":{"code":"X1","name":"X","level":"county"}}]}""",
            "features[0].type" },
        { """{"type":"FeatureCollection","features":[{"type":"Feature"}]}""", "features[0].properties" },
        { """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"X 2","name":"X","level":"county"}}]}""",
            "features[0].properties.code" },
        { """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"X3","name":"","level":"county"}}]}""",
            "features[0].properties.name" },
        { """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"X4","name":"X","level":"county","population":-1}}]}""", "features[0].properties.population" },
        { """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"X5","name":"X","level":"county"},"geometry":{"type":"Point","coordinates":[1,2]}}]}""", "features[0].geometry" },
        { """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"X6","name":"X","level":"county"},"geometry":{"type":7}}]}""", "features[0].geometry" },
        { """{"type":"FeatureCollection","features":[null]}""", "features[0]" },
        { """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"X7","name":"X","level":5}}]}""",
            "features[0].properties.level" },
        { """{"type":"FeatureCollection","features":[{"type":"Feature","properties":null}]}""", "features[0].properties" },
        { """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"X8","name":"X","level":"state,county"}}]}""",
            "features[0].properties.level" },
    };

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public async Task Invalid_files_are_400_naming_the_field(string json, string field)
    {
        var before = (await (await factory.AdminAsync()).AllSpacesAsync()).Count;
        await HttpAssert.ProblemAsync(await ImportAsync(TestData.RawJson(json)), HttpStatusCode.BadRequest, field);
        Assert.Equal(before, (await (await factory.AdminAsync()).AllSpacesAsync()).Count);
    }

    [Fact]
    public async Task More_than_5000_features_is_400_naming_features()
    {
        var features = Enumerable.Range(0, 5001).Select(i => Feature($"BIG-{i}", $"Raum {i}", "district")).ToArray();
        await HttpAssert.ProblemAsync(await ImportAsync(File(features)), HttpStatusCode.BadRequest, "features");
        Assert.Empty(await SpacesByCodeAsync("BIG-"));
    }

    [Fact]
    public async Task Import_accepts_bodies_above_the_normal_limit()
    {
        // About 1.5 MB: above the 1 MB default, below the import limit of 20 MB.
        var features = Enumerable.Range(0, 1500)
            .Select(i => Feature($"L-{i}", $"Raum {i} " + new string('x', 180), "district", population: i)).ToArray();
        var result = await HttpAssert.OkAsync<JsonElement>(await ImportAsync(File(features), dryRun: true));
        Assert.Equal(1500, result.GetProperty("created").GetInt32());
    }
}
