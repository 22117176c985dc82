namespace Raumnetz.Domain.Inventory;

/// <summary>How the weight of a service falls with distance within the catchment radius (2SFCA and its enhanced variants).</summary>
public enum DistanceDecay
{
    /// <summary>Classic 2SFCA (Luo &amp; Wang 2003): weight 1 within the radius, 0 beyond.</summary>
    None = 1,
    /// <summary>Gaussian (Dai 2010): (e^(-½(d/r)²) − e^(-½)) / (1 − e^(-½)), from 1 at the centroid to 0 at the radius.</summary>
    Gaussian = 2,
    /// <summary>Stepped as in the enhanced 2SFCA (Luo &amp; Qi 2009): 1 up to r/3, 0.68 up to 2r/3, 0.22 up to r.</summary>
    Stepped = 3,
}

/// <summary>
/// A space of the region as coverage needs it: its parent, whether it lies on the level the figures are asked for (the demand
/// points of the accessibility index), its population (of the population indicator in the period; null when unknown or
/// withheld) and its geometric centroid (null without geometry).
/// </summary>
public sealed record CoverageSpace(Guid Id, Guid? ParentId, bool OnLevel, double? Population, GeoPoint? Centroid);

/// <summary>One service at one location: where it stands (space and coordinates, each possibly unknown) and its capacity.</summary>
public sealed record SupplyPoint(Guid ServiceId, Guid? SpaceId, GeoPoint? Position, double Capacity);

/// <summary>Catchment radius in kilometres and the distance decay.</summary>
public sealed record CoverageSettings(double RadiusKm, DistanceDecay Decay);

/// <summary>The coverage figures of one space.</summary>
public sealed record SpaceFigures
{
    /// <summary>Distinct services standing in the space or below it, or serving such a space.</summary>
    public int Services { get; init; }
    /// <summary>Sum of the capacities of the services' locations in the space or below it.</summary>
    public double Capacity { get; init; }
    public double? Population { get; init; }
    /// <summary>Capacity per 1,000 of the population.</summary>
    public double? PerThousand { get; init; }
    /// <summary>The centroid distances are measured from: population-weighted from the spaces directly below where all of
    /// them have a population and a centroid, else geometric.</summary>
    public GeoPoint? Centroid { get; init; }
    public bool PopulationWeighted { get; init; }
    /// <summary>Kilometres from the centroid to the nearest location of a service; null without centroid or services.</summary>
    public double? DistanceKm { get; init; }
    /// <summary>Share (0..1) of the population whose (sub-space) centroid lies within the radius of a service; null unless every
    /// space directly below has a population and a centroid.</summary>
    public double? ShareWithinRadius { get; init; }
    /// <summary>2SFCA index: capacity reachable per 1,000 inhabitants. Computed for the spaces on the level, population-weighted
    /// mean of those for the spaces above; null below the level.</summary>
    public double? Accessibility { get; init; }
}

/// <summary>
/// Coverage (Flächendeckung) of a region by the services of one category, in memory: supply per 1,000, distance to the nearest
/// service, share of the population within a radius and the two-step floating catchment area index (Luo &amp; Wang 2003) with
/// an optional distance decay. Services in <c>closed</c> are left out (what-if).
/// </summary>
public static class CoverageCalculator
{
    private static readonly double GaussEdge = Math.Exp(-0.5);

    /// <summary>The weight of a service at <paramref name="distanceKm"/> within the radius; 0 beyond it.</summary>
    public static double Weight(DistanceDecay decay, double distanceKm, double radiusKm)
    {
        if (distanceKm > radiusKm) return 0;
        return decay switch
        {
            DistanceDecay.Gaussian => (Math.Exp(-0.5 * (distanceKm / radiusKm) * (distanceKm / radiusKm)) - GaussEdge) / (1 - GaussEdge),
            DistanceDecay.Stepped => distanceKm <= radiusKm / 3 ? 1 : distanceKm <= radiusKm * 2 / 3 ? 0.68 : 0.22,
            _ => 1,
        };
    }

