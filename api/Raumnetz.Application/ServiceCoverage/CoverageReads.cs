using System.Data.Common;
using System.Globalization;
using Dapper;
using Raumnetz.Application.Common;
using Raumnetz.Application.Indicators;
using Raumnetz.Application.Inventory;
using Raumnetz.Application.Spaces;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Indicators;
using Raumnetz.Domain.Inventory;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.Application.ServiceCoverage;

/// <summary>
/// The loads the coverage use cases share, each one set-based read: the region's spaces with their population (the
/// population indicator's published values, withheld for viewers and analysts as everywhere) and centroids, and the
/// supply of one category (service locations, capacities, spaces served, fundings for the what-if). The figures are then
/// computed in memory by <see cref="CoverageCalculator"/>.
/// </summary>
internal static class CoverageReads
{
    /// <summary>The region: spaces that exist during the period, their population and geometric centroid.</summary>
    internal sealed record Region(
        IndicatorRow Indicator, Period Period, SpaceLevel Level, List<PublishedValueReads.SpaceNode> Spaces,
        Dictionary<Guid, double?> Population, Dictionary<Guid, string> Geometry)
    {
        public List<CoverageSpace> ForCalculator() => Spaces.Select(s => new CoverageSpace(s.Id, s.ParentId, s.Level == Level,
            Population.GetValueOrDefault(s.Id), GeoDistance.Centroid(Geometry.GetValueOrDefault(s.Id)))).ToList();
    }

    /// <summary>One category's supply.</summary>
    internal sealed record Supply(
        List<SupplyPoint> Points, List<(Guid ServiceId, Guid SpaceId)> Served, Dictionary<Guid, string> Names,
        List<(Guid ServiceId, Guid LocationId, GeoPoint Position, double Capacity)> Located, HashSet<Guid> FundingEnds);

    private sealed class PointRow
    {
        public Guid Id { get; init; }
        public Guid ServiceId { get; init; }
        public Guid LocationId { get; init; }
        public Guid? SpaceId { get; init; }
        public double? Latitude { get; init; }
        public double? Longitude { get; init; }
    }

    private sealed class CapacityRow
    {
        public Guid ServiceAtLocationId { get; init; }
        public double Maximum { get; init; }
        public DateOnly AsOf { get; init; }
    }

    private sealed class FundingRow
    {
        public Guid ServiceId { get; init; }
        public DateOnly? EndsOn { get; init; }
        public RenewalStatus RenewalStatus { get; init; }
    }

    private sealed class TermRow
    {
        public string Code { get; init; } = "";
        public string NameDe { get; init; } = "";
        public string NameEn { get; init; } = "";
        public TaxonomyKind Kind { get; init; }
    }

