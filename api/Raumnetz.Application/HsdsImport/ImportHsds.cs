using Raumnetz.Application.Changes;
using System.Data.Common;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Fundings;
using Raumnetz.Application.Hsds;
using Raumnetz.Application.Inventory;
using Raumnetz.Application.Locations;
using Raumnetz.Application.Observations;
using Raumnetz.Application.Services;
using Raumnetz.Application.Taxonomies;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.HsdsImport;

public enum HsdsImportFormat
{
    /// <summary>HSDS JSON: a nested object, a list or page, a package of lists, or the tabular JSON.</summary>
    Json = 1,
    /// <summary>A zip of the CSV files of an HSDS tabular data package.</summary>
    CsvZip = 2,
}

/// <summary>
/// Imports HSDS 3.0 data into the inventory: taxonomies and terms, organizations (as actors of kind organisation), locations,
/// services with their service_at_locations and every part the inventory holds, and from the Raumnetz profile funding figures
/// and capacity. Records keep their HSDS ids (a UUID is the Raumnetz id, another id a name-based UUID; the HSDS id is also the
/// external id), so a re-import updates and never duplicates. Every record is checked first; with any bad one nothing is
/// written (400 naming record and field, "services[ac14…].name"); a dry run reports the same without writing.
/// </summary>
public sealed record ImportHsdsCommand : ICommand<HsdsImportResult>
{
    public required Stream Body { get; init; }
    public HsdsImportFormat Format { get; init; } = HsdsImportFormat.Json;
    public bool DryRun { get; init; }
}

public sealed record HsdsImportResult
{
    public bool DryRun { get; init; }
    /// <summary>True when the records were written (no bad record and not a dry run).</summary>
    public bool Imported { get; init; }
    /// <summary>HSDS records read (rows of every table).</summary>
    public int Records { get; init; }
    public int Organizations { get; init; }
    public int Locations { get; init; }
    public int Services { get; init; }
    public int ServiceAtLocations { get; init; }
    public int TaxonomyTerms { get; init; }
    public int ErrorCount { get; init; }
    /// <summary>
    /// The bad records (the first 1000), each naming the record and the field ("services[ac14…].status"), as a message and a
    /// code: malformedFile, notHsds, notAnObject, required, notANumber, notADate, notABoolean, notAStatus, notADay, notAKind,
    /// unknownReference, personNotOrganization, invalid (a rule of the inventory, its message says which).
    /// </summary>
    public IReadOnlyList<ImportRowError> Errors { get; init; } = [];
    /// <summary>What was imported with a change: coordinatesDropped (outside WGS 84, stored without coordinates),
    /// referenceDropped (an organization neither in the file nor in the inventory; the record is stored without it).</summary>
    public IReadOnlyList<ImportRowError> Warnings { get; init; } = [];
}

