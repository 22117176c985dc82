using System.Data.Common;
using Dapper;
using Raumnetz.Application.Common;
using Raumnetz.Application.Inventory;
using Raumnetz.Application.Taxonomies;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Services;

/// <summary>The loads of services that several use cases share: GET, the list, the export and the answers of the writes.</summary>
public sealed class ServiceReads(IDbConnectionFactory db)
{
    public const string Columns = """
        sv.id, sv.name, sv.alternate_name, sv.description, sv.url, sv.email, sv.status, sv.operator_actor_id AS operator_id,
        o.name AS operator_name, sv.interpretation_services, sv.application_process, sv.fees_description, sv.is_free, sv.wait_time,
        sv.accreditations, sv.licenses, sv.eligibility_description, sv.minimum_age, sv.maximum_age, sv.alert, sv.program_name,
        sv.program_alternate_name, sv.program_description, sv.external_id, sv.verified_on, sv.verified_by,
        sv.verification_interval_months, sv.archived_at, sv.version, sv.created_at, sv.updated_at
        """;

    public const string From = "services sv LEFT JOIN actors o ON o.id = sv.operator_actor_id";

    /// <summary>A service row as the columns above read it; completed into a <see cref="ServiceDto"/>.</summary>
    public sealed record Row
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string? AlternateName { get; init; }
        public string? Description { get; init; }
        public string? Url { get; init; }
        public string? Email { get; init; }
        public ServiceStatus Status { get; init; }
        public Guid? OperatorId { get; init; }
        public string? OperatorName { get; init; }
        public string? InterpretationServices { get; init; }
        public string? ApplicationProcess { get; init; }
        public string? FeesDescription { get; init; }
        public bool? IsFree { get; init; }
        public string? WaitTime { get; init; }
        public string? Accreditations { get; init; }
        public string? Licenses { get; init; }
        public string? EligibilityDescription { get; init; }
        public int? MinimumAge { get; init; }
        public int? MaximumAge { get; init; }
        public string? Alert { get; init; }
        public string? ProgramName { get; init; }
        public string? ProgramAlternateName { get; init; }
        public string? ProgramDescription { get; init; }
        public string? ExternalId { get; init; }
        public DateOnly? VerifiedOn { get; init; }
        public string? VerifiedBy { get; init; }
        public int VerificationIntervalMonths { get; init; }
        public DateTimeOffset? ArchivedAt { get; init; }
        public long Version { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
    }

    private sealed record TermRow
    {
        public Guid ServiceId { get; init; }
        public string Code { get; init; } = "";
        public string NameDe { get; init; } = "";
        public string NameEn { get; init; } = "";
    }

    private sealed record CostRow
    {
        public Guid ServiceId { get; init; }
        public string? OptionText { get; init; }
        public double? Amount { get; init; }
        public string? Currency { get; init; }
        public string? AmountDescription { get; init; }
        public DateOnly? ValidFrom { get; init; }
        public DateOnly? ValidTo { get; init; }
    }

    private sealed record AreaRow
    {
        public Guid ServiceId { get; init; }
        public string? Name { get; init; }
        public string? Description { get; init; }
        public string? Extent { get; init; }
        public string? ExtentType { get; init; }
        public string? Uri { get; init; }
    }

    private sealed record DocumentRow
    {
        public Guid ServiceId { get; init; }
        public string Document { get; init; } = "";
        public string? Uri { get; init; }
    }

    private sealed record AttributeRow
    {
        public Guid ServiceId { get; init; }
        public string Code { get; init; } = "";
        public string? LinkType { get; init; }
        public string? Value { get; init; }
    }

    private sealed record SalRow
    {
        public Guid Id { get; init; }
        public Guid ServiceId { get; init; }
        public Guid LocationId { get; init; }
        public string LocationName { get; init; } = "";
        public Guid? SpaceId { get; init; }
        public string? Description { get; init; }
        public string? ExternalId { get; init; }
    }

    public const string CapacityColumns = """
        c.id, c.service_at_location_id, sal.location_id, c.unit, c.maximum, c.available, c.as_of, c.note, c.recorded_by, c.created_at
        """;

