using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Actors.ActorApi;

namespace Raumnetz.IntegrationTests.Actors;

public sealed class ListActorsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static List<string> Names(IEnumerable<JsonElement> items) => items.Select(i => i.GetProperty("name").GetString()!).ToList();

    [Fact]
    public async Task Pages_follow_the_cursor_without_duplicates_or_omissions_sorted_by_name()
    {
        var client = await factory.AdminAsync();
        var token = Token();
        // Names chosen so that umlauts and case sort by the search key (ä → ae), not by code point.
        var names = Enumerable.Range(1, 12).Select(i => $"{token} Verein {i:D2}").Append($"{token} Älterenhilfe")
            .Append($"{token} arbeitskreis").ToList();
        var ids = new List<Guid>();
        foreach (var name in names) ids.Add(await CreateOrganisationAsync(client, name));

        var seen = new List<JsonElement>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync(
                $"{ActorsUrl}?q={token}&limit=5" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")));
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.True(items.Count <= 5);
            seen.AddRange(items);
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        } while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(ids.Order(), seen.Select(i => i.GetProperty("id").GetGuid()).Order());
        Assert.Equal(seen.Count, seen.Select(i => i.GetProperty("id").GetGuid()).Distinct().Count());
        var expected = new[] { $"{token} Älterenhilfe", $"{token} arbeitskreis" }.Concat(Enumerable.Range(1, 12)
            .Select(i => $"{token} Verein {i:D2}"));
        Assert.Equal(expected, Names(seen));
    }

    [Fact]
    public async Task Last_page_has_no_cursor_and_default_limit_is_50()
    {
        var client = await factory.AdminAsync();
        var token = Token();
        for (var i = 0; i < 51; i++) await CreateOrganisationAsync(client, $"{token} {i:D2}");

        var first = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync($"{ActorsUrl}?q={token}"));
        Assert.Equal(50, first.GetProperty("items").GetArrayLength());
        var second = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync(
            $"{ActorsUrl}?q={token}&cursor={Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!)}"));
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Filters_by_kind_type_and_sector()
    {
        var client = await factory.AdminAsync();
        var token = Token();
        var jobcentre = await CreateOrganisationAsync(client, $"{token} Jobcenter", new { type = "job-centre", sector = "public" });
        await CreateOrganisationAsync(client, $"{token} Kirchengemeinde", new { type = "church", sector = "civilSociety" });
        await CreateOrganisationAsync(client, $"{token} Bäckerei", new { type = "business", sector = "privateEconomy" });
        await CreateActorAsync(client, Person($"{token} Frau Berger", jobcentre));

        Assert.Equal([$"{token} Frau Berger"], Names(await AllPagesAsync(client, $"{ActorsUrl}?q={token}&kind=person")));
        Assert.Equal(3, (await AllPagesAsync(client, $"{ActorsUrl}?q={token}&kind=organisation")).Count);
        Assert.Equal([$"{token} Kirchengemeinde"], Names(await AllPagesAsync(client, $"{ActorsUrl}?q={token}&type=church")));
        Assert.Equal([$"{token} Bäckerei"], Names(await AllPagesAsync(client, $"{ActorsUrl}?q={token}&sector=privateEconomy")));
        Assert.Equal([$"{token} Frau Berger", $"{token} Jobcenter"],
            Names(await AllPagesAsync(client, $"{ActorsUrl}?q={token}&sector=public")));
        Assert.Equal([$"{token} Jobcenter"],
            Names(await AllPagesAsync(client, $"{ActorsUrl}?q={token}&sector=public&kind=organisation&type=job-centre")));
    }

    [Fact]
    public async Task Text_search_finds_name_and_short_name_ignoring_case_and_umlauts()
    {
        var client = await factory.AdminAsync();
        var token = Token();
        await CreateOrganisationAsync(client, $"Jugendhilfe Süd {token}");
        await CreateOrganisationAsync(client, $"Arbeitsgemeinschaft {token}", new { shortName = "ARGE-Werder" });
        await CreateOrganisationAsync(client, $"Stadtteil_Zentrum 100% {token}");

        Assert.Equal([$"Jugendhilfe Süd {token}"], Names(await AllPagesAsync(client, $"{ActorsUrl}?q=SUED%20{token}")));
        Assert.Equal([$"Jugendhilfe Süd {token}"], Names(await AllPagesAsync(client, $"{ActorsUrl}?q=s%C3%BCd%20{token}")));
        Assert.Equal([$"Arbeitsgemeinschaft {token}"], Names(await AllPagesAsync(client, $"{ActorsUrl}?q=arge-werder")));
        // LIKE wildcards in the query are literal text.
        Assert.Equal([$"Stadtteil_Zentrum 100% {token}"], Names(await AllPagesAsync(client, $"{ActorsUrl}?q=100%25%20{token}")));
        Assert.Empty(await AllPagesAsync(client, $"{ActorsUrl}?q=l_Z%25{token}"));
    }

    [Fact]
    public async Task Space_filter_includes_the_spaces_below_it()
    {
        var client = await factory.AdminAsync();
        var token = Token();
        var county = await CreateSpaceAsync(client, "Landkreis A", "county");
        var municipality = await CreateSpaceAsync(client, "Gemeinde A1", "municipality", county);
        var district = await CreateSpaceAsync(client, "Stadtteil A1a", "district", municipality);
        var otherCounty = await CreateSpaceAsync(client, "Landkreis B", "county");
        await CreateOrganisationAsync(client, $"{token} Kreisverwaltung", new { spaceIds = new[] { county } });
        await CreateOrganisationAsync(client, $"{token} Quartiersmanagement", new { spaceIds = new[] { district } });
        await CreateOrganisationAsync(client, $"{token} Beides", new { spaceIds = new[] { district, otherCounty, municipality } });
        await CreateOrganisationAsync(client, $"{token} Anderswo", new { spaceIds = new[] { otherCounty } });
        await CreateOrganisationAsync(client, $"{token} Ohne Raum");

        Assert.Equal([$"{token} Beides", $"{token} Kreisverwaltung", $"{token} Quartiersmanagement"],
            Names(await AllPagesAsync(client, $"{ActorsUrl}?q={token}&spaceId={county}")));
        Assert.Equal([$"{token} Beides", $"{token} Quartiersmanagement"],
            Names(await AllPagesAsync(client, $"{ActorsUrl}?q={token}&spaceId={municipality}")));
        Assert.Equal([$"{token} Beides", $"{token} Quartiersmanagement"],
            Names(await AllPagesAsync(client, $"{ActorsUrl}?q={token}&spaceId={district}")));
        Assert.Equal([$"{token} Anderswo", $"{token} Beides"],
            Names(await AllPagesAsync(client, $"{ActorsUrl}?q={token}&spaceId={otherCounty}")));
        Assert.Empty(await AllPagesAsync(client, $"{ActorsUrl}?spaceId={Guid.NewGuid()}"));
        // Pages across the space filter as well.
        Assert.Equal(3, (await AllPagesAsync(client, $"{ActorsUrl}?q={token}&spaceId={county}", limit: 1)).Count);
    }

    [Theory]
    [InlineData("kind=robot", "kind")]
    [InlineData("kind=1", "kind")]
    [InlineData("sector=x", "sector")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("cursor=garbage", "cursor")]
    [InlineData("spaceId=not-a-guid", "spaceId")]
    [InlineData("includeArchived=maybe", "includeArchived")]
    public async Task Invalid_query_parameter_is_refused_with_400_naming_it(string query, string field)
    {
        var client = await factory.AdminAsync();
        await HttpAssert.ProblemAsync(await client.GetAsync($"{ActorsUrl}?{query}"), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Query_text_longer_than_the_limit_is_refused()
    {
        var client = await factory.AdminAsync();
        await HttpAssert.ProblemAsync(await client.GetAsync($"{ActorsUrl}?q={new string('x', 201)}"), HttpStatusCode.BadRequest, "q");
    }

    [Fact]
    public async Task Get_of_unknown_actor_is_404_and_invalid_id_is_400()
    {
        var client = await factory.AdminAsync();
        await HttpAssert.ProblemAsync(await client.GetAsync($"{ActorsUrl}/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await client.GetAsync($"{ActorsUrl}/not-a-guid"), HttpStatusCode.BadRequest, "id");
    }

    [Fact]
    public async Task Viewer_can_list_and_read()
    {
        var admin = await factory.AdminAsync();
        var id = await CreateOrganisationAsync(admin, "Lesbar " + Token());
        var viewer = await factory.AsAsync("viewer");

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(ActorsUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"{ActorsUrl}/{id}")).StatusCode);
    }
}
