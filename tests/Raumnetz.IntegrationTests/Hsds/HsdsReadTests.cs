using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Actors.ActorApi;
using static Raumnetz.IntegrationTests.Inventory.InventoryApi;

namespace Raumnetz.IntegrationTests.Hsds;

/// <summary>An inventory published through /hsds/: two organisations, a person, two locations, services with every part.</summary>
public sealed class HsdsInventory
{
    public required string Token { get; init; }
    public Guid OrgA { get; init; }
    public Guid OrgB { get; init; }
    public Guid Person { get; init; }
    public Guid LocationNorth { get; init; }
    public Guid LocationSouth { get; init; }
    /// <summary>Kita of A at the north location, with contacts, phones, hours, funding, capacity and a verification.</summary>
    public Guid KitaA { get; init; }
    /// <summary>Youth club of A at the south location.</summary>
    public Guid ClubA { get; init; }
    /// <summary>Kita of B at the south location.</summary>
    public Guid KitaB { get; init; }
    /// <summary>Kita run by a person (no organization in HSDS).</summary>
    public Guid KitaPerson { get; init; }
    public const string ContactName = "Annegret Beispielfrau";
    public const string PersonName = "Bertholda Privatperson";

    public static async Task<HsdsInventory> CreateAsync(HttpClient client)
    {
        var t = Token();
        var orgA = await CreateOrganisationAsync(client, $"Träger A {t}",
            new { email = "info@traeger-a.example", website = "https://traeger-a.example" });
        var orgB = await CreateOrganisationAsync(client, $"Träger B {t}");
        var person = (await CreateActorAsync(client, Person($"{PersonName} {t}", null, new { email = "bertholda@privat.example" })))
            .GetProperty("id").GetGuid();
        var north = await CreateLocationIdAsync(client, $"Haus Nord {t}", new
        {
            latitude = 51.3400, longitude = 12.3700, ownerActorId = orgA,
            addresses = new[]
            {
                new { type = "physical", address1 = "Nordstraße 1", city = "Leipzig", postalCode = "04105", country = "DE" },
            },
            accessibility = new { stepFreeAccess = true, description = "Rampe am Eingang" },
        });
        var south = await CreateLocationIdAsync(client, $"Haus Süd {t}", new
        {
            latitude = 51.3000, longitude = 12.3700,
            addresses = new[]
            {
                new { type = "physical", address1 = "Südstraße 9", city = "Leipzig", postalCode = "04279", country = "DE" },
            },
        });
        var kitaA = await CreateServiceIdAsync(client, $"{t} Kita A", new
        {
            operatorId = orgA, categories = new[] { "kita" }, targetGroups = new[] { "zg-kleinkinder" }, isFree = false,
            url = "https://kita-a.example", email = "kita@traeger-a.example",
            languages = new[] { new { code = "de", name = "Deutsch" }, new { code = "tr", name = "Türkisch" } },
            costOptions = new[] { new { option = "Krippe", amount = 220.5, currency = "EUR", amountDescription = "pro Monat" } },
            program = new { name = "Kita-Ausbau", description = "Landesprogramm" },
            contacts = new[] { new { name = ContactName, title = "Leitung", department = "Kita", email = "leitung@kita-a.example",
                phones = new[] { new { number = "0341 1234", type = "voice" } } } },
            phones = new[] { new { number = "0341 9999", type = "voice", description = "Zentrale" } },
            openingHours = new[] { new { days = new[] { "monday", "tuesday" }, opensAt = "07:00", closesAt = "17:00" } },
            closures = new[] { new { kind = "holiday", startsOn = "2026-12-24", endsOn = "2026-12-26", reason = "Weihnachten" } },
            locations = new[] { new { locationId = north, description = "Krippe und Kindergarten" } },
        });
        var clubA = await CreateServiceIdAsync(client, $"{t} Jugendclub A", new
        {
            operatorId = orgA, categories = new[] { "jugendclub" }, locations = new[] { new { locationId = south } },
        });
        var kitaB = await CreateServiceIdAsync(client, $"{t} Kita B", new
        {
            operatorId = orgB, categories = new[] { "kita" }, locations = new[] { new { locationId = south } },
        });
        var kitaPerson = await CreateServiceIdAsync(client, $"{t} Kita Tagesmutter", new
        {
            operatorId = person, categories = new[] { "kindertagespflege" }, locations = new[] { new { locationId = north } },
        });
        await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync("/api/v1/fundings", new
        {
            serviceId = kitaA, funderActorId = orgB, programme = "Kita-Förderung", amountPerYear = 120000.50, sharePercent = 40,
            startsOn = "2025-01-01", endsOn = "2026-12-31", renewalStatus = "applied",
        }), HttpStatusCode.Created);
        await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync("/api/v1/fundings", new
        {
            serviceId = kitaA, funderActorId = person, amountPerYear = 100, renewalStatus = "secured",
        }), HttpStatusCode.Created);
        foreach (var (asOf, max) in new[] { ("2025-09-01", 40.0), ("2026-09-01", 45.0) })
            await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync($"/api/v1/services/{kitaA}/capacity", new
            {
                locationId = north, unit = "places", maximum = max, available = 2, asOf,
            }), HttpStatusCode.Created);
        using var get = await client.GetAsync($"/api/v1/services/{kitaA}");
        using var verify = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/services/{kitaA}/verify")
        {
            Content = JsonContent.Create(new { note = "Telefonisch bestätigt" }),
        };
        verify.Headers.TryAddWithoutValidation("If-Match", get.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(verify)).StatusCode);
        return new HsdsInventory
        {
            Token = t, OrgA = orgA, OrgB = orgB, Person = person, LocationNorth = north, LocationSouth = south, KitaA = kitaA,
            ClubA = clubA, KitaB = kitaB, KitaPerson = kitaPerson,
        };
    }
}