    public async Task<ServiceDto?> LoadAsync(DbConnection connection, DbTransaction? tx, Guid id, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM {From} WHERE sv.id = @id", new { id }, tx, cancellationToken: ct));
        return row is null ? null : (await CompleteAsync(connection, tx, [row], ct))[0];
    }

    /// <summary>Adds every list to the rows, with one query per table for the whole set.</summary>
    public async Task<List<ServiceDto>> CompleteAsync(DbConnection connection, DbTransaction? tx, IReadOnlyList<Row> rows,
        CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var d = db.Dialect;
        var ids = rows.Select(r => r.Id).ToList();
        var p = new { ids };
        async Task<ILookup<Guid, T>> ByService<T>(string sql) where T : notnull =>
            (await connection.QueryAsync<T>(new CommandDefinition(sql, p, tx, cancellationToken: ct))).ToLookup(OwnerOf);
        var categories = await ByService<TermRow>($"""
            SELECT x.service_id, t.code, t.name_de, t.name_en FROM service_categories x JOIN taxonomy_terms t ON t.id = x.term_id
            WHERE {d.In("x.service_id", "@ids")} ORDER BY t.sort_order, t.code
            """);
        var targetGroups = await ByService<TermRow>($"""
            SELECT x.service_id, t.code, t.name_de, t.name_en FROM service_target_groups x JOIN taxonomy_terms t ON t.id = x.term_id
            WHERE {d.In("x.service_id", "@ids")} ORDER BY t.sort_order, t.code
            """);
        var costs = await ByService<CostRow>($"""
            SELECT service_id, option_text, amount, currency, amount_description, valid_from, valid_to FROM service_cost_options
            WHERE {d.In("service_id", "@ids")} ORDER BY sort_order
            """);
        var areas = await ByService<AreaRow>(
            $"SELECT service_id, name, description, extent, extent_type, uri FROM service_areas WHERE {d.In("service_id", "@ids")} " +
            "ORDER BY sort_order");
        var documents = await ByService<DocumentRow>(
            $"SELECT service_id, document, uri FROM service_required_documents WHERE {d.In("service_id", "@ids")} ORDER BY sort_order");
        var attributes = await ByService<AttributeRow>($"""
            SELECT x.service_id, t.code, x.link_type, x.value FROM service_attributes x JOIN taxonomy_terms t ON t.id = x.term_id
            WHERE {d.In("x.service_id", "@ids")} ORDER BY x.sort_order
            """);
        var networks = await connection.QueryByOwnerAsync<Guid>(
            $"SELECT service_id, network_id FROM service_networks WHERE {d.In("service_id", "@ids")}", p, "network_id", tx, ct);
        var spaces = await connection.QueryByOwnerAsync<Guid>(
            $"SELECT service_id, space_id FROM service_spaces WHERE {d.In("service_id", "@ids")}", p, "space_id", tx, ct);
        var languages = await InventoryPartsStore.LoadLanguagesAsync(connection, tx, d, "service_languages", "service_id", ids, ct);
        var parts = await InventoryPartsStore.LoadAsync(connection, tx, d, PartOwner.Service, ids, ct);
        var sals = (await connection.QueryAsync<SalRow>(new CommandDefinition($"""
            SELECT sal.id, sal.service_id, sal.location_id, l.name AS location_name, l.space_id, sal.description, sal.external_id
            FROM service_at_locations sal JOIN locations l ON l.id = sal.location_id
            WHERE {d.In("sal.service_id", "@ids")} ORDER BY l.search_key, sal.id
            """, p, tx, cancellationToken: ct))).ToList();
        var salIds = sals.Select(s => s.Id).ToList();
        var salParts = await InventoryPartsStore.LoadAsync(connection, tx, d, PartOwner.ServiceAtLocation, salIds, ct);
        var latest = new List<CapacityEntryDto>();
        foreach (var chunk in salIds.Chunk(InventoryPartsStore.MaxIds))
            latest.AddRange(await connection.QueryAsync<CapacityEntryDto>(new CommandDefinition($"""
                SELECT {CapacityColumns} FROM capacity_entries c JOIN service_at_locations sal ON sal.id = c.service_at_location_id
                WHERE {d.In("c.service_at_location_id", "@salIds")}
                  AND c.as_of = (SELECT MAX(c2.as_of) FROM capacity_entries c2
                                 WHERE c2.service_at_location_id = c.service_at_location_id AND c2.unit = c.unit)
                ORDER BY c.unit
                """, new { salIds = chunk.ToList() }, tx, cancellationToken: ct)));
        var capacity = latest.ToLookup(c => c.ServiceAtLocationId);
        var salsByService = sals.ToLookup(s => s.ServiceId);
        static TermRef Term(TermRow t) => new() { Code = t.Code, NameDe = t.NameDe, NameEn = t.NameEn };
        return rows.Select(r => new ServiceDto
        {
            Id = r.Id, Name = r.Name, AlternateName = r.AlternateName, Description = r.Description, Url = r.Url, Email = r.Email,
            Status = r.Status, OperatorId = r.OperatorId, OperatorName = r.OperatorName,
            Categories = categories[r.Id].Select(Term).ToList(), TargetGroups = targetGroups[r.Id].Select(Term).ToList(),
            MinimumAge = r.MinimumAge, MaximumAge = r.MaximumAge, EligibilityDescription = r.EligibilityDescription,
            FeesDescription = r.FeesDescription, IsFree = r.IsFree,
            CostOptions = costs[r.Id].Select(c => new CostOptionEntry
            {
                Option = c.OptionText, Amount = c.Amount, Currency = c.Currency, AmountDescription = c.AmountDescription,
                ValidFrom = c.ValidFrom, ValidTo = c.ValidTo,
            }).ToList(),
            Languages = languages[r.Id].ToList(), InterpretationServices = r.InterpretationServices,
                ApplicationProcess = r.ApplicationProcess,
            WaitTime = r.WaitTime, Accreditations = r.Accreditations, Licenses = r.Licenses, Alert = r.Alert,
            Program = r.ProgramName is null ? null
                : new ProgramInfo { Name = r.ProgramName, AlternateName = r.ProgramAlternateName, Description = r.ProgramDescription },
            NetworkIds = networks[r.Id].Order().ToList(), ServedSpaceIds = spaces[r.Id].Order().ToList(),
            ServiceAreas = areas[r.Id].Select(a => new ServiceAreaEntry
            {
                Name = a.Name, Description = a.Description, Extent = a.Extent, ExtentType = a.ExtentType, Uri = a.Uri,
            }).ToList(),
            RequiredDocuments = documents[r.Id].Select(x => new RequiredDocumentEntry { Document = x.Document, Uri = x.Uri }).ToList(),
            Attributes = attributes[r.Id].Select(a => new AttributeEntry { TermCode = a.Code, LinkType = a.LinkType,
                Value = a.Value }).ToList(),
            Contacts = parts[r.Id].Contacts, Phones = parts[r.Id].Phones, OpeningHours = parts[r.Id].OpeningHours,
                Closures = parts[r.Id].Closures,
            Locations = salsByService[r.Id].Select(s => new ServiceAtLocationDto
            {
                Id = s.Id, LocationId = s.LocationId, LocationName = s.LocationName, SpaceId = s.SpaceId, Description = s.Description,
                ExternalId = s.ExternalId, Contacts = salParts[s.Id].Contacts, Phones = salParts[s.Id].Phones,
                OpeningHours = salParts[s.Id].OpeningHours, Closures = salParts[s.Id].Closures, Capacity = capacity[s.Id].ToList(),
            }).ToList(),
            ExternalId = r.ExternalId, VerifiedOn = r.VerifiedOn, VerifiedBy = r.VerifiedBy,
                VerificationIntervalMonths = r.VerificationIntervalMonths,
            VerificationDueOn = r.VerifiedOn?.AddMonths(r.VerificationIntervalMonths),
            ArchivedAt = r.ArchivedAt, Version = r.Version, CreatedAt = r.CreatedAt, UpdatedAt = r.UpdatedAt,
        }).ToList();
    }

    private static Guid OwnerOf<T>(T row) => row switch
    {
        TermRow t => t.ServiceId,
        CostRow c => c.ServiceId,
        AreaRow a => a.ServiceId,
        DocumentRow x => x.ServiceId,
        AttributeRow a => a.ServiceId,
        _ => throw new ArgumentException("Not a row of a service.", nameof(row)),
    };
}