    /// <summary>A term of the given kind by its code; 400 naming <paramref name="field"/> when there is none.</summary>
    internal static async Task<CoverageTermDto> TermAsync(DbConnection connection, string code, TaxonomyKind kind, string field,
        CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<TermRow>(new CommandDefinition("""
            SELECT t.code, t.name_de, t.name_en, x.kind FROM taxonomy_terms t JOIN taxonomies x ON x.id = t.taxonomy_id
            WHERE t.code = @code
            """, new { code = code.Trim() }, cancellationToken: ct));
        if (row is null || row.Kind != kind) throw new InvalidFieldException(field, Text.DoesNotExist("Taxonomy term", code.Trim()));
        return new CoverageTermDto { Code = row.Code, Name = English ? row.NameEn : row.NameDe };
    }

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The region of <paramref name="request"/>; 400 naming the field for an unknown space or a population indicator
    /// that is not a count.</summary>
    internal static async Task<Region> RegionAsync(DbConnection connection, ISqlDialect dialect, CoverageRequest request, DateOnly on,
        ICurrentUser user, SuppressionRules rules, CancellationToken ct)
    {
        var indicatorId = request.PopulationIndicatorId!.Value;
        var indicator = (await IndicatorRow.LoadAsync(connection, null, dialect, [indicatorId], ct)).SingleOrDefault()
            ?? throw new InvalidFieldException("populationIndicatorId", Text.DoesNotExist("Indicator", indicatorId));
        if (indicator.Kind != IndicatorKind.Count)
            throw new InvalidFieldException("populationIndicatorId", Text.Format(Messages.Coverage_PopulationNotCount, indicator.Code));
        var period = string.IsNullOrWhiteSpace(request.Period)
            ? await LatestPeriodAsync(connection, dialect, indicator, ct)
            : Period.Parse(request.Period);
        var all = await PublishedValueReads.SpacesAsync(connection, ct);
        if (request.Under is { } under && !all.ContainsKey(under))
            throw new InvalidFieldException("under", Text.DoesNotExist("Space", under));
        HashSet<Guid>? scope = request.Under is { } root ? PublishedValueReads.Subtree(all, root) : null;
        var table = await PublishedValueReads.TableAsync(connection, dialect, indicator, all, request.Under, scope,
            period.FirstMonth, period.LastMonth, aggregate: true, user, rules, ct);
        var inPeriod = table.Values.Where(v => v.Period == period).ToList();
        var population = inPeriod.Where(v => !v.Suppressed && v.Measure.Value is not null).ToDictionary(v => v.Space, v => v.Measure.Value);
        var hasValue = inPeriod.Select(v => v.Space).ToHashSet();
        // The spaces of the period (SpaceTime.ShownIn: a space entered today with figures for 2024 is one), and those that
        // exist on the reference day, as the services do.
        var spaces = PublishedValueReads.TreeOrder(all.Values
            .Where(s => scope is null || scope.Contains(s.Id))
            .Where(s => SpaceTime.ShownIn(s.ValidFrom, s.ValidTo, period, hasValue.Contains(s.Id))
                || SpaceRules.IsValidOn(s.ValidFrom, s.ValidTo, on))
            .ToList());
        var geometrySql = request.Under is null
            ? "SELECT id, geometry FROM spaces WHERE geometry IS NOT NULL"
            : $"""
                {PublishedValueReads.SubtreeCte(dialect)}
                SELECT s.id, s.geometry FROM spaces s JOIN subtree t ON t.id = s.id WHERE s.geometry IS NOT NULL
                """;
        var geometry = (await connection.QueryAsync<(Guid Id, string Geometry)>(
                new CommandDefinition(geometrySql, new { under = request.Under }, cancellationToken: ct)))
            .ToDictionary(g => g.Id, g => g.Geometry);
        return new Region(indicator, period, request.Level!.Value, spaces, population, geometry);
    }

    /// <summary>The latest period the population indicator has values for (ending last; of those the longest); 400 naming
    /// <c>populationIndicatorId</c> when it has none.</summary>
    private static async Task<Period> LatestPeriodAsync(DbConnection connection, ISqlDialect dialect, IndicatorRow indicator,
        CancellationToken ct)
    {
        var latest = await connection.QueryFirstOrDefaultAsync<string?>(new CommandDefinition($"""
            SELECT period FROM observations WHERE indicator_id = @id ORDER BY last_month DESC, first_month {dialect.Limit("@take")}
            """, new { id = indicator.Id, take = 1 }, cancellationToken: ct));
        return latest is not null && Period.TryParse(latest, out var period) ? period
            : throw new InvalidFieldException("populationIndicatorId",
                Text.Format(Messages.Coverage_PopulationHasNoValues, indicator.Code));
    }