    public static Dictionary<Guid, SpaceFigures> Compute(IReadOnlyList<CoverageSpace> spaces, IReadOnlyList<SupplyPoint> points,
        IReadOnlyCollection<(Guid ServiceId, Guid SpaceId)> served, IReadOnlySet<Guid> closed, CoverageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(spaces);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(served);
        ArgumentNullException.ThrowIfNull(closed);
        ArgumentNullException.ThrowIfNull(settings);
        var byId = spaces.ToDictionary(s => s.Id);
        var children = spaces.Where(s => s.ParentId is { } p && byId.ContainsKey(p)).ToLookup(s => s.ParentId!.Value);
        var order = PostOrder(spaces, byId, children);
        var open = points.Where(p => !closed.Contains(p.ServiceId)).ToList();
        var positioned = open.Where(p => p.Position is not null).Select(p => (Point: p.Position!.Value, p.Capacity)).ToArray();

        // Centroids, bottom-up: population-weighted from the children where all of them allow it.
        var centroid = new Dictionary<Guid, (GeoPoint? Point, bool Weighted)>();
        foreach (var s in order)
        {
            var kids = children[s.Id].ToList();
            if (kids.Count > 0 && kids.All(k => k.Population is > 0 && centroid[k.Id].Point is not null))
            {
                var total = kids.Sum(k => k.Population!.Value);
                var lat = kids.Sum(k => k.Population!.Value * centroid[k.Id].Point!.Value.Latitude) / total;
                var lon = kids.Sum(k => k.Population!.Value * centroid[k.Id].Point!.Value.Longitude) / total;
                centroid[s.Id] = (new GeoPoint(lat, lon), true);
            }
            else centroid[s.Id] = (s.Centroid, false);
        }

        // Services and capacity in the subtree.
        var direct = spaces.ToDictionary(s => s.Id, _ => new HashSet<Guid>());
        var capacity = spaces.ToDictionary(s => s.Id, _ => 0.0);
        foreach (var p in open.Where(p => p.SpaceId is { } id && byId.ContainsKey(id)))
        {
            direct[p.SpaceId!.Value].Add(p.ServiceId);
            capacity[p.SpaceId!.Value] += p.Capacity;
        }
        foreach (var (serviceId, spaceId) in served)
            if (!closed.Contains(serviceId) && direct.TryGetValue(spaceId, out var set)) set.Add(serviceId);
        foreach (var s in order)
        {
            foreach (var k in children[s.Id])
            {
                direct[s.Id].UnionWith(direct[k.Id]);
                capacity[s.Id] += capacity[k.Id];
            }
        }

        // Nearest service and the share within the radius.
        var byLatitude = positioned.Select(p => p.Point).OrderBy(p => p.Latitude).ToArray();
        var latitudes = byLatitude.Select(p => p.Latitude).ToArray();
        var nearest = new Dictionary<Guid, double?>();
        foreach (var s in spaces) nearest[s.Id] = centroid[s.Id].Point is { } c ? Nearest(c, byLatitude, latitudes) : null;
        var share = new Dictionary<Guid, double?>();
        foreach (var s in order)
        {
            var kids = children[s.Id].ToList();
            if (kids.Count == 0 || !kids.All(k => k.Population is > 0 && centroid[k.Id].Point is not null))
            {
                share[s.Id] = null;
                continue;
            }
            var total = kids.Sum(k => k.Population!.Value);
            share[s.Id] = kids.Sum(k => k.Population!.Value
                * (share[k.Id] ?? (nearest[k.Id] is { } d && d <= settings.RadiusKm ? 1.0 : 0.0))) / total;
        }

        var accessibility = TwoStep(spaces, centroid.ToDictionary(c => c.Key, c => c.Value.Point), positioned, settings);
        // Spaces above the level: population-weighted mean of the level's spaces below them.
        var sums = new Dictionary<Guid, (double Weighted, double Population)>();
        foreach (var s in order)
        {
            var sum = s.OnLevel && accessibility.TryGetValue(s.Id, out var a) && s.Population is > 0
                ? (Weighted: a * s.Population.Value, Population: s.Population.Value) : (Weighted: 0.0, Population: 0.0);
            if (!s.OnLevel)
                foreach (var k in children[s.Id]) sum = (sum.Weighted + sums[k.Id].Weighted, sum.Population + sums[k.Id].Population);
            sums[s.Id] = sum;
        }
        var onLevelBelow = OnLevelBelow(order, children);

        return spaces.ToDictionary(s => s.Id, s =>
        {
            double? index = s.OnLevel ? (accessibility.TryGetValue(s.Id, out var a) ? a : null)
                : onLevelBelow.Contains(s.Id) && sums[s.Id].Population > 0
                    ? sums[s.Id].Weighted / sums[s.Id].Population : null;
            return new SpaceFigures
            {
                Services = direct[s.Id].Count, Capacity = capacity[s.Id], Population = s.Population,
                PerThousand = s.Population is > 0 ? capacity[s.Id] / s.Population.Value * 1000 : null,
                Centroid = centroid[s.Id].Point, PopulationWeighted = centroid[s.Id].Weighted,
                DistanceKm = nearest[s.Id], ShareWithinRadius = share[s.Id], Accessibility = index,
            };
        });
    }

