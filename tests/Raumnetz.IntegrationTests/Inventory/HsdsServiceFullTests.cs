using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Actors.ActorApi;
using static Raumnetz.IntegrationTests.Inventory.InventoryApi;

namespace Raumnetz.IntegrationTests.Inventory;

/// <summary>
/// The inventory model holds the official HSDS 3.0 example <c>service_full.json</c> (copied into Hsds/): the file is mapped
/// onto the create requests of actors, taxonomies, locations and services and read back field by field. HSDS fields that
/// go into a generic place, or are not taken from input, are listed here:
/// <list type="bullet">
/// <item>HSDS ids: kept as external ids (service, location, service at location); Raumnetz makes its own UUIDv7 ids.</item>
/// <item>organization: an actor (name, alternate_name as shortName, email, website, description as notes); its tax_status,
/// year_incorporated, legal_status, logo, uri and parent_organization_id go into the actor's notes as "key: value" lines, its
/// first phone number into the actor's phone; its contacts, phones and locations are those of the service and location.</item>
/// <item>location latitude 100 is no WGS 84 latitude (-90 to 90): it is refused (400 naming the field) and the
/// location is stored without coordinates.</item>
/// <item>schedule opens_at/closes_at "10:00:00" are kept as "10:00" (HH:mm).</item>
/// <item>cost_option currency "gbp" is kept upper-case ("GBP", ISO 4217).</item>
/// <item>fees (deprecated in HSDS 3.0) and attribute link_entity go into service attributes (a term of an "hsds" taxonomy with
/// link type and value).</item>
/// <item>the attribute's taxonomy_term parent_id names a term the example does not contain, so no parent is set.</item>
/// <item>taxonomy_detail becomes a taxonomy (name, description, uri; version as versionLabel); taxonomy_term language "eng"
/// is the term's English name (terms carry a German and an English name).</item>
/// <item>assured_date / assurer_email are services.verified_on / verified_by, written by the verify operation; set here in the
/// database.</item>
/// <item>last_modified is updatedAt, kept by the server; metadata (change history) is the platform's audit trail and not input.</item>
/// <item>funding (source) belongs to the funding of services (its own table and API), not to this core.</item>
/// </list>
/// </summary>
public sealed class HsdsServiceFullTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static JsonObject Example() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Inventory", "Hsds", "service_full.json")))!.AsObject();

    private static string S(JsonNode? node, string name) => node![name]!.GetValue<string>();

    private static JsonArray Languages(JsonNode? list) => new(list!.AsArray().Select(l => (JsonNode)new JsonObject
    {
        ["code"] = S(l, "code"), ["name"] = S(l, "name"), ["note"] = S(l, "note"),
    }).ToArray());

    private static JsonArray Phones(JsonNode? list) => new(list!.AsArray().Select(p => (JsonNode)new JsonObject
    {
        ["number"] = S(p, "number"), ["extension"] = p!["extension"]!.GetValue<int>(), ["type"] = S(p, "type"),
        ["description"] = S(p, "description"), ["languages"] = Languages(p["languages"]),
    }).ToArray());

    private static JsonArray Contacts(JsonNode? list) => new(list!.AsArray().Select(c => (JsonNode)new JsonObject
    {
        ["name"] = S(c, "name"), ["title"] = S(c, "title"), ["department"] = S(c, "department"), ["email"] = S(c, "email"),
        ["phones"] = Phones(c!["phones"]),
    }).ToArray());

    private static readonly Dictionary<string, string> Days = new()
    {
        ["MO"] = "monday", ["TU"] = "tuesday", ["WE"] = "wednesday", ["TH"] = "thursday", ["FR"] = "friday", ["SA"] = "saturday",
            ["SU"] = "sunday",
    };

    private static JsonArray Schedules(JsonNode? list) => new(list!.AsArray().Select(s => (JsonNode)new JsonObject
    {
        ["frequency"] = S(s, "freq").ToLowerInvariant(),
        ["days"] = new JsonArray(S(s, "byday").Split(',').Select(d => (JsonNode)Days[d]).ToArray()),
        ["opensAt"] = S(s, "opens_at")[..5], ["closesAt"] = S(s, "closes_at")[..5],
        ["validFrom"] = S(s, "valid_from"), ["validTo"] = S(s, "valid_to"), ["dtstart"] = S(s, "dtstart"), ["until"] = S(s, "until"),
        ["count"] = s!["count"]!.GetValue<int>(), ["interval"] = s["interval"]!.GetValue<int>(), ["weekStart"] = Days[S(s, "wkst")],
        ["byWeekNo"] = S(s, "byweekno"), ["byMonthDay"] = S(s, "bymonthday"), ["byYearDay"] = S(s, "byyearday"),
        ["timezone"] = s["timezone"]!.GetValue<double>(), ["description"] = S(s, "description"), ["scheduleLink"] = S(s, "schedule_link"),
        ["attendingType"] = S(s, "attending_type"), ["notes"] = S(s, "notes"),
    }).ToArray());

    [Fact]
    public async Task The_model_holds_everything_in_the_official_service_full_example()
    {
        var client = await factory.AdminAsync();
        var hsds = Example();
        var org = hsds["organization"]!;
        var sal = hsds["service_at_locations"]![0]!;
        var loc = sal["location"]!;

        // organization -> actor
        var notes = string.Join("\n", new[] { "tax_status", "legal_status", "logo", "uri", "parent_organization_id" }
            .Select(k => $"{k}: {S(org, k)}").Append($"year_incorporated: {org["year_incorporated"]}").Append(S(org, "description")));
        var actor = await CreateOrganisationAsync(client, S(org, "name"), new
        {
            shortName = S(org, "alternate_name"), email = S(org, "email"), website = S(org, "website"), notes, phone = S(org["phones"]![0],
                "number"),
        });

        // the attribute's taxonomy and term, and a taxonomy term for the legacy fields
        var detail = hsds["attributes"]![0]!["taxonomy_term"]!["taxonomy_detail"]!;
        var taxonomy = (await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(TaxonomiesUrl, new
        {
            code = "hsds-" + S(detail, "name"), kind = "serviceCategory", name = S(detail, "name"), description = S(detail, "description"),
            uri = S(detail, "uri"), versionLabel = S(detail, "version"),
        }), HttpStatusCode.Created)).Id();
        var term = hsds["attributes"]![0]!["taxonomy_term"]!;
        await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync($"{TaxonomiesUrl}/{taxonomy}/terms", new
        {
            code = S(term, "code"), nameDe = S(term, "name"), nameEn = S(term, "name"), description = S(term, "description"), termUri = S(
                term, "term_uri"),
        }), HttpStatusCode.Created);
        await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync($"{TaxonomiesUrl}/{taxonomy}/terms",
            new { code = "hsds-legacy", nameDe = "HSDS-Altfeld", nameEn = "HSDS legacy field" }), HttpStatusCode.Created);

        // location: the example's latitude 100 is no WGS 84 latitude and is refused naming the field
        var address = loc["addresses"]![0]!;
        var locationBody = Location(S(loc, "name"), new JsonObject
        {
            ["kind"] = S(loc, "location_type"), ["alternateName"] = S(loc, "alternate_name"), ["description"] = S(loc, "description"),
            ["url"] = S(loc, "url"), ["transportation"] = S(loc, "transportation"), ["externalIdentifier"] = S(loc, "external_identifier"),
            ["externalIdentifierType"] = S(loc, "external_identifier_type"), ["externalId"] = S(loc, "id"),
                ["ownerActorId"] = actor.ToString(),
            ["languages"] = Languages(loc["languages"]), ["contacts"] = Contacts(loc["contacts"]), ["phones"] = Phones(loc["phones"]),
            ["openingHours"] = Schedules(loc["schedules"]),
            ["accessibility"] = new JsonObject
            {
                ["description"] = S(loc["accessibility"]![0], "description"), ["details"] = S(loc["accessibility"]![0], "details"),
                ["url"] = S(loc["accessibility"]![0], "url"),
            },
            ["addresses"] = new JsonArray(new JsonObject
            {
                ["type"] = S(address, "address_type"), ["attention"] = S(address, "attention"), ["address1"] = S(address, "address_1"),
                ["address2"] = S(address, "address_2"), ["city"] = S(address, "city"), ["region"] = S(address, "region"),
                ["stateProvince"] = S(address, "state_province"), ["postalCode"] = S(address, "postal_code"), ["country"] = S(address,
                    "country"),
            }),
        });
        var withCoordinates = Merge(locationBody.DeepClone().AsObject(),
            new { latitude = loc["latitude"]!.GetValue<double>(), longitude = loc["longitude"]!.GetValue<double>() });
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(LocationsUrl, withCoordinates), HttpStatusCode.BadRequest, "latitude");
        var location = await CreateLocationAsync(client, locationBody);

        // service
        var cost = hsds["cost_options"]![0]!;
        var area = hsds["service_areas"]![0]!;
        var program = hsds["program"]!;
        var attribute = hsds["attributes"]![0]!;
        var serviceBody = Service(S(hsds, "name"), new JsonObject
        {
            ["alternateName"] = S(hsds, "alternate_name"), ["description"] = S(hsds, "description"), ["url"] = S(hsds, "url"),
            ["email"] = S(hsds, "email"), ["status"] = S(hsds, "status"), ["operatorId"] = actor.ToString(),
            ["interpretationServices"] = S(hsds, "interpretation_services"), ["applicationProcess"] = S(hsds, "application_process"),
            ["feesDescription"] = S(hsds, "fees_description"), ["waitTime"] = S(hsds, "wait_time"), ["accreditations"] = S(hsds,
                "accreditations"),
            ["eligibilityDescription"] = S(hsds, "eligibility_description"), ["minimumAge"] = hsds["minimum_age"]!.GetValue<int>(),
            ["maximumAge"] = hsds["maximum_age"]!.GetValue<int>(), ["licenses"] = S(hsds, "licenses"), ["alert"] = S(hsds, "alert"),
            ["externalId"] = S(hsds, "id"), ["languages"] = Languages(hsds["languages"]), ["phones"] = Phones(hsds["phones"]),
            ["contacts"] = Contacts(hsds["contacts"]), ["openingHours"] = Schedules(hsds["schedules"]),
            ["program"] = new JsonObject
            {
                ["name"] = S(program, "name"), ["alternateName"] = S(program, "alternate_name"), ["description"] = S(program,
                    "description"),
            },
            ["costOptions"] = new JsonArray(new JsonObject
            {
                ["option"] = S(cost, "option"), ["amount"] = cost["amount"]!.GetValue<double>(), ["currency"] = S(cost,
                    "currency").ToUpperInvariant(),
                ["amountDescription"] = S(cost, "amount_description"), ["validFrom"] = S(cost, "valid_from"), ["validTo"] = S(cost,
                    "valid_to"),
            }),
            ["serviceAreas"] = new JsonArray(new JsonObject
            {
                ["name"] = S(area, "name"), ["description"] = S(area, "description"), ["extent"] = S(area, "extent"),
                ["extentType"] = S(area, "extent_type"), ["uri"] = S(area, "uri"),
            }),
            ["requiredDocuments"] = new JsonArray(hsds["required_documents"]!.AsArray()
                .Select(d => (JsonNode)new JsonObject { ["document"] = S(d, "document"), ["uri"] = S(d, "uri") }).ToArray()),
            ["attributes"] = new JsonArray(
                new JsonObject { ["termCode"] = S(term, "code"), ["linkType"] = S(attribute, "link_type"), ["value"] = S(attribute,
                    "value") },
                new JsonObject { ["termCode"] = "hsds-legacy", ["linkType"] = "fees", ["value"] = S(hsds, "fees") },
                new JsonObject { ["termCode"] = "hsds-legacy", ["linkType"] = "link_entity", ["value"] = S(attribute, "link_entity") }),
            ["locations"] = new JsonArray(new JsonObject
            {
                ["locationId"] = location.Id().ToString(), ["description"] = S(sal, "description"), ["externalId"] = S(sal, "id"),
                ["contacts"] = Contacts(sal["contacts"]), ["phones"] = Phones(sal["phones"]), ["openingHours"] = Schedules(
                    sal["schedules"]),
            }),
        });
        var created = await CreateServiceAsync(client, serviceBody);
        await factory.ExecuteAsync("UPDATE services SET verified_on = @on, verified_by = @by WHERE id = @id",
            new { on = DateOnly.Parse(S(hsds, "assured_date"), System.Globalization.CultureInfo.InvariantCulture), by = S(hsds,
                "assurer_email"),
                id = created.Id() });

        // read back
        var service = (await GetWithETagAsync(client, $"{ServicesUrl}/{created.Id()}")).Body;
        var readLocation = (await GetWithETagAsync(client, $"{LocationsUrl}/{location.Id()}")).Body;
        string R(JsonElement e, string name) => e.GetProperty(name).GetString()!;
        Assert.Equal(S(hsds, "name"), R(service, "name"));
        foreach (var (api, field) in new[] { ("alternateName", "alternate_name"), ("description", "description"), ("url", "url"), ("email",
            "email"),
                     ("status", "status"), ("interpretationServices", "interpretation_services"), ("applicationProcess",
                         "application_process"),
                     ("feesDescription", "fees_description"), ("waitTime", "wait_time"), ("accreditations", "accreditations"),
                     ("eligibilityDescription", "eligibility_description"), ("licenses", "licenses"), ("alert", "alert"), ("externalId",
                         "id"),
                     ("verifiedBy", "assurer_email"), ("verifiedOn", "assured_date") })
            Assert.Equal(S(hsds, field).Trim(), R(service, api));
        Assert.Equal(12, service.GetProperty("minimumAge").GetInt32());
        Assert.Equal(100, service.GetProperty("maximumAge").GetInt32());
        Assert.Equal(S(org, "name"), R(service, "operatorName"));
        Assert.Equal(S(program, "description"), R(service.GetProperty("program"), "description"));
        var readCost = service.GetProperty("costOptions")[0];
        Assert.Equal((35.0, "GBP", "2020-01-01", "2022-12-31"), (readCost.GetProperty("amount").GetDouble(), R(readCost, "currency"),
            R(readCost, "validFrom"), R(readCost, "validTo")));
        Assert.Equal(S(area, "extent"), R(service.GetProperty("serviceAreas")[0], "extent"));
        Assert.Equal("geojson", R(service.GetProperty("serviceAreas")[0], "extentType"));
        Assert.Equal(S(hsds["required_documents"]![0], "document"), R(service.GetProperty("requiredDocuments")[0], "document"));
        var attributes = service.GetProperty("attributes");
        Assert.Equal(("code", "link_type", "value"), (R(attributes[0], "termCode"), R(attributes[0], "linkType"), R(attributes[0],
            "value")));
        Assert.Equal(S(hsds, "fees"), R(attributes[1], "value"));
        Assert.Equal(("ur", S(hsds["languages"]![0], "note")), (R(service.GetProperty("languages")[0], "code"), R(service.GetProperty(
            "languages")[0], "note")));
        var phone = service.GetProperty("phones")[0];
        Assert.Equal((S(hsds["phones"]![0], "number"), 100, "voice", "ur"), (R(phone, "number"), phone.GetProperty("extension").GetInt32(),
            R(phone, "type"), R(phone.GetProperty("languages")[0], "code")));
        var contact = service.GetProperty("contacts")[0];
        Assert.Equal(("Ann Persona", "Reception Manager", "Reception"), (R(contact, "name"), R(contact, "title"), R(contact,
            "department")));
        Assert.Equal(S(hsds["contacts"]![0]!["phones"]![0], "description"), R(contact.GetProperty("phones")[0], "description"));
        AssertSchedule(hsds["schedules"]![0]!, service.GetProperty("openingHours")[0]);

        var at = service.GetProperty("locations")[0];
        Assert.Equal((S(sal, "id"), S(sal, "description")), (R(at, "externalId"), R(at, "description")));
        Assert.Equal("Ann Persona", R(at.GetProperty("contacts")[0], "name"));
        Assert.Equal(100, at.GetProperty("phones")[0].GetProperty("extension").GetInt32());
        AssertSchedule(sal["schedules"]![0]!, at.GetProperty("openingHours")[0]);

        Assert.Equal(S(loc, "name"), R(readLocation, "name"));
        foreach (var (api, field) in new[] { ("alternateName", "alternate_name"), ("description", "description"), ("url", "url"),
                     ("transportation", "transportation"), ("externalIdentifier", "external_identifier"),
                     ("externalIdentifierType", "external_identifier_type"), ("externalId", "id"), ("kind", "location_type") })
            Assert.Equal(S(loc, field), R(readLocation, api));
        Assert.Equal(JsonValueKind.Null, readLocation.GetProperty("latitude").ValueKind);
        var readAddress = readLocation.GetProperty("addresses")[0];
        foreach (var (api, field) in new[] { ("attention", "attention"), ("address1", "address_1"), ("address2", "address_2"), ("city",
            "city"),
                     ("region", "region"), ("stateProvince", "state_province"), ("postalCode", "postal_code"), ("country", "country"),
                     ("type", "address_type") })
            Assert.Equal(S(address, field), R(readAddress, api));
        Assert.Equal(S(loc["accessibility"]![0], "details"), R(readLocation.GetProperty("accessibility"), "details"));
        Assert.Equal("ur", R(readLocation.GetProperty("languages")[0], "code"));
        Assert.Equal("Ann Persona", R(readLocation.GetProperty("contacts")[0], "name"));
        Assert.Equal(S(loc["phones"]![0], "number"), R(readLocation.GetProperty("phones")[0], "number"));
        AssertSchedule(loc["schedules"]![0]!, readLocation.GetProperty("openingHours")[0]);

        var readActor = (await GetWithETagAsync(client, $"{ActorsUrl}/{actor}")).Body;
        Assert.Equal(S(org, "alternate_name"), R(readActor, "shortName"));
        Assert.Contains("legal_status: Limited Company", R(readActor, "notes"), StringComparison.Ordinal);
        var terms = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync($"{TaxonomiesUrl}/{taxonomy}/terms"));
        Assert.Equal(S(term, "term_uri"), R(terms.EnumerateArray().Single(t => R(t, "code") == "code"), "termUri"));
    }

    private static void AssertSchedule(JsonNode hsds, JsonElement read)
    {
        string R(string name) => read.GetProperty(name).GetString()!;
        Assert.Equal(["thursday", "friday"], read.GetProperty("days").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(("10:00", "18:00", "weekly"), (R("opensAt"), R("closesAt"), R("frequency")));
        foreach (var (api, field) in new[] { ("validFrom", "valid_from"), ("validTo", "valid_to"), ("dtstart", "dtstart"), ("until",
            "until"),
                     ("byWeekNo", "byweekno"), ("byMonthDay", "bymonthday"), ("byYearDay", "byyearday"), ("description", "description"),
                     ("scheduleLink", "schedule_link"), ("attendingType", "attending_type"), ("notes", "notes") })
            Assert.Equal(S(hsds, field), R(api));
        Assert.Equal(("tuesday", 3, 1, 3.0), (R("weekStart"), read.GetProperty("count").GetInt32(), read.GetProperty("interval").GetInt32(),
            read.GetProperty("timezone").GetDouble()));
    }
}
