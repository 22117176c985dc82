using System.Data.Common;
using System.Text.Json.Nodes;
using Dapper;
using Raumnetz.Application.Common;
using Raumnetz.Application.Fundings;
using Raumnetz.Application.Inventory;
using Raumnetz.Application.Locations;
using Raumnetz.Application.Services;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Hsds;

/// <summary>
/// The loads behind the HSDS 3.0 read API: which records a list holds (filters combined as AND, sorted by name), and the
/// records themselves as HSDS objects. Only organisations are HSDS organizations; actors of kind person never appear (a service
/// run by a person has no organization), nor do the names of contacts or who verified a service. What HSDS lacks goes into the
/// Raumnetz profile (<c>openapi/hsds/profile</c>), see <see cref="HsdsMapping"/>.
/// </summary>
public sealed class HsdsReads(IDbConnectionFactory db, ServiceReads services, LocationReads locations)
{
    /// <summary>A record in a list before paging: its id and when it last changed.</summary>
    public sealed record Entry
    {
        public Guid Id { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public double? Latitude { get; init; }
        public double? Longitude { get; init; }
    }

    private sealed record ActorRow
    {
        public Guid Id { get; init; }
        public string Kind { get; init; } = "";
        public string Name { get; init; } = "";
        public string? ShortName { get; init; }
        public string? Email { get; init; }
        public string? Phone { get; init; }
        public string? Website { get; init; }
        public string? Notes { get; init; }
        public Guid? ParentId { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
    }

    private sealed record VerificationRow
    {
        public Guid Id { get; init; }
        public Guid ServiceId { get; init; }
        public DateOnly VerifiedOn { get; init; }
        public string? Note { get; init; }
    }

    private sealed record NetworkRow
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
    }

    private sealed record SpaceRow
    {
        public Guid Id { get; init; }
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
    }

    private const string Organisation = "Organisation";

    /// <summary>The services of the list, filtered: text, organization, taxonomy term or taxonomy; archived ones never.</summary>
    public async Task<List<Entry>> ServiceEntriesAsync(DbConnection connection, HsdsFilter filter, CancellationToken ct)
    {
        var (where, p) = ServiceConditions(filter, "sv.search_key");
        var rows = await connection.QueryAsync<Entry>(new CommandDefinition(
            $"SELECT sv.id, sv.updated_at FROM services sv WHERE {string.Join(" AND ", where)} ORDER BY sv.search_key, sv.id", p,
            cancellationToken: ct));
        return Modified(rows, filter);
    }

    /// <summary>The services at locations of the list: the service's filters, the location's postcode or distance.</summary>
    public async Task<List<Entry>> ServiceAtLocationEntriesAsync(DbConnection connection, HsdsFilter filter, CancellationToken ct)
    {
        var (where, p) = ServiceConditions(filter, null);
        where.Add("l.archived_at IS NULL");
        if (filter.Search is { } search)
        {
            where.Add("(sv.search_key LIKE @q ESCAPE '\\' OR l.search_key LIKE @q ESCAPE '\\')");
            p.Add("q", Search.ContainsPattern(search));
        }
        if (filter.Postcode is { } postcode && filter.Proximity is null)
        {
            where.Add("EXISTS (SELECT 1 FROM location_addresses a WHERE a.location_id = l.id AND REPLACE(a.postal_code, ' ', '') = @pc)");
            p.Add("pc", postcode.Replace(" ", "", StringComparison.Ordinal));
        }
        var rows = (await connection.QueryAsync<(Guid Id, DateTimeOffset Sal, DateTimeOffset Service, DateTimeOffset Location,
            double? Latitude, double? Longitude)>(new CommandDefinition($"""
            SELECT sal.id, sal.updated_at, sv.updated_at, l.updated_at, l.latitude, l.longitude
            FROM service_at_locations sal JOIN services sv ON sv.id = sal.service_id JOIN locations l ON l.id = sal.location_id
            WHERE {string.Join(" AND ", where)} ORDER BY sv.search_key, l.search_key, sal.id
            """, p, cancellationToken: ct))).Select(r => new Entry
        {
            Id = r.Id, UpdatedAt = Max(r.Sal, Max(r.Service, r.Location)), Latitude = r.Latitude, Longitude = r.Longitude,
        }).ToList();
        if (filter.Proximity is { } meters && filter.Postcode is { } code)
        {
            var centre = await PostcodeCentroidAsync(connection, code, ct);
            rows = centre is not { } c ? [] : rows.Where(r => r.Latitude is { } lat && r.Longitude is { } lon
                && GeoDistance.HaversineKm(new GeoPoint(c.Latitude, c.Longitude), new GeoPoint(lat, lon)) * 1000 <= meters).ToList();
        }
        return Modified(rows, filter);
    }

