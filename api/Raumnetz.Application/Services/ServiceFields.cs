using System.Data.Common;
using Dapper;
using FluentValidation;
using Raumnetz.Application.Common;
using Raumnetz.Application.Inventory;
using Raumnetz.Application.Taxonomies;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Services;

/// <summary>Where a service is offered, as a request gives it: the location and what differs there.</summary>
public sealed record ServiceLocationEntry : IHasInventoryParts
{
    public Guid LocationId { get; init; }
    public string? Description { get; init; }
    /// <summary>The key of the spreadsheet import (one row per service at a location); unique.</summary>
    public string? ExternalId { get; init; }
    public IReadOnlyList<ContactEntry>? Contacts { get; init; }
    public IReadOnlyList<PhoneEntry>? Phones { get; init; }
    public IReadOnlyList<OpeningHoursRule>? OpeningHours { get; init; }
    public IReadOnlyList<ClosureEntry>? Closures { get; init; }
}

/// <summary>
/// The editable fields of a service, shared by create and update. Lists are replaced when given; on update, null keeps them.
/// Categories and target groups are term codes (GET /api/v1/taxonomies); unknown codes are refused.
/// </summary>
public abstract record ServiceFields : IHasInventoryParts
{
    public string Name { get; init; } = "";
    public string? AlternateName { get; init; }
    public string? Description { get; init; }
    public string? Url { get; init; }
    public string? Email { get; init; }
    public ServiceStatus Status { get; init; }
    /// <summary>The operating actor (Träger).</summary>
    public Guid? OperatorId { get; init; }
    /// <summary>Codes of service categories.</summary>
    public IReadOnlyList<string>? Categories { get; init; }
    /// <summary>Codes of target groups.</summary>
    public IReadOnlyList<string>? TargetGroups { get; init; }
    public int? MinimumAge { get; init; }
    public int? MaximumAge { get; init; }
    public string? EligibilityDescription { get; init; }
    public string? FeesDescription { get; init; }
    public bool? IsFree { get; init; }
    public IReadOnlyList<CostOptionEntry>? CostOptions { get; init; }
    public IReadOnlyList<LanguageEntry>? Languages { get; init; }
    public string? InterpretationServices { get; init; }
    /// <summary>How to reach the service: registration, referral, open consultation hours.</summary>
    public string? ApplicationProcess { get; init; }
    public string? WaitTime { get; init; }
    public string? Accreditations { get; init; }
    public string? Licenses { get; init; }
    public string? Alert { get; init; }
    public ProgramInfo? Program { get; init; }
    public IReadOnlyList<Guid>? NetworkIds { get; init; }
    public IReadOnlyList<Guid>? ServedSpaceIds { get; init; }
    public IReadOnlyList<ServiceAreaEntry>? ServiceAreas { get; init; }
    public IReadOnlyList<RequiredDocumentEntry>? RequiredDocuments { get; init; }
    public IReadOnlyList<AttributeEntry>? Attributes { get; init; }
    public IReadOnlyList<ContactEntry>? Contacts { get; init; }
    public IReadOnlyList<PhoneEntry>? Phones { get; init; }
    public IReadOnlyList<OpeningHoursRule>? OpeningHours { get; init; }
    public IReadOnlyList<ClosureEntry>? Closures { get; init; }
    /// <summary>The locations where it is offered. On update, a location left out loses its entry unless it has capacity history.</summary>
    public IReadOnlyList<ServiceLocationEntry>? Locations { get; init; }
    /// <summary>The key of the spreadsheet import; unique among services.</summary>
    public string? ExternalId { get; init; }
    /// <summary>Months between verifications, 1 to 120 (default 12).</summary>
    public int? VerificationIntervalMonths { get; init; }
}

public abstract class ServiceFieldsValidator<T> : AbstractValidator<T> where T : ServiceFields
{
    private static readonly string[] ExtentTypes = ["geojson", "topojson", "kml", "text"];