public sealed class ImportHsdsHandler(IUnitOfWork unitOfWork, TaxonomyReads taxonomies, TimeProvider clock,
    IValidator<CreateLocationCommand> locationRules, IValidator<CreateServiceCommand> serviceRules,
    IValidator<CreateFundingCommand> fundingRules)
    : IRequestHandler<ImportHsdsCommand, HsdsImportResult>
{
    private const string ImportTaxonomyCode = "hsds";
    private const string LegacyTermCode = "hsds-legacy";

    private sealed record TermPlan(Guid Id, Guid TaxonomyId, string Code, string NameDe, string NameEn, string? Description,
        Guid? ParentId, string? TermUri, HsdsRow? Row);

    private sealed record TaxonomyPlan(Guid Id, string Code, string Name, string? Description, string? Uri, string? Version,
        TaxonomyKind Kind);

    private sealed record FundingPlan(Guid Id, CreateFundingCommand Fields, HsdsRow Row);

    private sealed record CapacityPlan(Guid Id, Guid ServiceId, Guid LocationId, string Unit, double Maximum, double? Available,
        DateOnly AsOf, string? Note);

    public async Task<HsdsImportResult> Handle(ImportHsdsCommand request, CancellationToken cancellationToken)
    {
        var report = new ImportReport();
        var warnings = new List<ImportRowError>();
        void File(string where, string message) => report.Add(null, null, where, "malformedFile", message);
        HsdsTables tables;
        if (request.Format == HsdsImportFormat.CsvZip)
            tables = await HsdsTables.FromCsvZipAsync(request.Body, File, cancellationToken);
        else
        {
            using var reader = new StreamReader(request.Body, new UTF8Encoding(false, throwOnInvalidBytes: true));
            var known = report.Count;
            string? text = null;
            try
            {
                text = await reader.ReadToEndAsync(cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                File("file", Messages.HsdsImport_NotUtf8);
            }
            var root = text is null ? null : HsdsTables.Parse(text, File);
            // a body that could not be read (not UTF-8, malformed JSON) is reported as such, not also as no HSDS
            tables = report.Count > known ? new HsdsTables() : HsdsTables.FromJson(root, File);
        }
        if (tables.Count == 0 && report.Count == 0) report.Add(null, null, "file", "emptyFile", Messages.HsdsImport_NoRecords);
        void Bad(HsdsRow row, string field, string code, string message) =>
            report.Add(null, null, $"{row.Name}.{field}", code, message);
        var records = new HsdsRecords(tables, Bad);
        foreach (var table in new[] { "organizations", "services", "locations", "service_at_location", "taxonomies", "taxonomy_terms" })
            foreach (var row in tables.Rows(table).Where(r => r.Id is null))
                Bad(row, "id", "required", Text.Format(Messages.Field_Required, "id"));
        // an organization neither in the file nor in the inventory: the reference is left out (the record is kept)
        void Dropped(HsdsRow row, string field) => warnings.Add(new ImportRowError(null, null, $"{row.Name}.{field}",
            Text.Format(Messages.HsdsImport_ReferenceDropped, field, row.Str(field))) { Code = "referenceDropped" });

        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var now = clock.GetUtcNow();

        // taxonomies and terms: by id, else a term by its code; new ones are created
        var taxonomyPlans = new Dictionary<Guid, TaxonomyPlan>();
        var knownTaxonomies = (await connection.QueryAsync<(Guid Id, string Code, string Name)>(new CommandDefinition(
            "SELECT id, code, name FROM taxonomies", transaction: tx, cancellationToken: cancellationToken))).ToList();
        var knownTerms = (await connection.QueryAsync<(Guid Id, string Code, Guid TaxonomyId)>(new CommandDefinition(
            "SELECT id, code, taxonomy_id FROM taxonomy_terms", transaction: tx, cancellationToken: cancellationToken))).ToList();
        var usedCodes = knownTaxonomies.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        Guid TaxonomyFor(HsdsRow? row, string? name, TaxonomyKind kind)
        {
            if (row is not null)
            {
                var id = HsdsRecords.IdOf("taxonomies", row.Id!);
                if (knownTaxonomies.Any(t => t.Id == id) || taxonomyPlans.ContainsKey(id)) return id;
                taxonomyPlans[id] = new TaxonomyPlan(id, Code(row.Str("name") ?? row.Id!, id), row.Str("name") ?? row.Id!,
                    row.Str("description"), row.Str("uri"), row.Str("version"), kind);
                return id;
            }
            var label = name ?? ImportTaxonomyCode;
            if (knownTaxonomies.FirstOrDefault(t => t.Name == label || t.Code == label) is { Code: not null } known) return known.Id;
            var planned = taxonomyPlans.Values.FirstOrDefault(t => t.Name == label);
            if (planned is not null) return planned.Id;
            var newId = HsdsRecords.IdOf("taxonomies", "name:" + label);
            taxonomyPlans[newId] = new TaxonomyPlan(newId, label == ImportTaxonomyCode ? ImportTaxonomyCode : Code(label, newId), label,
                null, null, null, kind);
            return newId;
        }
        string Code(string name, Guid id)
        {
            var slug = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
            while (slug.Contains("--", StringComparison.Ordinal)) slug = slug.Replace("--", "-", StringComparison.Ordinal);
            if (slug.Length == 0 || !char.IsAsciiLetter(slug[0])) slug = "hsds-" + slug;
            if (slug.Length > 40) slug = slug[..40].TrimEnd('-');
            var code = usedCodes.Contains(slug) ? $"{slug}-{id.ToString("N")[..8]}" : slug;
            usedCodes.Add(code);
            return code;
        }
        var termPlans = new Dictionary<Guid, TermPlan>();
        var termCodes = knownTerms.ToDictionary(t => t.Id, t => t.Code);
        var codesInUse = knownTerms.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        string? TermCode(string? hsdsTermId, HsdsRow owner, string field, TaxonomyKind kind)
        {
            if (hsdsTermId is null)
            {
                Bad(owner, field, "required", Text.Format(Messages.Field_Required, field));
                return null;
            }
            var id = HsdsRecords.IdOf("taxonomy_terms", hsdsTermId);
            if (termCodes.TryGetValue(id, out var known)) return known;
            var row = tables.Find("taxonomy_terms", hsdsTermId);
            if (row is null)
            {
                Bad(owner, field, "unknownReference", Text.Format(Messages.HsdsImport_UnknownReference, field, hsdsTermId));
                return null;
            }
            var code = row.Str("code") ?? hsdsTermId;
            var existing = knownTerms.FirstOrDefault(t => t.Code == code);
            if (existing.Code is not null) { termCodes[id] = code; return code; }
            if (codesInUse.Contains(code)) code = $"{code}-{id.ToString("N")[..8]}";
            codesInUse.Add(code);
            var taxonomyId = row.Str("taxonomy_id") is { } tx2 && tables.Find("taxonomies", tx2) is { } taxonomyRow
                ? TaxonomyFor(taxonomyRow, null, kind)
                : row.Str("taxonomy_id") is { } known2 && knownTaxonomies.Any(t => t.Id == HsdsRecords.IdOf("taxonomies", known2))
                    ? HsdsRecords.IdOf("taxonomies", known2)
                    : TaxonomyFor(null, row.Str("taxonomy"), kind);
            var name = row.Str("name") ?? code;
            termPlans[id] = new TermPlan(id, taxonomyId, code, name, row.Str("name_en") ?? name, row.Str("description"),
                row.Str("parent_id") is { } parent ? HsdsRecords.IdOf("taxonomy_terms", parent) : null, row.Str("term_uri"), row);
            termCodes[id] = code;
            return code;
        }
        string LegacyTerm()
        {
            if (knownTerms.Any(t => t.Code == LegacyTermCode) || termPlans.Values.Any(t => t.Code == LegacyTermCode)) return LegacyTermCode;
            var id = HsdsRecords.IdOf("taxonomy_terms", "code:" + LegacyTermCode);
            termPlans[id] = new TermPlan(id, TaxonomyFor(null, ImportTaxonomyCode, TaxonomyKind.ServiceCategory), LegacyTermCode,
                "HSDS-Feld", "HSDS field", null, null, null, null);
            termCodes[id] = LegacyTermCode;
            return LegacyTermCode;
        }
        foreach (var term in tables.Rows("taxonomy_terms").Where(t => t.Id is not null))
        {
            if (term.Str("name") is null) Bad(term, "name", "required", Text.Format(Messages.Field_Required, "name"));
            TermCode(term.Id, term, "id", TaxonomyKind.ServiceCategory);
        }
        foreach (var taxonomy in tables.Rows("taxonomies").Where(t => t.Id is not null && t.Str("name") is null))
            Bad(taxonomy, "name", "required", Text.Format(Messages.Field_Required, "name"));
        foreach (var taxonomy in tables.Rows("taxonomies").Where(t => t.Id is not null))
            TaxonomyFor(taxonomy, null, TaxonomyKind.ServiceCategory);

        // organizations: actors of kind organisation, by id
        var organizations = tables.Rows("organizations").Where(o => o.Id is not null).ToList();
        var actorKinds = (await connection.QueryAsync<(Guid Id, string Kind)>(new CommandDefinition("SELECT id, kind FROM actors",
            transaction: tx, cancellationToken: cancellationToken))).ToDictionary(a => a.Id, a => a.Kind);
        foreach (var o in organizations)
        {
            if (o.Str("name") is null) Bad(o, "name", "required", Text.Format(Messages.Field_Required, "name"));
            if (actorKinds.TryGetValue(HsdsRecords.IdOf("organizations", o.Id!), out var kind) && kind != "Organisation")
                Bad(o, "id", "personNotOrganization", Messages.HsdsImport_PersonNotOrganization);
        }
        bool ActorKnown(Guid? id) => id is null || actorKinds.ContainsKey(id.Value)
            || organizations.Any(o => HsdsRecords.IdOf("organizations", o.Id!) == id);

        // locations
        var locationIds = (await connection.QueryAsync<(Guid Id, string? ExternalId)>(new CommandDefinition(
            "SELECT id, external_id FROM locations", transaction: tx, cancellationToken: cancellationToken))).ToList();
        Guid LocationId(string hsdsId) =>
            locationIds.FirstOrDefault(l => l.ExternalId == hsdsId) is { ExternalId: not null } byExternal ? byExternal.Id
                : HsdsRecords.IdOf("locations", hsdsId);
        var locations = new List<(HsdsRow Row, Guid Id, CreateLocationCommand Fields)>();
        foreach (var l in tables.Rows("locations").Where(l => l.Id is not null))
        {
            var fields = records.Location(l, message => warnings.Add(new ImportRowError(l.Line, null, $"{l.Name}.latitude", message)
                { Code = "coordinatesDropped" }));
            if (!ActorKnown(fields.OwnerActorId))
            {
                Dropped(l, "organization_id");
                fields = fields with { OwnerActorId = null };
            }
            Check(locationRules.Validate(fields), l);
            locations.Add((l, LocationId(l.Id!), fields));
        }
        bool LocationKnown(Guid id) => locationIds.Any(l => l.Id == id) || locations.Any(l => l.Id == id);

        // services with their service_at_locations, attributes, funding and capacity
        var serviceIds = (await connection.QueryAsync<(Guid Id, string? ExternalId)>(new CommandDefinition(
            "SELECT id, external_id FROM services", transaction: tx, cancellationToken: cancellationToken))).ToList();
        var services = new List<(HsdsRow Row, Guid Id, CreateServiceCommand Fields, DateOnly? AssuredOn, string? Assurer)>();
        var fundings = new List<FundingPlan>();
        var capacity = new List<CapacityPlan>();
        var salCount = 0;
        foreach (var s in tables.Rows("services").Where(s => s.Id is not null))
        {
            var id = serviceIds.FirstOrDefault(x => x.ExternalId == s.Id) is { ExternalId: not null } known ? known.Id
                : HsdsRecords.IdOf("services", s.Id!);
            var status = HsdsRecords.Status(s.Str("status"));
            if (status is null)
                Bad(s, "status", s.Str("status") is null ? "required" : "notAStatus",
                    Text.Format(Messages.HsdsImport_NotAStatus, s.Str("status")));
            var categories = new List<string>();
            var targetGroups = new List<string>();
            var attributes = new List<AttributeEntry>();
            foreach (var a in records.ChildrenOf("attributes", "link_id", s.Id))
            {
                var link = a.Str("link_type");
                var kind = link == HsdsMapping.TargetGroupLink ? TaxonomyKind.TargetGroup : TaxonomyKind.ServiceCategory;
                if (TermCode(a.Str("taxonomy_term_id"), a, "taxonomy_term_id", kind) is not { } code) continue;
                if (link == HsdsMapping.CategoryLink) categories.Add(code);
                else if (link == HsdsMapping.TargetGroupLink) targetGroups.Add(code);
                else attributes.Add(new AttributeEntry { TermCode = code, LinkType = link, Value = a.Str("value") });
            }
            if (s.Str("fees") is { } fees) attributes.Add(new AttributeEntry { TermCode = LegacyTerm(), LinkType = "fees", Value = fees });
            foreach (var f in records.ChildrenOf("funding", "service_id", s.Id))
            {
                var funder = HsdsRecords.Reference(f, "funder_organization_id", "organizations");
                if (funder is null)
                {
                    if (f.Str("source") is { } source)
                        attributes.Add(new AttributeEntry { TermCode = LegacyTerm(), LinkType = "funding_source", Value = source });
                    continue;
                }
                if (!ActorKnown(funder))
                    Bad(f, "funder_organization_id", "unknownReference", Text.Format(Messages.HsdsImport_UnknownReference,
                        "funder_organization_id", f.Str("funder_organization_id")));
                var funding = new CreateFundingCommand
                {
                    ServiceId = id, FunderActorId = funder.Value, Programme = f.Str("programme"),
                    AmountPerYear = records.Decimal(f, "amount_per_year"),
                    SharePercent = records.Decimal(f, "share_percent"),
                    StartsOn = records.Date(f, "start_date"), EndsOn = records.Date(f, "end_date"),
                    RenewalStatus = Renewal(f.Str("renewal_status")),
                };
                Check(fundingRules.Validate(funding), f);
                fundings.Add(new FundingPlan(HsdsRecords.IdOf("funding", f.Id ?? f.Where), funding, f));
            }
            var program = tables.Find("programs", s.Str("program_id"));
            var placements = new List<ServiceLocationEntry>();
            foreach (var sal in records.ChildrenOf("service_at_location", "service_id", s.Id))
            {
                if (sal.Str("location_id") is not { } lid)
                {
                    Bad(sal, "location_id", "required", Text.Format(Messages.Field_Required, "location_id"));
                    continue;
                }
                var locationId = LocationId(lid);
                if (!LocationKnown(locationId))
                {
                    Bad(sal, "location_id", "unknownReference", Text.Format(Messages.HsdsImport_UnknownReference, "location_id", lid));
                    continue;
                }
                salCount++;
                placements.Add(new ServiceLocationEntry
                {
                    LocationId = locationId, Description = sal.Str("description"), ExternalId = sal.Id,
                    Contacts = records.Contacts("service_at_location_id", sal.Id),
                    Phones = records.Phones("service_at_location_id", sal.Id),
                    OpeningHours = records.Schedules("service_at_location_id", sal.Id),
                    Closures = records.Closures("service_at_location_id", sal.Id),
                });
                foreach (var c in records.ChildrenOf("capacity", "service_at_location_id", sal.Id))
                {
                    var unit = c.Str("unit") switch
                    {
                        "places" => "Places",
                        "hours_per_week" => "HoursPerWeek",
                        "consultations_per_month" => "ConsultationsPerMonth",
                        _ => null,
                    };
                    if (unit is null || records.Number(c, "maximum") is not { } max || records.Date(c, "as_of") is not { } asOf)
                    {
                        Bad(c, "unit", "invalid", Text.Format(Messages.HsdsImport_BadCapacity, c.Str("unit")));
                        continue;
                    }
                    capacity.Add(new CapacityPlan(HsdsRecords.IdOf("capacity", c.Id ?? c.Where), id, locationId, unit, max,
                        records.Number(c, "available"), asOf, c.Str("note")));
                }
            }
            var fields = new CreateServiceCommand
            {
                Name = s.Str("name") ?? "", AlternateName = s.Str("alternate_name"), Description = s.Str("description"),
                Url = s.Str("url"), Email = s.Str("email"), Status = status ?? ServiceStatus.Active,
                OperatorId = HsdsRecords.Reference(s, "organization_id", "organizations"),
                Categories = categories, TargetGroups = targetGroups,
                MinimumAge = records.Integer(s, "minimum_age"), MaximumAge = records.Integer(s, "maximum_age"),
                EligibilityDescription = s.Str("eligibility_description"), FeesDescription = s.Str("fees_description"),
                IsFree = records.Flag(s, "is_free"),
                CostOptions = records.ChildrenOf("cost_options", "service_id", s.Id).Select(c => new CostOptionEntry
                {
                    Option = c.Str("option"), Amount = records.Number(c, "amount"), Currency = c.Str("currency")?.ToUpperInvariant(),
                    AmountDescription = c.Str("amount_description"), ValidFrom = records.Date(c, "valid_from"),
                    ValidTo = records.Date(c, "valid_to"),
                }).ToList(),
                Languages = records.Languages("service_id", s.Id), InterpretationServices = s.Str("interpretation_services"),
                ApplicationProcess = s.Str("application_process"), WaitTime = s.Str("wait_time"),
                Accreditations = s.Str("accreditations"), Licenses = s.Str("licenses"), Alert = s.Str("alert"),
                Program = program is null ? null : new ProgramInfo
                {
                    Name = program.Str("name") ?? "", AlternateName = program.Str("alternate_name"),
                    Description = program.Str("description"),
                },
                NetworkIds = records.ChildrenOf("networks", "service_id", s.Id).Select(n => HsdsRecords.IdOf("networks", n.Id!)).ToList(),
                ServedSpaceIds = records.ChildrenOf("served_spaces", "service_id", s.Id).Select(n => HsdsRecords.IdOf("space", n.Id!))
                    .ToList(),
                ServiceAreas = records.ChildrenOf("service_areas", "service_id", s.Id).Select(a => new ServiceAreaEntry
                {
                    Name = a.Str("name"), Description = a.Str("description"), Extent = a.Str("extent"),
                    ExtentType = a.Str("extent_type")?.ToLowerInvariant(), Uri = a.Str("uri"),
                }).ToList(),
                RequiredDocuments = records.ChildrenOf("required_documents", "service_id", s.Id).Select(d => new RequiredDocumentEntry
                {
                    Document = d.Str("document") ?? "", Uri = d.Str("uri"),
                }).ToList(),
                Attributes = attributes, Contacts = records.Contacts("service_id", s.Id), Phones = records.Phones("service_id", s.Id),
                OpeningHours = records.Schedules("service_id", s.Id), Closures = records.Closures("service_id", s.Id),
                Locations = placements, ExternalId = s.Id, VerificationIntervalMonths = records.Integer(s, "verification_interval_months"),
            };
            if (!ActorKnown(fields.OperatorId))
            {
                Dropped(s, "organization_id");
                fields = fields with { OperatorId = null };
            }
            Check(serviceRules.Validate(fields), s);
            services.Add((s, id, fields, records.Date(s, "assured_date"), s.Str("assurer_email")));
        }
        foreach (var sal in tables.Rows("service_at_location").Where(x => x.Str("service_id") is not { } sid
                     || tables.Find("services", sid) is null))
            Bad(sal, "service_id", "unknownReference",
                Text.Format(Messages.HsdsImport_UnknownReference, "service_id", sal.Str("service_id")));

        void Check(FluentValidation.Results.ValidationResult result, HsdsRow row)
        {
            foreach (var e in result.Errors)
                report.Add(null, null, $"{row.Name}.{e.PropertyName}", "invalid", e.ErrorMessage);
        }

        if (report.Count == 0)
        {
            var write = new HsdsImportWriter(connection, tx, unitOfWork.Dialect, taxonomies, now, cancellationToken);
            HsdsRow? current = null;
            try
            {
                foreach (var t in taxonomyPlans.Values)
                    await write.TaxonomyAsync(t.Id, t.Code, t.Kind, t.Name, t.Description, t.Uri, t.Version);
                foreach (var t in termPlans.Values)
                {
                    current = t.Row;
                    var parent = t.ParentId is { } p && (termPlans.ContainsKey(p) || knownTerms.Any(k => k.Id == p)) ? t.ParentId : null;
                    await write.TermAsync(t.Id, t.TaxonomyId, t.Code, t.NameDe, t.NameEn, t.Description, parent, t.TermUri);
                }
                foreach (var o in organizations)
                {
                    current = o;
                    await write.OrganizationAsync(HsdsRecords.IdOf("organizations", o.Id!), o, records);
                }
                foreach (var (row, id, fields) in locations)
                {
                    current = row;
                    await write.LocationAsync(id, fields);
                }
                foreach (var (row, id, fields, assuredOn, assurer) in services)
                {
                    current = row;
                    await write.ServiceAsync(id, fields, assuredOn, assurer);
                }
                foreach (var f in fundings)
                {
                    current = f.Row;
                    await write.FundingAsync(f.Id, f.Fields);
                }
                foreach (var c in capacity)
                    await write.CapacityAsync(c.Id, c.ServiceId, c.LocationId, c.Unit, c.Maximum, c.Available, c.AsOf, c.Note);
            }
            catch (InvalidFieldException e)
            {
                report.Add(null, null, current is null ? e.Field : $"{current.Name}.{e.Field}", "invalid", e.Message);
            }
            catch (Exception e) when (unitOfWork.Dialect.IsUniqueViolation(e) || unitOfWork.Dialect.IsForeignKeyViolation(e))
            {
                // another import (or an edit) wrote one of these records meanwhile: nothing of this one is kept
                throw new ConflictException(Messages.Conflict_ImportExternalIds, current?.Name ?? "file");
            }
        }
        var imported = report.Count == 0 && !request.DryRun;
        if (imported) await ChangeFeed.RecordInventoryRowsAsync(connection, tx, unitOfWork.Dialect, now, cancellationToken);
        if (!imported) unitOfWork.Discard();
        if (report.Count > 0 && !request.DryRun) throw report.ToException();
        return new HsdsImportResult
        {
            DryRun = request.DryRun, Imported = imported, Records = tables.Count, Organizations = organizations.Count,
            Locations = locations.Count, Services = services.Count, ServiceAtLocations = salCount, TaxonomyTerms = termPlans.Count,
            ErrorCount = report.Count, Errors = report.Errors, Warnings = warnings,
        };
    }

    private static RenewalStatus Renewal(string? text) => text switch
    {
        "secured" => RenewalStatus.Secured,
        "applied" => RenewalStatus.Applied,
        "ended" => RenewalStatus.Ended,
        _ => RenewalStatus.Open,
    };
}