    /// <summary>Organisations (never persons) that operate a service, own a location or fund a service; text search.</summary>
    public async Task<List<Entry>> OrganizationEntriesAsync(DbConnection connection, HsdsFilter filter, CancellationToken ct)
    {
        var where = new List<string> { $"a.kind = '{Organisation}'", "a.archived_at IS NULL", InventoryActor("a.id") };
        var p = new DynamicParameters();
        if (filter.Search is { } search)
        {
            where.Add("a.search_key LIKE @q ESCAPE '\\'");
            p.Add("q", Search.ContainsPattern(search));
        }
        var rows = await connection.QueryAsync<Entry>(new CommandDefinition(
            $"SELECT a.id, a.updated_at FROM actors a WHERE {string.Join(" AND ", where)} ORDER BY a.search_key, a.id", p,
            cancellationToken: ct));
        return Modified(rows, filter);
    }

    private static string InventoryActor(string column) => $"""
        (EXISTS (SELECT 1 FROM services x WHERE x.operator_actor_id = {column} AND x.archived_at IS NULL)
         OR EXISTS (SELECT 1 FROM locations x WHERE x.owner_actor_id = {column} AND x.archived_at IS NULL)
         OR EXISTS (SELECT 1 FROM service_fundings x WHERE x.funder_actor_id = {column}))
        """;

    private static (List<string> Where, DynamicParameters Parameters) ServiceConditions(HsdsFilter filter, string? searchColumn)
    {
        var where = new List<string> { "sv.archived_at IS NULL" };
        var p = new DynamicParameters();
        if (searchColumn is not null && filter.Search is { } search)
        {
            where.Add($"{searchColumn} LIKE @q ESCAPE '\\'");
            p.Add("q", Search.ContainsPattern(search));
        }
        if (filter.OrganizationId is { } org)
        {
            where.Add("sv.operator_actor_id = @org");
            p.Add("org", org);
        }
        if (filter.TaxonomyTermId is { } term)
        {
            where.Add("""
                (EXISTS (SELECT 1 FROM service_categories x WHERE x.service_id = sv.id AND x.term_id = @term)
                 OR EXISTS (SELECT 1 FROM service_target_groups x WHERE x.service_id = sv.id AND x.term_id = @term)
                 OR EXISTS (SELECT 1 FROM service_attributes x WHERE x.service_id = sv.id AND x.term_id = @term))
                """);
            p.Add("term", term);
        }
        if (filter.TaxonomyId is { } taxonomy)
        {
            where.Add("""
                (EXISTS (SELECT 1 FROM service_categories x JOIN taxonomy_terms t ON t.id = x.term_id
                         WHERE x.service_id = sv.id AND t.taxonomy_id = @taxonomy)
                 OR EXISTS (SELECT 1 FROM service_target_groups x JOIN taxonomy_terms t ON t.id = x.term_id
                            WHERE x.service_id = sv.id AND t.taxonomy_id = @taxonomy)
                 OR EXISTS (SELECT 1 FROM service_attributes x JOIN taxonomy_terms t ON t.id = x.term_id
                            WHERE x.service_id = sv.id AND t.taxonomy_id = @taxonomy))
                """);
            p.Add("taxonomy", taxonomy);
        }
        return (where, p);
    }

