using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Raumnetz.DemoData;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.DemoData;

/// <summary>The demo inventory (issue 12) as the API shows it after the start-up seed.</summary>
public sealed class SeedDemoInventoryTests(DemoDataApiFactory factory) : IClassFixture<DemoDataApiFactory>
{
    [Fact]
    public void Demo_inventory_is_consistent()
    {
        Assert.Empty(DemoInventory.Problems(DemoSpaces.All.ToDictionary(s => s.Code, StringComparer.Ordinal)));
        Assert.InRange(DemoInventory.Facilities.Count, 12, 40);
        // the "Finanzierungspuzzle": several services have more than one funder
        Assert.True(DemoInventory.Facilities.SelectMany(f => f.Services).Count(s => (s.Fundings?.Count ?? 0) > 1) >= 8);
    }

    [Fact]
    public async Task Every_facility_lies_in_its_space_with_hours_and_accessibility()
    {
        var client = await factory.SignedInAsync();
        var locations = await ListAsync(client, "/api/v1/locations?limit=500");
        Assert.Equal(DemoInventory.Facilities.Count, locations.Count);
        foreach (var facility in DemoInventory.Facilities)
        {
            var location = locations.Single(l => l.GetProperty("name").GetString() == facility.Name);
            Assert.Equal(facility.ExpectedSpaceCode, location.GetProperty("spaceCode").GetString());
            Assert.Equal(facility.SetSpaceByHand ? "manual" : "derived", location.GetProperty("spaceSource").GetString());
            Assert.NotEmpty(location.GetProperty("openingHours").EnumerateArray());
            Assert.Contains(location.GetProperty("closures").EnumerateArray(), c => c.GetProperty("kind").GetString() == "holiday");
            Assert.False(string.IsNullOrEmpty(location.GetProperty("accessibility").GetProperty("description").GetString()));
        }

        // Teltow: its Kitas, youth club and family centre
        var teltow = await SpaceIdAsync(client, "12069616");
        var inTeltow = await ListAsync(client, $"/api/v1/services?spaceId={teltow}&limit=500");
        var categories = inTeltow
            .SelectMany(s => s.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("code").GetString())).ToHashSet();
        Assert.Superset(new HashSet<string?> { "kita", "jugendclub", "familienzentrum" }, categories);

