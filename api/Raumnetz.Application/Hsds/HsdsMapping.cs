using System.Globalization;
using System.Text.Json.Nodes;
using Raumnetz.Application.Fundings;
using Raumnetz.Application.Inventory;
using Raumnetz.Application.Locations;
using Raumnetz.Application.Services;
using Raumnetz.Application.Taxonomies;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Hsds;

/// <summary>
/// The inventory as HSDS 3.0 objects. HSDS properties carry what HSDS defines; what it lacks is written as the properties the
/// Raumnetz profile declares (<c>openapi/hsds/profile/*.json</c>, JSON Merge Patches on the HSDS schemas), never elsewhere:
/// funding amounts, shares, periods and renewal status, the capacity history, the verifications, networks, served spaces, the
/// social space of a location, closures, the accessibility checklist, the English name of a term and the free-of-charge flag.
/// Categories and target groups are HSDS attributes (link_type category / target_group) with their taxonomy term. Contact names
/// (persons' data) and who verified a service are never written.
/// </summary>
public sealed class HsdsMapping
{
    public sealed record Term
    {
        public Guid Id { get; init; }
        public string Code { get; init; } = "";
        public string NameEn { get; init; } = "";
        public string NameDe { get; init; } = "";
        public string? Description { get; init; }
        public Guid? ParentId { get; init; }
        public Guid TaxonomyId { get; init; }
        public string? TermUri { get; init; }
        public string TaxonomyName { get; init; } = "";
    }

    public sealed record Verification(Guid Id, DateOnly VerifiedOn, string? Note);

    public required IReadOnlyDictionary<string, Term> Terms { get; init; }
    public required IReadOnlyDictionary<Guid, LocationDto> Locations { get; init; }
    public required IReadOnlyDictionary<Guid, JsonObject> Organizations { get; init; }
    public required ILookup<Guid, FundingDto> Fundings { get; init; }
    public required ILookup<Guid, CapacityEntryDto> Capacity { get; init; }
    public required ILookup<Guid, Verification> Verifications { get; init; }
    public required IReadOnlyDictionary<Guid, string> Networks { get; init; }
    public required IReadOnlyDictionary<Guid, (string Code, string Name)> Spaces { get; init; }

    public const string CategoryLink = "category";
    public const string TargetGroupLink = "target_group";

    public static string Status(ServiceStatus status) => status switch
    {
        ServiceStatus.Active => "active",
        ServiceStatus.Inactive => "inactive",
        ServiceStatus.Defunct => "defunct",
        _ => "temporarily closed",
    };

    private static string Lower(Enum value) => value.ToString().ToLowerInvariant();

    private static readonly Dictionary<Weekday, string> Days = new()
    {
        [Weekday.Monday] = "MO", [Weekday.Tuesday] = "TU", [Weekday.Wednesday] = "WE", [Weekday.Thursday] = "TH",
        [Weekday.Friday] = "FR", [Weekday.Saturday] = "SA", [Weekday.Sunday] = "SU",
    };

    public static string Day(Weekday day) => Days[day];

    /// <summary>The HSDS organization fields an actor has no column for: the import keeps them as "key: value" lines of its
    /// notes, after the description.</summary>
    public static readonly string[] NoteFields =
        ["tax_status", "tax_id", "year_incorporated", "legal_status", "logo", "uri", "parent_organization_id"];

