using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Indicators;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Spaces;

/// <summary>
/// Every GeoJSON geometry the API writes follows the right-hand rule of RFC 7946 (3.1.6): exterior rings counterclockwise,
/// holes clockwise (an outside tester found 50 of the 51 Berlin LOR polygons of the indicators export clockwise). Geometries
/// are wound right where they enter (create, update, import) and where stored ones are read (geometries stored before).
/// </summary>
public sealed class GeometryWindingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    /// <summary>Twice the signed area by the shoelace formula: positive when the ring runs counterclockwise.</summary>
    public static double Shoelace(JsonElement ring)
    {
        var points = ring.EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList();
        var sum = 0.0;
        for (var i = 0; i < points.Count; i++)
        {
            var (a, b) = (points[i], points[(i + 1) % points.Count]);
            sum += a.X * b.Y - b.X * a.Y;
        }
        return sum;
    }

    /// <summary>The polygons of a Polygon or MultiPolygon geometry.</summary>
    public static IEnumerable<JsonElement> Polygons(JsonElement geometry) =>
        geometry.GetProperty("type").GetString() == "MultiPolygon"
            ? geometry.GetProperty("coordinates").EnumerateArray()
            : [geometry.GetProperty("coordinates")];

    /// <summary>Whether every exterior ring runs counterclockwise and every hole clockwise.</summary>
    public static bool FollowsRightHandRule(JsonElement geometry) => Polygons(geometry).All(p =>
        p.EnumerateArray().Select((ring, i) => i == 0 ? Shoelace(ring) > 0 : Shoelace(ring) < 0).All(ok => ok));

    private static string Ring(params (double X, double Y)[] points) =>
        "[" + string.Join(",", points.Select(p => FormattableString.Invariant($"[{p.X},{p.Y}]"))) + "]";

    // a square of a degree, clockwise; a hole in it, counterclockwise (both against the rule)
    private static readonly string Clockwise = Ring((13, 52), (13, 53), (14, 53), (14, 52), (13, 52));
    private static readonly string HoleCounterclockwise = Ring((13.2, 52.2), (13.4, 52.2), (13.4, 52.4), (13.2, 52.4), (13.2, 52.2));

    private static List<List<(double, double)>> Rings(JsonElement polygon) => polygon.EnumerateArray()
        .Select(r => r.EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToList()).ToList();

    private static async Task<JsonElement> ExportGeometryAsync(HttpClient client, Guid under, string code)
    {
        var response = await client.GetAsync($"{IndicatorApi.ExportsUrl}?format=geojson&under={under}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("features").EnumerateArray()
            .Single(f => f.GetProperty("id").GetString() == code).GetProperty("geometry").Clone();
    }

    [Fact]
    public async Task A_clockwise_polygon_is_stored_and_exported_counterclockwise_and_its_hole_clockwise()
    {
        var client = await factory.AdminAsync();
        var code = "W-" + Guid.NewGuid().ToString("N")[..8];
        var created = await HttpAssert.OkAsync<JsonElement>(await client.PostAsync("/api/v1/spaces", TestData.RawJson($$$"""
            {"code":"{{{code}}}","name":"Links herum","level":"district",
             "geometry":{"type":"Polygon","coordinates":[{{{Clockwise}}},{{{HoleCounterclockwise}}}],"bbox":[13,52,14,53]}}
            """)), HttpStatusCode.Created);
        var id = created.Id();

        // reversed from the same first point; the foreign member stays
        List<List<(double, double)>> expected =
        [
            [(13, 52), (14, 52), (14, 53), (13, 53), (13, 52)],
            [(13.2, 52.2), (13.2, 52.4), (13.4, 52.4), (13.4, 52.2), (13.2, 52.2)],
        ];
        Assert.Equal(expected, Rings(created.GetProperty("geometry").GetProperty("coordinates")));
        Assert.Equal(4, created.GetProperty("geometry").GetProperty("bbox").GetArrayLength());
        var (read, _) = await client.GetSpaceAsync(id);
        Assert.Equal(expected, Rings(read.GetProperty("geometry").GetProperty("coordinates")));
        var exported = await ExportGeometryAsync(client, id, code);
        Assert.True(FollowsRightHandRule(exported), exported.GetRawText());
        Assert.Equal(expected, Rings(exported.GetProperty("coordinates")));
        Assert.True(FollowsRightHandRule(JsonDocument.Parse(await factory.ScalarAsync<string>(
            "SELECT geometry FROM spaces WHERE id = @id", new { id })).RootElement), "stored wound by the rule");
    }

    [Fact]
    public async Task A_polygon_that_follows_the_rule_is_stored_exactly_as_sent()
    {
        var client = await factory.AdminAsync();
        var code = "W-" + Guid.NewGuid().ToString("N")[..8];
        const string geometry = """{"type":"Polygon","coordinates":[[[13.0,52.00],[14.0,52.00],[14.0,53.00],[13.0,52.00]]]}""";
        var created = await HttpAssert.OkAsync<JsonElement>(await client.PostAsync("/api/v1/spaces", TestData.RawJson(
            $$$"""{"code":"{{{code}}}","name":"Rechts herum","level":"district","geometry":{{{geometry}}}}""")), HttpStatusCode.Created);
        Assert.Equal(geometry, await factory.ScalarAsync<string>("SELECT geometry FROM spaces WHERE id = @id", new { id = created.Id() }));
        Assert.Equal(geometry, created.GetProperty("geometry").GetRawText());
    }

    [Fact]
    public async Task Updates_and_imports_wind_every_polygon_of_a_multipolygon()
    {
        var client = await factory.AdminAsync();
        var code = "W-" + Guid.NewGuid().ToString("N")[..8];
        var space = await client.CreateSpaceAsync(code, "Zwei Teile", "district");
        var second = Ring((15, 52), (16, 52), (16, 53), (15, 52)); // counterclockwise already
        var multi = $$$"""{"type":"MultiPolygon","coordinates":[[{{{Clockwise}}},{{{HoleCounterclockwise}}}],[{{{second}}}]]}""";
        var updated = await HttpAssert.OkAsync<JsonElement>(await client.SendAsync(new HttpRequestMessage(HttpMethod.Put,
            $"/api/v1/spaces/{space.Id()}")
        {
            Content = TestData.RawJson($$$"""{"code":"{{{code}}}","name":"Zwei Teile","level":"district","geometry":{{{multi}}}}"""),
            Headers = { { "If-Match", "\"1\"" } },
        }));
        Assert.True(FollowsRightHandRule(updated.GetProperty("geometry")), updated.GetProperty("geometry").GetRawText());
        Assert.Equal(second, updated.GetProperty("geometry").GetProperty("coordinates")[1][0].GetRawText());

        var importCode = "W-" + Guid.NewGuid().ToString("N")[..8];
        await HttpAssert.OkAsync<JsonElement>(await client.PostAsync("/api/v1/spaces/import", TestData.RawJson($$$"""
            {"type":"FeatureCollection","features":[{"type":"Feature",
             "properties":{"code":"{{{importCode}}}","name":"Importiert","level":"district"},"geometry":{{{multi}}}}]}
            """)));
        var imported = (await client.AllSpacesAsync()).Single(s => s.Str("code") == importCode);
        Assert.True(FollowsRightHandRule(imported.GetProperty("geometry")), imported.GetProperty("geometry").GetRawText());
    }

    [Fact]
    public async Task Geometries_stored_clockwise_before_come_out_counterclockwise_in_every_response()
    {
        var client = await factory.AdminAsync();
        var code = "W-" + Guid.NewGuid().ToString("N")[..8];
        var space = await client.CreateSpaceAsync(code, "Altbestand", "district");
        // as a database from before the rule holds it
        await factory.ExecuteAsync("UPDATE spaces SET geometry = @g WHERE id = @id",
            new { id = space.Id(), g = $$$"""{"type":"Polygon","coordinates":[{{{Clockwise}}},{{{HoleCounterclockwise}}}]}""" });

        var (read, _) = await client.GetSpaceAsync(space.Id());
        Assert.True(FollowsRightHandRule(read.GetProperty("geometry")), read.GetProperty("geometry").GetRawText());
        var listed = (await client.AllSpacesAsync()).Single(s => s.Str("code") == code);
        Assert.True(FollowsRightHandRule(listed.GetProperty("geometry")));
        Assert.True(FollowsRightHandRule(await ExportGeometryAsync(client, space.Id(), code)));

        // the indicator map
        var indicator = (await IndicatorApi.CreateIndicatorAsync(client, IndicatorApi.Count("w-" + code))).Id();
        var map = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync(
            $"/api/v1/indicators/{indicator}/map?periods={DateTime.UtcNow.Year}&under={space.Id()}"));
        var mapped = map.GetProperty("spaces").EnumerateArray().Single(s => s.GetProperty("code").GetString() == code);
        Assert.True(FollowsRightHandRule(mapped.GetProperty("geometry")), mapped.GetProperty("geometry").GetRawText());
    }
}