    private static List<Entry> Modified(IEnumerable<Entry> rows, HsdsFilter filter) =>
        filter.ModifiedAfter is { } after ? rows.Where(r => r.UpdatedAt >= after).ToList() : rows.ToList();

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    /// <summary>The mean position of the locations with an address in this postcode (null when none has coordinates).</summary>
    private static async Task<(double Latitude, double Longitude)?> PostcodeCentroidAsync(DbConnection connection, string postcode,
        CancellationToken ct)
    {
        var points = (await connection.QueryAsync<(double Latitude, double Longitude)>(new CommandDefinition("""
            SELECT l.latitude, l.longitude FROM locations l
            WHERE l.latitude IS NOT NULL AND l.longitude IS NOT NULL AND l.archived_at IS NULL
              AND EXISTS (SELECT 1 FROM location_addresses a WHERE a.location_id = l.id AND REPLACE(a.postal_code, ' ', '') = @pc)
            """, new { pc = postcode.Replace(" ", "", StringComparison.Ordinal) }, cancellationToken: ct))).ToList();
        return points.Count == 0 ? null : (points.Average(x => x.Latitude), points.Average(x => x.Longitude));
    }

    /// <summary>Whether the service (or service at location) exists and is published: not archived, nor its service or location.</summary>
    public static async Task<bool> IsPublishedAsync(DbConnection connection, string table, Guid id, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(table == "services"
            ? "SELECT COUNT(*) FROM services sv WHERE sv.id = @id AND sv.archived_at IS NULL"
            : """
              SELECT COUNT(*) FROM service_at_locations sal JOIN services sv ON sv.id = sal.service_id
              JOIN locations l ON l.id = sal.location_id WHERE sal.id = @id AND sv.archived_at IS NULL AND l.archived_at IS NULL
              """, new { id }, cancellationToken: ct)) > 0;

    /// <summary>HSDS services for these ids, in their order; <paramref name="full"/> adds every nested object.</summary>
    public async Task<List<JsonObject>> ServicesAsync(DbConnection connection, IReadOnlyList<Guid> ids, bool full, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var (condition, value) = db.Dialect.InIds("sv.id", "@ids", ids);
        var rows = (await connection.QueryAsync<ServiceReads.Row>(new CommandDefinition(
            $"SELECT {ServiceReads.Columns} FROM {ServiceReads.From} WHERE {condition}", new { ids = value }, cancellationToken: ct)))
            .ToDictionary(r => r.Id);
        var dtos = (await services.CompleteAsync(connection, null, ids.Where(rows.ContainsKey).Select(i => rows[i]).ToList(), ct))
            .ToDictionary(s => s.Id);
        var context = await ContextAsync(connection, dtos.Values.ToList(), full, ct);
        return ids.Where(dtos.ContainsKey).Select(i => context.Service(dtos[i], full)).ToList();
    }

    /// <summary>HSDS service_at_locations for these ids, in their order, with the location (and with full the service).</summary>
    public async Task<List<JsonObject>> ServiceAtLocationsAsync(DbConnection connection, IReadOnlyList<Guid> ids, bool full,
        CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var (condition, value) = db.Dialect.InIds("sal.id", "@ids", ids);
        var owners = (await connection.QueryAsync<(Guid Id, Guid ServiceId)>(new CommandDefinition(
            $"SELECT sal.id, sal.service_id FROM service_at_locations sal WHERE {condition}", new { ids = value }, cancellationToken: ct)))
            .ToDictionary(r => r.Id, r => r.ServiceId);
        var serviceIds = owners.Values.Distinct().ToList();
        var (sc, sv) = db.Dialect.InIds("sv.id", "@ids", serviceIds);
        var rows = (await connection.QueryAsync<ServiceReads.Row>(new CommandDefinition(
            $"SELECT {ServiceReads.Columns} FROM {ServiceReads.From} WHERE {sc}", new { ids = sv }, cancellationToken: ct))).ToList();
        var dtos = (await services.CompleteAsync(connection, null, rows, ct)).ToDictionary(s => s.Id);
        var context = await ContextAsync(connection, dtos.Values.ToList(), true, ct);
        var result = new List<JsonObject>();
        foreach (var id in ids)
        {
            if (!owners.TryGetValue(id, out var serviceId) || !dtos.TryGetValue(serviceId, out var service)) continue;
            var sal = service.Locations.First(l => l.Id == id);
            result.Add(context.ServiceAtLocation(service, sal, withLocation: true, withService: full));
        }
        return result;
    }

