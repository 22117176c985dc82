using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Actors.ActorApi;
using static Raumnetz.IntegrationTests.Inventory.InventoryApi;

namespace Raumnetz.IntegrationTests.Inventory;

public sealed class LocationsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Create_keeps_several_intervals_a_day_a_holiday_closure_address_accessibility_and_languages()
    {
        var client = await factory.AdminAsync();
        var owner = await CreateOrganisationAsync(client, "Träger " + Token());
        var body = Location("Familienzentrum Sonnenblick " + Token(), new
        {
            ownerActorId = owner,
            addresses = new[] { new { type = "physical", address1 = "Ritterstraße 10", city = "Teltow", postalCode = "14513" } },
            accessibility = new { stepFreeAccess = true, accessibleToilet = false, hearingLoop = true,
                description = "Rampe am Seiteneingang" },
            languages = new[] { new { code = "de" }, new { code = "tr" }, new { code = "ara" } },
            openingHours = new object[]
            {
                new { days = new[] { "monday", "tuesday", "thursday" }, opensAt = "09:00", closesAt = "12:00" },
                new { days = new[] { "monday", "thursday" }, opensAt = "14:00", closesAt = "18:00", validFrom = "2026-01-01",
                    validTo = "2026-12-31" },
                new { days = new[] { "friday" }, opensAt = "09:00", closesAt = "24:00" },
            },
            closures = new object[]
            {
                new { kind = "holiday", startsOn = "2026-12-25", reason = "1. Weihnachtsfeiertag" },
                new { kind = "closure", startsOn = "2026-07-20", endsOn = "2026-08-07", reason = "Betriebsferien" },
            },
            contacts = new[] { new { name = "Frau Beispiel", email = "kontakt@example.org",
                phones = new[] { new { number = "03328 123456" } } } },
        });

        var created = await CreateLocationAsync(client, body);

        var (read, etag) = await GetWithETagAsync(client, $"{LocationsUrl}/{created.Id()}");
        Assert.Equal("\"1\"", etag);
        var hours = read.GetProperty("openingHours");
        Assert.Equal(3, hours.GetArrayLength());
        Assert.Equal(["monday", "tuesday", "thursday"], hours[0].GetProperty("days").Strings());
        Assert.Equal("09:00", hours[0].GetProperty("opensAt").GetString());
        Assert.Equal("14:00", hours[1].GetProperty("opensAt").GetString());
        Assert.Equal("2026-12-31", hours[1].GetProperty("validTo").GetString());
        Assert.Equal("24:00", hours[2].GetProperty("closesAt").GetString());
        var closures = read.GetProperty("closures");
        Assert.Equal("holiday", closures[0].GetProperty("kind").GetString());
        Assert.Equal("2026-12-25", closures[0].GetProperty("endsOn").GetString()); // one day when no end is given
        Assert.Equal("2026-08-07", closures[1].GetProperty("endsOn").GetString());
        Assert.Equal("DE", read.GetProperty("addresses")[0].GetProperty("country").GetString());
        Assert.True(read.GetProperty("accessibility").GetProperty("stepFreeAccess").GetBoolean());
        Assert.False(read.GetProperty("accessibility").GetProperty("accessibleToilet").GetBoolean());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("accessibility").GetProperty("lift").ValueKind);
        Assert.Equal(["de", "tr", "ara"], read.GetProperty("languages").EnumerateArray().Select(l => l.GetProperty("code").GetString()));
        Assert.Equal("03328 123456", read.GetProperty("contacts")[0].GetProperty("phones")[0].GetProperty("number").GetString());
        Assert.Equal(owner, read.GetProperty("ownerActorId").GetGuid());
    }

    [Fact]
    public async Task Update_with_if_match_replaces_fields_keeps_lists_left_null_and_refuses_stale_or_missing_tags()
    {
        var client = await factory.AdminAsync();
        var token = Token();
        var id = await CreateLocationIdAsync(client, "Jugendclub " + token, new
        {
            openingHours = new[] { new { days = new[] { "wednesday" }, opensAt = "15:00", closesAt = "20:00" } },
        });

        await HttpAssert.ProblemAsync(await SendAsync(client, HttpMethod.Put, $"{LocationsUrl}/{id}", Location("Ohne Tag"), NoIfMatch),
            HttpStatusCode.PreconditionRequired);
        var updated = await HttpAssert.OkAsync<JsonElement>(await SendAsync(client, HttpMethod.Put, $"{LocationsUrl}/{id}",
            Location("Jugendclub Nord " + token, new { transportation = "Bus 601" }), "\"1\""));
        Assert.Equal(2, updated.GetProperty("version").GetInt64());
        Assert.Equal("Bus 601", updated.GetProperty("transportation").GetString());
        Assert.Equal(1, updated.GetProperty("openingHours").GetArrayLength()); // null keeps the opening hours

        await HttpAssert.ProblemAsync(await SendAsync(client, HttpMethod.Put, $"{LocationsUrl}/{id}", Location("Verloren"), "\"1\""),
            HttpStatusCode.PreconditionFailed);
        var cleared = await HttpAssert.OkAsync<JsonElement>(await SendAsync(client, HttpMethod.Put, $"{LocationsUrl}/{id}",
            Location("Jugendclub Nord " + token, new { openingHours = Array.Empty<object>() }), "\"2\""));
        Assert.Equal(0, cleared.GetProperty("openingHours").GetArrayLength());
        Assert.Equal("Jugendclub Nord " + token, (await GetWithETagAsync(client, $"{LocationsUrl}/{id}")).Body.GetProperty(
            "name").GetString());
    }

    [Fact]
    public async Task Archived_locations_stay_readable_leave_the_list_and_come_back_on_restore()
    {
        var client = await factory.AdminAsync();
        var token = Token();
        var id = await CreateLocationIdAsync(client, "Seniorentreff " + token);

        var archived = await HttpAssert.OkAsync<JsonElement>(await SendAsync(client, HttpMethod.Post, $"{LocationsUrl}/{id}/archive", null,
            "\"1\""));
        Assert.NotEqual(JsonValueKind.Null, archived.GetProperty("archivedAt").ValueKind);
        Assert.Empty(await AllPagesAsync(client, $"{LocationsUrl}?q={token}"));
        Assert.Single(await AllPagesAsync(client, $"{LocationsUrl}?q={token}&includeArchived=true"));
        Assert.Equal(id, (await GetWithETagAsync(client, $"{LocationsUrl}/{id}")).Body.Id());

        await HttpAssert.ProblemAsync(await SendAsync(client, HttpMethod.Post, $"{LocationsUrl}/{id}/restore", null, "\"1\""),
            HttpStatusCode.PreconditionFailed);
        await HttpAssert.OkAsync<JsonElement>(await SendAsync(client, HttpMethod.Post, $"{LocationsUrl}/{id}/restore", null, "\"2\""));
        Assert.Single(await AllPagesAsync(client, $"{LocationsUrl}?q={token}"));
    }

    [Fact]
    public async Task List_pages_by_name_with_a_cursor_and_filters_by_space_subtree_category_and_operator()
    {
        var client = await factory.AdminAsync();
        var token = Token();
        var county = await CreateSpaceAsync(client, "Kreis " + token, "county");
        var district = await CreateSpaceAsync(client, "Stadtteil " + token, "district", county);
        var other = await CreateSpaceAsync(client, "Anderswo " + token, "district");
        var op = await CreateOrganisationAsync(client, "Betreiber " + token);
        var a = await CreateLocationIdAsync(client, $"A {token}", new { spaceId = district });
        var b = await CreateLocationIdAsync(client, $"B {token}", new { spaceId = county });
        var c = await CreateLocationIdAsync(client, $"C {token}", new { spaceId = other });
        await CreateServiceIdAsync(client, "Schuldnerberatung " + token, new
        {
            operatorId = op, categories = new[] { "beratung-schulden" }, locations = new[] { new { locationId = c } },
        });

        var first = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync($"{LocationsUrl}?q={token}&limit=2"));
        Assert.Equal([a, b], first.GetProperty("items").EnumerateArray().Select(e => e.Id()));
        var cursor = first.GetProperty("nextCursor").GetString()!;
        var second = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync(
            $"{LocationsUrl}?q={token}&limit=2&cursor={Uri.EscapeDataString(cursor)}"));
        Assert.Equal([c], second.GetProperty("items").EnumerateArray().Select(e => e.Id()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);

        Assert.Equal([a, b], (await AllPagesAsync(client, $"{LocationsUrl}?spaceId={county}")).Select(e => e.Id()));
        Assert.Equal([a], (await AllPagesAsync(client, $"{LocationsUrl}?spaceId={district}")).Select(e => e.Id()));
        // the broader category finds the narrower one (Beratungsstellen > Schuldnerberatung)
        Assert.Equal([c], (await AllPagesAsync(client, $"{LocationsUrl}?q={token}&category=beratung")).Select(e => e.Id()));
        Assert.Empty(await AllPagesAsync(client, $"{LocationsUrl}?q={token}&category=kita"));
        Assert.Equal([c], (await AllPagesAsync(client, $"{LocationsUrl}?operatorId={op}")).Select(e => e.Id()));
        await HttpAssert.ProblemAsync(await client.GetAsync($"{LocationsUrl}?category=gibt-es-nicht"), HttpStatusCode.BadRequest,
            "category");
    }

    [Fact]
    public async Task An_interval_ending_before_it_starts_is_400_naming_the_field_and_nothing_is_written()
    {
        var client = await factory.AdminAsync();
        var token = Token();
        var body = Location("Kita " + token, new
        {
            openingHours = new object[]
            {
                new { days = new[] { "monday" }, opensAt = "08:00", closesAt = "12:00" },
                new { days = new[] { "monday" }, opensAt = "14:00", closesAt = "13:30" },
            },
        });

        await HttpAssert.ProblemAsync(await client.PostAsync(LocationsUrl, System.Net.Http.Json.JsonContent.Create(body)),
            HttpStatusCode.BadRequest,
            "openingHours[1].closesAt");
        var closure = Location("Kita " + token, new { closures = new[] { new { kind = "closure", startsOn = "2026-08-10",
            endsOn = "2026-08-01" } } });
        await HttpAssert.ProblemAsync(await client.PostAsync(LocationsUrl, System.Net.Http.Json.JsonContent.Create(closure)),
            HttpStatusCode.BadRequest,
            "closures[0].endsOn");
        var noDays = Location("Kita " + token, new { openingHours = new[] { new { opensAt = "08:00", closesAt = "12:00" } } });
        await HttpAssert.ProblemAsync(await client.PostAsync(LocationsUrl, System.Net.Http.Json.JsonContent.Create(noDays)),
            HttpStatusCode.BadRequest,
            "openingHours[0].days");
        Assert.Equal(0, await CountAsync(client, LocationsUrl, token));
    }

    [Theory]
    [InlineData(91.0, 13.0, "latitude")]
    [InlineData(-90.5, 13.0, "latitude")]
    [InlineData(52.0, 180.5, "longitude")]
    [InlineData(52.0, -181.0, "longitude")]
    public async Task Coordinates_outside_wgs84_are_400_naming_the_field_and_nothing_is_written(double latitude, double longitude,
        string field)
    {
        var client = await factory.AdminAsync();
        var token = Token();
        var response = await client.PostAsync(LocationsUrl,
            System.Net.Http.Json.JsonContent.Create(Location("Ort " + token, new { latitude, longitude })));
        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(0, await CountAsync(client, LocationsUrl, token));
    }

    [Fact]
    public async Task Other_bad_input_is_400_naming_the_field()
    {
        var client = await factory.AdminAsync();
        var token = Token();
        async Task Refused(object changes, string field) => await HttpAssert.ProblemAsync(
            await client.PostAsync(LocationsUrl, System.Net.Http.Json.JsonContent.Create(Location("Ort " + token, changes))),
            HttpStatusCode.BadRequest, field);
        await Refused(new { latitude = 52.1 }, "longitude");
        await Refused(new { languages = new[] { new { code = "xx" } } }, "languages[0].code");
        await Refused(new { languages = new[] { new { code = "DE" } } }, "languages[0].code");
        await Refused(new { openingHours = new[] { new { days = new[] { "monday" }, opensAt = "8:00", closesAt = "12:00" } } },
            "openingHours[0].opensAt");
        await Refused(new { spaceId = Guid.NewGuid() }, "spaceId");
        await Refused(new { ownerActorId = Guid.NewGuid() }, "ownerActorId");
        await Refused(new { kind = "Physical" }, "kind");
        await Refused(new { validFrom = "2026-05-01", validTo = "2026-04-30" }, "validTo");
        Assert.Equal(0, await CountAsync(client, LocationsUrl, token));
    }

    [Fact]
    public async Task Creation_with_an_idempotency_key_is_safe_to_retry()
    {
        var client = await factory.AdminAsync();
        var token = Token();
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> Post()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, LocationsUrl) { Content = System.Net.Http.Json.JsonContent.Create(
                Location("Tafel " + token)) };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request);
        }
        var first = await HttpAssert.OkAsync<JsonElement>(await Post(), HttpStatusCode.Created);
        var again = await HttpAssert.OkAsync<JsonElement>(await Post(), HttpStatusCode.Created);
        Assert.Equal(first.Id(), again.Id());
        Assert.Equal(1, await CountAsync(client, LocationsUrl, token));
    }

    [Fact]
    public async Task Delete_removes_a_location_without_services_and_refuses_one_where_services_are_offered()
    {
        var client = await factory.AdminAsync();
        var token = Token();
        var lonely = await CreateLocationIdAsync(client, "Irrtum " + token, new
        {
            openingHours = new[] { new { days = new[] { "monday" }, opensAt = "08:00", closesAt = "09:00" } },
            addresses = new[] { new { type = "physical", address1 = "Weg 1", city = "Ort", postalCode = "12345" } },
        });
        var used = await CreateLocationIdAsync(client, "In Gebrauch " + token);
        await CreateServiceIdAsync(client, "Angebot " + token, new { locations = new[] { new { locationId = used } } });

        await HttpAssert.ProblemAsync(await SendAsync(client, HttpMethod.Delete, $"{LocationsUrl}/{lonely}", null, NoIfMatch),
            HttpStatusCode.PreconditionRequired);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(client, HttpMethod.Delete, $"{LocationsUrl}/{lonely}", null,
            "\"1\"")).StatusCode);
        await HttpAssert.ProblemAsync(await client.GetAsync($"{LocationsUrl}/{lonely}"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await SendAsync(client, HttpMethod.Delete, $"{LocationsUrl}/{used}", null, "\"1\""),
            HttpStatusCode.Conflict);
        Assert.Equal(1, await CountAsync(client, LocationsUrl, token));
    }

    [Fact]
    public async Task A_page_of_many_locations_reads_every_location_s_parts()
    {
        var client = await factory.AdminAsync();
        var token = Token();
        const int Count = 45; // more owners than one parts query takes
        for (var i = 0; i < Count; i++)
            await CreateLocationIdAsync(client, $"Ort {i:00} {token}", new
            {
                contacts = new[] { new { name = $"Kontakt {i}", phones = new[] { new { number = $"0{i}",
                    languages = new[] { new { code = "de" } } } } } },
                openingHours = new[] { new { days = new[] { "monday" }, opensAt = "08:00", closesAt = "09:00" } },
                languages = new[] { new { code = "pl" } },
            });

        var page = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync($"{LocationsUrl}?q={token}&limit=100"));
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Count, items.Count);
        for (var i = 0; i < Count; i++)
        {
            var contact = items[i].GetProperty("contacts").EnumerateArray().Single();
            Assert.Equal($"Kontakt {i}", contact.GetProperty("name").GetString());
            Assert.Equal("de", contact.GetProperty("phones")[0].GetProperty("languages")[0].GetProperty("code").GetString());
            Assert.Single(items[i].GetProperty("openingHours").EnumerateArray());
            Assert.Equal("pl", items[i].GetProperty("languages")[0].GetProperty("code").GetString());
        }
    }
}