    protected ServiceFieldsValidator()
    {
        RuleFor(x => x.Name).RequiredText(Limits.Name);
        RuleFor(x => x.AlternateName).MaximumLength(Limits.Name);
        RuleFor(x => x.Description).MaximumLength(InventoryLimits.Description);
        RuleFor(x => x.Url).OptionalUrl();
        RuleFor(x => x.Email).MaximumLength(Limits.Email).Matches(InventoryParts.EmailPattern)
            .WithMessage("'email' must be an e-mail address such as name@example.org.");
        RuleFor(x => x.Status).DefinedEnum();
        RuleFor(x => x.Categories).MaxItems(InventoryLimits.Codes);
        RuleForEach(x => x.Categories).NotEmpty().MaximumLength(Limits.Code);
        RuleFor(x => x.TargetGroups).MaxItems(InventoryLimits.Codes);
        RuleForEach(x => x.TargetGroups).NotEmpty().MaximumLength(Limits.Code);
        RuleFor(x => x.MinimumAge).InclusiveBetween(0, InventoryLimits.MaxAge);
        RuleFor(x => x.MaximumAge).InclusiveBetween(0, InventoryLimits.MaxAge);
        RuleFor(x => x.MaximumAge).GreaterThanOrEqualTo(x => x.MinimumAge).When(x => x.MinimumAge is not null && x.MaximumAge is not null)
            .WithMessage("'maximumAge' must not be below 'minimumAge'.");
        RuleFor(x => x.EligibilityDescription).MaximumLength(InventoryLimits.Description);
        RuleFor(x => x.FeesDescription).MaximumLength(InventoryLimits.Description);
        RuleFor(x => x.CostOptions).MaxItems(InventoryLimits.Entries);
        RuleForEach(x => x.CostOptions).ChildRules(c =>
        {
            c.RuleFor(x => x.Option).MaximumLength(InventoryLimits.ShortText);
            c.RuleFor(x => x.Amount).Must(a => a is null || (double.IsFinite(a.Value) && a >= 0 && a <= 1e12))
                .WithMessage("'amount' must be a number of at least 0.");
            c.RuleFor(x => x.Currency).Matches("^[A-Z]{3}$").WithMessage("'currency' must be an ISO 4217 code such as EUR.");
            c.RuleFor(x => x.AmountDescription).MaximumLength(InventoryLimits.ShortText);
            c.RuleFor(x => x.ValidTo).GreaterThanOrEqualTo(x => x.ValidFrom).When(x => x.ValidFrom is not null && x.ValidTo is not null)
                .WithMessage("'validTo' must not lie before 'validFrom'.");
        });
        RuleFor(x => x.Languages).MaxItems(InventoryLimits.Languages).Must(InventoryParts.DistinctCodes).WithMessage(
            "A language may appear once.");
        RuleForEach(x => x.Languages).SetValidator(new LanguageEntryValidator());
        RuleFor(x => x.InterpretationServices).MaximumLength(InventoryLimits.Text);
        RuleFor(x => x.ApplicationProcess).MaximumLength(InventoryLimits.Description);
        RuleFor(x => x.WaitTime).MaximumLength(InventoryLimits.ShortText);
        RuleFor(x => x.Accreditations).MaximumLength(InventoryLimits.Text);
        RuleFor(x => x.Licenses).MaximumLength(InventoryLimits.Text);
        RuleFor(x => x.Alert).MaximumLength(InventoryLimits.Text);
        RuleFor(x => x.Program!.Name).RequiredText(Limits.Name).When(x => x.Program is not null).OverridePropertyName("program.name");
        RuleFor(x => x.Program!.AlternateName).MaximumLength(Limits.Name).When(x => x.Program is not null)
            .OverridePropertyName("program.alternateName");
        RuleFor(x => x.Program!.Description).MaximumLength(InventoryLimits.Description).When(x => x.Program is not null)
            .OverridePropertyName("program.description");
        RuleFor(x => x.NetworkIds).MaxItems(Limits.Spaces);
        RuleFor(x => x.ServedSpaceIds).MaxItems(Limits.Spaces);
        RuleFor(x => x.ServiceAreas).MaxItems(InventoryLimits.Entries);
        RuleForEach(x => x.ServiceAreas).ChildRules(a =>
        {
            a.RuleFor(x => x.Name).MaximumLength(InventoryLimits.ShortText);
            a.RuleFor(x => x.Description).MaximumLength(InventoryLimits.Description);
            a.RuleFor(x => x.Extent).MaximumLength(InventoryLimits.Extent);
            a.RuleFor(x => x.ExtentType).Must(t => t is null || ExtentTypes.Contains(t))
                .WithMessage($"'extentType' must be one of: {string.Join(", ", ExtentTypes)}.");
            a.RuleFor(x => x.Uri).OptionalUrl();
        });
        RuleFor(x => x.RequiredDocuments).MaxItems(InventoryLimits.Entries);
        RuleForEach(x => x.RequiredDocuments).ChildRules(d =>
        {
            d.RuleFor(x => x.Document).RequiredText(InventoryLimits.Text);
            d.RuleFor(x => x.Uri).OptionalUrl();
        });
        RuleFor(x => x.Attributes).MaxItems(InventoryLimits.Entries);
        RuleForEach(x => x.Attributes).ChildRules(a =>
        {
            a.RuleFor(x => x.TermCode).NotEmpty().MaximumLength(Limits.Code);
            a.RuleFor(x => x.LinkType).MaximumLength(100);
            a.RuleFor(x => x.Value).MaximumLength(InventoryLimits.Text);
        });
        InventoryParts.AddPartRules(this);
        RuleFor(x => x.Locations).MaxItems(InventoryLimits.Locations)
            .Must(l => l is null || l.Select(e => e.LocationId).Distinct().Count() == l.Count).WithMessage("A location may appear once.");
        RuleForEach(x => x.Locations).SetValidator(new ServiceLocationEntryValidator());
        RuleFor(x => x.ExternalId).MaximumLength(InventoryLimits.ExternalId);
        RuleFor(x => x.VerificationIntervalMonths).InclusiveBetween(1, InventoryLimits.MaxVerificationMonths);
    }
}

