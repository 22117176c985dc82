using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Actors.ActorApi;
using static Raumnetz.IntegrationTests.Inventory.InventoryApi;

namespace Raumnetz.IntegrationTests.Inventory;

public sealed class ServicesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Create_stores_operator_locations_categories_target_groups_ages_languages_costs_networks_and_spaces_served()
    {
        var client = await factory.AdminAsync();
        var token = Token();
        var op = await CreateOrganisationAsync(client, "AWO " + token);
        var served = await CreateSpaceAsync(client, "Nachbarort " + token, "district");
        var network = (await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync("/api/v1/networks",
            new { name = "Netzwerk " + token, kind = "workingGroup", status = "active", mandate = "Bestandsaufnahme" }),
                HttpStatusCode.Created)).Id();
        var location = await CreateLocationIdAsync(client, "Beratungszentrum " + token);

        var created = await CreateServiceAsync(client, Service("Schuldnerberatung " + token, new
        {
            operatorId = op, status = "temporarilyClosed", categories = new[] { "beratung-schulden", "beratung-sozial" },
            targetGroups = new[] { "zg-familien", "zg-arbeitsuchende" }, minimumAge = 18, eligibilityDescription = "Wohnsitz im Landkreis",
            isFree = true, costOptions = new[] { new { option = "Erstgespräch", amount = 0.0, currency = "EUR" } },
            languages = new[] { new { code = "de" }, new { code = "ru" } }, applicationProcess = "Termin nach telefonischer Anmeldung",
            networkIds = new[] { network }, servedSpaceIds = new[] { served },
            locations = new[] { new { locationId = location, description = "Dienstags offene Sprechstunde",
                openingHours = new[] { new { days = new[] { "tuesday" }, opensAt = "10:00", closesAt = "12:00" } } } },
        }));

        var (read, etag) = await GetWithETagAsync(client, $"{ServicesUrl}/{created.Id()}");
        Assert.Equal("\"1\"", etag);
        Assert.Equal("temporarilyClosed", read.GetProperty("status").GetString());
        Assert.Equal(op, read.GetProperty("operatorId").GetGuid());
        Assert.Equal("AWO " + token, read.GetProperty("operatorName").GetString());
        Assert.Equal(["beratung-schulden", "beratung-sozial"], read.GetProperty("categories").Codes().Order());
        Assert.Equal("Schuldnerberatung", read.GetProperty("categories").EnumerateArray().First(c => c.GetProperty("code").GetString(
            ) == "beratung-schulden")
            .GetProperty("nameDe").GetString());
        Assert.Equal(["zg-arbeitsuchende", "zg-familien"], read.GetProperty("targetGroups").Codes().Order());
        Assert.Equal(18, read.GetProperty("minimumAge").GetInt32());
        Assert.Equal(12, read.GetProperty("verificationIntervalMonths").GetInt32());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("verifiedOn").ValueKind);
        Assert.Equal([network], read.GetProperty("networkIds").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal([served], read.GetProperty("servedSpaceIds").EnumerateArray().Select(e => e.GetGuid()));
        var at = read.GetProperty("locations")[0];
        Assert.Equal(location, at.GetProperty("locationId").GetGuid());
        Assert.Equal("10:00", at.GetProperty("openingHours")[0].GetProperty("opensAt").GetString());
        Assert.Equal("EUR", read.GetProperty("costOptions")[0].GetProperty("currency").GetString());
    }

    [Fact]
    public async Task Unknown_taxonomy_codes_are_400_naming_the_entry_and_nothing_is_written()
    {
        var client = await factory.AdminAsync();
        var token = Token();
        async Task Refused(object changes, string field) => await HttpAssert.ProblemAsync(
            await client.PostAsJsonAsync(ServicesUrl, Service("Angebot " + token, changes)), HttpStatusCode.BadRequest, field);

        await Refused(new { categories = new[] { "kita", "gibt-es-nicht" } }, "categories[1]");
        await Refused(new { categories = new[] { "zg-familien" } }, "categories[0]"); // a target group is no category
        await Refused(new { targetGroups = new[] { "kita" } }, "targetGroups[0]");
        await Refused(new { attributes = new[] { new { termCode = "unbekannt" } } }, "attributes[0].termCode");
        await Refused(new { locations = new[] { new { locationId = Guid.NewGuid() } } }, "locations[0].locationId");
        await Refused(new { operatorId = Guid.NewGuid() }, "operatorId");
        await Refused(new { networkIds = new[] { Guid.NewGuid() } }, "networkIds[0]");
        await Refused(new { minimumAge = 20, maximumAge = 10 }, "maximumAge");
        await Refused(new { status = "temporarily_closed" }, "status");
        await Refused(new { languages = new[] { new { code = "german" } } }, "languages[0].code");
        Assert.Equal(0, await CountAsync(client, ServicesUrl, token));
        await HttpAssert.ProblemAsync(await client.GetAsync($"{ServicesUrl}?targetGroup=nope"), HttpStatusCode.BadRequest, "targetGroup");
    }

    [Fact]
    public async Task Update_with_if_match_replaces_fields_and_keeps_the_location_entry_with_its_id()
    {
        var client = await factory.AdminAsync();
        var token = Token();
        var first = await CreateLocationIdAsync(client, "Ort 1 " + token);
        var second = await CreateLocationIdAsync(client, "Ort 2 " + token);
        var created = await CreateServiceAsync(client, Service("Hort " + token, new { categories = new[] { "hort" },
            locations = new[] { new { locationId = first } } }));
        var salId = created.GetProperty("locations")[0].Id();

        var updated = await HttpAssert.OkAsync<JsonElement>(await SendAsync(client, HttpMethod.Put, $"{ServicesUrl}/{created.Id()}",
            Service("Hort am Park " + token, new { status = "inactive", locations = new[] { new { locationId = first },
                new { locationId = second } } }),
            "\"1\""));
        Assert.Equal("inactive", updated.GetProperty("status").GetString());
        Assert.Equal(["hort"], updated.GetProperty("categories").Codes()); // null keeps the categories
        Assert.Equal(salId, updated.GetProperty("locations").EnumerateArray().Single(l => l.GetProperty("locationId").GetGuid(
            ) == first).Id());
        Assert.Equal(2, updated.GetProperty("locations").GetArrayLength());

        await HttpAssert.ProblemAsync(await SendAsync(client, HttpMethod.Put, $"{ServicesUrl}/{created.Id()}", Service("Alt"), "\"1\""),
            HttpStatusCode.PreconditionFailed);
        await HttpAssert.ProblemAsync(await SendAsync(client, HttpMethod.Put, $"{ServicesUrl}/{created.Id()}", Service("Ohne"), NoIfMatch),
            HttpStatusCode.PreconditionRequired);
        Assert.Equal("Hort am Park " + token, (await GetWithETagAsync(client, $"{ServicesUrl}/{created.Id()}")).Body.GetProperty(
            "name").GetString());
    }

    [Fact]
    public async Task List_filters_by_space_subtree_category_target_group_operator_status_and_archive_and_pages()
    {
        var client = await factory.AdminAsync();
        var token = Token();
        var county = await CreateSpaceAsync(client, "Kreis " + token, "county");
        var town = await CreateSpaceAsync(client, "Stadt " + token, "municipality", county);
        var elsewhere = await CreateSpaceAsync(client, "Woanders " + token, "municipality");
        var op = await CreateOrganisationAsync(client, "Diakonie " + token);
        var inTown = await CreateLocationIdAsync(client, "Haus " + token, new { spaceId = town });
        var a = await CreateServiceIdAsync(client, $"A Kita {token}", new { categories = new[] { "kita" },
            targetGroups = new[] { "zg-kinder" },
            locations = new[] { new { locationId = inTown } } });
        var b = await CreateServiceIdAsync(client, $"B Suchtberatung {token}", new { categories = new[] { "beratung-sucht" },
            operatorId = op,
            servedSpaceIds = new[] { town } });
        var c = await CreateServiceIdAsync(client, $"C Tafel {token}", new { categories = new[] { "tafel" }, status = "defunct",
            operatorId = op,
            servedSpaceIds = new[] { elsewhere } });

        async Task<List<Guid>> Ids(string query) => (await AllPagesAsync(client, $"{ServicesUrl}?q={token}&{query}")).Select(e => e.Id(
            )).ToList();
        Assert.Equal([a, b], await Ids($"spaceId={county}"));
        Assert.Equal([c], await Ids($"spaceId={elsewhere}"));
        Assert.Equal([a], await Ids("category=kinder-familie"));
        Assert.Equal([b], await Ids("category=beratung"));
        Assert.Equal([a], await Ids("targetGroup=zg-kinder"));
        Assert.Equal([b, c], await Ids($"operatorId={op}"));
        Assert.Equal([c], await Ids("status=defunct"));
        Assert.Equal([a], await Ids($"locationId={inTown}"));
        await HttpAssert.ProblemAsync(await client.GetAsync($"{ServicesUrl}?status=closed"), HttpStatusCode.BadRequest, "status");

        var page = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync($"{ServicesUrl}?q={token}&limit=2"));
        Assert.Equal([a, b], page.GetProperty("items").EnumerateArray().Select(e => e.Id()));
        var rest = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync(
            $"{ServicesUrl}?q={token}&limit=2&cursor={Uri.EscapeDataString(page.GetProperty("nextCursor").GetString()!)}"));
        Assert.Equal([c], rest.GetProperty("items").EnumerateArray().Select(e => e.Id()));

        await HttpAssert.OkAsync<JsonElement>(await SendAsync(client, HttpMethod.Post, $"{ServicesUrl}/{b}/archive", null, "\"1\""));
        Assert.Equal([a, c], await Ids(""));
        Assert.Equal([a, b, c], await Ids("includeArchived=true"));
        var archived = (await GetWithETagAsync(client, $"{ServicesUrl}/{b}")).Body;
        Assert.NotEqual(JsonValueKind.Null, archived.GetProperty("archivedAt").ValueKind);
        await HttpAssert.OkAsync<JsonElement>(await SendAsync(client, HttpMethod.Post, $"{ServicesUrl}/{b}/restore", null, "\"2\""));
        Assert.Equal([a, b, c], await Ids(""));
    }

    [Fact]
    public async Task Capacity_history_is_kept_per_location_unit_and_date_and_the_service_shows_the_latest()
    {
        var client = await factory.AdminAsync();
        var token = Token();
        var location = await CreateLocationIdAsync(client, "Kita Sonnenschein " + token);
        var other = await CreateLocationIdAsync(client, "Anderer Ort " + token);
        var service = await CreateServiceIdAsync(client, "Kita-Betreuung " + token,
            new { locations = new[] { new { locationId = location } } });
        var url = $"{ServicesUrl}/{service}/capacity";

        await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(url, new { locationId = location, unit = "places", maximum = 80,
            available = 4, asOf = "2026-03-01" }), HttpStatusCode.Created);
        await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(url, new { locationId = location, unit = "places", maximum = 80,
            available = 0, asOf = "2026-09-01" }), HttpStatusCode.Created);
        await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(url, new { locationId = location, unit = "places", maximum = 75,
            asOf = "2025-09-01" }), HttpStatusCode.Created);
        await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(url, new { locationId = location, unit = "hoursPerWeek",
            maximum = 55, asOf = "2026-01-01" }), HttpStatusCode.Created);

        var history = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync($"{url}?unit=places"));
        Assert.Equal(["2025-09-01", "2026-03-01", "2026-09-01"], history.EnumerateArray().Select(e => e.GetProperty("asOf").GetString()));
        Assert.Equal([75.0, 80.0, 80.0], history.EnumerateArray().Select(e => e.GetProperty("maximum").GetDouble()));
        Assert.Equal(4, (await HttpAssert.OkAsync<JsonElement>(await client.GetAsync(url))).GetArrayLength());
        var latest = (await GetWithETagAsync(client, $"{ServicesUrl}/{service}")).Body.GetProperty("locations")[0].GetProperty("capacity");
        Assert.Equal(2, latest.GetArrayLength());
        var places = latest.EnumerateArray().Single(c => c.GetProperty("unit").GetString() == "places");
        Assert.Equal("2026-09-01", places.GetProperty("asOf").GetString());
        Assert.Equal(0, places.GetProperty("available").GetDouble());

        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(url, new { locationId = location, unit = "places", maximum = 80,
            asOf = "2026-09-01" }),
            HttpStatusCode.Conflict, "asOf");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(url, new { locationId = other, unit = "places", maximum = 10,
            asOf = "2026-09-01" }),
            HttpStatusCode.BadRequest, "locationId");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(url, new { locationId = location, unit = "places", maximum = 10,
            available = 11, asOf = "2026-10-01" }),
            HttpStatusCode.BadRequest, "available");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(url, new { locationId = location, unit = "seats", maximum = 10,
            asOf = "2026-10-01" }),
            HttpStatusCode.BadRequest, "unit");
        Assert.Equal(4, (await HttpAssert.OkAsync<JsonElement>(await client.GetAsync(url))).GetArrayLength());
        await HttpAssert.ProblemAsync(await client.GetAsync($"{ServicesUrl}/{Guid.NewGuid()}/capacity"), HttpStatusCode.NotFound);

        // a location with capacity history cannot be dropped from the service by an edit
        await HttpAssert.ProblemAsync(await SendAsync(client, HttpMethod.Put, $"{ServicesUrl}/{service}",
            Service("Kita-Betreuung " + token, new { locations = Array.Empty<object>() }), "\"1\""), HttpStatusCode.Conflict, "locations");
        Assert.Single((await GetWithETagAsync(client, $"{ServicesUrl}/{service}")).Body.GetProperty("locations").EnumerateArray());
    }

    [Fact]
    public async Task Delete_removes_a_service_with_its_parts_and_refuses_one_with_capacity_history()
    {
        var client = await factory.AdminAsync();
        var token = Token();
        var location = await CreateLocationIdAsync(client, "Ort " + token);
        var mistake = await CreateServiceIdAsync(client, "Irrtum " + token, new
        {
            categories = new[] { "tafel" }, languages = new[] { new { code = "de" } }, contacts = new[] { new { name = "Büro",
                phones = new[] { new { number = "1" } } } },
            locations = new[] { new { locationId = location, openingHours = new[] { new { days = new[] { "friday" }, opensAt = "10:00",
                closesAt = "11:00" } } } },
        });
        var kept = await CreateServiceIdAsync(client, "Mit Geschichte " + token,
            new { locations = new[] { new { locationId = location } } });
        await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync($"{ServicesUrl}/{kept}/capacity",
            new { locationId = location, unit = "consultationsPerMonth", maximum = 120, asOf = "2026-06-01" }), HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(client, HttpMethod.Delete, $"{ServicesUrl}/{mistake}", null,
            "\"1\"")).StatusCode);
        await HttpAssert.ProblemAsync(await client.GetAsync($"{ServicesUrl}/{mistake}"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await SendAsync(client, HttpMethod.Delete, $"{ServicesUrl}/{kept}", null, "\"2\""),
            HttpStatusCode.PreconditionFailed);
        await HttpAssert.ProblemAsync(await SendAsync(client, HttpMethod.Delete, $"{ServicesUrl}/{kept}", null, "\"1\""),
            HttpStatusCode.Conflict);
        Assert.Equal([kept], (await AllPagesAsync(client, $"{ServicesUrl}?locationId={location}")).Select(e => e.Id()));
        // the location is free again once the mistaken service is gone, but not while the kept one is offered there
        await HttpAssert.ProblemAsync(await SendAsync(client, HttpMethod.Delete, $"{LocationsUrl}/{location}", null, "\"1\""),
            HttpStatusCode.Conflict);
    }
}
