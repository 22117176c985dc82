using Raumnetz.Domain.Inventory;

namespace Raumnetz.UnitTests.Inventory;

/// <summary>
/// The coverage math by hand. The grid: four spaces on a line at latitude 0, 0.01° (1.11195 km) apart, parents P (A, B)
/// and Q (C, D); population A 1,000, B 3,000, C 2,000, D 500; service 1 at A with 40 places, service 2 at C with 30.
/// With a radius of 1.5 km each service reaches its own space and its neighbours.
/// </summary>
public sealed class CoverageCalculatorTests
{
    private static readonly Guid Root = Guid.NewGuid(), P = Guid.NewGuid(), Q = Guid.NewGuid();
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid(), D = Guid.NewGuid();
    private static readonly Guid S1 = Guid.NewGuid(), S2 = Guid.NewGuid(), S3 = Guid.NewGuid();
    private const double Step = 1.1119508; // 0.01° of longitude on the equator, km

    private static GeoPoint At(double lon) => new(0, lon);

    /// <summary>The parents' populations are the sums, as the population indicator's aggregation gives them.</summary>
    private static List<CoverageSpace> Grid(double? populationB = 3000) =>
    [
        new(Root, null, false, 1000 + populationB + 2500, At(0.015)),
        new(P, Root, false, 1000 + populationB, At(0.005)),
        new(Q, Root, false, 2500, At(0.025)),
        new(A, P, true, 1000, At(0)),
        new(B, P, true, populationB, At(0.01)),
        new(C, Q, true, 2000, At(0.02)),
        new(D, Q, true, 500, At(0.03)),
    ];

    private static readonly SupplyPoint[] Supply = [new(S1, A, At(0), 40), new(S2, C, At(0.02), 30)];

    private static Dictionary<Guid, SpaceFigures> Compute(DistanceDecay decay = DistanceDecay.None, IReadOnlySet<Guid>? closed = null,
        List<CoverageSpace>? spaces = null, double radius = 1.5) =>
        CoverageCalculator.Compute(spaces ?? Grid(), Supply, [(S3, D)], closed ?? new HashSet<Guid>(), new CoverageSettings(radius, decay));

    [Fact]
    public void Haversine_gives_known_distances()
    {
        Assert.Equal(111.195, GeoDistance.HaversineKm(new GeoPoint(0, 0), new GeoPoint(1, 0)), 3);
        Assert.Equal(Step, GeoDistance.HaversineKm(At(0), At(0.01)), 6);
        // Berlin (Brandenburger Tor) to Munich (Marienplatz): about 504 km on the ellipsoid, the sphere within 0.5 %
        Assert.InRange(GeoDistance.HaversineKm(new GeoPoint(52.5163, 13.3777), new GeoPoint(48.1374, 11.5755)), 501.5, 506.5);
        Assert.Equal(0, GeoDistance.HaversineKm(new GeoPoint(51, 7), new GeoPoint(51, 7)));
    }

    [Fact]
    public void The_centroid_of_a_square_is_its_middle_and_nonsense_has_none()
    {
        var c = GeoDistance.Centroid("""{"type":"Polygon","coordinates":[[[7,51],[7.2,51],[7.2,51.2],[7,51.2],[7,51]]]}""");
        Assert.Equal(51.1, c!.Value.Latitude, 9);
        Assert.Equal(7.1, c.Value.Longitude, 9);
        Assert.Null(GeoDistance.Centroid("""{"type":"Point","coordinates":[7,51]}"""));
        Assert.Null(GeoDistance.Centroid("not json"));
        Assert.Null(GeoDistance.Centroid(null));
    }

    [Theory]
    [InlineData(DistanceDecay.None, 0.0, 1.0)]
    [InlineData(DistanceDecay.None, 1.5, 1.0)]
    [InlineData(DistanceDecay.None, 1.6, 0.0)]
    [InlineData(DistanceDecay.Gaussian, 0.0, 1.0)]
    [InlineData(DistanceDecay.Gaussian, 1.5, 0.0)]
    [InlineData(DistanceDecay.Gaussian, 0.75, 0.7014)] // (e^-0.125 − e^-0.5) / (1 − e^-0.5)
    [InlineData(DistanceDecay.Stepped, 0.5, 1.0)]
    [InlineData(DistanceDecay.Stepped, 0.51, 0.68)]
    [InlineData(DistanceDecay.Stepped, 1.0, 0.68)]
    [InlineData(DistanceDecay.Stepped, 1.2, 0.22)]
    [InlineData(DistanceDecay.Stepped, 1.51, 0.0)]
    public void Weights_fall_with_distance_within_the_radius(DistanceDecay decay, double distance, double weight) =>
        Assert.Equal(weight, CoverageCalculator.Weight(decay, distance, 1.5), 4);

