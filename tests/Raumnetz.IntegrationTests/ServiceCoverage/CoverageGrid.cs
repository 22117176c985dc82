using System.Net;
using System.Text.Json;
using Raumnetz.Domain.Common;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Fundings;
using Raumnetz.IntegrationTests.Indicators;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.ServiceCoverage;

/// <summary>
/// A small grid on the equator whose coverage is computed by hand (README, "Coverage"). Four neighbourhoods, squares of
/// 0.01° from latitude 0 to 0.01: N1 at longitude 0–0.01, N2 at 0.01–0.02, N3 at 0.02–0.03 and, after a gap, N4 at
/// 0.05–0.06; their centroids lie at latitude 0.005 and longitude 0.005, 0.015, 0.025 and 0.055, so neighbours are
/// 1.11195 km apart (N3–N4: 3.33585 km). Districts D1 = N1 + N2, D2 = N3 + N4, county C = D1 + D2. Population (a count
/// indicator, 2024) N1 1,000, N2 3,000, N3 2,000, N4 500; the districts and the county have no value of their own (sums).
/// Services of a category made for the grid: S1 at N1's centroid with 40 places, S2 at N3's centroid with 30 places and a
/// funding that ends on 30 September 2026 (open), S3 without a location serving N4.
/// </summary>
public sealed record CoverageGrid(
    string Category, Guid Indicator, Guid County, Guid D1, Guid D2, Guid N1, Guid N2, Guid N3, Guid N4, Guid S1, Guid S2, Guid S3)
{
    public string Query(string extra = "", string level = "neighbourhood", double radiusKm = 1.5) =>
        $"category={Category}&populationIndicatorId={Indicator}&period=2024&level={level}&under={County}&radiusKm={radiusKm}"
        + $"&on=2026-06-15{extra}";

    public static async Task<CoverageGrid> CreateAsync(InventoryClockFactory factory, HttpClient client)
    {
        var t = ActorApi.Token();
        var category = $"cov-{t}".ToLowerInvariant();
        await factory.ExecuteAsync("""
            INSERT INTO taxonomy_terms (id, taxonomy_id, code, name_de, name_en, parent_id, sort_order, version, created_at, updated_at)
            SELECT @id, id, @code, @code, @code, NULL, 999, 1, @now, @now FROM taxonomies WHERE code = 'soziale-infrastruktur'
            """, new { id = Guid.CreateVersion7(), code = category, now = DateTimeOffset.UtcNow });
        static object Rect(double lon, double width) => new
        {
            type = "Polygon",
            coordinates = new[] { new[] { new[] { lon, 0 }, new[] { lon + width, 0 }, new[] { lon + width, 0.01 }, new[] { lon, 0.01 },
                new[] { lon, 0 } } },
        };
        var county = await IndicatorApi.CreateSpaceAsync(client, $"{t}-C", $"Kreis {t}", "county", geometry: Rect(0, 0.06));
        var d1 = await IndicatorApi.CreateSpaceAsync(client, $"{t}-D1", $"D1 {t}", "district", county, geometry: Rect(0, 0.02));
        var d2 = await IndicatorApi.CreateSpaceAsync(client, $"{t}-D2", $"D2 {t}", "district", county, geometry: Rect(0.02, 0.04));
        var n1 = await IndicatorApi.CreateSpaceAsync(client, $"{t}-N1", $"N1 {t}", "neighbourhood", d1, geometry: Rect(0, 0.01));
        var n2 = await IndicatorApi.CreateSpaceAsync(client, $"{t}-N2", $"N2 {t}", "neighbourhood", d1, geometry: Rect(0.01, 0.01));
        var n3 = await IndicatorApi.CreateSpaceAsync(client, $"{t}-N3", $"N3 {t}", "neighbourhood", d2, geometry: Rect(0.02, 0.01));
        var n4 = await IndicatorApi.CreateSpaceAsync(client, $"{t}-N4", $"N4 {t}", "neighbourhood", d2, geometry: Rect(0.05, 0.01));
        var indicator = (await IndicatorApi.CreateIndicatorAsync(client, IndicatorApi.Count($"{t}-pop"))).Id();
        foreach (var (space, value) in new[] { (n1, 1000), (n2, 3000), (n3, 2000), (n4, 500) })
            await IndicatorApi.PutObservationOkAsync(client, new { indicatorId = indicator, spaceId = space, period = "2024", value });
        var s1 = await ServiceAsync(factory, $"S1 {t}", category, n1, (0.005, 0.005), 40);
        var s2 = await ServiceAsync(factory, $"S2 {t}", category, n3, (0.005, 0.025), 30);
        var s3 = await ServiceAsync(factory, $"S3 {t}", category, null, null, 0);
        await factory.ExecuteAsync("INSERT INTO service_spaces (service_id, space_id) VALUES (@s3, @n4)", new { s3, n4 });
        var funder = await factory.ActorAsync($"Jugendamt {t}");
        await factory.ExecuteAsync("""
            INSERT INTO service_fundings (id, service_id, funder_actor_id, ends_on, renewal_status, version, created_at, updated_at)
            VALUES (@id, @s2, @funder, @endsOn, 'Open', 1, @now, @now)
            """, new { id = Guid.CreateVersion7(), s2, funder, endsOn = new DateOnly(2026, 9, 30), now = DateTimeOffset.UtcNow });
        return new CoverageGrid(category, indicator, county, d1, d2, n1, n2, n3, n4, s1, s2, s3);
    }

    private static async Task<Guid> ServiceAsync(InventoryClockFactory factory, string name, string category, Guid? space,
        (double Lat, double Lon)? at, double places)
    {
        var id = await factory.ServiceAsync(name, categories: [category]);
        if (space is null) return id;
        var location = Guid.CreateVersion7();
        var sal = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        await factory.ExecuteAsync("""
            INSERT INTO locations (id, name, search_key, kind, latitude, longitude, space_id, space_source, version, created_at, updated_at)
            VALUES (@location, @name, @key, 'Physical', @lat, @lon, @space, 'Manual', 1, @now, @now)
            """, new { location, name, key = TextRules.SearchKey(name), lat = at!.Value.Lat, lon = at.Value.Lon, space, now });
        await factory.ExecuteAsync("""
            INSERT INTO service_at_locations (id, service_id, location_id, version, created_at, updated_at)
            VALUES (@sal, @id, @location, 1, @now, @now)
            """, new { sal, id, location, now });
        // an older entry is replaced by the latest one on or before the reference day; a later one does not count yet
        foreach (var (asOf, maximum) in new[] { (new DateOnly(2025, 1, 1), places / 2), (new DateOnly(2026, 1, 1), places),
                     (new DateOnly(2026, 12, 1), places * 10) })
            await factory.ExecuteAsync("""
                INSERT INTO capacity_entries (id, service_at_location_id, unit, maximum, as_of, created_at)
                VALUES (@id, @sal, 'Places', @maximum, @asOf, @now)
                """, new { id = Guid.CreateVersion7(), sal, maximum, asOf, now });
        return id;
    }
}

internal static class CoverageJson
{
    public static JsonElement Space(this JsonElement coverage, Guid id) =>
        coverage.GetProperty("spaces").EnumerateArray().Concat(coverage.GetProperty("totals").EnumerateArray())
            .Single(s => s.GetProperty("id").GetGuid() == id);

    public static double? Num(this JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDouble();

    public static double? Figure(this JsonElement coverage, Guid space, string name, string part = "figures") =>
        coverage.Space(space).GetProperty(part).Num(name);

    public static HttpStatusCode Ok => HttpStatusCode.OK;
}