        // Dortmund-Nordstadt (Innenstadt-Nord and the neighbourhoods below it): counselling, job centre, Quartiersmanagement
        var nordstadt = await SpaceIdAsync(client, "05913-SB02");
        var inNordstadt = await ListAsync(client, $"/api/v1/services?spaceId={nordstadt}&limit=500");
        var nordCategories = inNordstadt
            .SelectMany(s => s.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("code").GetString())).ToHashSet();
        Assert.Superset(new HashSet<string?>
            { "beratung-schulden", "beratung-sucht", "beratung-migration", "jobcenter-standort", "quartiersmanagement" }, nordCategories);
    }

    [Fact]
    public async Task Fundings_end_soon_and_services_are_overdue_for_verification()
    {
        var client = await factory.SignedInAsync();
        var ending = await client.GetFromJsonAsync<JsonElement>("/api/v1/fundings/ending?limit=500", Json.Options);
        var items = ending.GetProperty("items").EnumerateArray().ToList();
        var expected = DemoInventory.Facilities.SelectMany(f => f.Services).SelectMany(s => s.Fundings ?? [])
            .Count(f => f.EndsInDays is >= 0 and <= 182);
        Assert.InRange(items.Count, Math.Max(5, expected - 2), expected + 2);
        Assert.All(items, i => Assert.InRange(i.GetProperty("daysLeft").GetInt32(), 0, 184));

        var queue = await client.GetFromJsonAsync<JsonElement>("/api/v1/services/verification-queue?limit=500", Json.Options);
        var overdue = queue.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("state").GetString() == "overdue")
            .Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Contains("Sucht- und Drogenberatung Nordstadt", overdue);
        Assert.Contains("Quartiersmanagement Nordstadt", overdue);
        Assert.DoesNotContain("Leistungen und Arbeitsvermittlung (SGB II) Nordstadt", overdue);
    }

    [Fact]
    public async Task One_inventory_round_is_half_done()
    {
        var client = await factory.SignedInAsync();
        var rounds = await ListAsync(client, "/api/v1/inventory-rounds?limit=500");
        var round = Assert.Single(rounds);
        Assert.Equal(DemoInventory.RoundName, round.GetProperty("name").GetString());
        Assert.Equal("open", round.GetProperty("status").GetString());

        var progress = await client.GetFromJsonAsync<JsonElement>($"/api/v1/inventory-rounds/{Id(round)}/progress", Json.Options);
        var counts = progress.GetProperty("counts");
        Assert.Equal(DemoInventory.Facilities.Where(f => f.ExpectedSpaceCode.StartsWith("BE-10", StringComparison.Ordinal))
            .Sum(f => f.Services.Count) + 1, counts.GetProperty("total").GetInt32());
        Assert.Equal(1, counts.GetProperty("new").GetInt32());
        Assert.True(counts.GetProperty("verified").GetInt32() >= 3);
        Assert.True(counts.GetProperty("pending").GetInt32() >= 2);
        Assert.InRange(counts.GetProperty("percentDone").GetDouble(), 30, 80);
        Assert.NotEmpty(progress.GetProperty("actors").EnumerateArray());
    }

    [Fact]
    public async Task Kita_has_a_capacity_history_and_services_have_several_funders()
    {
        var client = await factory.SignedInAsync();
        var services = await ListAsync(client, "/api/v1/services?q=Sonnenschein&limit=500");
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/v1/services/{Id(Assert.Single(services))}/capacity", Json.Options);
        Assert.Equal(3, history.GetArrayLength());
        Assert.All(history.EnumerateArray(), c => Assert.Equal(110, c.GetProperty("maximum").GetDouble()));

        var fundings = await ListAsync(client, "/api/v1/fundings?limit=500");
        var funded = fundings.GroupBy(f => f.GetProperty("serviceId").GetGuid()).Count(g => g.Select(f => f.GetProperty("funderActorId")
            .GetGuid()).Distinct().Count() > 1);
        Assert.True(funded >= 8, $"{funded} services with several funders");
    }

    [Fact]
    public async Task A_second_seed_run_adds_no_facility()
    {
        var client = await factory.SignedInAsync();
        var before = (await ListAsync(client, "/api/v1/locations?limit=500")).Count;
        using (var scope = factory.Services.CreateScope())
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoInventorySeeder>();
            var result = await seeder.SeedAsync(TestContext.Current.CancellationToken);
            Assert.False(result.Seeded);
        }
        Assert.Equal(before, (await ListAsync(client, "/api/v1/locations?limit=500")).Count);
    }

    [Fact]
    public async Task The_inventory_export_names_the_locations_external_ids_and_imports_again_without_changes()
    {
        var client = await factory.SignedInAsync();
        var export = await client.GetAsync("/api/v1/exports/inventory");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        using (var csv = new CsvReader(new StringReader(System.Text.Encoding.UTF8.GetString(bytes)),
            new CsvConfiguration(CultureInfo.InvariantCulture)))
        {
            var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
            Assert.True(rows.Count >= DemoInventory.Facilities.Sum(f => f.Services.Count), $"{rows.Count} rows");
            // the tester's example: Familienzentrum Teltow's rows carry the location's external id, the placements their own
            var teltow = rows.Where(r => (string)r["location_name"] == "Familienzentrum Teltow").ToList();
            Assert.NotEmpty(teltow);
            Assert.All(teltow, r => Assert.Equal("teltow-familienzentrum", r["location_external_id"]));
            Assert.All(teltow, r => Assert.StartsWith((string)r["service_external_id"] + "@", (string)r["service_at_location_external_id"],
                StringComparison.Ordinal));
            foreach (var facility in DemoInventory.Facilities)
                Assert.All(rows.Where(r => (string)r["location_name"] == facility.Name),
                    r => Assert.Equal(facility.Key, r["location_external_id"]));
        }

        // export → import as a dry run: every row known and unchanged, nothing written
        var body = new ByteArrayContent(bytes);
        body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var result = await HttpAssert.OkAsync<JsonElement>(await client.PostAsync("/api/v1/inventory/imports?dryRun=true", body));
        Assert.True(result.GetProperty("errorCount").GetInt32() == 0, result.GetProperty("errors").ToString());
        Assert.Equal(0, result.GetProperty("created").GetInt32());
        Assert.Equal(0, result.GetProperty("updated").GetInt32());
        Assert.Equal(result.GetProperty("rows").GetInt32(), result.GetProperty("unchanged").GetInt32());
    }

    private static Guid Id(JsonElement element) => element.GetProperty("id").GetGuid();

    private static async Task<Guid> SpaceIdAsync(HttpClient client, string code) =>
        Id((await ListAsync(client, $"/api/v1/spaces?q={Uri.EscapeDataString(code)}&limit=500"))
            .Single(s => s.GetProperty("code").GetString() == code));

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string url)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(url, Json.Options);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
        return page.GetProperty("items").EnumerateArray().ToList();
    }
}