    /// <summary>HSDS organizations for these ids (organisations only), with their services when asked.</summary>
    public async Task<List<JsonObject>> OrganizationsAsync(DbConnection connection, IReadOnlyList<Guid> ids, bool withServices,
        bool fullServices, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var actors = await ActorsAsync(connection, ids, ct);
        var result = new List<JsonObject>();
        Dictionary<Guid, List<JsonObject>> servicesOf = [];
        if (withServices)
        {
            var (condition, value) = db.Dialect.InIds("sv.operator_actor_id", "@ids", ids);
            var serviceIds = (await connection.QueryAsync<Guid>(new CommandDefinition(
                $"SELECT sv.id FROM services sv WHERE {condition} AND sv.archived_at IS NULL ORDER BY sv.search_key, sv.id",
                new { ids = value }, cancellationToken: ct))).ToList();
            var list = await ServicesAsync(connection, serviceIds, fullServices, ct);
            servicesOf = list.GroupBy(s => Guid.Parse(s["organization_id"]!.GetValue<string>())).ToDictionary(g => g.Key, g => g.ToList());
        }
        foreach (var id in ids)
        {
            if (!actors.TryGetValue(id, out var actor) || actor.Kind != Organisation) continue;
            var org = HsdsMapping.Organization(actor.Id, actor.Name, actor.ShortName, actor.Notes, actor.Email, actor.Website, actor.Phone,
                actors.TryGetValue(actor.ParentId ?? Guid.Empty, out var parent) && parent.Kind == Organisation ? parent.Id : null);
            if (withServices)
                org["services"] = HsdsJson.Array(servicesOf.TryGetValue(id, out var own) ? own : []);
            result.Add(org);
        }
        return result;
    }

    private async Task<Dictionary<Guid, ActorRow>> ActorsAsync(DbConnection connection, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var (condition, value) = db.Dialect.InIds("a.id", "@ids", ids);
        var rows = (await connection.QueryAsync<ActorRow>(new CommandDefinition($"""
            SELECT a.id, a.kind, a.name, a.short_name, a.email, a.phone, a.website, a.notes, a.parent_id, a.updated_at FROM actors a
            WHERE {condition}
            """, new { ids = value }, cancellationToken: ct))).ToDictionary(a => a.Id);
        var parents = rows.Values.Where(r => r.ParentId is { } p && !rows.ContainsKey(p)).Select(r => r.ParentId!.Value).Distinct()
            .ToList();
        if (parents.Count > 0)
        {
            var (pc, pv) = db.Dialect.InIds("a.id", "@ids", parents);
            foreach (var row in await connection.QueryAsync<ActorRow>(new CommandDefinition(
                $"SELECT a.id, a.kind, a.name, a.updated_at FROM actors a WHERE {pc}", new { ids = pv }, cancellationToken: ct)))
                rows.TryAdd(row.Id, row);
        }
        return rows;
    }

