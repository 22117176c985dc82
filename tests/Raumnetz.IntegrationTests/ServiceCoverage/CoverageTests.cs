using System.Net;
using System.Net.Http.Json;
using Raumnetz.IntegrationTests.Fundings;
using Raumnetz.IntegrationTests.Indicators;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.ServiceCoverage;

/// <summary>Coverage figures of <see cref="CoverageGrid"/> against the values computed by hand (today is 15 June 2026).</summary>
public sealed class CoverageTests(InventoryClockFactory factory) : IClassFixture<InventoryClockFactory>
{
    private const double Tolerance = 0.0005;
    /// <summary>Haversine between neighbouring centroids (0.01° of longitude at latitude 0.005°).</summary>
    private const double Neighbour = 1.1120;

    private static void Near(double expected, double? actual) =>
        Assert.True(actual is { } a && Math.Abs(a - expected) < Tolerance, $"expected {expected}, got {actual?.ToString() ?? "null"}");

    [Fact]
    public async Task Supply_per_thousand_services_and_capacity_per_space_and_up_the_hierarchy()
    {
        var client = await factory.SignedInAsync();
        var g = await CoverageGrid.CreateAsync(factory, client);
        var c = await client.GetJsonAsync($"/api/v1/coverage?{g.Query()}");

        Assert.Equal([g.N1, g.N2, g.N3, g.N4], c.GetProperty("spaces").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
        Assert.Equal([g.County, g.D1, g.D2], c.GetProperty("totals").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
        // the latest capacity entry on or before the reference day (not the older half, not the later tenfold)
        Assert.Equal([40.0, 30.0], c.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("capacity").GetDouble()).Order()
            .Reverse());
        // services: S3 counts where it serves (N4) though it has no location
        Assert.Equal([1, 0, 1, 1, 1, 2, 3], new[] { g.N1, g.N2, g.N3, g.N4, g.D1, g.D2, g.County }
            .Select(s => (int)c.Figure(s, "services")!.Value));
        Assert.Equal([40.0, 0, 30, 0, 40, 30, 70], new[] { g.N1, g.N2, g.N3, g.N4, g.D1, g.D2, g.County }
            .Select(s => c.Figure(s, "capacity")!.Value));
        Assert.Equal([1000.0, 3000, 2000, 500, 4000, 2500, 6500], new[] { g.N1, g.N2, g.N3, g.N4, g.D1, g.D2, g.County }
            .Select(s => c.Figure(s, "population")!.Value));
        // per 1,000: 40/1000, 0/3000, 30/2000, 0/500; D1 40/4000, D2 30/2500, C 70/6500
        Near(40, c.Figure(g.N1, "perThousand"));
        Near(0, c.Figure(g.N2, "perThousand"));
        Near(15, c.Figure(g.N3, "perThousand"));
        Near(0, c.Figure(g.N4, "perThousand"));
        Near(10, c.Figure(g.D1, "perThousand"));
        Near(12, c.Figure(g.D2, "perThousand"));
        Near(70.0 / 6.5, c.Figure(g.County, "perThousand"));
    }

    [Fact]
    public async Task Nearest_distance_from_geometric_and_population_weighted_centroids_and_share_within_the_radius()
    {
        var client = await factory.SignedInAsync();
        var g = await CoverageGrid.CreateAsync(factory, client);
        var c = await client.GetJsonAsync($"/api/v1/coverage?{g.Query()}");

        Near(0, c.Figure(g.N1, "distanceKm"));
        Near(Neighbour, c.Figure(g.N2, "distanceKm"));
        Near(0, c.Figure(g.N3, "distanceKm"));
        Near(3.3359, c.Figure(g.N4, "distanceKm"));
        // D1's centroid weighted 1:3 lies at longitude 0.0125, 0.0075° from S1; D2's (4:1) at 0.031, 0.006° from S2;
        // the county's (4000:2500 of those) at 0.019615, 0.005385° from S2
        Assert.False(c.Space(g.N1).GetProperty("populationWeightedCentroid").GetBoolean());
        Assert.True(c.Space(g.D1).GetProperty("populationWeightedCentroid").GetBoolean());
        Near(0.0125, c.Space(g.D1).Num("centroidLongitude"));
        Near(0.8340, c.Figure(g.D1, "distanceKm"));
        Near(0.6672, c.Figure(g.D2, "distanceKm"));
        Near(0.5987, c.Figure(g.County, "distanceKm"));
        // share within 1.5 km: D1 all; D2 N3 (2,000) of 2,500; county 6,000 of 6,500; a neighbourhood has no parts
        Near(1, c.Figure(g.D1, "shareWithinRadius"));
        Near(0.8, c.Figure(g.D2, "shareWithinRadius"));
        Near(6000.0 / 6500, c.Figure(g.County, "shareWithinRadius"));
        Assert.Null(c.Figure(g.N1, "shareWithinRadius"));
    }

    [Fact]
    public async Task Two_step_floating_catchment_without_and_with_distance_decay()
    {
        var client = await factory.SignedInAsync();
        var g = await CoverageGrid.CreateAsync(factory, client);

        // classic: R1 = 40 / (1000 + 3000) = 0.01, R2 = 30 / (3000 + 2000) = 0.006 (N4 lies beyond 1.5 km);
        // A = 1000 × sum of the R within reach: N1 10, N2 16, N3 6, N4 0; above: population-weighted means
        var c = await client.GetJsonAsync($"/api/v1/coverage?{g.Query()}");
        Near(10, c.Figure(g.N1, "accessibility"));
        Near(16, c.Figure(g.N2, "accessibility"));
        Near(6, c.Figure(g.N3, "accessibility"));
        Near(0, c.Figure(g.N4, "accessibility"));
        Near(14.5, c.Figure(g.D1, "accessibility"));
        Near(4.8, c.Figure(g.D2, "accessibility"));
        Near(70.0 / 6.5, c.Figure(g.County, "accessibility"));

        // stepped (1 to r/3, 0.68 to 2r/3, 0.22 to r): neighbours at 1.112 km weigh 0.22.
        // R1 = 40 / (1000 + 0.22 × 3000), R2 = 30 / (0.22 × 3000 + 2000)
        var stepped = await client.GetJsonAsync($"/api/v1/coverage?{g.Query("&decay=stepped")}");
        var r1 = 40 / 1660.0;
        var r2 = 30 / 2660.0;
        Near(1000 * r1, stepped.Figure(g.N1, "accessibility"));
        Near(1000 * 0.22 * (r1 + r2), stepped.Figure(g.N2, "accessibility"));
        Near(1000 * r2, stepped.Figure(g.N3, "accessibility"));

        // Gaussian: w(1.112) = (e^(-½(1.112/1.5)²) − e^(-½)) / (1 − e^(-½)) = 0.389411
        var gaussian = await client.GetJsonAsync($"/api/v1/coverage?{g.Query("&decay=gaussian")}");
        Near(18.4482, gaussian.Figure(g.N1, "accessibility"));
        Near(10.8713, gaussian.Figure(g.N2, "accessibility"));
        Near(9.4690, gaussian.Figure(g.N3, "accessibility"));
        Near(12.7655, gaussian.Figure(g.D1, "accessibility"));
    }

    [Fact]
    public async Task What_if_the_funding_ends_gives_the_difference_per_space()
    {
        var client = await factory.SignedInAsync();
        var g = await CoverageGrid.CreateAsync(factory, client);
        var c = await client.GetJsonAsync($"/api/v1/coverage?{g.Query("&fundingEndsBy=2026-12-31")}");

        Assert.Equal([g.S2], c.GetProperty("closedServices").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
        Assert.True(c.GetProperty("points").EnumerateArray().Single(p => p.GetProperty("serviceId").GetGuid() == g.S2)
            .GetProperty("closed").GetBoolean());
        Near(15, c.Figure(g.N3, "perThousand"));
        Near(0, c.Figure(g.N3, "perThousand", "whatIf"));
        Near(-15, c.Figure(g.N3, "perThousand", "difference"));
        Assert.Equal(-1, c.Figure(g.N3, "services", "difference"));
        Assert.Equal(-30, c.Figure(g.County, "capacity", "difference"));
        // without S2, N3's nearest is S1, 0.02° away; N2 keeps R1 only (10), N3 loses its 6
        Near(2.2239, c.Figure(g.N3, "distanceKm", "difference"));
        Near(-6, c.Figure(g.N2, "accessibility", "difference"));
        Near(-6, c.Figure(g.N3, "accessibility", "difference"));
        Near(0, c.Figure(g.N1, "accessibility", "difference"));

        // a funding ending after the day asked for closes nothing; closing S1 by id does
        var later = await client.GetJsonAsync($"/api/v1/coverage?{g.Query("&fundingEndsBy=2026-09-29")}");
        Assert.Empty(later.GetProperty("closedServices").EnumerateArray());
        Near(0, later.Figure(g.N3, "perThousand", "difference"));
        var byId = await client.GetJsonAsync($"/api/v1/coverage?{g.Query($"&closeServiceIds={g.S1}")}");
        Near(-40, byId.Figure(g.N1, "perThousand", "difference"));
        // geometry only when asked for
        Assert.Equal(System.Text.Json.JsonValueKind.Null, c.Space(g.N1).GetProperty("geometry").ValueKind);
        var withGeometry = await client.GetJsonAsync($"/api/v1/coverage?{g.Query("&withGeometry=true")}");
        Assert.Equal("Polygon", withGeometry.Space(g.N1).GetProperty("geometry").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Gaps_are_ranked_worst_first_and_the_matrix_compares_categories_with_their_median()
    {
        var client = await factory.SignedInAsync();
        var g = await CoverageGrid.CreateAsync(factory, client);

        var perThousand = await client.GetJsonAsync($"/api/v1/coverage/gaps?{g.Query("&measure=perThousand&threshold=12")}");
        Assert.Equal([g.N2, g.N4], perThousand.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("spaceId").GetGuid()));
        Assert.Equal([1, 2], perThousand.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("rank").GetInt32()));
        var distance = await client.GetJsonAsync($"/api/v1/coverage/gaps?{g.Query("&measure=distance&threshold=1")}");
        Assert.Equal([g.N4, g.N2], distance.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("spaceId").GetGuid()));
        // what-if: N3 becomes a gap, with its value before
        var whatIf = await client.GetJsonAsync(
            $"/api/v1/coverage/gaps?{g.Query("&measure=perThousand&threshold=12&fundingEndsBy=2026-12-31")}");
        var n3 = whatIf.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("spaceId").GetGuid() == g.N3);
        Near(0, n3.Num("value"));
        Near(15, n3.Num("baselineValue"));

        var categories = $"categories={g.Category}&categories=kita";
        var matrix = await client.GetJsonAsync(
            $"/api/v1/coverage/gap-matrix?{g.Query("&threshold=12").Replace($"category={g.Category}", categories)}");
        var own = matrix.GetProperty("categories")[0];
        Assert.Equal(g.Category, own.GetProperty("code").GetString());
        Near(7.5, own.Num("median")); // values 40, 0, 15, 0
        Assert.Equal(2, own.GetProperty("gaps").GetInt32());
        Assert.Equal(4, matrix.GetProperty("categories")[1].GetProperty("gaps").GetInt32()); // no Kita in the grid
        var rowN1 = matrix.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("spaceId").GetGuid() == g.N1);
        Assert.False(rowN1.GetProperty("cells")[0].GetProperty("gap").GetBoolean());
        Assert.True(rowN1.GetProperty("cells")[1].GetProperty("gap").GetBoolean());
    }

    [Theory]
    [InlineData("radiusKm=0", "radiusKm")]
    [InlineData("radiusKm=100.5", "radiusKm")]
    [InlineData("radiusKm=-1", "radiusKm")]
    [InlineData("category=keine-solche-kategorie", "category")]
    [InlineData("category=zg-kinder", "category")]
    [InlineData("targetGroup=kita", "targetGroup")]
    [InlineData("period=2024-13", "period")]
    [InlineData("level=Neighbourhood", "level")]
    [InlineData("decay=linear", "decay")]
    [InlineData("under=00000000-0000-7000-8000-000000000001", "under")]
    public async Task Bad_parameters_are_400_naming_them(string parameter, string field)
    {
        var client = await factory.SignedInAsync();
        var g = await CoverageGrid.CreateAsync(factory, client);
        var name = parameter.Split('=')[0];
        var query = string.Join('&', g.Query().Split('&').Where(p => !p.StartsWith(name + "=", StringComparison.Ordinal)))
            + "&" + parameter;
        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/v1/coverage?{query}"), HttpStatusCode.BadRequest, field);
        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/v1/coverage/gaps?{query}&measure=distance&threshold=1"),
            HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_population_indicator_that_is_not_a_count_and_missing_parameters_are_400()
    {
        var client = await factory.SignedInAsync();
        var g = await CoverageGrid.CreateAsync(factory, client);
        var rate = (await Indicators.IndicatorApi.CreateIndicatorAsync(client,
            Indicators.IndicatorApi.Rate($"{Actors.ActorApi.Token()}-r"))).GetProperty("id").GetGuid();
        await HttpAssert.ProblemAsync(
            await client.GetAsync($"/api/v1/coverage?{g.Query().Replace(g.Indicator.ToString(), rate.ToString())}"),
            HttpStatusCode.BadRequest, "populationIndicatorId");
        await HttpAssert.ProblemAsync(await client.GetAsync(
            $"/api/v1/coverage?{g.Query().Replace(g.Indicator.ToString(), Guid.CreateVersion7().ToString())}"),
            HttpStatusCode.BadRequest, "populationIndicatorId");
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/coverage"), HttpStatusCode.BadRequest,
            "category", "populationIndicatorId", "level");
        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/v1/coverage/gaps?{g.Query()}"), HttpStatusCode.BadRequest,
            "measure", "threshold");
    }

    [Fact]
    public async Task Without_a_period_the_population_indicators_latest_one_counts_and_one_without_values_is_400()
    {
        var client = await factory.SignedInAsync();
        var g = await CoverageGrid.CreateAsync(factory, client);
        // an older year with other figures must not be taken: 2024 is the latest
        await IndicatorApi.PutObservationOkAsync(client, new { indicatorId = g.Indicator, spaceId = g.N1, period = "2023", value = 800 });
        var query = string.Join('&', g.Query().Split('&').Where(p => !p.StartsWith("period=", StringComparison.Ordinal)));
        var c = await client.GetJsonAsync($"/api/v1/coverage?{query}");
        Assert.Equal("2024", c.GetProperty("parameters").GetProperty("period").GetString());
        Assert.Equal(1000.0, c.Figure(g.N1, "population"));
        Near(40, c.Figure(g.N1, "perThousand"));

        var empty = (await IndicatorApi.CreateIndicatorAsync(client, IndicatorApi.Count($"{Actors.ActorApi.Token()}-p")))
            .GetProperty("id").GetGuid();
        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/v1/coverage?{query.Replace(g.Indicator.ToString(), empty.ToString())}"),
            HttpStatusCode.BadRequest, "populationIndicatorId");
        // storing needs the period named
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/coverage/indicators", new
        {
            category = g.Category, populationIndicatorId = g.Indicator, level = "neighbourhood", under = g.County, radiusKm = 1.5,
            measures = new[] { "perThousand" },
        }), HttpStatusCode.BadRequest, "period");
    }
}
