using System.Data.Common;
using Dapper;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.InventoryImport;

/// <summary>
/// Writes checked rows in the import's transaction, idempotently by external id: the location (by the location's
/// external id, else the row's), the service (by service_external_id, else the row's external id) and its service at
/// location (by the row's external id, else by service and location), categories and
/// target groups when given, a capacity entry dated today when the maximum differs from the latest one, and a funding per
/// funder (its end set from funding_end). A record is only touched (version raised) when a value differs, so importing
/// the same file twice changes nothing.
/// </summary>
internal sealed class InventoryImportWriter(DbConnection connection, DbTransaction tx, DateTimeOffset now, DateOnly today,
    CancellationToken ct)
{
    private sealed class LocationRow
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public double? Latitude { get; init; }
        public double? Longitude { get; init; }
        public Guid? SpaceId { get; init; }
    }

    private sealed class AddressRow
    {
        public string Address1 { get; init; } = "";
        public string PostalCode { get; init; } = "";
        public string City { get; init; } = "";
    }

    private sealed class ServiceRow
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string Status { get; init; } = "";
        public Guid? OperatorActorId { get; init; }
        public int? MinimumAge { get; init; }
        public int? MaximumAge { get; init; }
    }

    private sealed class Placement
    {
        public Guid Id { get; init; }
        public Guid LocationId { get; init; }
    }

    private sealed class CapacityRow
    {
        public Guid Id { get; init; }
        public double Maximum { get; init; }
        public DateOnly AsOf { get; init; }
    }

    private sealed class FundingRow
    {
        public Guid Id { get; init; }
        public DateOnly? EndsOn { get; init; }
    }

    /// <summary>Services this import created: a later row of one (at another location) counts as created too.</summary>
    private readonly HashSet<Guid> createdServices = [];

    private Task<T?> One<T>(string sql, object args) =>
        connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, args, tx, cancellationToken: ct));

    private Task<int> Run(string sql, object args) => connection.ExecuteAsync(new CommandDefinition(sql, args, tx, cancellationToken: ct));

    /// <summary>Writes one row; returns whether its service was created, and whether anything was written at all.</summary>
    public async Task<(bool Created, bool Changed)> WriteAsync(InventoryImportRow row)
    {
        var (locationId, locationChanged) = await LocationAsync(row);
        var (serviceId, created, serviceChanged) = await ServiceAsync(row);
        if (created) createdServices.Add(serviceId);
        var changed = locationChanged | serviceChanged;
        if (row.CategoryIds is { } categories) changed |= await ReplaceTermsAsync("service_categories", serviceId, categories, !created);
        if (row.TargetGroupIds is { } groups) changed |= await ReplaceTermsAsync("service_target_groups", serviceId, groups, !created);
        var (placementId, placed) = await PlacementAsync(row, serviceId, locationId);
        changed |= placed;
        if (row.Capacity is { } capacity) changed |= await CapacityAsync(placementId, row.CapacityUnit, capacity);
        foreach (var funder in row.FunderIds) changed |= await FundingAsync(serviceId, funder, row.FundingEnd);
        return (createdServices.Contains(serviceId), changed);
    }

    private async Task<(Guid, bool)> LocationAsync(InventoryImportRow row)
    {
        var current = await One<LocationRow>("SELECT id, name, latitude, longitude, space_id FROM locations WHERE external_id = @ext",
            new { ext = row.LocationExternalId });
        var source = row.SpaceId is null ? null : row.SpaceDerived ? "Derived" : "Manual";
        var changed = false;
        Guid id;
        if (current is null)
        {
            id = Guid.CreateVersion7();
            await Run("""
                INSERT INTO locations (id, name, search_key, kind, latitude, longitude, space_id, space_source, external_id, version, created_at, updated_at)
                VALUES (@id, @name, @key, 'Physical', @Latitude, @Longitude, @SpaceId, @source, @ext, 1, @now, @now)
                """, new
            {
                id, name = row.LocationName, key = TextRules.SearchKey(row.LocationName), row.Latitude, row.Longitude, row.SpaceId, source,
                ext = row.LocationExternalId, now,
            });
            changed = true;
        }
        else
        {
            id = current.Id;
            var latitude = row.Latitude ?? current.Latitude;
            var longitude = row.Longitude ?? current.Longitude;
            var spaceId = row.SpaceId ?? current.SpaceId;
            if (current.Name != row.LocationName || !Same(current.Latitude, latitude) || !Same(current.Longitude, longitude)
                || current.SpaceId != spaceId)
            {
                await Run("""
                    UPDATE locations SET name = @name, search_key = @key, latitude = @latitude, longitude = @longitude, space_id = @spaceId,
                        space_source = COALESCE(@source, space_source), version = version + 1, updated_at = @now WHERE id = @id
                    """, new
                {
                    id, name = row.LocationName, key = TextRules.SearchKey(row.LocationName), latitude, longitude, spaceId, source, now,
                });
                changed = true;
            }
        }
        if (row.Street is not null)
        {
            var address = await One<AddressRow>("""
                SELECT address_1, postal_code, city FROM location_addresses WHERE location_id = @id AND sort_order = 0
                """, new { id });
            if (address is null || address.Address1 != row.Street || address.PostalCode != row.PostalCode || address.City != row.City)
            {
                await Run("DELETE FROM location_addresses WHERE location_id = @id", new { id });
                await Run("""
                    INSERT INTO location_addresses (id, location_id, address_type, address_1, city, postal_code, country, sort_order)
                    VALUES (@aid, @id, 'Physical', @Street, @City, @PostalCode, 'DE', 0)
                    """, new { aid = Guid.CreateVersion7(), id, row.Street, row.City, row.PostalCode });
                if (current is not null && !changed)
                    await Run("UPDATE locations SET version = version + 1, updated_at = @now WHERE id = @id", new { id, now });
                changed = true;
            }
        }
        return (id, changed);
    }

    private static bool Same(double? a, double? b) => a is null ? b is null : b is not null && Math.Abs(a.Value - b.Value) < 1e-9;

    private async Task<(Guid, bool Created, bool Changed)> ServiceAsync(InventoryImportRow row)
    {
        var current = await One<ServiceRow>("""
            SELECT id, name, status, operator_actor_id, minimum_age, maximum_age FROM services WHERE external_id = @ServiceExternalId
            """, new { row.ServiceExternalId });
        if (current is null)
        {
            var id = Guid.CreateVersion7();
            await Run("""
                INSERT INTO services (id, name, search_key, status, operator_actor_id, minimum_age, maximum_age, external_id,
                    verification_interval_months, version, created_at, updated_at)
                VALUES (@id, @name, @key, @status, @OperatorId, @MinimumAge, @MaximumAge, @ServiceExternalId, 12, 1, @now, @now)
                """, new
            {
                id, name = row.ServiceName, key = TextRules.SearchKey(row.ServiceName), status = row.Status ?? "Active", row.OperatorId,
                row.MinimumAge, row.MaximumAge, row.ServiceExternalId, now,
            });
            return (id, true, true);
        }
        var status = row.Status ?? current.Status;
        var operatorId = row.HasOperator ? row.OperatorId : current.OperatorActorId;
        var (min, max) = row.HasAges ? (row.MinimumAge, row.MaximumAge) : (current.MinimumAge, current.MaximumAge);
        if (current.Name == row.ServiceName && current.Status == status && current.OperatorActorId == operatorId
            && current.MinimumAge == min
            && current.MaximumAge == max)
            return (current.Id, false, false);
        await Run("""
            UPDATE services SET name = @name, search_key = @key, status = @status, operator_actor_id = @operatorId, minimum_age = @min,
                maximum_age = @max, version = version + 1, updated_at = @now WHERE id = @id
            """, new
        {
            id = current.Id, name = row.ServiceName, key = TextRules.SearchKey(row.ServiceName), status, operatorId, min, max, now,
        });
        return (current.Id, false, true);
    }

    /// <summary>Replaces the service's terms in <paramref name="table"/> (a constant) when they differ; raises the version of an existing
    /// service.</summary>
    private async Task<bool> ReplaceTermsAsync(string table, Guid serviceId, IReadOnlyList<Guid> termIds, bool existing)
    {
        var current = (await connection.QueryAsync<Guid>(new CommandDefinition($"SELECT term_id FROM {table} WHERE service_id = @serviceId",
            new { serviceId }, tx, cancellationToken: ct))).ToHashSet();
        if (current.SetEquals(termIds)) return false;
        await Run($"DELETE FROM {table} WHERE service_id = @serviceId", new { serviceId });
        foreach (var termId in termIds)
            await Run($"INSERT INTO {table} (service_id, term_id) VALUES (@serviceId, @termId)", new { serviceId, termId });
        if (existing)
            await Run("UPDATE services SET version = version + 1, updated_at = @now WHERE id = @serviceId", new { serviceId, now });
        return true;
    }

    private async Task<(Guid, bool)> PlacementAsync(InventoryImportRow row, Guid serviceId, Guid locationId)
    {
        var current = await One<Placement>("SELECT id, location_id FROM service_at_locations WHERE external_id = @ExternalId",
            new { row.ExternalId })
            ?? await One<Placement>(
                "SELECT id, location_id FROM service_at_locations WHERE service_id = @serviceId AND location_id = @locationId",
                new { serviceId, locationId });
        if (current is null)
        {
            var id = Guid.CreateVersion7();
            await Run("""
                INSERT INTO service_at_locations (id, service_id, location_id, external_id, version, created_at, updated_at)
                VALUES (@id, @serviceId, @locationId, @ExternalId, 1, @now, @now)
                """, new { id, serviceId, locationId, row.ExternalId, now });
            return (id, true);
        }
        if (current.LocationId == locationId) return (current.Id, false);
        await Run("""
            UPDATE service_at_locations SET location_id = @locationId, version = version + 1, updated_at = @now WHERE id = @id
            """, new { id = current.Id, locationId, now });
        return (current.Id, true);
    }

    private async Task<bool> CapacityAsync(Guid placementId, string unit, double maximum)
    {
        var latest = (await connection.QueryAsync<CapacityRow>(new CommandDefinition("""
            SELECT id, maximum, as_of FROM capacity_entries WHERE service_at_location_id = @placementId AND unit = @unit ORDER BY as_of DESC
            """, new { placementId, unit }, tx, cancellationToken: ct))).FirstOrDefault();
        if (latest is not null && Same(latest.Maximum, maximum)) return false;
        if (latest is not null && latest.AsOf == today)
            await Run("UPDATE capacity_entries SET maximum = @maximum WHERE id = @id", new { id = latest.Id, maximum });
        else
            await Run("""
                INSERT INTO capacity_entries (id, service_at_location_id, unit, maximum, available, as_of, note, recorded_by, created_at)
                VALUES (@id, @placementId, @unit, @maximum, NULL, @today, 'Import', NULL, @now)
                """, new { id = Guid.CreateVersion7(), placementId, unit, maximum, today, now });
        return true;
    }

    private async Task<bool> FundingAsync(Guid serviceId, Guid funderId, DateOnly? endsOn)
    {
        var current = (await connection.QueryAsync<FundingRow>(new CommandDefinition("""
            SELECT id, ends_on FROM service_fundings WHERE service_id = @serviceId AND funder_actor_id = @funderId ORDER BY created_at, id
            """, new { serviceId, funderId }, tx, cancellationToken: ct))).FirstOrDefault();
        if (current is null)
        {
            await Run("""
                INSERT INTO service_fundings (id, service_id, funder_actor_id, ends_on, renewal_status, version, created_at, updated_at)
                VALUES (@id, @serviceId, @funderId, @endsOn, 'Open', 1, @now, @now)
                """, new { id = Guid.CreateVersion7(), serviceId, funderId, endsOn, now });
            return true;
        }
        if (endsOn is null || current.EndsOn == endsOn) return false;
        await Run("UPDATE service_fundings SET ends_on = @endsOn, version = version + 1, updated_at = @now WHERE id = @id",
            new { id = current.Id, endsOn, now });
        return true;
    }
}
