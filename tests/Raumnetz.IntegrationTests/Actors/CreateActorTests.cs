using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Actors.ActorApi;

namespace Raumnetz.IntegrationTests.Actors;

public sealed class CreateActorTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Organisation_with_every_field_is_created_and_read_back_with_its_etag()
    {
        var client = await factory.AdminAsync();
        var county = await CreateSpaceAsync(client, "Landkreis Potsdam-Mittelmark", "county");
        var municipality = await CreateSpaceAsync(client, "Werder (Havel)", "municipality", county);
        var body = Organisation("  Jobcenter Potsdam-Mittelmark  ", new
        {
            shortName = "JC PM",
            type = "job-centre",
            sector = "public",
            email = "info@jobcenter-pm.example",
            phone = "+49 3381 1234",
            website = "https://jobcenter-pm.example/",
            street = "Am Gutshof 1",
            postalCode = "14542",
            city = "Werder",
            spaceIds = new[] { county, municipality, county },
            tags = new[] { " SGB II ", "Arbeit", "sgb ii" },
            notes = "Kooperationsvertrag mit dem Jugendamt.",
        });

        var response = await client.PostAsJsonAsync(ActorsUrl, body);
        var created = await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created);

        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/actors/{id}", response.Headers.Location?.ToString());
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var (read, etag) = await GetWithETagAsync(client, response.Headers.Location!.ToString());
        Assert.Equal("\"1\"", etag);
        foreach (var actor in new[] { created, read })
        {
            Assert.Equal("organisation", actor.GetProperty("kind").GetString());
            Assert.Equal("Jobcenter Potsdam-Mittelmark", actor.GetProperty("name").GetString());
            Assert.Equal("JC PM", actor.GetProperty("shortName").GetString());
            Assert.Equal("job-centre", actor.GetProperty("type").GetString());
            Assert.Equal("Jobcenter", actor.GetProperty("typeName").GetString());
            Assert.Equal("public", actor.GetProperty("sector").GetString());
            Assert.Equal(JsonValueKind.Null, actor.GetProperty("parentId").ValueKind);
            Assert.Equal("info@jobcenter-pm.example", actor.GetProperty("email").GetString());
            Assert.Equal("+49 3381 1234", actor.GetProperty("phone").GetString());
            Assert.Equal("https://jobcenter-pm.example/", actor.GetProperty("website").GetString());
            Assert.Equal("Am Gutshof 1", actor.GetProperty("street").GetString());
            Assert.Equal("14542", actor.GetProperty("postalCode").GetString());
            Assert.Equal("Werder", actor.GetProperty("city").GetString());
            Assert.Equal(new[] { county, municipality }.Order(), actor.GetProperty("spaceIds").EnumerateArray().Select(e => e.GetGuid())
                .Order());
            Assert.Equal(new[] { "Arbeit", "SGB II" }, actor.GetProperty("tags").Strings());
            Assert.Equal("Kooperationsvertrag mit dem Jugendamt.", actor.GetProperty("notes").GetString());
            Assert.Equal(JsonValueKind.Null, actor.GetProperty("archivedAt").ValueKind);
            Assert.Equal(1, actor.GetProperty("version").GetInt64());
        }
    }

    [Fact]
    public async Task Person_belongs_to_an_organisation_and_empty_optional_texts_become_null()
    {
        var client = await factory.AdminAsync();
        var organisation = await CreateOrganisationAsync(client, "Jugendamt Potsdam-Mittelmark",
            new { type = "youth-office", sector = "public" });

        var person = await CreateActorAsync(client,
            Person("Anna Schmidt", organisation, new { email = "", website = "", phone = "  ", shortName = "" }));

        Assert.Equal("person", person.GetProperty("kind").GetString());
        Assert.Equal(organisation, person.GetProperty("parentId").GetGuid());
        Assert.Equal("Jugendamt Potsdam-Mittelmark", person.GetProperty("parentName").GetString());
        foreach (var field in new[] { "email", "website", "phone", "shortName" })
            Assert.Equal(JsonValueKind.Null, person.GetProperty(field).ValueKind);
        Assert.Empty(person.GetProperty("spaceIds").EnumerateArray());
        Assert.Empty(person.GetProperty("tags").EnumerateArray());
    }

    [Fact]
    public async Task Organisation_may_belong_to_an_umbrella()
    {
        var client = await factory.AdminAsync();
        var umbrella = await CreateOrganisationAsync(client, "Paritätischer Wohlfahrtsverband", new { type = "welfare-association" });

        var member = await CreateActorAsync(client, Organisation("Familienzentrum Werder", new { parentId = umbrella }));

        Assert.Equal(umbrella, member.GetProperty("parentId").GetGuid());
        Assert.Equal("Paritätischer Wohlfahrtsverband", member.GetProperty("parentName").GetString());
    }

    public static TheoryData<string, string> InvalidFields => new()
    {
        { "name", "\"\"" },
        { "name", "\"   \"" },
        { "name", Quoted(201) },
        { "shortName", Quoted(51) },
        { "type", "\"\"" },
        { "email", "\"not-an-address\"" },
        { "email", "\"two words@example.org\"" },
        { "email", $"\"{new string('a', 250)}@example.org\"" },
        { "phone", Quoted(51) },
        { "website", "\"ftp://example.org\"" },
        { "website", "\"www.example.org\"" },
        { "website", $"\"https://example.org/{new string('a', 481)}\"" },
        { "street", Quoted(201) },
        { "postalCode", Quoted(11) },
        { "city", Quoted(101) },
        { "notes", Quoted(4001) },
        { "tags", JsonSerializer.Serialize(Enumerable.Range(1, 21).Select(i => $"tag{i}")) },
        { "tags[0]", "[\"\"]" },
        { "tags[1]", $"[\"ok\", {Quoted(51)}]" },
        { "spaceIds", JsonSerializer.Serialize(Enumerable.Range(1, 201).Select(_ => Guid.NewGuid())) },
    };

    private static string Quoted(int length) => $"\"{new string('x', length)}\"";

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Invalid_field_is_refused_with_400_naming_it_and_nothing_is_written(string field, string json)
    {
        var client = await factory.AdminAsync();
        var before = await CountActorsAsync(client);
        var body = Organisation("Verein " + Token());
        body[field.Split('[')[0]] = JsonNode.Parse(json);

        var response = await client.PostAsJsonAsync(ActorsUrl, body);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await CountActorsAsync(client));
    }

    [Theory]
    [InlineData("kind", "\"robot\"")]
    [InlineData("kind", "1")]
    [InlineData("sector", "\"x\"")]
    [InlineData("name", "123")]
    [InlineData("parentId", "\"not-a-guid\"")]
    [InlineData("tags", "\"one tag\"")]
    [InlineData("spaceIds", "42")]
    public async Task Wrong_json_types_and_unknown_enum_values_are_refused_with_400_naming_the_field(string field, string json)
    {
        var client = await factory.AdminAsync();
        var before = await CountActorsAsync(client);
        var body = Organisation("Verein " + Token());
        body[field] = JsonNode.Parse(json);

        var response = await client.PostAsJsonAsync(ActorsUrl, body);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await CountActorsAsync(client));
    }

    [Theory]
    [InlineData("kind")]
    [InlineData("sector")]
    [InlineData("name")]
    [InlineData("type")]
    public async Task Missing_required_field_is_refused_with_400_naming_it(string field)
    {
        var client = await factory.AdminAsync();
        var before = await CountActorsAsync(client);
        var body = Organisation("Verein " + Token());
        body.Remove(field);

        var response = await client.PostAsJsonAsync(ActorsUrl, body);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await CountActorsAsync(client));
    }

    [Theory]
    [InlineData("{\"kind\": \"organisation\", \"name\": ")]
    [InlineData("not json at all")]
    [InlineData("")]
    public async Task Malformed_or_missing_json_is_refused_with_400(string raw)
    {
        var client = await factory.AdminAsync();
        var before = await CountActorsAsync(client);

        var response = await client.PostAsync(ActorsUrl, new StringContent(raw, Encoding.UTF8, "application/json"));

        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, await CountActorsAsync(client));
    }

    [Fact]
    public async Task Unknown_type_code_is_refused_with_400_on_type()
    {
        var client = await factory.AdminAsync();
        var before = await CountActorsAsync(client);

        var response = await client.PostAsJsonAsync(ActorsUrl, Organisation("Verein " + Token(), new { type = "no-such-type" }));

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "type");
        Assert.Contains("no-such-type", problem.GetProperty("errors").GetProperty("type")[0].GetString());
        Assert.Equal(before, await CountActorsAsync(client));
    }

    [Fact]
    public async Task Unknown_space_is_refused_with_400_on_spaceIds_and_nothing_is_written()
    {
        var client = await factory.AdminAsync();
        var space = await CreateSpaceAsync(client, "Quartier Nord", "neighbourhood");
        var before = await CountActorsAsync(client);

        var response = await client.PostAsJsonAsync(ActorsUrl,
            Organisation("Verein " + Token(), new { spaceIds = new[] { space, Guid.NewGuid() } }));

        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "spaceIds");
        Assert.Equal(before, await CountActorsAsync(client));
    }

    [Fact]
    public async Task Parent_must_exist_and_be_an_organisation()
    {
        var client = await factory.AdminAsync();
        var organisation = await CreateOrganisationAsync(client, "Caritas " + Token());
        var person = (await CreateActorAsync(client, Person("Jan Meier", organisation))).GetProperty("id").GetGuid();
        var before = await CountActorsAsync(client);

        var underPerson = await client.PostAsJsonAsync(ActorsUrl, Person("Eva Weber", person));
        var orgUnderPerson = await client.PostAsJsonAsync(ActorsUrl, Organisation("Verein " + Token(), new { parentId = person }));
        var unknownParent = await client.PostAsJsonAsync(ActorsUrl, Organisation("Verein " + Token(), new { parentId = Guid.NewGuid() }));

        await HttpAssert.ProblemAsync(underPerson, HttpStatusCode.BadRequest, "parentId");
        await HttpAssert.ProblemAsync(orgUnderPerson, HttpStatusCode.BadRequest, "parentId");
        await HttpAssert.ProblemAsync(unknownParent, HttpStatusCode.BadRequest, "parentId");
        Assert.Equal(before, await CountActorsAsync(client));
    }

    [Fact]
    public async Task Viewer_may_not_create_and_nothing_is_written()
    {
        var admin = await factory.AdminAsync();
        var viewer = await factory.AsAsync("viewer");
        var before = await CountActorsAsync(admin);

        var response = await viewer.PostAsJsonAsync(ActorsUrl, Organisation("Verein " + Token()));

        await HttpAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(before, await CountActorsAsync(admin));
        Assert.Equal(before, await CountActorsAsync(viewer)); // viewers read
    }

    [Fact]
    public async Task Api_key_with_editor_role_can_create_and_analyst_key_cannot()
    {
        var admin = await factory.AdminAsync();
        var (editor, _) = await factory.ApiKeyClientAsync("editor");
        var (analyst, _) = await factory.ApiKeyClientAsync("analyst");

        var created = await editor.PostAsJsonAsync(ActorsUrl, Organisation("Partnerverein " + Token()));
        await HttpAssert.OkAsync<JsonElement>(created, HttpStatusCode.Created);
        var before = await CountActorsAsync(admin);
        var refused = await analyst.PostAsJsonAsync(ActorsUrl, Organisation("Partnerverein " + Token()));

        await HttpAssert.ProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.Equal(before, await CountActorsAsync(admin));
    }

    [Fact]
    public async Task Anonymous_request_is_refused_with_401()
    {
        var response = await factory.Anonymous().PostAsJsonAsync(ActorsUrl, Organisation("Verein " + Token()));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().GetAsync(ActorsUrl)).StatusCode);
    }

    [Fact]
    public async Task Signed_in_write_without_antiforgery_header_is_refused_with_403()
    {
        var client = await factory.SignedInAsync(); // its own session: the header is removed below
        var before = await CountActorsAsync(client);
        client.DefaultRequestHeaders.Remove("X-XSRF-TOKEN");

        var response = await client.PostAsJsonAsync(ActorsUrl, Organisation("Verein " + Token()));

        await HttpAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(before, await CountActorsAsync(client));
    }
}
