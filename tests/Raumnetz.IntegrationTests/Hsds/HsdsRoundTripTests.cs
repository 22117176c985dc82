using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Hsds;

/// <summary>
/// Import the official examples, export them through /hsds/, compare: every value of the example the inventory holds comes
/// back equal (times as HH:mm, codes in their case). What the comparison leaves out, and why:
/// <list type="bullet">
/// <item>ids of parts (phones, schedules, addresses, ...): the inventory keeps parts without ids; the export gives stable
/// name-based ones. The ids of services, organizations, locations, taxonomies and terms are kept and compared.</item>
/// <item>contact names and assurer_email: persons' data, never published (README, HSDS profile).</item>
/// <item>last_modified and metadata: the server's own change time and audit trail, not input.</item>
/// <item>fees (deprecated) and funding without a funder organization: kept as service attributes of the "hsds-legacy" term
/// (link_type fees / funding_source) and checked there.</item>
/// <item>latitude 100 / longitude 101: no WGS 84 position, refused and reported as a warning; not held.</item>
/// <item>the term's parent_id (a term the example does not contain), language (the export is German, language de), its
/// taxonomy text and link_entity (the link is the service).</item>
/// <item>the organization's funding, contacts, programs, identifiers and further phones: not held for organizations (an actor
/// has one phone number, which comes back as phones[0]; its tax_status,
/// year_incorporated, legal_status, logo and uri are lines of the actor's notes and come back as themselves).</item>
/// </list>
/// </summary>
public sealed class HsdsRoundTripTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string Examples = Path.Combine(AppContext.BaseDirectory, "Hsds", "Examples");

    private static readonly HashSet<string> NotCompared =
    [
        "metadata", "last_modified", "assurer_email", "fees", "funding", "link_entity", "language", "parent_id", "taxonomy",
        "taxonomy_detail", "programs", "organization_identifiers",
        "services", "locations",
    ];

    private static JsonObject Example(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(Examples, file)))!.AsObject();

    private static string Normal(JsonNode value)
    {
        var v = value.AsValue();
        if (v.TryGetValue<double>(out var d)) return d.ToString("R", CultureInfo.InvariantCulture);
        var s = v.ToString().Trim();
        if (s.Length == 8 && s[2] == ':' && s[5] == ':' && s.EndsWith(":00", StringComparison.Ordinal)) s = s[..5];
        return s.ToUpperInvariant();
    }

    /// <summary>Every value of <paramref name="original"/> the export does not give back equal, by JSON path.</summary>
    private static void Compare(JsonNode? original, JsonNode? exported, string path, bool isPart, List<string> losses)
    {
        switch (original)
        {
            case JsonObject o:
                if (exported is not JsonObject e) { losses.Add($"{path}: missing"); return; }
                foreach (var (key, value) in o)
                {
                    if (value is null || NotCompared.Contains(key)) continue;
                    if (path.EndsWith("organization", StringComparison.Ordinal) && key is "contacts" or "phones") continue;
                    if (isPart && (key == "id" || key.EndsWith("_id", StringComparison.Ordinal))) continue;
                    if (key == "name" && path.Contains(".contacts[", StringComparison.Ordinal)) continue;
                    if (key is "latitude" or "longitude" && Math.Abs(value.GetValue<double>()) > 90) continue;
                    var part = key is not ("organization" or "location" or "taxonomy_term" or "service");
                    Compare(value, e[key], $"{path}.{key}", part, losses);
                }
                break;
            case JsonArray a:
                if (exported is not JsonArray x) { losses.Add($"{path}: missing"); return; }
                for (var i = 0; i < a.Count; i++)
                    Compare(a[i], i < x.Count ? x[i] : null, $"{path}[{i}]", true, losses);
                break;
            case JsonValue v:
                if (exported is not JsonValue ev) losses.Add($"{path}: missing, was {v.ToJsonString()}");
                else if (Normal(v) != Normal(ev)) losses.Add($"{path}: {ev.ToJsonString()}, was {v.ToJsonString()}");
                break;
        }
    }

    private async Task ImportAsync(HttpClient client, JsonNode body)
    {
        var response = await client.PostAsync("/api/v1/inventory/imports/hsds?format=json",
            new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var result = await HttpAssert.OkAsync<JsonElement>(response);
        Assert.True(result.GetProperty("imported").GetBoolean(), result.ToString());
    }

    [Fact]
    public async Task Service_full_comes_back_with_everything_the_inventory_holds()
    {
        var client = await factory.AdminAsync();
        var original = Example("service_full.json");
        await ImportAsync(client, original);
        var exported = await HsdsSchemas.GetAsync(client, $"/hsds/services/{original["id"]}");
        var losses = new List<string>();
        Compare(original, exported, "service", isPart: false, losses);
        Assert.True(losses.Count == 0, string.Join("\n", losses));

        // the values kept in generic places
        Assert.Equal(original["organization"]!["phones"]![0]!["number"]!.GetValue<string>(),
            exported["organization"]!["phones"]![0]!["number"]!.GetValue<string>());
        var legacy = exported["attributes"]!.AsArray().Where(a => a!["taxonomy_term"]?["code"]?.GetValue<string>() == "hsds-legacy")
            .ToDictionary(a => a!["link_type"]!.GetValue<string>(), a => a!["value"]!.GetValue<string>());
        Assert.Equal(original["fees"]!.GetValue<string>(), legacy["fees"]);
        Assert.Equal(original["funding"]![0]!["source"]!.GetValue<string>(), legacy["funding_source"]);

        // a second round (export imported again) changes nothing the export shows
        await ImportAsync(client, exported);
        var again = await HsdsSchemas.GetAsync(client, $"/hsds/services/{original["id"]}");
        var second = new List<string>();
        Compare(exported, again, "service", isPart: false, second);
        Assert.True(second.Count == 0, string.Join("\n", second));
    }

    [Fact]
    public async Task Organization_full_and_service_at_location_full_come_back()
    {
        var client = await factory.AdminAsync();
        var organization = Example("organization_full.json");
        await ImportAsync(client, organization);
        var losses = new List<string>();
        var exported = await HsdsSchemas.GetAsync(client, $"/hsds/organizations/{organization["id"]}?full_service=true");
        Compare(organization, exported, "organization", isPart: false, losses);
        foreach (var service in organization["services"]!.AsArray())
            Compare(service, await HsdsSchemas.GetAsync(client, $"/hsds/services/{service!["id"]}"), $"services[{service["id"]}]", false,
                losses);
        var sal = Example("service_at_location_full.json");
        await ImportAsync(client, sal);
        var service2 = await HsdsSchemas.GetAsync(client, $"/hsds/services/{sal["service"]!["id"]}");
        var exportedSal = service2["service_at_locations"]!.AsArray().Single(s => s!["location_id"]!.GetValue<string>()
            == sal["location"]!["id"]!.GetValue<string>())!;
        var nested = sal["service"]!;
        sal.Remove("service");
        Compare(sal, exportedSal, "service_at_location", isPart: true, losses);
        Compare(nested, service2, "service_at_location.service", isPart: false, losses);
        Assert.True(losses.Count == 0, string.Join("\n", losses));
    }

    [Fact]
    public async Task The_profile_round_trips_funding_figures_and_capacity()
    {
        var admin = await factory.AdminAsync();
        var data = await HsdsInventory.CreateAsync(admin);
        var exported = await HsdsSchemas.GetAsync(admin, $"/hsds/services/{data.KitaA}");
        // change the figures in the export and import it: the inventory takes them from the profile's properties
        var copy = exported.DeepClone().AsObject();
        var funding = copy["funding"]!.AsArray().Single(f => f!["funder_organization_id"] is not null)!.AsObject();
        funding["amount_per_year"] = 99000.25;
        funding["end_date"] = "2027-06-30";
        var sal = copy["service_at_locations"]![0]!.AsObject();
        sal["capacity"]!.AsArray().Add(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(), ["unit"] = "places", ["maximum"] = 50, ["as_of"] = "2027-09-01",
        });
        await ImportAsync(admin, copy);
        var fundings = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/fundings?serviceId={data.KitaA}");
        var items = fundings.ValueKind == JsonValueKind.Array ? fundings.EnumerateArray() : fundings.GetProperty("items").EnumerateArray();
        Assert.Contains(items, f => f.GetProperty("amountPerYear").GetDecimal() == 99000.25m
            && f.GetProperty("endsOn").GetString() == "2027-06-30");
        var again = await HsdsSchemas.GetAsync(admin, $"/hsds/services/{data.KitaA}");
        Assert.Equal(new[] { 40.0, 45.0, 50.0 },
            again["service_at_locations"]![0]!["capacity"]!.AsArray().Select(c => c!["maximum"]!.GetValue<double>()));
        var losses = new List<string>();
        Compare(exported, again, "service", isPart: false, losses);
        Assert.True(losses.All(l => l.Contains(".funding", StringComparison.Ordinal) || l.Contains(".capacity", StringComparison.Ordinal)
            || l.Contains(".last_modified", StringComparison.Ordinal)), string.Join("\n", losses));
    }

    [Fact]
    public async Task Imported_fundings_keep_the_rule_that_shares_add_up_to_at_most_100_percent()
    {
        var admin = await factory.AdminAsync();
        var data = await HsdsInventory.CreateAsync(admin);
        var copy = (await HsdsSchemas.GetAsync(admin, $"/hsds/services/{data.KitaA}")).DeepClone().AsObject();
        var extra = Guid.NewGuid();
        copy["funding"]!.AsArray().Add(new JsonObject
        {
            ["id"] = extra.ToString(), ["service_id"] = data.KitaA.ToString(), ["funder_organization_id"] = data.OrgA.ToString(),
            ["share_percent"] = 70, ["start_date"] = "2026-01-01", ["end_date"] = "2026-06-30", ["renewal_status"] = "secured",
        });
        var response = await admin.PostAsync("/api/v1/inventory/imports/hsds?format=json&dryRun=true",
            new StringContent(copy.ToJsonString(), Encoding.UTF8, "application/json"));
        var dry = await HttpAssert.OkAsync<JsonElement>(response);
        Assert.Contains(dry.GetProperty("errors").EnumerateArray(),
            e => e.GetProperty("column").GetString() == $"funding[{extra}].sharePercent");
        var real = await admin.PostAsync("/api/v1/inventory/imports/hsds?format=json",
            new StringContent(copy.ToJsonString(), Encoding.UTF8, "application/json"));
        await HttpAssert.ProblemAsync(real, System.Net.HttpStatusCode.BadRequest, $"funding[{extra}].sharePercent");
    }
}
