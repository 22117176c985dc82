using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Exports.ExportApi;

namespace Raumnetz.IntegrationTests.Exports;

public sealed class ExportGeoJsonTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task GeoJson_has_a_feature_per_space_with_geometry_and_values_as_properties()
    {
        var client = await factory.AdminAsync();
        var d = await factory.DataAsync();
        var (response, body) = await GetAsync(client, Url(d, $"format=geojson&under={d.City}"));
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var doc = JsonDocument.Parse(body).RootElement;
        Assert.Equal("FeatureCollection", doc.GetProperty("type").GetString());
        var features = doc.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);
        Assert.Equal(5, features.Count);
        var north = features[d.Code("north")];
        Assert.Equal("Feature", north.GetProperty("type").GetString());
        Assert.Equal("Polygon", north.GetProperty("geometry").GetProperty("type").GetString());
        var p = north.GetProperty("properties");
        Assert.Equal(("Nordstadt", "district", d.Code("city")),
            (p.GetProperty("name").GetString(), p.GetProperty("level").GetString(), p.GetProperty("parentCode").GetString()));
        Assert.Equal(5, p.GetProperty($"{d.Code("cases")}_2023").GetDouble());
        Assert.Equal(JsonValueKind.Null, p.GetProperty($"{d.Code("cases")}_2024").ValueKind);
        Assert.Equal([$"{d.Code("cases")}_2024"], p.GetProperty("suppressed").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal([$"{d.Code("safety")}_2024-Q2"], p.GetProperty("provisional").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(JsonValueKind.Null, features[d.Code("n1")].GetProperty("geometry").ValueKind);
        Assert.Equal(25, features[d.Code("city")].GetProperty("properties").GetProperty($"{d.Code("cases")}_2024").GetDouble());
    }

    [Fact]
    public async Task Level_and_space_filters_narrow_the_features_and_bad_filters_are_refused()
    {
        var client = await factory.AdminAsync();
        var d = await factory.DataAsync();
        var doc = JsonDocument.Parse((await GetAsync(client, Url(d, $"format=geojson&under={d.City}&level=district"))).Body).RootElement;
        Assert.Equal(3, doc.GetProperty("features").GetArrayLength());
        var one = JsonDocument.Parse((await GetAsync(client, Url(d, $"format=geojson&spaceIds={d.South}"))).Body).RootElement;
        Assert.Equal(d.Code("south"), Assert.Single(one.GetProperty("features").EnumerateArray()).GetProperty("id").GetString());

        await HttpAssert.ProblemAsync(await client.GetAsync(Url(d, "format=pdf")), HttpStatusCode.BadRequest, "format");
        await HttpAssert.ProblemAsync(await client.GetAsync($"{Indicators.IndicatorApi.ExportsUrl}?indicatorSetId={Guid.NewGuid()}"),
            HttpStatusCode.BadRequest, "indicatorSetId");
        await HttpAssert.ProblemAsync(await client.GetAsync(Url(d, "from=2024-Q7")), HttpStatusCode.BadRequest, "from");
        await HttpAssert.ProblemAsync(await client.GetAsync(Url(d, "from=2024&to=2023")), HttpStatusCode.BadRequest, "to");
        await HttpAssert.ProblemAsync(await client.GetAsync(Url(d, $"under={Guid.NewGuid()}")), HttpStatusCode.BadRequest, "under");
        await HttpAssert.ProblemAsync(await client.GetAsync(Url(d, "level=galaxy")), HttpStatusCode.BadRequest, "level");
        await HttpAssert.ProblemAsync(
            await client.GetAsync($"{Indicators.IndicatorApi.ExportsUrl}?indicatorSetId={d.SetId}&indicatorIds={d.Cases}"),
            HttpStatusCode.BadRequest, "indicatorIds");
    }
}