    /// <summary>Everything the mapping of these services needs beyond the services themselves.</summary>
    private async Task<HsdsMapping> ContextAsync(DbConnection connection, IReadOnlyList<ServiceDto> list, bool full, CancellationToken ct)
    {
        var terms = (await connection.QueryAsync<HsdsMapping.Term>(new CommandDefinition("""
            SELECT tt.id, tt.code, tt.name_en, tt.name_de, tt.description, tt.parent_id, tt.taxonomy_id, tt.term_uri, t.name AS taxonomy_name
            FROM taxonomy_terms tt JOIN taxonomies t ON t.id = tt.taxonomy_id
            """, cancellationToken: ct))).ToDictionary(t => t.Code, StringComparer.Ordinal);
        var ids = list.Select(s => s.Id).ToList();
        var locationIds = list.SelectMany(s => s.Locations).Select(l => l.LocationId).Distinct().ToList();
        var locationDtos = new Dictionary<Guid, LocationDto>();
        if (full && locationIds.Count > 0)
        {
            var (lc, lv) = db.Dialect.InIds("l.id", "@ids", locationIds);
            var rows = (await connection.QueryAsync<LocationReads.Row>(new CommandDefinition(
                $"SELECT {LocationReads.Columns} FROM {LocationReads.From} WHERE {lc}", new { ids = lv }, cancellationToken: ct))).ToList();
            foreach (var l in await locations.CompleteAsync(connection, null, rows, ct)) locationDtos[l.Id] = l;
        }
        var fundings = new List<FundingDto>();
        var capacity = new List<CapacityEntryDto>();
        var verifications = new List<VerificationRow>();
        var networks = new Dictionary<Guid, string>();
        var spaces = new Dictionary<Guid, SpaceRow>();
        if (full && ids.Count > 0)
        {
            var (fc, fv) = db.Dialect.InIds("f.service_id", "@ids", ids);
            fundings = (await connection.QueryAsync<FundingDto>(new CommandDefinition(
                $"SELECT {FundingReads.Columns} FROM {FundingReads.From} WHERE {fc} ORDER BY f.starts_on, f.id", new { ids = fv },
                cancellationToken: ct))).ToList();
            var (cc, cv) = db.Dialect.InIds("sal.service_id", "@ids", ids);
            capacity = (await connection.QueryAsync<CapacityEntryDto>(new CommandDefinition($"""
                SELECT {ServiceReads.CapacityColumns} FROM capacity_entries c JOIN service_at_locations sal ON sal.id = c.service_at_location_id
                WHERE {cc} ORDER BY c.as_of, c.unit, c.id
                """, new { ids = cv }, cancellationToken: ct))).ToList();
            var (vc, vv) = db.Dialect.InIds("v.service_id", "@ids", ids);
            verifications = (await connection.QueryAsync<VerificationRow>(new CommandDefinition(
                $"SELECT v.id, v.service_id, v.verified_on, v.note FROM service_verifications v WHERE {vc} ORDER BY v.created_at, v.id",
                new { ids = vv }, cancellationToken: ct))).ToList();
            var networkIds = list.SelectMany(s => s.NetworkIds).Distinct().ToList();
            if (networkIds.Count > 0)
            {
                var (nc, nv) = db.Dialect.InIds("n.id", "@ids", networkIds);
                networks = (await connection.QueryAsync<NetworkRow>(new CommandDefinition(
                    $"SELECT n.id, n.name FROM networks n WHERE {nc}", new { ids = nv }, cancellationToken: ct))).ToDictionary(n => n.Id,
                    n => n.Name);
            }
            var spaceIds = list.SelectMany(s => s.ServedSpaceIds).Distinct().ToList();
            if (spaceIds.Count > 0)
            {
                var (spc, spv) = db.Dialect.InIds("s.id", "@ids", spaceIds);
                spaces = (await connection.QueryAsync<SpaceRow>(new CommandDefinition(
                    $"SELECT s.id, s.code, s.name FROM spaces s WHERE {spc}", new { ids = spv }, cancellationToken: ct)))
                    .ToDictionary(s => s.Id);
            }
        }
        var actorIds = list.Select(s => s.OperatorId).Concat(locationDtos.Values.Select(l => l.OwnerActorId))
            .Concat(fundings.Select(f => (Guid?)f.FunderActorId)).OfType<Guid>().Distinct().ToList();
        var actors = await ActorsAsync(connection, actorIds, ct);
        var organisations = actors.Values.Where(a => a.Kind == Organisation).ToDictionary(a => a.Id,
            a => HsdsMapping.Organization(a.Id, a.Name, a.ShortName, a.Notes, a.Email, a.Website, a.Phone,
                actors.TryGetValue(a.ParentId ?? Guid.Empty, out var parent) && parent.Kind == Organisation ? parent.Id : null));
        return new HsdsMapping
        {
            Terms = terms, Locations = locationDtos, Organizations = organisations,
            Fundings = fundings.ToLookup(f => f.ServiceId), Capacity = capacity.ToLookup(c => c.ServiceAtLocationId),
            Verifications = verifications.ToLookup(v => v.ServiceId, v => new HsdsMapping.Verification(v.Id, v.VerifiedOn, v.Note)),
            Networks = networks, Spaces = spaces.ToDictionary(s => s.Key, s => (s.Value.Code, s.Value.Name)),
        };
    }
}