    [Fact]
    public void Supply_per_thousand_counts_and_capacity_aggregate_up_the_hierarchy()
    {
        var f = Compute();
        Assert.Equal(40, f[A].PerThousand!.Value, 9);
        Assert.Equal(0, f[B].PerThousand!.Value, 9);
        Assert.Equal(15, f[C].PerThousand!.Value, 9);
        Assert.Equal([1, 0, 1, 1, 1, 2, 3], new[] { A, B, C, D, P, Q, Root }.Select(s => f[s].Services));
        Assert.Equal([40.0, 30, 70], new[] { P, Q, Root }.Select(s => f[s].Capacity));
        Assert.Equal(70 / 6.5, f[Root].PerThousand!.Value, 9);
    }

    [Fact]
    public void Two_step_floating_catchment_classic_and_stepped()
    {
        var f = Compute();
        // R1 = 40 / 4000, R2 = 30 / (3000 + 2000 + 500)
        var r1 = 40 / 4000.0;
        var r2 = 30 / 5500.0;
        Assert.Equal(1000 * r1, f[A].Accessibility!.Value, 9);
        Assert.Equal(1000 * (r1 + r2), f[B].Accessibility!.Value, 9);
        Assert.Equal(1000 * r2, f[C].Accessibility!.Value, 9);
        Assert.Equal(1000 * r2, f[D].Accessibility!.Value, 9);
        // the mean over the population is total capacity per 1,000 when everyone is in reach
        Assert.Equal(70 / 6.5, (f[A].Accessibility!.Value * 1000 + f[B].Accessibility!.Value * 3000 + f[C].Accessibility!.Value * 2000
            + f[D].Accessibility!.Value * 500) / 6500, 9);
        Assert.Equal((1000 * f[A].Accessibility!.Value + 3000 * f[B].Accessibility!.Value) / 4000, f[P].Accessibility!.Value, 9);

        var s = Compute(DistanceDecay.Stepped);
        var sr1 = 40 / (1000 + (0.22 * 3000));
        var sr2 = 30 / ((0.22 * 3000) + 2000 + (0.22 * 500));
        Assert.Equal(1000 * sr1, s[A].Accessibility!.Value, 9);
        Assert.Equal(1000 * 0.22 * (sr1 + sr2), s[B].Accessibility!.Value, 9);
    }

    [Fact]
    public void Distance_share_and_population_weighted_centroids()
    {
        var f = Compute();
        Assert.Equal(Step, f[B].DistanceKm!.Value, 5);
        Assert.True(f[P].PopulationWeighted);
        Assert.Equal(0.0075, f[P].Centroid!.Value.Longitude, 9); // (1000 × 0 + 3000 × 0.01) / 4000
        Assert.Equal(1, f[P].ShareWithinRadius!.Value, 9);
        Assert.Equal(1, f[Q].ShareWithinRadius!.Value, 9);
        Assert.Null(f[A].ShareWithinRadius);

        // a smaller radius leaves B (1.112 km) and D (1.112 km) outside
        var small = Compute(radius: 1);
        Assert.Equal(1000 / 4000.0, small[P].ShareWithinRadius!.Value, 9);
        Assert.Equal(2000 / 2500.0, small[Q].ShareWithinRadius!.Value, 9);
        Assert.Equal(3000 / 6500.0, small[Root].ShareWithinRadius!.Value, 9);

        // without B's population P falls back to its geometric centroid and has no share
        var unknown = Compute(spaces: Grid(populationB: null));
        Assert.False(unknown[P].PopulationWeighted);
        Assert.Equal(0.005, unknown[P].Centroid!.Value.Longitude, 9);
        Assert.Null(unknown[P].ShareWithinRadius);
        Assert.Null(unknown[B].PerThousand);
    }

