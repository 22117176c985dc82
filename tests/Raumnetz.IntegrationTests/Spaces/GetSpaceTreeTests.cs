using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Spaces;

public sealed class GetSpaceTreeTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<List<JsonElement>> TreeAsync(string query = "") =>
        (await HttpAssert.OkAsync<JsonElement>(await (await factory.AdminAsync())
                .GetAsync($"/api/v1/spaces/tree{query}", TestContext.Current.CancellationToken)))
        .EnumerateArray().ToList();

    private static JsonElement Node(IEnumerable<JsonElement> nodes, string code) => nodes.Single(n => n.Str("code") == code);

    private static List<string> Codes(JsonElement node) => node.GetProperty("children").EnumerateArray().Select(c => c.Str("code"))
        .ToList();

    [Fact]
    public async Task Nests_children_under_parents_sorted_by_name_and_filters_by_day()
    {
        var c = await factory.AdminAsync();
        var county = await c.CreateSpaceAsync("T-LK", "Landkreis Barnim", "county", validFrom: "2000-01-01");
        var eberswalde = await c.CreateSpaceAsync("T-EW", "Eberswalde", "municipality", county.Id(), validFrom: "2000-01-01");
        await c.CreateSpaceAsync("T-BE", "Bernau", "municipality", county.Id(), validFrom: "2000-01-01");
        await c.CreateSpaceAsync("T-WS", "Westend", "district", eberswalde.Id(), validFrom: "2000-01-01");
        await c.CreateSpaceAsync("T-OLD", "Altstadt (bis 2010)", "district", eberswalde.Id(), validFrom: "2000-01-01",
            validTo: "2010-12-31");
        var ended = await c.CreateSpaceAsync("T-GONE", "Aufgelöster Kreis", "county", validFrom: "2000-01-01", validTo: "2015-12-31");
        await c.CreateSpaceAsync("T-UNDER", "Gemeinde im aufgelösten Kreis", "municipality", ended.Id(), validFrom: "2000-01-01");

        var tree = await TreeAsync();
        var root = Node(tree, "T-LK");
        Assert.Equal(["T-BE", "T-EW"], Codes(root));
        var ew = Node(root.GetProperty("children").EnumerateArray(), "T-EW");
        Assert.Equal(["T-OLD", "T-WS"], Codes(ew));
        Assert.DoesNotContain(tree, n => n.Str("code") is "T-EW" or "T-WS"); // children appear only under their parents
        Assert.Equal(["T-UNDER"], Codes(Node(tree, "T-GONE")));

        var today = await TreeAsync("?validOn=2024-01-01");
        Assert.Equal(["T-WS"], Codes(Node(Node(today, "T-LK").GetProperty("children").EnumerateArray(), "T-EW")));
        Assert.DoesNotContain(today, n => n.Str("code") == "T-GONE");
        // A child still valid whose parent has ended is shown as a root, not lost.
        Assert.Contains(today, n => n.Str("code") == "T-UNDER");

        var before = await TreeAsync("?validOn=1999-12-31");
        Assert.DoesNotContain(before, n => n.Str("code").StartsWith("T-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_day_is_400_naming_validOn()
    {
        var response = await (await factory.AdminAsync())
            .GetAsync("/api/v1/spaces/tree?validOn=gestern", TestContext.Current.CancellationToken);
        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validOn");
    }
}
