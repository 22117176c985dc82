using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Spaces;

/// <summary>A county with two planning regions, municipalities, districts (some with equal names) and ended or future spaces.</summary>
public sealed class ListSpacesFixture : ApiFactory, IAsyncLifetime
{
    public Guid County { get; private set; }
    public Guid RegionNorth { get; private set; }
    public List<JsonElement> All { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var c = await AdminAsync();
        County = (await c.CreateSpaceAsync("LK", "Landkreis Uckermark", "county", validFrom: "2000-01-01")).Id();
        RegionNorth = (await c.CreateSpaceAsync("PR-N", "Planungsregion Nord", "planningRegion", County, validFrom: "2000-01-01")).Id();
        var south = (await c.CreateSpaceAsync("PR-S", "Planungsregion Süd", "planningRegion", County, validFrom: "2000-01-01")).Id();
        var prenzlau = (await c.CreateSpaceAsync("G-PZ", "Prenzlau", "municipality", RegionNorth, validFrom: "2000-01-01")).Id();
        await c.CreateSpaceAsync("G-TP", "Templin", "municipality", RegionNorth, validFrom: "2000-01-01");
        var schwedt = (await c.CreateSpaceAsync("G-SW", "Schwedt/Oder", "municipality", south, validFrom: "2000-01-01")).Id();
        await c.CreateSpaceAsync("G-AN", "Angermünde", "municipality", south, validFrom: "2000-01-01");
        // Equal names, so keyset pagination must break ties by id.
        for (var i = 0; i < 6; i++) await c.CreateSpaceAsync($"ST-PZ-{i}", "Innenstadt", "district", prenzlau, validFrom: "2000-01-01");
        for (var i = 0; i < 6; i++) await c.CreateSpaceAsync($"ST-SW-{i}", $"Stadtteil {i}", "district", schwedt, validFrom: "2000-01-01");
        await c.CreateSpaceAsync("Q-MUEHLE", "Mühlenviertel", "neighbourhood", validFrom: "2000-01-01");
        await c.CreateSpaceAsync("Q-OLD", "Altes Quartier", "neighbourhood", validFrom: "2000-01-01", validTo: "2010-12-31");
        await c.CreateSpaceAsync("Q-NEW", "Neues Quartier", "neighbourhood", validFrom: "2030-01-01");
        await c.CreateSpaceAsync("Q_100", "Quartier 100 %", "neighbourhood", validFrom: "2000-01-01");
        All = await c.AllSpacesAsync();
    }
}

public sealed class ListSpacesTests(ListSpacesFixture data) : IClassFixture<ListSpacesFixture>
{
    private const int Total = 23;

    private async Task<JsonElement> ListAsync(string query) =>
        await HttpAssert.OkAsync<JsonElement>(await (await data.AdminAsync()).GetAsync($"/api/v1/spaces{query}", TestContext.Current.CancellationToken));

    private async Task<List<string>> CodesAsync(string query) =>
        (await ListAsync(query)).GetProperty("items").EnumerateArray().Select(s => s.Str("code")).ToList();