    [Fact]
    public void Closing_services_removes_them_everywhere()
    {
        var f = Compute(closed: new HashSet<Guid> { S2, S3 });
        Assert.Equal(0, f[C].PerThousand!.Value, 9);
        Assert.Equal(0, f[D].Services);
        Assert.Equal(1, f[Root].Services);
        Assert.Equal(2 * Step, f[C].DistanceKm!.Value, 5);
        Assert.Equal(0, f[D].Accessibility!.Value, 9);
        Assert.Equal(10, f[B].Accessibility!.Value, 9);

        var none = Compute(closed: new HashSet<Guid> { S1, S2, S3 });
        Assert.Null(none[A].DistanceKm);
        Assert.Equal(0, none[A].Accessibility!.Value, 9);
        Assert.Equal(0, none[P].ShareWithinRadius!.Value, 9);
    }

    [Fact]
    public void The_nearest_service_equals_the_brute_force_minimum_on_random_points()
    {
        var random = new Random(13);
        var spaces = Enumerable.Range(0, 60).Select(_ => new CoverageSpace(Guid.NewGuid(), null, true, 100,
            new GeoPoint(50 + random.NextDouble(), 7 + random.NextDouble()))).ToList();
        var points = Enumerable.Range(0, 400).Select(_ => new SupplyPoint(Guid.NewGuid(), null,
            new GeoPoint(50 + random.NextDouble(), 7 + random.NextDouble()), 10)).ToList();
        var f = CoverageCalculator.Compute(spaces, points, [], new HashSet<Guid>(), new CoverageSettings(5, DistanceDecay.None));
        foreach (var s in spaces)
            Assert.Equal(points.Min(p => GeoDistance.HaversineKm(s.Centroid!.Value, p.Position!.Value)), f[s.Id].DistanceKm!.Value, 9);
    }

    [Theory]
    [InlineData(DistanceDecay.None)]
    [InlineData(DistanceDecay.Gaussian)]
    [InlineData(DistanceDecay.Stepped)]
    public void The_accessibility_index_equals_the_formula_summed_pair_by_pair_on_random_points(DistanceDecay decay)
    {
        var random = new Random(17);
        var spaces = Enumerable.Range(0, 120).Select(i => new CoverageSpace(Guid.NewGuid(), null, true,
            i % 7 == 0 ? null : 50 + random.Next(5000),
            new GeoPoint(51 + (random.NextDouble() * 0.2), 7 + (random.NextDouble() * 0.3)))).ToList();
        var points = Enumerable.Range(0, 300).Select(i => new SupplyPoint(Guid.NewGuid(), null,
            new GeoPoint(51 + (random.NextDouble() * 0.2), 7 + (random.NextDouble() * 0.3)),
            i % 11 == 0 ? 0 : 10 + random.Next(90))).ToList();
        const double radius = 2;

        var f = CoverageCalculator.Compute(spaces, points, [], new HashSet<Guid>(), new CoverageSettings(radius, decay));

        // R_j = S_j / Σ_k W(d_kj)·P_k, A_i = 1000 · Σ_j W(d_ij)·R_j, every pair by the haversine distance, summed in list order
        var ratio = points.Select(p =>
        {
            if (p.Capacity <= 0) return 0;
            var demand = 0.0;
            foreach (var k in spaces)
                if (k.Population is > 0 && GeoDistance.HaversineKm(k.Centroid!.Value, p.Position!.Value) is var d && d <= radius)
                    demand += CoverageCalculator.Weight(decay, d, radius) * k.Population.Value;
            return demand > 0 ? p.Capacity / demand : 0;
        }).ToArray();
        var reached = 0;
        foreach (var s in spaces)
        {
            var sum = 0.0;
            for (var j = 0; j < points.Count; j++)
                if (ratio[j] > 0 && GeoDistance.HaversineKm(s.Centroid!.Value, points[j].Position!.Value) is var d && d <= radius)
                    sum += CoverageCalculator.Weight(decay, d, radius) * ratio[j];
            Assert.Equal(sum * 1000, f[s.Id].Accessibility!.Value);
            if (sum > 0) reached++;
        }
        Assert.InRange(reached, spaces.Count / 2, spaces.Count); // the random points do reach each other
    }
}