public sealed class ServiceLocationEntryValidator : AbstractValidator<ServiceLocationEntry>
{
    public ServiceLocationEntryValidator()
    {
        RuleFor(x => x.LocationId).NotEmpty();
        RuleFor(x => x.Description).MaximumLength(InventoryLimits.Description);
        RuleFor(x => x.ExternalId).MaximumLength(InventoryLimits.ExternalId);
        InventoryParts.AddPartRules(this);
    }
}

/// <summary>How service fields are checked against the data and stored.</summary>
internal static class ServiceStore
{
    public static string SearchKey(string name, string? alternateName) =>
        InventoryParts.Optional(alternateName) is { } a
            ? $"{TextRules.SearchKey(name)} {TextRules.SearchKey(a)}" : TextRules.SearchKey(name);

    /// <summary>The term ids of the categories and target groups and of the attributes; every id given must exist (400 naming the
    /// field).</summary>
    public sealed record References(List<Guid> Categories, List<Guid> TargetGroups, List<Guid> AttributeTerms);

    public static async Task<References> CheckAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect,
        TaxonomyReads taxonomies,
        ServiceFields f)
    {
        if (f.OperatorId is { } op
            && await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM actors WHERE id = @op", new { op }, tx) == 0)
            throw new InvalidFieldException("operatorId", $"Actor '{op}' does not exist.");
        var categories = await taxonomies.ResolveAsync(connection, tx, f.Categories, TaxonomyKind.ServiceCategory, "categories");
        var targetGroups = await taxonomies.ResolveAsync(connection, tx, f.TargetGroups, TaxonomyKind.TargetGroup, "targetGroups");
        var attributeTerms = new List<Guid>();
        for (var i = 0; i < (f.Attributes?.Count ?? 0); i++)
            attributeTerms.Add(await TaxonomyReads.ResolveAnyAsync(connection, tx, f.Attributes![i].TermCode, $"attributes[{i}].termCode"));
        await CheckIdsAsync(connection, tx, dialect, "networks", f.NetworkIds, "networkIds", "Network");
        await CheckIdsAsync(connection, tx, dialect, "spaces", f.ServedSpaceIds, "servedSpaceIds", "Space");
        await CheckIdsAsync(connection, tx, dialect, "locations", f.Locations?.Select(l => l.LocationId).ToList(), "locations", "Location",
            "locationId");
        return new References(categories, targetGroups, attributeTerms);
    }

    private static async Task CheckIdsAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, string table,
        IReadOnlyList<Guid>? ids, string field, string resource, string? member = null)
    {
        if (ids is null || ids.Count == 0) return;
        var found = (await connection.QueryAsync<Guid>($"SELECT id FROM {table} WHERE {dialect.In("id", "@ids")}",
            new { ids = ids.Distinct().ToList() }, tx)).ToHashSet();
        for (var i = 0; i < ids.Count; i++)
            if (!found.Contains(ids[i]))
                throw new InvalidFieldException(member is null ? $"{field}[{i}]" : $"{field}[{i}].{member}",
                    $"{resource} '{ids[i]}' does not exist.");
    }

    public static DynamicParameters Parameters(ServiceFields f)
    {
        var p = new DynamicParameters();
        p.Add("name", f.Name.Trim());
        p.Add("searchKey", SearchKey(f.Name, f.AlternateName));
        p.Add("alternateName", InventoryParts.Optional(f.AlternateName));
        p.Add("description", InventoryParts.Optional(f.Description));
        p.Add("url", InventoryParts.Optional(f.Url));
        p.Add("email", InventoryParts.Optional(f.Email));
        p.Add("status", f.Status.ToString());
        p.Add("operatorId", f.OperatorId);
        p.Add("interpretationServices", InventoryParts.Optional(f.InterpretationServices));
        p.Add("applicationProcess", InventoryParts.Optional(f.ApplicationProcess));
        p.Add("feesDescription", InventoryParts.Optional(f.FeesDescription));
        p.Add("isFree", f.IsFree);
        p.Add("waitTime", InventoryParts.Optional(f.WaitTime));
        p.Add("accreditations", InventoryParts.Optional(f.Accreditations));
        p.Add("licenses", InventoryParts.Optional(f.Licenses));
        p.Add("eligibilityDescription", InventoryParts.Optional(f.EligibilityDescription));
        p.Add("minimumAge", f.MinimumAge);
        p.Add("maximumAge", f.MaximumAge);
        p.Add("alert", InventoryParts.Optional(f.Alert));
        p.Add("programName", f.Program is null ? null : f.Program.Name.Trim());
        p.Add("programAlternateName", InventoryParts.Optional(f.Program?.AlternateName));
        p.Add("programDescription", InventoryParts.Optional(f.Program?.Description));
        p.Add("externalId", InventoryParts.Optional(f.ExternalId));
        p.Add("verificationIntervalMonths", f.VerificationIntervalMonths ?? 12);
        return p;
    }

    /// <summary>Replaces every list that is given (null keeps it).</summary>
    public static async Task ReplaceListsAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, Guid id, ServiceFields f,
        References refs, DateTimeOffset now)
    {
        var p = new { id };
        if (f.Categories is not null) await ReplaceLinksAsync(connection, tx, "service_categories", "term_id", id, refs.Categories);
        if (f.TargetGroups is not null) await ReplaceLinksAsync(connection, tx, "service_target_groups", "term_id", id, refs.TargetGroups);
        if (f.NetworkIds is not null) await ReplaceLinksAsync(connection, tx, "service_networks", "network_id", id, f.NetworkIds.Distinct(
            ).ToList());
        if (f.ServedSpaceIds is not null)
            await ReplaceLinksAsync(connection, tx, "service_spaces", "space_id", id, f.ServedSpaceIds.Distinct().ToList());
        if (f.Languages is not null)
            await InventoryPartsStore.InsertLanguagesAsync(connection, tx, "service_languages", "service_id", id, f.Languages);
        if (f.CostOptions is not null)
        {
            await connection.ExecuteAsync("DELETE FROM service_cost_options WHERE service_id = @id", p, tx);
            var order = 0;
            foreach (var c in f.CostOptions)
                await connection.ExecuteAsync("""
                    INSERT INTO service_cost_options (id, service_id, option_text, amount, currency, amount_description, valid_from, valid_to,
                        sort_order)
                    VALUES (@cid, @id, @option, @Amount, @Currency, @amountDescription, @ValidFrom, @ValidTo, @order)
                    """, new
                {
                    cid = Guid.CreateVersion7(), id, option = InventoryParts.Optional(c.Option), c.Amount, c.Currency,
                    amountDescription = InventoryParts.Optional(c.AmountDescription), c.ValidFrom, c.ValidTo, order = order++,
                }, tx);
        }
        if (f.ServiceAreas is not null)
        {
            await connection.ExecuteAsync("DELETE FROM service_areas WHERE service_id = @id", p, tx);
            var order = 0;
            foreach (var a in f.ServiceAreas)
                await connection.ExecuteAsync("""
                    INSERT INTO service_areas (id, service_id, name, description, extent, extent_type, uri, sort_order)
                    VALUES (@aid, @id, @name, @description, @extent, @ExtentType, @uri, @order)
                    """, new
                {
                    aid = Guid.CreateVersion7(), id, name = InventoryParts.Optional(a.Name), description = InventoryParts.Optional(
                        a.Description),
                    extent = InventoryParts.Optional(a.Extent), a.ExtentType, uri = InventoryParts.Optional(a.Uri), order = order++,
                }, tx);
        }
        if (f.RequiredDocuments is not null)
        {
            await connection.ExecuteAsync("DELETE FROM service_required_documents WHERE service_id = @id", p, tx);
            var order = 0;
            foreach (var d in f.RequiredDocuments)
                await connection.ExecuteAsync("""
                    INSERT INTO service_required_documents (id, service_id, document, uri, sort_order) VALUES (@did, @id, @document, @uri, @order)
                    """,
                    new
                    {
                        did = Guid.CreateVersion7(), id, document = d.Document.Trim(), uri = InventoryParts.Optional(d.Uri),
                        order = order++,
                    }, tx);
        }
        if (f.Attributes is not null)
        {
            await connection.ExecuteAsync("DELETE FROM service_attributes WHERE service_id = @id", p, tx);
            for (var i = 0; i < f.Attributes.Count; i++)
                await connection.ExecuteAsync("""
                    INSERT INTO service_attributes (id, service_id, term_id, link_type, value, sort_order)
                    VALUES (@aid, @id, @termId, @linkType, @value, @order)
                    """, new
                {
                    aid = Guid.CreateVersion7(), id, termId = refs.AttributeTerms[i], linkType = InventoryParts.Optional(
                        f.Attributes[i].LinkType),
                    value = InventoryParts.Optional(f.Attributes[i].Value), order = i,
                }, tx);
        }
        await InventoryPartsStore.ReplaceAsync(connection, tx, dialect, PartOwner.Service, id, f);
        if (f.Locations is not null) await ReplaceLocationsAsync(connection, tx, dialect, id, f.Locations, now);
    }

    private static async Task ReplaceLinksAsync(DbConnection connection, DbTransaction tx, string table, string column, Guid id,
        IReadOnlyList<Guid> targets)
    {
        await connection.ExecuteAsync($"DELETE FROM {table} WHERE service_id = @id", new { id }, tx);
        foreach (var target in targets)
            await connection.ExecuteAsync($"INSERT INTO {table} (service_id, {column}) VALUES (@id, @target)", new { id, target }, tx);
    }

    /// <summary>
    /// Keeps the service-at-location rows of locations still given (their ids and capacity history stay), adds new ones and
    /// removes the rest; a location with capacity history cannot be removed (409), so that history is never lost by an edit.
    /// </summary>
    private static async Task ReplaceLocationsAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, Guid id,
        IReadOnlyList<ServiceLocationEntry> locations, DateTimeOffset now)
    {
        var existing = (await connection.QueryAsync<(Guid Id, Guid LocationId)>(
            "SELECT id, location_id FROM service_at_locations WHERE service_id = @id", new { id }, tx))
            .ToDictionary(r => r.LocationId, r => r.Id);
        var keep = locations.Select(l => l.LocationId).ToHashSet();
        var removed = existing.Where(e => !keep.Contains(e.Key)).Select(e => e.Value).ToList();
        if (removed.Count > 0)
        {
            if (await connection.ExecuteScalarAsync<long>(
                    $"SELECT COUNT(*) FROM capacity_entries WHERE {dialect.In("service_at_location_id", "@removed")}", new { removed },
                        tx) > 0)
                throw new ConflictException(
                    "A location left out of 'locations' has capacity history. Keep the location (set the service's status instead) or " +
                    "archive the service.", "locations");
            await InventoryPartsStore.DeleteAsync(connection, tx, dialect, PartOwner.ServiceAtLocation, removed);
            await connection.ExecuteAsync($"DELETE FROM service_at_locations WHERE {dialect.In("id", "@removed")}", new { removed }, tx);
        }
        foreach (var l in locations)
        {
            var args = new
            {
                salId = existing.TryGetValue(l.LocationId, out var known) ? known : Guid.CreateVersion7(), id, locationId = l.LocationId,
                description = InventoryParts.Optional(l.Description), externalId = InventoryParts.Optional(l.ExternalId), now,
            };
            if (existing.ContainsKey(l.LocationId))
                await connection.ExecuteAsync("""
                    UPDATE service_at_locations SET description = @description, external_id = @externalId, version = version + 1,
                        updated_at = @now WHERE id = @salId
                    """, args, tx);
            else
                await connection.ExecuteAsync("""
                    INSERT INTO service_at_locations (id, service_id, location_id, description, external_id, version, created_at, updated_at)
                    VALUES (@salId, @id, @locationId, @description, @externalId, 1, @now, @now)
                    """, args, tx);
            await InventoryPartsStore.ReplaceAsync(connection, tx, dialect, PartOwner.ServiceAtLocation, args.salId, l);
        }
    }

    public static ConflictException Conflict(Exception e, ISqlDialect dialect) =>
        dialect.IsUniqueViolation(e)
            ? new ConflictException("The external id is taken by another service or service at a location.", "externalId")
            : new ConflictException("The operator, a term, network, space or location was removed meanwhile. Reload and try again.");
}