    [Fact]
    public async Task Lists_everything_sorted_by_name_then_id_without_a_cursor_on_the_last_page()
    {
        var page = await ListAsync("");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Total, items.Count);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
        var keys = items.Select(s => (Name: s.Str("name").ToLowerInvariant().Replace("ü", "ue"), Id: s.Id())).ToList();
        Assert.Equal(keys.OrderBy(k => k.Name, StringComparer.Ordinal).ThenBy(k => k.Id.ToString(), StringComparer.Ordinal).ToList(), keys);
    }

    [Fact]
    public async Task Filters_by_level()
    {
        var items = (await ListAsync("?level=municipality")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(4, items.Count);
        Assert.All(items, s => Assert.Equal("municipality", s.Str("level")));
        Assert.Equal(2, (await CodesAsync("?level=planningRegion")).Count);
        // The document's enum spells it one way; another spelling is refused like any unknown value.
        foreach (var spelling in new[] { "PlanningRegion", "planningregion", "MUNICIPALITY" })
            await HttpAssert.ProblemAsync(await (await data.AdminAsync()).GetAsync($"/api/v1/spaces?level={spelling}"), HttpStatusCode.BadRequest, "level");
    }

    [Fact]
    public async Task Filters_direct_children_by_parentId()
    {
        Assert.Equal(["G-PZ", "G-TP"], await CodesAsync($"?parentId={data.RegionNorth}"));
        Assert.Equal(["PR-N", "PR-S"], await CodesAsync($"?parentId={data.County}"));
        Assert.Empty(await CodesAsync($"?parentId={Guid.NewGuid()}"));
    }

    [Theory]
    [InlineData("planungsregion", new[] { "PR-N", "PR-S" })]
    [InlineData("PLANUNGSREGION NORD", new[] { "PR-N" })]
    [InlineData("mühl", new[] { "Q-MUEHLE" })]
    [InlineData("muehl", new[] { "Q-MUEHLE" })]
    [InlineData("G-SW", new[] { "G-SW" })]
    [InlineData("%", new[] { "Q_100" })]
    [InlineData("_1", new[] { "Q_100" })]
    [InlineData("gibt es nicht", new string[0])]
    public async Task Filters_by_text_in_name_or_code(string q, string[] codes)
    {
        Assert.Equal(codes, await CodesAsync($"?q={Uri.EscapeDataString(q)}"));
    }

    [Fact]
    public async Task Filters_by_day_of_validity()
    {
        var today = await CodesAsync("?validOn=2025-06-01&level=neighbourhood");
        Assert.Equal(["Q-MUEHLE", "Q_100"], today.Order(StringComparer.Ordinal));
        var past = await CodesAsync("?validOn=2010-12-31&level=neighbourhood");
        Assert.Contains("Q-OLD", past);
        Assert.DoesNotContain("Q-NEW", past);
        var future = await CodesAsync("?validOn=2030-01-01&level=neighbourhood");
        Assert.Contains("Q-NEW", future);
        Assert.DoesNotContain("Q-OLD", future);
    }

    [Fact]
    public async Task Filters_combine()
    {
        Assert.Equal(["ST-SW-0", "ST-SW-1"], (await CodesAsync("?level=district&q=stadtteil&validOn=2024-01-01&limit=2")));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(23)]
    public async Task Keyset_pagination_walks_every_space_once_in_order(int limit)
    {
        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await ListAsync($"?limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, limit);
            seen.AddRange(items.Select(i => i.Id()));
            cursor = page.GetProperty("nextCursor").GetString();
            Assert.True(++pages <= Total, "pagination does not end");
        }
        while (cursor is not null);

        Assert.Equal(data.All.Select(s => s.Id()), seen); // same order, no duplicates, no gaps
        Assert.Equal((int)Math.Ceiling((double)Total / limit), pages);
    }

    [Fact]
    public async Task Pagination_with_a_filter_keeps_the_filter()
    {
        var first = await ListAsync("?level=district&limit=4");
        var second = await ListAsync($"?level=district&limit=4&cursor={first.Str("nextCursor")}");
        var rest = await ListAsync($"?level=district&limit=4&cursor={second.Str("nextCursor")}");
        var all = new[] { first, second, rest }.SelectMany(p => p.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(12, all.Count);
        Assert.All(all, s => Assert.Equal("district", s.Str("level")));
        Assert.Equal(12, all.Select(s => s.Id()).Distinct().Count());
        Assert.Equal(JsonValueKind.Null, rest.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData("?cursor=garbage!", "cursor")]
    [InlineData("?cursor=WyJhIl0", "cursor")] // base64url of ["a"]
    [InlineData("?cursor=eyJhIjoxfQ", "cursor")] // base64url of {"a":1}
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=501", "limit")]
    [InlineData("?limit=-1", "limit")]
    [InlineData("?limit=ten", "limit")]
    [InlineData("?level=galaxy", "level")]
    [InlineData("?level=3", "level")]
    [InlineData("?level=state,county", "level")]
    [InlineData("?validOn=2024-02-30", "validOn")]
    [InlineData("?parentId=not-a-guid", "parentId")]
    public async Task Invalid_parameters_are_400_naming_the_parameter(string query, string field)
    {
        var response = await (await data.AdminAsync()).GetAsync($"/api/v1/spaces{query}", TestContext.Current.CancellationToken);
        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Overlong_search_text_is_400_naming_q()
    {
        var response = await (await data.AdminAsync()).GetAsync($"/api/v1/spaces?q={new string('x', 201)}", TestContext.Current.CancellationToken);
        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "q");
        Assert.Empty(await CodesAsync($"?q={new string('x', 200)}"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(500)]
    public async Task Limit_boundaries_are_accepted(int limit)
    {
        var items = (await ListAsync($"?limit={limit}")).GetProperty("items").GetArrayLength();
        Assert.Equal(Math.Min(limit, Total), items);
    }
}