public sealed class HsdsReadTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Kita = "019400a0-0001-7000-8000-000000000002";
    private const string Categories = "019400a0-0000-7000-8000-000000000001";

    private async Task<(HttpClient Client, HsdsInventory Data)> SetUpAsync()
    {
        var admin = await factory.AdminAsync();
        return (admin, await HsdsInventory.CreateAsync(admin));
    }

    /// <summary>RFC 7386 JSON Merge Patch.</summary>
    private static JsonNode? MergePatch(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject p) return patch?.DeepClone();
        var result = target is JsonObject t ? t.DeepClone().AsObject() : [];
        foreach (var (key, value) in p)
            if (value is null) result.Remove(key);
            else result[key] = MergePatch(result[key], value);
        return result;
    }

    [Fact]
    public async Task The_served_document_is_the_HSDS_reference_merged_with_the_profile_patch()
    {
        var client = await factory.AdminAsync();
        async Task<JsonNode> Get(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path).OutsideTheDocument();
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        }
        var reference = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Hsds", "Schemas", "openapi.json")));
        var merged = MergePatch(reference, await Get("/hsds/profile/openapi.json"));
        Assert.True(JsonNode.DeepEquals(merged, await Get("/hsds/openapi.json")), "openapi/hsds/openapi.json is not the merge");
        foreach (var patch in new[] { "service", "funding", "service_at_location", "location", "accessibility", "taxonomy_term" })
            Assert.NotEmpty((await Get($"/hsds/profile/{patch}.json"))["properties"]!.AsObject());
        await HsdsSchemas.FailsAsync(client, "/hsds/profile/nichts.json", HttpStatusCode.NotFound);
    }

    [Fact]
    public void The_schema_check_bites()
    {
        Assert.Empty(HsdsSchemas.Check("service", JsonNode.Parse($$"""{"id":"{{Guid.NewGuid()}}","name":"n","status":"active"}""")!));
        Assert.NotEmpty(HsdsSchemas.Check("service", JsonNode.Parse($$"""{"id":"{{Guid.NewGuid()}}","name":"n","status":"open"}""")!));
        Assert.NotEmpty(HsdsSchemas.Check("service", JsonNode.Parse("""{"id":"kein-uuid","name":"n","status":"active"}""")!));
        Assert.NotEmpty(HsdsSchemas.Check("service", JsonNode.Parse($$"""{"id":"{{Guid.NewGuid()}}","status":"active"}""")!));
        Assert.NotEmpty(HsdsSchemas.Check("taxonomy_term", JsonNode.Parse($$"""{"id":"{{Guid.NewGuid()}}","name":"n"}""")!));
        Assert.NotEmpty(HsdsSchemas.Check("page", JsonNode.Parse("""{"total_items":"1"}""")!));
    }

    [Fact]
    public async Task The_root_names_version_profile_and_document_and_both_resolve()
    {
        var client = await factory.AdminAsync();
        var root = await HsdsSchemas.GetAsync(client, "/hsds/");
        Assert.Equal("3.0", root["version"]!.GetValue<string>());
        var profile = new Uri(root["profile"]!.GetValue<string>());
        var openapi = new Uri(root["openapi_url"]!.GetValue<string>());
        Assert.True(profile.IsAbsoluteUri && openapi.IsAbsoluteUri);
        Assert.Equal("/hsds/profile", profile.AbsolutePath);
        using var readme = new HttpRequestMessage(HttpMethod.Get, profile.AbsolutePath).OutsideTheDocument();
        var text = await (await client.SendAsync(readme)).Content.ReadAsStringAsync();
        Assert.Contains("JSON Merge Patch", text, StringComparison.Ordinal);
        using var doc = new HttpRequestMessage(HttpMethod.Get, openapi.AbsolutePath).OutsideTheDocument();
        var document = JsonNode.Parse(await (await client.SendAsync(doc)).Content.ReadAsStringAsync())!;
        Assert.Equal("/hsds", document["servers"]![0]!["url"]!.GetValue<string>());
        foreach (var path in new[] { "/", "/services", "/services/{id}", "/organizations", "/organizations/{id}", "/service_at_locations",
            "/service_at_locations/{id}", "/taxonomies", "/taxonomies/{id}", "/taxonomy_terms", "/taxonomy_terms/{id}" })
            Assert.NotNull(document["paths"]![path]);
        using var patch = new HttpRequestMessage(HttpMethod.Get, "/hsds/profile/funding.json").OutsideTheDocument();
        var funding = JsonNode.Parse(await (await client.SendAsync(patch)).Content.ReadAsStringAsync())!;
        Assert.NotNull(funding["properties"]!["amount_per_year"]);
    }

    [Fact]
    public async Task Every_endpoint_answers_with_valid_HSDS_and_the_profile_carries_what_HSDS_lacks()
    {
        var (client, d) = await SetUpAsync();
        var t = d.Token;
        foreach (var path in new[] { $"/hsds/services?search={t}", $"/hsds/services?search={t}&full=true",
            $"/hsds/services?search={t}&minimal=true", $"/hsds/organizations?search={t}", $"/hsds/organizations?search={t}&full=true",
            $"/hsds/organizations?search={t}&full_service=true", $"/hsds/service_at_locations?search={t}",
            $"/hsds/service_at_locations?search={t}&full=true", "/hsds/taxonomies", "/hsds/taxonomy_terms?per_page=500",
            $"/hsds/taxonomies/{Categories}", $"/hsds/taxonomy_terms/{Kita}", $"/hsds/organizations/{d.OrgA}",
            $"/hsds/organizations/{d.OrgA}?full_service=true", $"/hsds/services/{d.ClubA}", $"/hsds/services/{d.KitaPerson}" })
            await HsdsSchemas.GetAsync(client, path);

        var kita = await HsdsSchemas.GetAsync(client, $"/hsds/services/{d.KitaA}");
        Assert.Equal(d.OrgA.ToString(), kita["organization_id"]!.GetValue<string>());
        Assert.Equal("active", kita["status"]!.GetValue<string>());
        Assert.Equal($"Träger A {t}", kita["organization"]!["name"]!.GetValue<string>());
        Assert.Equal(2, kita["languages"]!.AsArray().Count);
        Assert.Equal("MO,TU", kita["schedules"]![0]!["byday"]!.GetValue<string>());
        Assert.Equal(220.5, kita["cost_options"]![0]!["amount"]!.GetValue<double>());
        var attributes = kita["attributes"]!.AsArray();
        Assert.Contains(attributes, a => a!["link_type"]!.GetValue<string>() == "category"
            && a["taxonomy_term_id"]!.GetValue<string>() == Kita);
        Assert.Contains(attributes, a => a!["link_type"]!.GetValue<string>() == "target_group"
            && a["taxonomy_term"]!["code"]!.GetValue<string>() == "zg-kleinkinder");
        // profile: funding figures and period, capacity history, verification, closures, accessibility checklist
        var funding = kita["funding"]!.AsArray().Single(f => f!["funder_organization_id"] is not null)!;
        Assert.Equal(d.OrgB.ToString(), funding["funder_organization_id"]!.GetValue<string>());
        Assert.Equal(120000.5m, funding["amount_per_year"]!.GetValue<decimal>());
        Assert.Equal(40m, funding["share_percent"]!.GetValue<decimal>());
        Assert.Equal("2026-12-31", funding["end_date"]!.GetValue<string>());
        Assert.Equal("applied", funding["renewal_status"]!.GetValue<string>());
        var sal = kita["service_at_locations"]![0]!;
        Assert.Equal(new[] { 40.0, 45.0 }, sal["capacity"]!.AsArray().Select(c => c!["maximum"]!.GetValue<double>()));
        Assert.Equal("Rampe am Eingang", sal["location"]!["accessibility"]![0]!["description"]!.GetValue<string>());
        Assert.True(sal["location"]!["accessibility"]![0]!["step_free_access"]!.GetValue<bool>());
        Assert.Equal("04105", sal["location"]!["addresses"]![0]!["postal_code"]!.GetValue<string>());
        Assert.Equal("Telefonisch bestätigt", kita["verifications"]![0]!["note"]!.GetValue<string>());
        Assert.NotNull(kita["assured_date"]);
        Assert.Equal("Weihnachten", kita["closures"]![0]!["reason"]!.GetValue<string>());

        // the profile describes what the service carries beyond HSDS, with its types
        var profiled = HsdsSchemas.CheckProfiled(kita);
        Assert.True(profiled.Count == 0, string.Join("\n", profiled));
        var wrong = kita.DeepClone().AsObject();
        wrong["funding"]![0]!["renewal_status"] = "vielleicht";
        wrong["service_at_locations"]![0]!["capacity"]![0]!["maximum"] = "viele";
        Assert.Equal(2, HsdsSchemas.CheckProfiled(wrong).Count(e => e.Contains("renewal_status", StringComparison.Ordinal)
            || e.Contains("maximum", StringComparison.Ordinal)));

        var term = await HsdsSchemas.GetAsync(client, $"/hsds/taxonomy_terms/{Kita}");
        Assert.Equal("kita", term["code"]!.GetValue<string>());
        Assert.Equal(Categories, term["taxonomy_detail"]!["id"]!.GetValue<string>());
        var salPage = await HsdsSchemas.GetAsync(client, $"/hsds/service_at_locations/{sal["id"]!.GetValue<string>()}");
        Assert.Equal(d.KitaA.ToString(), salPage["service"]!["id"]!.GetValue<string>());
        Assert.Equal(d.LocationNorth.ToString(), salPage["location"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task No_personal_data_of_persons_appears()
    {
        var (client, d) = await SetUpAsync();
        var t = d.Token;
        var bodies = new List<string>();
        foreach (var path in new[] { $"/hsds/services?search={t}&full=true", $"/hsds/services/{d.KitaA}", $"/hsds/services/{d.KitaPerson}",
            $"/hsds/organizations?search={t}&full_service=true", $"/hsds/organizations?full=true&per_page=500",
            $"/hsds/service_at_locations?search={t}&full=true" })
            bodies.Add((await HsdsSchemas.GetAsync(client, path)).ToJsonString());
        foreach (var body in bodies)
        {
            Assert.DoesNotContain(HsdsInventory.ContactName, body, StringComparison.Ordinal);
            Assert.DoesNotContain(HsdsInventory.PersonName, body, StringComparison.Ordinal);
            Assert.DoesNotContain("bertholda@privat.example", body, StringComparison.Ordinal);
            Assert.DoesNotContain(d.Person.ToString(), body, StringComparison.Ordinal);
            Assert.DoesNotContain("user:", body, StringComparison.Ordinal);
            Assert.DoesNotContain("assurer_email", body, StringComparison.Ordinal);
        }
        var personal = await HsdsSchemas.GetAsync(client, $"/hsds/services/{d.KitaPerson}");
        Assert.Null(personal["organization_id"]);
        Assert.Null(personal["organization"]);
        await HsdsSchemas.FailsAsync(client, $"/hsds/organizations/{d.Person}", HttpStatusCode.NotFound);
        // the contact stays, without its name
        var kita = await HsdsSchemas.GetAsync(client, $"/hsds/services/{d.KitaA}");
        Assert.Equal("Leitung", kita["contacts"]![0]!["title"]!.GetValue<string>());
        Assert.Null(kita["contacts"]![0]!["name"]);
    }

    [Fact]
    public async Task Paging_walks_first_middle_and_last_page()
    {
        var client = await factory.AdminAsync();
        var t = Token();
        var created = new List<Guid>();
        for (var i = 0; i < 7; i++) created.Add(await CreateServiceIdAsync(client, $"{t} Angebot {i}"));
        var seen = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var body = await HsdsSchemas.GetAsync(client, $"/hsds/services?search={t}&per_page=3&page={page}");
            Assert.Equal(7, body["total_items"]!.GetValue<int>());
            Assert.Equal(3, body["total_pages"]!.GetValue<int>());
            Assert.Equal(page, body["page_number"]!.GetValue<int>());
            Assert.Equal(page == 3 ? 1 : 3, body["size"]!.GetValue<int>());
            Assert.Equal(page == 1, body["first_page"]!.GetValue<bool>());
            Assert.Equal(page == 3, body["last_page"]!.GetValue<bool>());
            Assert.False(body["empty"]!.GetValue<bool>());
            seen.AddRange(HsdsSchemas.Ids(body));
        }
        Assert.Equal(created.Select(g => g.ToString()), seen);
        var after = await HsdsSchemas.GetAsync(client, $"/hsds/services?search={t}&per_page=3&page=4");
        Assert.True(after["empty"]!.GetValue<bool>());
        Assert.Equal(0, after["size"]!.GetValue<int>());
        Assert.Equal(7, after["total_items"]!.GetValue<int>());
        var none = await HsdsSchemas.GetAsync(client, $"/hsds/services?search={t}-nichts");
        Assert.Equal(0, none["total_items"]!.GetValue<int>());
        Assert.True(none["empty"]!.GetValue<bool>() && none["first_page"]!.GetValue<bool>() && none["last_page"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Filters_and_modified_after_combine_as_AND()
    {
        var (client, d) = await SetUpAsync();
        var t = d.Token;
        async Task<string[]> Ids(string query) =>
            HsdsSchemas.Ids(await HsdsSchemas.GetAsync(client, $"/hsds/services?search={t}&{query}")).Order().ToArray();
        string[] Of(params Guid[] ids) => ids.Select(i => i.ToString()).Order().ToArray();

        Assert.Equal(Of(d.KitaA, d.KitaB), await Ids($"taxonomy_term_id={Kita}"));
        Assert.Equal(Of(d.KitaA, d.ClubA), await Ids($"organization_id={d.OrgA}"));
        Assert.Equal(Of(d.KitaA), await Ids($"taxonomy_term_id={Kita}&organization_id={d.OrgA}"));
        Assert.Equal(Of(d.KitaA, d.ClubA, d.KitaB, d.KitaPerson), await Ids($"taxonomy_id={Categories}"));
        Assert.Equal(Of(), await Ids($"taxonomy_id={Categories}&organization_id={Guid.NewGuid()}"));

        // change one service later than the others: modified_after its last_modified finds only that one
        await Task.Delay(50);
        using var get = await client.GetAsync($"/api/v1/services/{d.KitaB}");
        var current = JsonNode.Parse(await get.Content.ReadAsStringAsync())!.AsObject();
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/services/{d.KitaB}")
        {
            Content = JsonContent.Create(Service($"{t} Kita B", new { operatorId = d.OrgB, categories = new[] { "kita" },
                description = "geändert" })),
        };
        put.Headers.TryAddWithoutValidation("If-Match", get.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(put)).StatusCode);
        Assert.NotNull(current["updatedAt"]);
        var changed = (await HsdsSchemas.GetAsync(client, $"/hsds/services/{d.KitaB}"))["last_modified"]!.GetValue<string>();
        var since = Uri.EscapeDataString(changed);
        Assert.Equal(Of(d.KitaB), await Ids($"modified_after={since}"));
        Assert.Equal(Of(d.KitaB), await Ids($"modified_after={since}&taxonomy_term_id={Kita}"));
        Assert.Equal(Of(), await Ids($"modified_after={since}&organization_id={d.OrgA}"));
        Assert.Equal(Of(d.KitaA, d.ClubA, d.KitaB, d.KitaPerson), await Ids("modified_after=2000-01-01"));

        // service at locations: postcode, proximity from its centroid, and the service filters
        async Task<string[]> Locations(string query) => HsdsSchemas.Contents(await HsdsSchemas.GetAsync(client,
            $"/hsds/service_at_locations?search={t}&{query}")).Select(s => s["service_id"]!.GetValue<string>()).Order().ToArray();
        Assert.Equal(Of(d.KitaA, d.KitaPerson), await Locations("postcode=04105"));
        Assert.Equal(Of(d.ClubA, d.KitaB), await Locations("postcode=04279"));
        Assert.Equal(Of(d.KitaB), await Locations($"postcode=04279&organization_id={d.OrgB}"));
        Assert.Equal(Of(d.KitaA, d.KitaPerson), await Locations("postcode=04105&proximity=1000"));
        Assert.Equal(Of(d.KitaA, d.ClubA, d.KitaB, d.KitaPerson), await Locations("postcode=04105&proximity=5000"));
        Assert.Equal(Of(d.KitaA), await Locations($"postcode=04105&proximity=5000&taxonomy_term_id={Kita}&organization_id={d.OrgA}"));
        Assert.Equal(Of(d.KitaB), await Locations($"postcode=04105&proximity=5000&modified_after={since}"));
        Assert.Equal(Of(), await Locations("postcode=99999"));

        // organizations: the organisations of the inventory only
        var orgs = HsdsSchemas.Ids(await HsdsSchemas.GetAsync(client, $"/hsds/organizations?search={t}"));
        Assert.Equal(Of(d.OrgA, d.OrgB), orgs.Order().ToArray());
        var terms = HsdsSchemas.Contents(await HsdsSchemas.GetAsync(client,
            $"/hsds/taxonomy_terms?taxonomy_id={Categories}&top_only=true&per_page=500"));
        Assert.All(terms, x => Assert.Null(x["parent_id"]));
        Assert.Contains(terms, x => x["code"]!.GetValue<string>() == "kinder-familie");
        var children = HsdsSchemas.Contents(await HsdsSchemas.GetAsync(client,
            "/hsds/taxonomy_terms?parent_id=019400a0-0001-7000-8000-000000000001&search=kita"));
        Assert.Equal(["kita"], children.Select(x => x["code"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("/hsds/services?per_page=0", "per_page")]
    [InlineData("/hsds/services?per_page=501", "per_page")]
    [InlineData("/hsds/services?per_page=drei", "per_page")]
    [InlineData("/hsds/services?page=0", "page")]
    [InlineData("/hsds/services?page=-1", "page")]
    [InlineData("/hsds/services?taxonomy_term_id=kita", "taxonomy_term_id")]
    [InlineData("/hsds/services?taxonomy_id=1", "taxonomy_id")]
    [InlineData("/hsds/services?organization_id=x", "organization_id")]
    [InlineData("/hsds/services?modified_after=gestern", "modified_after")]
    [InlineData("/hsds/services?modified_after=2026-13-01", "modified_after")]
    [InlineData("/hsds/services?minimal=ja", "minimal")]
    [InlineData("/hsds/services?full=1", "full")]
    [InlineData("/hsds/services?format=xml", "format")]
    [InlineData("/hsds/services?postcode=04105", "postcode")]
    [InlineData("/hsds/services?perpage=5", "perpage")]
    [InlineData("/hsds/services?page=1&page=2", "page")]
    [InlineData("/hsds/service_at_locations?proximity=500", "proximity")]
    [InlineData("/hsds/service_at_locations?postcode=04105&proximity=0", "proximity")]
    [InlineData("/hsds/service_at_locations?postcode=04105&proximity=100001", "proximity")]
    [InlineData("/hsds/service_at_locations?postcode=04105&proximity=weit", "proximity")]
    [InlineData("/hsds/organizations?taxonomy_id=019400a0-0000-7000-8000-000000000001", "taxonomy_id")]
    [InlineData("/hsds/taxonomy_terms?top_only=vielleicht", "top_only")]
    [InlineData("/hsds/taxonomy_terms?parent_id=kita", "parent_id")]
    [InlineData("/hsds/services/kita", "id")]
    [InlineData("/hsds/services/019400a0-0001-7000-8000-000000000002?full=true", "full")]
    [InlineData("/hsds/organizations/1", "id")]
    [InlineData("/hsds/?page=1", "page")]
    public async Task A_bad_parameter_is_400_naming_it(string path, string parameter)
    {
        var client = await factory.AdminAsync();
        await HsdsSchemas.FailsAsync(client, path, HttpStatusCode.BadRequest, parameter);
    }

    [Fact]
    public async Task Unknown_and_archived_records_are_404()
    {
        var client = await factory.AdminAsync();
        foreach (var kind in new[] { "services", "organizations", "service_at_locations", "taxonomies", "taxonomy_terms" })
            await HsdsSchemas.FailsAsync(client, $"/hsds/{kind}/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        await HsdsSchemas.FailsAsync(client, "/hsds/locations", HttpStatusCode.NotFound);
        await HsdsSchemas.FailsAsync(client, "/hsds/services/a/b", HttpStatusCode.NotFound);
        var id = await CreateServiceIdAsync(client, $"{Token()} archiviert");
        await HsdsSchemas.GetAsync(client, $"/hsds/services/{id}");
        using var get = await client.GetAsync($"/api/v1/services/{id}");
        using var archive = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/services/{id}/archive");
        archive.Headers.TryAddWithoutValidation("If-Match", get.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(archive)).StatusCode);
        await HsdsSchemas.FailsAsync(client, $"/hsds/services/{id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_Public_an_API_key_or_session_is_needed()
    {
        var anonymous = factory.Anonymous();
        foreach (var path in new[] { "/hsds/", "/hsds/services", "/hsds/organizations", "/hsds/taxonomies", "/hsds/openapi.json" })
            await HsdsSchemas.FailsAsync(anonymous, path, HttpStatusCode.Unauthorized);
        var (key, _) = await factory.ApiKeyClientAsync("viewer");
        await HsdsSchemas.GetAsync(key, "/hsds/services");
        var viewer = await factory.SignedInAsAsync("viewer");
        await HsdsSchemas.GetAsync(viewer, "/hsds/taxonomies");
    }
}

/// <summary>A deployment with Raumnetz:Hsds:Public = true.</summary>
public sealed class PublicHsdsApiFactory : ApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Raumnetz:Hsds:Public"] = "true" };
}

public sealed class PublicHsdsTests(PublicHsdsApiFactory factory) : IClassFixture<PublicHsdsApiFactory>
{
    [Fact]
    public async Task With_Public_anyone_reads_HSDS_but_nothing_else_and_no_person_data()
    {
        var admin = await factory.AdminAsync();
        var d = await HsdsInventory.CreateAsync(admin);
        var anonymous = factory.Anonymous();
        await HsdsSchemas.GetAsync(anonymous, "/hsds/");
        var page = await HsdsSchemas.GetAsync(anonymous, $"/hsds/services?search={d.Token}&full=true");
        Assert.Equal(4, page["total_items"]!.GetValue<int>());
        Assert.DoesNotContain(HsdsInventory.ContactName, page.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(HsdsInventory.PersonName, page.ToJsonString(), StringComparison.Ordinal);
        await HsdsSchemas.GetAsync(anonymous, $"/hsds/organizations/{d.OrgA}");
        await HsdsSchemas.FailsAsync(anonymous, $"/hsds/organizations/{d.Person}", HttpStatusCode.NotFound);
        // the rest of the API stays closed
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/services")).StatusCode);
    }
}