    /// <summary>The active, unarchived services of <paramref name="category"/> (and <paramref name="targetGroup"/>) with their
    /// locations, the latest capacity in <paramref name="unit"/> on <paramref name="on"/>, the spaces they serve and, when
    /// <paramref name="fundingEndsBy"/> is given, those whose funding ends from <paramref name="on"/> to that day.</summary>
    internal static async Task<Supply> SupplyAsync(DbConnection connection, ISqlDialect dialect, string category, string? targetGroup,
        CapacityUnit unit, DateOnly on, DateOnly? fundingEndsBy, CancellationToken ct)
    {
        var filter = InventoryFilters.Services(
            new ServiceFilter { Category = category, TargetGroup = targetGroup, Status = ServiceStatus.Active });
        var with = $"{filter.With(dialect)},\ncov (id) AS (SELECT sv.id FROM services sv {filter.WhereClause})";
        var p = filter.Parameters;
        p.Add("unit", unit.ToString());
        p.Add("on", on);
        var names = (await connection.QueryAsync<(Guid Id, string Name)>(new CommandDefinition(
                $"{with}\nSELECT s.id, s.name FROM services s JOIN cov ON cov.id = s.id", p, cancellationToken: ct)))
            .ToDictionary(r => r.Id, r => r.Name);
        var rows = (await connection.QueryAsync<PointRow>(new CommandDefinition($"""
            {with}
            SELECT sal.id, sal.service_id, l.id AS location_id, l.space_id, l.latitude, l.longitude
            FROM service_at_locations sal JOIN cov ON cov.id = sal.service_id JOIN locations l ON l.id = sal.location_id
            WHERE l.archived_at IS NULL
            """, p, cancellationToken: ct))).ToList();
        var capacity = (await connection.QueryAsync<CapacityRow>(new CommandDefinition($"""
            {with}
            SELECT ce.service_at_location_id, ce.maximum, ce.as_of
            FROM capacity_entries ce JOIN service_at_locations sal ON sal.id = ce.service_at_location_id JOIN cov ON cov.id = sal.service_id
            WHERE ce.unit = @unit AND ce.as_of <= @on
            """, p, cancellationToken: ct)))
            .GroupBy(c => c.ServiceAtLocationId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.AsOf)!.Maximum);
        var served = (await connection.QueryAsync<(Guid ServiceId, Guid SpaceId)>(new CommandDefinition(
            $"{with}\nSELECT ss.service_id, ss.space_id FROM service_spaces ss JOIN cov ON cov.id = ss.service_id", p,
            cancellationToken: ct))).ToList();
        var ending = new HashSet<Guid>();
        if (fundingEndsBy is { } by)
        {
            var fundings = (await connection.QueryAsync<FundingRow>(new CommandDefinition(
                $"{with}\nSELECT f.service_id, f.ends_on, f.renewal_status FROM service_fundings f JOIN cov ON cov.id = f.service_id", p,
                cancellationToken: ct))).ToLookup(f => f.ServiceId);
            foreach (var service in fundings)
            {
                if (service.Any(f => f.EndsOn is { } e && e >= on && e <= by && f.RenewalStatus != RenewalStatus.Secured)
                    && !service.Any(f => f.EndsOn is not { } e || e > by)) ending.Add(service.Key);
            }
        }
        var points = rows.Select(r => new SupplyPoint(r.ServiceId, r.SpaceId,
            r.Latitude is { } lat && r.Longitude is { } lon ? new GeoPoint(lat, lon) : null, capacity.GetValueOrDefault(r.Id))).ToList();
        var located = rows.Where(r => r.Latitude is not null && r.Longitude is not null)
            .Select(r => (r.ServiceId, r.LocationId, new GeoPoint(r.Latitude!.Value, r.Longitude!.Value), capacity.GetValueOrDefault(r.Id)))
            .ToList();
        return new Supply(points, served, names, located, ending);
    }

    /// <summary>The services the what-if closes: those named (of this category) and those whose funding ends.</summary>
    internal static HashSet<Guid> Closed(CoverageRequest request, Supply supply)
    {
        var closed = new HashSet<Guid>(supply.FundingEnds);
        if (request is WhatIfCoverageRequest w)
            foreach (var id in w.CloseServiceIds ?? []) if (supply.Names.ContainsKey(id)) closed.Add(id);
        return closed;
    }

    internal static CoverageSettings Settings(CoverageRequest request) =>
        new(request.RadiusKm ?? CoverageRequest.DefaultRadiusKm, request.Decay ?? DistanceDecay.None);

    internal static CoverageParametersDto Parameters(CoverageRequest request, Region region, CoverageTermDto? category,
        CoverageTermDto? targetGroup, DateOnly on) => new()
    {
        Category = category, TargetGroup = targetGroup, PopulationIndicatorId = region.Indicator.Id, Period = region.Period.ToString(),
        Level = region.Level, Under = request.Under, RadiusKm = Settings(request).RadiusKm, Decay = Settings(request).Decay,
        CapacityUnit = request.CapacityUnit ?? CapacityUnit.Places, On = on,
        FundingEndsBy = (request as WhatIfCoverageRequest)?.FundingEndsBy,
    };

    internal static CoverageFiguresDto Figures(SpaceFigures f) => new()
    {
        Services = f.Services, Capacity = Round(f.Capacity)!.Value, Population = f.Population, PerThousand = Round(f.PerThousand),
        DistanceKm = Round(f.DistanceKm), ShareWithinRadius = Round(f.ShareWithinRadius), Accessibility = Round(f.Accessibility),
    };

    internal static CoverageDifferenceDto Difference(CoverageFiguresDto baseline, CoverageFiguresDto whatIf) => new()
    {
        Services = whatIf.Services - baseline.Services, Capacity = Round(whatIf.Capacity - baseline.Capacity)!.Value,
        PerThousand = Minus(whatIf.PerThousand, baseline.PerThousand), DistanceKm = Minus(whatIf.DistanceKm, baseline.DistanceKm),
        ShareWithinRadius = Minus(whatIf.ShareWithinRadius, baseline.ShareWithinRadius),
        Accessibility = Minus(whatIf.Accessibility, baseline.Accessibility),
    };

    private static double? Minus(double? a, double? b) => a is { } x && b is { } y ? Round(x - y) : null;

    /// <summary>Four decimals: enough for per-1,000 figures and metres.</summary>
    internal static double? Round(double? value) => value is { } v ? Math.Round(v, 4, MidpointRounding.AwayFromZero) : null;

    /// <summary>The value of a measure in a space's figures.</summary>
    internal static double? ValueOf(CoverageFiguresDto f, CoverageMeasure measure) => measure switch
    {
        CoverageMeasure.Distance => f.DistanceKm,
        CoverageMeasure.Accessibility => f.Accessibility,
        CoverageMeasure.ShareWithinRadius => f.ShareWithinRadius,
        _ => f.PerThousand,
    };

    /// <summary>Whether a value is a gap: above the threshold for distance, below it for the others.</summary>
    internal static bool IsGap(CoverageMeasure measure, double value, double threshold) =>
        measure == CoverageMeasure.Distance ? value > threshold : value < threshold;

    /// <summary>The spaces of the region with their figures (and the what-if ones when asked), computed once each.</summary>
    internal static List<CoverageSpaceDto> Compute(CoverageRequest request, Region region, Supply supply, HashSet<Guid> closed,
        bool withGeometry)
    {
        var spaces = region.ForCalculator();
        var settings = Settings(request);
        var baseline = CoverageCalculator.Compute(spaces, supply.Points, supply.Served, new HashSet<Guid>(), settings);
        var whatIf = request.IsWhatIf ? CoverageCalculator.Compute(spaces, supply.Points, supply.Served, closed, settings) : null;
        return region.Spaces.Select(s =>
        {
            var b = baseline[s.Id];
            var figures = Figures(b);
            var w = whatIf is null ? null : Figures(whatIf[s.Id]);
            return new CoverageSpaceDto
            {
                Id = s.Id, Code = s.Code, Name = s.Name, Level = s.Level, ParentId = s.ParentId,
                CentroidLatitude = b.Centroid?.Latitude, CentroidLongitude = b.Centroid?.Longitude,
                PopulationWeightedCentroid = b.PopulationWeighted,
                Geometry = withGeometry && region.Geometry.TryGetValue(s.Id, out var g) ? SpaceGeometry.Read(g) : null,
                Figures = figures, WhatIf = w, Difference = w is null ? null : Difference(figures, w),
            };
        }).ToList();
    }
}
