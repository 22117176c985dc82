using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Raumnetz.Domain.Common;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Fundings;

/// <summary>The API over a clock the tests hold (15 June 2026, 10:00 UTC) and move, so day boundaries are exact.</summary>
public sealed class InventoryClockFactory : ApiFactory
{
    public static readonly DateOnly Today = new(2026, 6, 15);

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 6, 15, 10, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>
/// Services arranged with SQL (a service at one location in a space, with networks and categories): the services API
/// itself is proven by its own tests; these tests need services in given states (verified on a given day, defunct).
/// </summary>
public static class InventoryTestData
{
    public static async Task<Guid> ServiceAsync(this ApiFactory factory, string name, Guid? spaceId = null, Guid? operatorId = null,
        string status = "Active", DateOnly? verifiedOn = null, int intervalMonths = 12, Guid[]? networkIds = null,
            string[]? categories = null,
        string? externalId = null)
    {
        var id = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        await factory.ExecuteAsync("""
            INSERT INTO services (id, name, search_key, status, operator_actor_id, external_id, verified_on, verified_by,
                verification_interval_months, version, created_at, updated_at)
            VALUES (@id, @name, @searchKey, @status, @operatorId, @externalId, @verifiedOn, @by, @intervalMonths, 1, @now, @now)
            """, new
        {
            id, name, searchKey = TextRules.SearchKey(name), status, operatorId, externalId, verifiedOn,
            by = verifiedOn is null ? null : "Testdaten", intervalMonths, now,
        });
        if (spaceId is { } space)
        {
            var location = Guid.CreateVersion7();
            await factory.ExecuteAsync("""
                INSERT INTO locations (id, name, search_key, kind, space_id, space_source, version, created_at, updated_at)
                VALUES (@location, @name, @searchKey, 'Physical', @space, 'Manual', 1, @now, @now)
                """, new { location, name = "Standort " + name, searchKey = TextRules.SearchKey("Standort " + name), space, now });
            await factory.ExecuteAsync("""
                INSERT INTO service_at_locations (id, service_id, location_id, version, created_at, updated_at)
                VALUES (@sal, @id, @location, 1, @now, @now)
                """, new { sal = Guid.CreateVersion7(), id, location, now });
        }
        foreach (var network in networkIds ?? [])
            await factory.ExecuteAsync("INSERT INTO service_networks (service_id, network_id) VALUES (@id, @network)", new { id, network });
        foreach (var code in categories ?? [])
            await factory.ExecuteAsync(
                "INSERT INTO service_categories (service_id, term_id) SELECT @id, id FROM taxonomy_terms WHERE code = @code", new { id,
                    code });
        return id;
    }

    /// <summary>An edit of the service's record as the services API makes it: a field changes and the version rises.</summary>
    public static Task EditServiceAsync(this ApiFactory factory, Guid id, string? name = null, string? status = null) =>
        factory.ExecuteAsync("""
            UPDATE services SET name = COALESCE(@name, name), search_key = COALESCE(@key, search_key), status = COALESCE(@status, status),
                version = version + 1 WHERE id = @id
            """, new { id, name, key = name is null ? null : TextRules.SearchKey(name), status });

    public static Task<long> CountAsync(this ApiFactory factory, string table) =>
        factory.ScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
}
