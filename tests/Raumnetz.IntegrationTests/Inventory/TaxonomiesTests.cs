using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Actors.ActorApi;
using static Raumnetz.IntegrationTests.Inventory.InventoryApi;

namespace Raumnetz.IntegrationTests.Inventory;

public sealed class TaxonomiesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static async Task<JsonElement> DefaultAsync(HttpClient client, string code) =>
        (await HttpAssert.OkAsync<JsonElement>(await client.GetAsync(TaxonomiesUrl))).EnumerateArray().Single(t => t.GetProperty(
            "code").GetString() == code);

    [Fact]
    public async Task The_german_default_taxonomies_ship_with_their_codes_and_terms_in_tree_order()
    {
        var client = await factory.AdminAsync();
        var categories = await DefaultAsync(client, "soziale-infrastruktur");
        Assert.Equal("serviceCategory", categories.GetProperty("kind").GetString());
        Assert.Equal("targetGroup", (await DefaultAsync(client, "zielgruppen")).GetProperty("kind").GetString());

        var terms = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync($"{TaxonomiesUrl}/{categories.Id()}/terms"));
        var codes = terms.Codes();
        foreach (var code in new[] { "kita", "hort", "schulsozialarbeit", "jugendclub", "familienzentrum", "beratung-erziehung",
            "beratung-schulden",
                     "beratung-sucht", "beratung-migration", "seniorentreff", "stadtteilzentrum", "quartiersmanagement",
                         "jobcenter-standort", "tafel" })
            Assert.Contains(code, codes);
        // each group is followed by its members
        Assert.True(codes.IndexOf("beratung") < codes.IndexOf("beratung-schulden"));
        Assert.True(codes.IndexOf("beratung-schulden") < codes.IndexOf("senioren"));
        var kita = terms.EnumerateArray().Single(t => t.GetProperty("code").GetString() == "kita");
        Assert.Equal("kinder-familie", kita.GetProperty("parentCode").GetString());
        Assert.Equal("Day-care centre (Kita)", kita.GetProperty("nameEn").GetString());
        Assert.Equal(["tafel"], (await HttpAssert.OkAsync<JsonElement>(await client.GetAsync(
            $"{TaxonomiesUrl}/{categories.Id()}/terms?q=Food"))).Codes());
    }

    [Fact]
    public async Task Terms_can_be_added_renamed_with_if_match_and_archived_and_codes_stay_unique()
    {
        var client = await factory.AdminAsync();
        var taxonomy = (await DefaultAsync(client, "soziale-infrastruktur")).Id();
        var beratung = (await HttpAssert.OkAsync<JsonElement>(await client.GetAsync($"{TaxonomiesUrl}/{taxonomy}/terms")))
            .EnumerateArray().Single(t => t.GetProperty("code").GetString() == "beratung").Id();
        var code = "beratung-" + Token();
        var termsUrl = $"{TaxonomiesUrl}/{taxonomy}/terms";

        var created = await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(termsUrl,
            new { code, nameDe = "Energieschuldenberatung", nameEn = "Energy debt counselling", parentId = beratung }),
                HttpStatusCode.Created);
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(termsUrl, new { code, nameDe = "Doppelt", nameEn = "Twice" }),
            HttpStatusCode.Conflict, "code");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(termsUrl, new { code = "kita", nameDe = "Doppelt", nameEn = "Twice" }),
            HttpStatusCode.Conflict, "code");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(termsUrl, new { code = "x y", nameDe = "Leer", nameEn = "Blank" }),
            HttpStatusCode.BadRequest, "code");

        var termUrl = $"{termsUrl}/{created.Id()}";
        var renamed = await HttpAssert.OkAsync<JsonElement>(await SendAsync(client, HttpMethod.Put, termUrl,
            new System.Text.Json.Nodes.JsonObject { ["code"] = code, ["nameDe"] = "Energieschulden", ["nameEn"] = "Energy debts",
                ["parentId"] = beratung.ToString() }, "\"1\""));
        Assert.Equal("Energieschulden", renamed.GetProperty("nameDe").GetString());
        await HttpAssert.ProblemAsync(await SendAsync(client, HttpMethod.Put, termUrl,
            new System.Text.Json.Nodes.JsonObject { ["code"] = code, ["nameDe"] = "x", ["nameEn"] = "x" }, "\"1\""),
                HttpStatusCode.PreconditionFailed);
        await HttpAssert.ProblemAsync(await SendAsync(client, HttpMethod.Put, termUrl,
            new System.Text.Json.Nodes.JsonObject { ["code"] = code, ["nameDe"] = "x", ["nameEn"] = "x", ["parentId"] = created.Id(
                ).ToString() }, "\"2\""),
            HttpStatusCode.BadRequest, "parentId");

        var service = await CreateServiceIdAsync(client, "Neues Angebot " + Token(), new { categories = new[] { code } });
        await HttpAssert.OkAsync<JsonElement>(await SendAsync(client, HttpMethod.Put, termUrl,
            new System.Text.Json.Nodes.JsonObject { ["code"] = code, ["nameDe"] = "Energieschulden", ["nameEn"] = "Energy debts",
                ["archived"] = true }, "\"2\""));
        Assert.DoesNotContain(code, (await HttpAssert.OkAsync<JsonElement>(await client.GetAsync(termsUrl))).Codes());
        Assert.Contains(code, (await HttpAssert.OkAsync<JsonElement>(await client.GetAsync($"{termsUrl}?includeArchived=true"))).Codes());
        // the service keeps the archived term; a new one cannot be given it
        Assert.Equal([code], (await GetWithETagAsync(client, $"{ServicesUrl}/{service}")).Body.GetProperty("categories").Codes());
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(ServicesUrl, Service("Später", new { categories = new[] { code } })),
            HttpStatusCode.BadRequest, "categories[0]");
    }

    [Fact]
    public async Task A_new_taxonomy_can_be_added_and_unknown_ones_are_404()
    {
        var client = await factory.AdminAsync();
        var code = "zg-" + Token();
        var created = await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(TaxonomiesUrl,
            new { code, kind = "targetGroup", name = "Zielgruppen des Kreises" }), HttpStatusCode.Created);
        var (read, etag) = await GetWithETagAsync(client, $"{TaxonomiesUrl}/{created.Id()}");
        Assert.Equal(0, read.GetProperty("termCount").GetInt32());
        Assert.Equal("\"1\"", etag);
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(TaxonomiesUrl, new { code, kind = "targetGroup", name = "Noch einmal" }),
            HttpStatusCode.Conflict, "code");
        await HttpAssert.ProblemAsync(await client.GetAsync($"{TaxonomiesUrl}/{Guid.NewGuid()}/terms"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync($"{TaxonomiesUrl}/{Guid.NewGuid()}/terms", new { code = Token(),
            nameDe = "a", nameEn = "a" }),
            HttpStatusCode.NotFound);
    }
}