    /// <summary>
    /// The 2SFCA index of the spaces on the level: R_j = S_j / Σ_k W(d_kj)·P_k over the level's spaces k within the radius of
    /// service location j; A_i = 1000 · Σ_j W(d_ij)·R_j over the locations within the radius of space i. Every pair is tested
    /// (space × location, twice), so the loops run over plain arrays of coordinates and each point's cosine is computed once;
    /// the sums run in the same order as before, so the figures are the same bit for bit.
    /// </summary>
    private static Dictionary<Guid, double> TwoStep(IReadOnlyList<CoverageSpace> spaces, Dictionary<Guid, GeoPoint?> centroid,
        (GeoPoint Point, double Capacity)[] supply, CoverageSettings settings)
    {
        var level = spaces.Where(s => s.OnLevel && centroid[s.Id] is not null)
            .Select(s => (s.Id, Point: centroid[s.Id]!.Value, s.Population)).ToArray();
        var demandPoints = new Points(level.Select(k => k.Point));
        var supplyPoints = new Points(supply.Select(s => s.Point));
        var radius = settings.RadiusKm;
        var ratio = new double[supply.Length];
        for (var j = 0; j < supply.Length; j++)
        {
            if (supply[j].Capacity <= 0) continue;
            var demand = 0.0;
            for (var k = 0; k < level.Length; k++)
                if (level[k].Population is > 0 && Near(demandPoints, k, supplyPoints, j, radius) is { } d)
                    demand += Weight(settings.Decay, d, radius) * level[k].Population!.Value;
            ratio[j] = demand > 0 ? supply[j].Capacity / demand : 0;
        }
        var result = new Dictionary<Guid, double>(level.Length);
        for (var i = 0; i < level.Length; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < supply.Length; j++)
                if (ratio[j] > 0 && Near(demandPoints, i, supplyPoints, j, radius) is { } d)
                    sum += Weight(settings.Decay, d, radius) * ratio[j];
            result[level[i].Id] = sum * 1000;
        }
        return result;
    }

    /// <summary>Points as arrays: latitude, longitude and the cosine of the latitude (in radians) of each.</summary>
    private sealed class Points
    {
        public Points(IEnumerable<GeoPoint> points)
        {
            var list = points.ToList();
            Latitude = list.Select(p => p.Latitude).ToArray();
            Longitude = list.Select(p => p.Longitude).ToArray();
            Cosine = list.Select(p => Math.Cos(p.Latitude * Radian)).ToArray();
        }

        public double[] Latitude { get; }
        public double[] Longitude { get; }
        public double[] Cosine { get; }
    }

    private const double Radian = Math.PI / 180;

    /// <summary>
    /// The distance from point <paramref name="i"/> of <paramref name="a"/> to point <paramref name="j"/> of <paramref name="b"/>
    /// when within the radius, else null: a cheap latitude test first (the latitude difference alone is a lower bound of the
    /// distance), then <see cref="GeoDistance.HaversineKm"/> written out with the cosines computed beforehand (the same
    /// operations in the same order, so the same result).
    /// </summary>
    private static double? Near(Points a, int i, Points b, int j, double radiusKm)
    {
        var latA = a.Latitude[i];
        var latB = b.Latitude[j];
        if (Math.Abs(latA - latB) * 111.2 > radiusKm * 1.01) return null;
        var dLat = (latB - latA) * Radian;
        var dLon = (b.Longitude[j] - a.Longitude[i]) * Radian;
        var sinLat = Math.Sin(dLat / 2);
        var sinLon = Math.Sin(dLon / 2);
        var h = (sinLat * sinLat) + (a.Cosine[i] * b.Cosine[j] * sinLon * sinLon);
        var d = 2 * GeoDistance.EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
        return d <= radiusKm ? d : null;
    }

    /// <summary>
    /// The nearest location by a sweep over the locations sorted by latitude, outwards from the point's latitude, stopping
    /// where the latitude difference alone (a lower bound of the great-circle distance) exceeds the best distance found.
    /// </summary>
    private static double? Nearest(GeoPoint from, GeoPoint[] byLatitude, double[] latitudes)
    {
        if (byLatitude.Length == 0) return null;
        const double kmPerDegree = Math.PI / 180 * GeoDistance.EarthRadiusKm;
        var start = Array.BinarySearch(latitudes, from.Latitude);
        if (start < 0) start = ~start;
        var best = double.MaxValue;
        int up = start, down = start - 1;
        while (up < byLatitude.Length || down >= 0)
        {
            var upBound = up < byLatitude.Length ? (latitudes[up] - from.Latitude) * kmPerDegree : double.MaxValue;
            var downBound = down >= 0 ? (from.Latitude - latitudes[down]) * kmPerDegree : double.MaxValue;
            if (Math.Min(upBound, downBound) > best) break;
            if (upBound <= downBound) best = Math.Min(best, GeoDistance.HaversineKm(from, byLatitude[up++]));
            else best = Math.Min(best, GeoDistance.HaversineKm(from, byLatitude[down--]));
        }
        return best;
    }

    private static HashSet<Guid> OnLevelBelow(List<CoverageSpace> order, ILookup<Guid, CoverageSpace> children)
    {
        var result = new HashSet<Guid>();
        foreach (var s in order)
            if (!s.OnLevel && children[s.Id].Any(k => k.OnLevel || result.Contains(k.Id))) result.Add(s.Id);
        return result;
    }

    /// <summary>Children before parents.</summary>
    private static List<CoverageSpace> PostOrder(IReadOnlyList<CoverageSpace> spaces, Dictionary<Guid, CoverageSpace> byId,
        ILookup<Guid, CoverageSpace> children)
    {
        var result = new List<CoverageSpace>(spaces.Count);
        var seen = new HashSet<Guid>();
        foreach (var root in spaces.Where(s => s.ParentId is not { } p || !byId.ContainsKey(p)))
        {
            var stack = new Stack<(CoverageSpace Space, bool Expanded)>([(root, false)]);
            while (stack.Count > 0)
            {
                var (s, expanded) = stack.Pop();
                if (expanded) { result.Add(s); continue; }
                if (!seen.Add(s.Id)) continue;
                stack.Push((s, true));
                foreach (var k in children[s.Id]) stack.Push((k, false));
            }
        }
        return result;
    }
}