    /// <summary>An organisation; its notes are the description, except the lines that hold <see cref="NoteFields"/>.</summary>
    public static JsonObject Organization(Guid id, string name, string? shortName, string? notes, string? email, string? website,
        string? phone, Guid? parentId)
    {
        var description = new List<string>();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in (notes ?? "").Split('\n'))
        {
            var key = NoteFields.FirstOrDefault(k => line.StartsWith(k + ": ", StringComparison.Ordinal));
            if (key is not null && !fields.ContainsKey(key)) fields[key] = line[(key.Length + 2)..].Trim();
            else description.Add(line);
        }
        var org = new JsonObject { ["id"] = id.ToString(), ["name"] = name }
            .Put("alternate_name", shortName).Put("description", string.Join("\n", description).Trim()).Put("email", email)
            .Put("website", website);
        foreach (var (key, value) in fields)
            if (key == "year_incorporated")
                org.Put(key, double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var year) ? year : null);
            else org[key] = value;
        org.Put("parent_organization_id", parentId);
        if (phone is not null)
            org["phones"] = new JsonArray(new JsonObject
            {
                ["id"] = HsdsJson.PartId(id, "phone", 0).ToString(), ["organization_id"] = id.ToString(), ["number"] = phone,
            });
        return org;
    }

    public static JsonObject Taxonomy(TaxonomyDto t) => new JsonObject
    {
        ["id"] = t.Id.ToString(), ["name"] = t.Name, ["description"] = t.Description ?? t.Name,
    }.Put("uri", t.Uri).Put("version", t.VersionLabel);

    public static JsonObject TaxonomyTerm(TaxonomyTermDto t, TaxonomyDto? taxonomy) => new JsonObject
    {
        ["id"] = t.Id.ToString(), ["code"] = t.Code, ["name"] = t.NameDe, ["description"] = t.Description ?? t.NameDe,
    }.Put("parent_id", t.ParentId).Put("taxonomy", taxonomy?.Name).Put("taxonomy_detail", taxonomy is null ? null : Taxonomy(taxonomy))
        .Put("language", "de").Put("taxonomy_id", t.TaxonomyId).Put("term_uri", t.TermUri).Put("name_en", t.NameEn);

    private JsonObject? TermObject(string code)
    {
        if (!Terms.TryGetValue(code, out var t)) return null;
        return new JsonObject
        {
            ["id"] = t.Id.ToString(), ["code"] = t.Code, ["name"] = t.NameDe, ["description"] = t.Description ?? t.NameDe,
        }.Put("parent_id", t.ParentId).Put("taxonomy", t.TaxonomyName).Put("language", "de").Put("taxonomy_id", t.TaxonomyId)
            .Put("term_uri", t.TermUri).Put("name_en", t.NameEn);
    }

    private JsonArray Attributes(ServiceDto s)
    {
        var list = new List<JsonNode>();
        void Add(string code, string? linkType, string? value)
        {
            var term = TermObject(code);
            list.Add(new JsonObject { ["id"] = HsdsJson.PartId(s.Id, "attribute", list.Count).ToString(), ["link_id"] = s.Id.ToString() }
                .Put("taxonomy_term_id", term?["id"]?.GetValue<string>()).Put("link_type", linkType).Put("link_entity", "service")
                .Put("value", value).Put("taxonomy_term", term));
        }
        foreach (var c in s.Categories) Add(c.Code, CategoryLink, null);
        foreach (var g in s.TargetGroups) Add(g.Code, TargetGroupLink, null);
        foreach (var a in s.Attributes) Add(a.TermCode, a.LinkType, a.Value);
        return HsdsJson.Array(list);
    }

    private static JsonArray Languages(IEnumerable<LanguageEntry> languages, Guid owner, string ownerField, string kind) =>
        HsdsJson.Array(languages.Select((l, i) => (JsonNode)new JsonObject { ["id"] = HsdsJson.PartId(owner, kind, i).ToString() }
            .Put(ownerField, owner).Put("name", l.Name).Put("code", l.Code).Put("note", l.Note)));

    private static JsonArray Phones(IEnumerable<PhoneEntry> phones, Guid owner, string ownerField, string kind) =>
        HsdsJson.Array(phones.Select((p, i) =>
        {
            var id = HsdsJson.PartId(owner, kind, i);
            return (JsonNode)new JsonObject { ["id"] = id.ToString() }.Put(ownerField, owner).Put("number", p.Number)
                .Put("extension", p.Extension).Put("type", p.Type).Put("description", p.Description)
                .Put("languages", Languages(p.Languages ?? [], id, "phone_id", "language"));
        }));

    /// <summary>Contacts without their names: a name is a person's data and never leaves through HSDS.</summary>
    private static JsonArray Contacts(IEnumerable<ContactEntry> contacts, Guid owner, string ownerField) =>
        HsdsJson.Array(contacts.Select((c, i) =>
        {
            var id = HsdsJson.PartId(owner, "contact", i);
            return (JsonNode)new JsonObject { ["id"] = id.ToString() }.Put(ownerField, owner).Put("title", c.Title)
                .Put("department", c.Department).Put("email", c.Email).Put("phones", Phones(c.Phones ?? [], id, "contact_id", "phone"));
        }));

    private static JsonArray Schedules(IEnumerable<OpeningHoursRule> rules, Guid owner, string ownerField) =>
        HsdsJson.Array(rules.Select((r, i) => (JsonNode)new JsonObject { ["id"] = HsdsJson.PartId(owner, "schedule", i).ToString() }
            .Put(ownerField, owner).Put("valid_from", r.ValidFrom).Put("valid_to", r.ValidTo).Put("dtstart", r.Dtstart)
            .Put("timezone", r.Timezone).Put("until", r.Until).Put("count", r.Count)
            .Put("wkst", r.WeekStart is { } w ? Day(w) : null)
            .Put("freq", (r.Frequency ?? ScheduleFrequency.Weekly) == ScheduleFrequency.Monthly ? "MONTHLY" : "WEEKLY")
            .Put("interval", r.Interval).Put("byday", r.Days is { Count: > 0 } d ? string.Join(",", d.Select(Day)) : null)
            .Put("byweekno", r.ByWeekNo).Put("bymonthday", r.ByMonthDay).Put("byyearday", r.ByYearDay).Put("description", r.Description)
            .Put("opens_at", r.OpensAt).Put("closes_at", r.ClosesAt).Put("schedule_link", r.ScheduleLink)
            .Put("attending_type", r.AttendingType).Put("notes", r.Notes)));

    /// <summary>Profile: closures (holidays and other closed days), which HSDS schedules cannot say.</summary>
    private static JsonArray Closures(IEnumerable<ClosureEntry> closures, Guid owner) =>
        HsdsJson.Array(closures.Select((c, i) => (JsonNode)new JsonObject
        {
            ["id"] = HsdsJson.PartId(owner, "closure", i).ToString(), ["kind"] = Lower(c.Kind), ["start_date"] = HsdsJson.Date(c.StartsOn),
        }.Put("end_date", c.EndsOn).Put("reason", c.Reason)));

    /// <summary>An HSDS service; <paramref name="full"/> adds the nested objects (a list holds only the direct properties).</summary>
    public JsonObject Service(ServiceDto s, bool full)
    {
        var organization = s.OperatorId is { } o && Organizations.TryGetValue(o, out var org) ? org : null;
        var json = new JsonObject { ["id"] = s.Id.ToString() }
            .Put("organization_id", organization is null ? null : s.OperatorId)
            .Put("program_id", s.Program is null ? null : HsdsJson.PartId(s.Id, "program", 0))
            .Put("name", s.Name).Put("alternate_name", s.AlternateName).Put("description", s.Description).Put("url", s.Url)
            .Put("email", s.Email).Put("status", Status(s.Status)).Put("interpretation_services", s.InterpretationServices)
            .Put("application_process", s.ApplicationProcess).Put("fees_description", s.FeesDescription).Put("wait_time", s.WaitTime)
            .Put("accreditations", s.Accreditations).Put("eligibility_description", s.EligibilityDescription)
            .Put("minimum_age", s.MinimumAge).Put("maximum_age", s.MaximumAge).Put("assured_date", s.VerifiedOn)
            .Put("licenses", s.Licenses).Put("alert", s.Alert).Put("last_modified", HsdsJson.Instant(s.UpdatedAt))
            .Put("is_free", s.IsFree);
        if (!full) return json;
        json.Put("phones", Phones(s.Phones, s.Id, "service_id", "phone"))
            .Put("schedules", Schedules(s.OpeningHours, s.Id, "service_id"))
            .Put("service_areas", HsdsJson.Array(s.ServiceAreas.Select((a, i) => (JsonNode)new JsonObject
            {
                ["id"] = HsdsJson.PartId(s.Id, "service_area", i).ToString(), ["service_id"] = s.Id.ToString(),
            }.Put("name", a.Name).Put("description", a.Description).Put("extent", a.Extent).Put("extent_type", a.ExtentType)
                .Put("uri", a.Uri))))
            .Put("service_at_locations", HsdsJson.Array(s.Locations.Select(l => (JsonNode)ServiceAtLocation(s, l, true, false))))
            .Put("languages", Languages(s.Languages, s.Id, "service_id", "language"))
            .Put("organization", organization?.DeepClone())
            .Put("funding", HsdsJson.Array(Fundings[s.Id].Select(Funding)))
            .Put("cost_options", HsdsJson.Array(s.CostOptions.Select((c, i) => (JsonNode)new JsonObject
            {
                ["id"] = HsdsJson.PartId(s.Id, "cost_option", i).ToString(), ["service_id"] = s.Id.ToString(),
            }.Put("valid_from", c.ValidFrom).Put("valid_to", c.ValidTo).Put("option", c.Option).Put("currency", c.Currency)
                .Put("amount", c.Amount).Put("amount_description", c.AmountDescription))))
            .Put("program", s.Program is { } p ? new JsonObject
            {
                ["id"] = HsdsJson.PartId(s.Id, "program", 0).ToString(), ["name"] = p.Name, ["description"] = p.Description ?? p.Name,
            }.Put("organization_id", organization is null ? null : s.OperatorId).Put("alternate_name", p.AlternateName) : null)
            .Put("required_documents", HsdsJson.Array(s.RequiredDocuments.Select((d, i) => (JsonNode)new JsonObject
            {
                ["id"] = HsdsJson.PartId(s.Id, "required_document", i).ToString(), ["service_id"] = s.Id.ToString(),
                ["document"] = d.Document,
            }.Put("uri", d.Uri))))
            .Put("contacts", Contacts(s.Contacts, s.Id, "service_id"))
            .Put("attributes", Attributes(s))
            // Profile: what HSDS lacks.
            .Put("closures", Closures(s.Closures, s.Id))
            .Put("networks", HsdsJson.Array(s.NetworkIds.Select(n => (JsonNode)new JsonObject { ["id"] = n.ToString() }
                .Put("name", Networks.TryGetValue(n, out var name) ? name : null))))
            .Put("served_spaces", HsdsJson.Array(s.ServedSpaceIds.Select(x => (JsonNode)new JsonObject { ["id"] = x.ToString() }
                .Put("code", Spaces.TryGetValue(x, out var space) ? space.Code : null).Put("name", space.Name))))
            .Put("verification_interval_months", s.VerificationIntervalMonths)
            .Put("verification_due_date", s.VerificationDueOn)
            .Put("verifications", HsdsJson.Array(Verifications[s.Id].Select(v => (JsonNode)new JsonObject
            {
                ["id"] = v.Id.ToString(), ["verified_on"] = HsdsJson.Date(v.VerifiedOn),
            }.Put("note", v.Note))));
        return json;
    }

    /// <summary>HSDS funding: source is the funder and programme; the Raumnetz profile adds the figures and the period.
    /// A funder that is a person is not named (only the programme is).</summary>
    private JsonNode Funding(FundingDto f) => new JsonObject
    {
        ["id"] = f.Id.ToString(), ["service_id"] = f.ServiceId.ToString(),
    }.Put("source", !Organizations.ContainsKey(f.FunderActorId) ? f.Programme
        : f.Programme is null ? f.FunderName : $"{f.FunderName}: {f.Programme}")
        .Put("funder_organization_id", Organizations.ContainsKey(f.FunderActorId) ? f.FunderActorId : null)
        .Put("funder_name", Organizations.ContainsKey(f.FunderActorId) ? f.FunderName : null)
        .Put("programme", f.Programme).Put("amount_per_year", f.AmountPerYear).Put("currency", f.AmountPerYear is null ? null : "EUR")
        .Put("share_percent", f.SharePercent).Put("start_date", f.StartsOn).Put("end_date", f.EndsOn)
        .Put("renewal_status", Lower(f.RenewalStatus));

    public JsonObject ServiceAtLocation(ServiceDto s, ServiceAtLocationDto sal, bool withLocation, bool withService)
    {
        var json = new JsonObject
        {
            ["id"] = sal.Id.ToString(), ["service_id"] = s.Id.ToString(), ["location_id"] = sal.LocationId.ToString(),
        }.Put("description", sal.Description)
            .Put("contacts", Contacts(sal.Contacts, sal.Id, "service_at_location_id"))
            .Put("phones", Phones(sal.Phones, sal.Id, "service_at_location_id", "phone"))
            .Put("schedules", Schedules(sal.OpeningHours, sal.Id, "service_at_location_id"))
            .Put("location", withLocation && Locations.TryGetValue(sal.LocationId, out var l) ? Location(l) : null)
            .Put("service", withService ? Service(s, false) : null)
            // Profile: the capacity history and closures.
            .Put("capacity", HsdsJson.Array(Capacity[sal.Id].Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Id.ToString(), ["unit"] = UnitName(c.Unit), ["maximum"] = c.Maximum, ["as_of"] = HsdsJson.Date(c.AsOf),
            }.Put("available", c.Available).Put("note", c.Note))))
            .Put("closures", Closures(sal.Closures, sal.Id));
        return json;
    }

    public static string UnitName(CapacityUnit unit) => unit switch
    {
        CapacityUnit.Places => "places",
        CapacityUnit.HoursPerWeek => "hours_per_week",
        _ => "consultations_per_month",
    };

    public JsonObject Location(LocationDto l)
    {
        var a = l.Accessibility;
        var hasAccessibility = a.Description is not null || a.Details is not null || a.Url is not null || a.StepFreeAccess is not null
            || a.AccessibleToilet is not null || a.Lift is not null || a.HearingLoop is not null;
        return new JsonObject { ["id"] = l.Id.ToString(), ["location_type"] = Lower(l.Kind) }
            .Put("url", l.Url).Put("organization_id", l.OwnerActorId is { } o && Organizations.ContainsKey(o) ? o : null)
            .Put("name", l.Name).Put("alternate_name", l.AlternateName).Put("description", l.Description)
            .Put("transportation", l.Transportation).Put("latitude", l.Latitude).Put("longitude", l.Longitude)
            .Put("external_identifier", l.ExternalIdentifier).Put("external_identifier_type", l.ExternalIdentifierType)
            .Put("languages", Languages(l.Languages, l.Id, "location_id", "language"))
            .Put("addresses", HsdsJson.Array(l.Addresses.Select((x, i) => (JsonNode)new JsonObject
            {
                ["id"] = HsdsJson.PartId(l.Id, "address", i).ToString(), ["location_id"] = l.Id.ToString(), ["address_1"] = x.Address1,
                ["city"] = x.City, ["state_province"] = x.StateProvince ?? "", ["postal_code"] = x.PostalCode,
                ["country"] = x.Country ?? "DE", ["address_type"] = Lower(x.Type),
            }.Put("attention", x.Attention).Put("address_2", x.Address2).Put("region", x.Region))))
            .Put("contacts", Contacts(l.Contacts, l.Id, "location_id"))
            .Put("accessibility", HsdsJson.Array(hasAccessibility
                ? [new JsonObject { ["id"] = HsdsJson.PartId(l.Id, "accessibility", 0).ToString(), ["location_id"] = l.Id.ToString() }
                    .Put("description", a.Description).Put("details", a.Details).Put("url", a.Url)
                    .Put("step_free_access", a.StepFreeAccess).Put("accessible_toilet", a.AccessibleToilet).Put("lift", a.Lift)
                    .Put("hearing_loop", a.HearingLoop)]
                : []))
            .Put("phones", Phones(l.Phones, l.Id, "location_id", "phone"))
            .Put("schedules", Schedules(l.OpeningHours, l.Id, "location_id"))
            // Profile: the social space, validity and closures.
            .Put("space", l.SpaceId is { } sp ? new JsonObject { ["id"] = sp.ToString() }.Put("code", l.SpaceCode).Put("name", l.SpaceName)
                : null)
            .Put("valid_from", l.ValidFrom).Put("valid_to", l.ValidTo)
            .Put("closures", Closures(l.Closures, l.Id));
    }

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
