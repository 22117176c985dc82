using System.Text.Json;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Exports.ExportApi;

namespace Raumnetz.IntegrationTests.Exports;

public sealed class ExportJsonStatTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    /// <summary>The JSON-stat 2.0 rules a reader relies on: class, id, size, dimension and value consistent.</summary>
    internal static void AssertValidDataset(JsonElement ds)
    {
        Assert.Equal("2.0", ds.GetProperty("version").GetString());
        Assert.Equal("dataset", ds.GetProperty("class").GetString());
        var ids = ds.GetProperty("id").EnumerateArray().Select(i => i.GetString()!).ToList();
        var sizes = ds.GetProperty("size").EnumerateArray().Select(s => s.GetInt64()).ToList();
        Assert.Equal(ids.Count, sizes.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var dimension = ds.GetProperty("dimension");
        Assert.Equal(ids.Order(), dimension.EnumerateObject().Select(p => p.Name).Order());
        for (var i = 0; i < ids.Count; i++)
        {
            var category = dimension.GetProperty(ids[i]).GetProperty("category");
            var index = category.GetProperty("index");
            var positions = index.ValueKind == JsonValueKind.Array
                ? Enumerable.Range(0, index.GetArrayLength()).ToList()
                : index.EnumerateObject().Select(p => p.Value.GetInt32()).ToList();
            Assert.Equal(sizes[i], positions.Count);
            Assert.Equal(Enumerable.Range(0, positions.Count), positions.Order());
            if (category.TryGetProperty("label", out var labels))
                Assert.All(labels.EnumerateObject(), l => Assert.True(index.TryGetProperty(l.Name, out _), $"label {l.Name} not in index"));
            if (category.TryGetProperty("child", out var child))
                Assert.All(child.EnumerateObject(), c =>
                {
                    Assert.True(index.TryGetProperty(c.Name, out _));
                    Assert.All(c.Value.EnumerateArray(), x => Assert.True(index.TryGetProperty(x.GetString()!, out _)));
                });
            if (category.TryGetProperty("unit", out var unit))
                Assert.Contains(ids[i], ds.GetProperty("role").GetProperty("metric").EnumerateArray().Select(x => x.GetString()));
        }
        var cells = sizes.Aggregate(1L, (a, b) => a * b);
        var value = ds.GetProperty("value");
        if (value.ValueKind == JsonValueKind.Array) Assert.Equal(cells, value.GetArrayLength());
        else Assert.All(value.EnumerateObject(), v => Assert.InRange(long.Parse(v.Name), 0, cells - 1));
        if (ds.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object)
            Assert.All(status.EnumerateObject(), s => Assert.InRange(long.Parse(s.Name), 0, cells - 1));
        foreach (var role in ds.GetProperty("role").EnumerateObject())
            Assert.All(role.Value.EnumerateArray(), r => Assert.Contains(r.GetString(), ids));
    }

    [Fact]
    public async Task Json_stat_is_a_valid_dataset_with_geo_hierarchy_time_units_and_status_flags()
    {
        var client = await factory.AdminAsync();
        var d = await factory.DataAsync();
        var ds = JsonDocument.Parse((await GetAsync(client, Url(d, "format=jsonstat"))).Body).RootElement;
        AssertValidDataset(ds);
        Assert.Equal(["indicator", "space", "period"], ds.GetProperty("id").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(["space"], ds.GetProperty("role").GetProperty("geo").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(["period"], ds.GetProperty("role").GetProperty("time").EnumerateArray().Select(i => i.GetString()));
        var dims = ds.GetProperty("dimension");
        var spaceCategory = dims.GetProperty("space").GetProperty("category");
        Assert.Equal(new[] { d.Code("centre"), d.Code("north"), d.Code("south") }.Order(), spaceCategory.GetProperty("child")
            .GetProperty(d.Code("city")).EnumerateArray().Select(x => x.GetString()!).Order());
        Assert.Equal([d.Code("n1")], spaceCategory.GetProperty("child").GetProperty(d.Code("north")).EnumerateArray()
            .Select(x => x.GetString()));
        Assert.Equal("%", dims.GetProperty("indicator").GetProperty("category").GetProperty("unit").GetProperty(d.Code("sgb2"))
            .GetProperty("label").GetString());

        long Index(string indicator, string space, string period)
        {
            int Pos(string dim, string code) => dims.GetProperty(dim).GetProperty("category").GetProperty("index").GetProperty(code)
                .GetInt32();
            var size = ds.GetProperty("size").EnumerateArray().Select(s => s.GetInt64()).ToList();
            return (Pos("indicator", d.Code(indicator)) * size[1] + Pos("space", d.Code(space))) * size[2] + Pos("period", period);
        }
        var value = ds.GetProperty("value");
        var status = ds.GetProperty("status");
        Assert.Equal(25, value.GetProperty(Index("cases", "city", "2024").ToString()).GetDouble());
        Assert.Equal(15, value.GetProperty(Index("sgb2", "north", "2024").ToString()).GetDouble(), 9);
        var small = Index("cases", "north", "2024").ToString();
        Assert.Equal(JsonValueKind.Null, value.GetProperty(small).ValueKind);
        Assert.Equal("s", status.GetProperty(small).GetString());
        Assert.Equal("s", status.GetProperty(Index("cases", "centre", "2024").ToString()).GetString());
        Assert.Equal("p", status.GetProperty(Index("safety", "north", "2024-Q2").ToString()).GetString());
        Assert.False(status.TryGetProperty(Index("cases", "south", "2024").ToString(), out _));
    }
}
