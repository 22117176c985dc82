using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Raumnetz.DemoData;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.DemoData;

/// <summary>The API over a fresh database with the demo data switched on: the initializer seeds it at start-up.</summary>
public sealed class DemoDataApiFactory : ApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Raumnetz:DemoData"] = "true" };
}

public sealed class SeedDemoDataTests(DemoDataApiFactory factory) : IClassFixture<DemoDataApiFactory>
{
    [Fact]
    public void Demo_data_set_is_consistent()
    {
        Assert.Empty(DemoSpaces.Problems());
        Assert.Empty(DemoActors.Problems(DemoSpaces.All.Select(s => s.Code).ToHashSet()));
        Assert.InRange(DemoSpaces.All.Count, 100, 160);
        Assert.InRange(DemoActors.Actors.Count, 60, 90);
    }

    [Fact]
    public async Task Potsdam_Mittelmark_has_exactly_four_planning_regions_including_Teltow_and_Werder()
    {
        var client = await factory.SignedInAsync();
        var county = await SingleAsync(client, "12069");
        Assert.Equal("Landkreis Potsdam-Mittelmark", county.GetProperty("name").GetString());

        var regions = await ListAsync(client, $"/api/v1/spaces?parentId={Id(county)}&level=planningRegion");
        Assert.Equal(4, regions.Count);
        var names = regions.Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.Contains("Planungsregion Teltow", names);
        Assert.Contains("Planungsregion Werder (Havel)", names);

        var teltowRegion = regions.Single(r => r.GetProperty("name").GetString() == "Planungsregion Teltow");
        var municipalities = await ListAsync(client, $"/api/v1/spaces?parentId={Id(teltowRegion)}");
        Assert.Equal(["Kleinmachnow", "Stahnsdorf", "Teltow"], municipalities.Select(m => m.GetProperty("name").GetString()).Order());
        Assert.Equal("12069616", municipalities.Single(m => m.GetProperty("name").GetString() == "Teltow").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Dortmund_exists_with_its_Stadtbezirke_and_neighbourhoods()
    {
        var client = await factory.SignedInAsync();
        var dortmund = await SingleAsync(client, "05913");
        Assert.Equal("county", dortmund.GetProperty("level").GetString());

        var districts = await ListAsync(client, $"/api/v1/spaces?parentId={Id(dortmund)}&level=district");
        Assert.Equal(12, districts.Count);

        var nordstadt = districts.Single(d => d.GetProperty("name").GetString() == "Innenstadt-Nord");
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        var neighbourhoods = await ListAsync(client, $"/api/v1/spaces?parentId={Id(nordstadt)}&level=neighbourhood&validOn={today}");
        Assert.Equal(
            ["Sozialraum Borsigplatz", "Sozialraum Hafen", "Sozialraum Nordmarkt-Nord", "Sozialraum Nordmarkt-Süd"],
            neighbourhoods.Select(n => n.GetProperty("name").GetString()).Order());
    }

    [Fact]
    public async Task Reorganised_social_space_has_its_successors()
    {
        var client = await factory.SignedInAsync();
        var old = await SingleAsync(client, "05913-SR-NORDMARKT");
        Assert.Equal("2018-12-31", old.GetProperty("validTo").GetString());
        var successorIds = old.GetProperty("successorIds").EnumerateArray().Select(e => e.GetGuid()).ToList();
        Assert.Equal(2, successorIds.Count);

        foreach (var id in successorIds)
        {
            var successor = await client.GetFromJsonAsync<JsonElement>($"/api/v1/spaces/{id}", Json.Options);
            Assert.Equal("2019-01-01", successor.GetProperty("validFrom").GetString());
            Assert.Equal(JsonValueKind.Null, successor.GetProperty("validTo").ValueKind);
            Assert.Equal([Id(old)], successor.GetProperty("predecessorIds").EnumerateArray().Select(e => e.GetGuid()));
            Assert.Equal("Polygon", successor.GetProperty("geometry").GetProperty("type").GetString());
        }

        // The real reform in Eichsfeld: the Landgemeinde Dingelstädt (16061118) follows the town's old key.
        var dingelstaedt = await SingleAsync(client, "16061118");
        var oldTown = await SingleAsync(client, "16061025");
        Assert.Equal([Id(oldTown)], dingelstaedt.GetProperty("predecessorIds").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal("2018-12-31", oldTown.GetProperty("validTo").GetString());
    }

    [Fact]
    public async Task Marzahn_Hellersdorf_has_the_real_LOR_grid_until_2020_and_the_new_forecast_areas_from_2021()
    {
        var client = await factory.SignedInAsync();
        var district = await SingleAsync(client, "BE-10");
        Assert.Equal("MultiPolygon", district.GetProperty("geometry").GetProperty("type").GetString());

        var in2019 = Flatten(await client.GetFromJsonAsync<JsonElement>("/api/v1/spaces/tree?validOn=2019-06-30", Json.Options))
            .Select(n => n.GetProperty("code").GetString()!).Where(c => c.StartsWith("BE-10-", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, in2019.Count(c => c.StartsWith("BE-10-PGR-", StringComparison.Ordinal)));
        Assert.Equal(9, in2019.Count(c => c.StartsWith("BE-10-BZR-", StringComparison.Ordinal)));
        Assert.Equal(33, in2019.Count(c => c.StartsWith("BE-10-PLR-", StringComparison.Ordinal)));
        Assert.Contains("BE-10-PGR-1001", in2019);
        Assert.DoesNotContain("BE-10-PGR-1010", in2019);

        var in2022 = Flatten(await client.GetFromJsonAsync<JsonElement>("/api/v1/spaces/tree?validOn=2022-06-30", Json.Options))
            .Select(n => n.GetProperty("code").GetString()!).Where(c => c.StartsWith("BE-10-", StringComparison.Ordinal)).Order().ToList();
        Assert.Equal(["BE-10-PGR-1010", "BE-10-PGR-1020", "BE-10-PGR-1030", "BE-10-PGR-1040"], in2022);

        var marzahn = await SingleAsync(client, "BE-10-PGR-1010");
        Assert.Equal("Prognoseraum Marzahn", marzahn.GetProperty("name").GetString());
        Assert.Equal("2021-01-01", marzahn.GetProperty("validFrom").GetString());
        var predecessors = marzahn.GetProperty("predecessorIds").EnumerateArray().Select(e => e.GetGuid()).ToHashSet();
        Assert.Contains(Id(await SingleAsync(client, "BE-10-PGR-1001")), predecessors);
        Assert.Contains(Id(await SingleAsync(client, "BE-10-BZR-100101")), predecessors);
        var nord = await SingleAsync(client, "BE-10-BZR-100101");
        Assert.Equal("Marzahn Nord", nord.GetProperty("name").GetString());
        Assert.Equal("2020-12-31", nord.GetProperty("validTo").GetString());
    }

    [Fact]
    public async Task Tree_returns_the_states_and_shows_the_old_space_before_the_split()
    {
        var client = await factory.SignedInAsync();
        var tree = await client.GetFromJsonAsync<JsonElement>("/api/v1/spaces/tree", Json.Options);
        Assert.Equal(
            ["Berlin", "Brandenburg", "Nordrhein-Westfalen", "Sachsen", "Thüringen"],
            tree.EnumerateArray().Select(n => n.GetProperty("name").GetString()).Order());
        Assert.All(tree.EnumerateArray(), n => Assert.Equal("state", n.GetProperty("level").GetString()));

        var in2018 = await client.GetFromJsonAsync<JsonElement>("/api/v1/spaces/tree?validOn=2018-06-30", Json.Options);
        var names = Flatten(in2018).Select(n => n.GetProperty("name").GetString()).ToHashSet();
        Assert.Contains("Sozialraum Nordmarkt", names);
        Assert.DoesNotContain("Sozialraum Nordmarkt-Nord", names);
    }

    [Fact]
    public async Task A_second_seed_run_changes_nothing()
    {
        var client = await factory.SignedInAsync();
        var before = await ListAsync(client, "/api/v1/spaces?limit=500");
        Assert.Equal(DemoSpaces.All.Count, before.Count);

        using (var scope = factory.Services.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(TestContext.Current.CancellationToken);
            Assert.Equal(new SeedDemoDataResult(false, 0, 0), result);
        }

        var after = await ListAsync(client, "/api/v1/spaces?limit=500");
        Assert.Equal(before.Select(Id).Order(), after.Select(Id).Order());
        Assert.Equal(before.Select(s => s.GetProperty("version").GetInt64()), after.Select(s => s.GetProperty("version").GetInt64()));
    }

    [Fact]
    public async Task Actors_and_relations_are_seeded()
    {
        var client = await factory.SignedInAsync();
        var actors = await ListAsync(client, "/api/v1/actors?limit=500");
        var byName = actors.ToDictionary(a => a.GetProperty("name").GetString()!, Id);
        // Every actor of the set, once; the demo networks add the few members the set lacks.
        Assert.All(DemoActors.Actors, a => Assert.Contains(a.Name, byName.Keys));

        // Every relation appears once as outgoing at its source actor.
        var outgoing = 0;
        foreach (var actor in actors)
            outgoing += (await ListAsync(client, $"/api/v1/actors/{Id(actor)}/relations?limit=500"))
                .Count(r => r.GetProperty("direction").GetString() == "outgoing");
        Assert.Equal(DemoActors.Relations.Count, outgoing);

        var jobcenter = await ListAsync(client, $"/api/v1/actors/{byName["Jobcenter Dortmund"]}/relations?limit=500");
        var withYouthOffice = jobcenter.Single(r => r.GetProperty("otherActorId").GetGuid() == byName["Jugendamt Dortmund"]);
        Assert.True(withYouthOffice.GetProperty("isContractual").GetBoolean());
        var withSchoolOffice = jobcenter.Single(r => r.GetProperty("otherActorId").GetGuid() == byName["Schulamt für die Stadt Dortmund"]);
        Assert.False(withSchoolOffice.GetProperty("isContractual").GetBoolean());

        var liga = byName["Liga der Freien Wohlfahrtspflege Potsdam-Mittelmark"];
        Assert.Equal(5,
            actors.Count(a => a.GetProperty("kind").GetString() == "organisation" && a.TryGetProperty("parentId", out var p)
                && p.ValueKind == JsonValueKind.String && p.GetGuid() == liga));
    }

    [Fact]
    public async Task Every_demo_geometry_the_api_writes_follows_the_right_hand_rule()
    {
        // the tester's request: the Berlin LOR of Marzahn-Hellersdorf as GeoJSON (50 of 51 exterior rings were clockwise)
        var client = await factory.SignedInAsync();
        var district = await SingleAsync(client, "BE-10");
        var response = await client.GetAsync($"/api/v1/exports/indicators?format=geojson&under={Id(district)}");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body);
        var features = JsonDocument.Parse(body).RootElement.GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("geometry").ValueKind == JsonValueKind.Object).ToList();
        Assert.True(features.Count >= 51, $"{features.Count} features with a geometry");
        var wrong = features.Where(f => !Spaces.GeometryWindingTests.FollowsRightHandRule(f.GetProperty("geometry")))
            .Select(f => f.GetProperty("id").GetString()).ToList();
        Assert.Empty(wrong);

        // and every space of the demo data as the spaces list gives it
        var spaces = await ListAsync(client, "/api/v1/spaces?limit=500");
        Assert.All(spaces.Where(s => s.GetProperty("geometry").ValueKind == JsonValueKind.Object),
            s => Assert.True(Spaces.GeometryWindingTests.FollowsRightHandRule(s.GetProperty("geometry")),
                s.GetProperty("code").GetString()));
    }

    private static Guid Id(JsonElement element) => element.GetProperty("id").GetGuid();

    /// <summary>One space by code, read from its own endpoint (lists leave predecessor and successor ids empty).</summary>
    private static async Task<JsonElement> SingleAsync(HttpClient client, string code)
    {
        var matches = await ListAsync(client, $"/api/v1/spaces?q={Uri.EscapeDataString(code)}&limit=500");
        var id = Id(matches.Single(s => s.GetProperty("code").GetString() == code));
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/spaces/{id}", Json.Options);
    }

    /// <summary>All items of a list endpoint (the demo data set fits into one page of 500).</summary>
    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string url)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(url, Json.Options);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    private static IEnumerable<JsonElement> Flatten(JsonElement nodes) =>
        nodes.EnumerateArray().SelectMany(n => new[] { n }.Concat(Flatten(n.GetProperty("children"))));
}
