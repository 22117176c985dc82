using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Fundings;

public sealed class CreateFundingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Url = "/api/v1/fundings";

    [Fact]
    public async Task Several_funders_share_a_service_with_location_etag_and_all_fields()
    {
        var client = await factory.SignedInAsync();
        var service = await factory.ServiceAsync("Familienzentrum Teltow");
        var county = await factory.ActorAsync("Landkreis Potsdam-Mittelmark");
        var bund = await factory.ActorAsync("BMFSFJ");
        var response = await client.PostAsJsonAsync(Url, new
        {
            serviceId = service, funderActorId = county, programme = "Kreisförderung Familienzentren", amountPerYear = 45000.50m,
            sharePercent = 60m, startsOn = "2025-01-01", endsOn = "2026-12-31", renewalStatus = "applied", note = "Antrag gestellt",
        });
        var funding = await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created);
        Assert.Equal($"/api/v1/fundings/{funding.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal("Familienzentrum Teltow", funding.Str("serviceName"));
        Assert.Equal("Landkreis Potsdam-Mittelmark", funding.Str("funderName"));
        Assert.Equal(45000.50m, funding.GetProperty("amountPerYear").GetDecimal());
        Assert.Equal(60m, funding.GetProperty("sharePercent").GetDecimal());
        Assert.Equal("2026-12-31", funding.Str("endsOn"));
        Assert.Equal("applied", funding.Str("renewalStatus"));

        await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(Url,
            new { serviceId = service, funderActorId = bund, sharePercent = 40m, startsOn = "2025-01-01", renewalStatus = "secured" }),
            HttpStatusCode.Created);
        var list = (await client.GetJsonAsync($"{Url}?serviceId={service}")).Items();
        Assert.Equal(2, list.Count);
        Assert.Single((await client.GetJsonAsync($"{Url}?funderActorId={bund}")).Items());
        Assert.Single((await client.GetJsonAsync($"{Url}?serviceId={service}&renewalStatus=secured")).Items());
        var one = await client.GetAsync($"{Url}/{funding.Id()}");
        Assert.Equal("\"1\"", one.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Overlapping_shares_above_100_percent_are_400_naming_sharePercent_and_nothing_is_written()
    {
        var client = await factory.SignedInAsync();
        var service = await factory.ServiceAsync("Jugendclub Ruhlsdorf");
        var funder = await factory.ActorAsync("Stadt Teltow");
        await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(Url, new
            { serviceId = service, funderActorId = funder, sharePercent = 70m, startsOn = "2025-01-01", endsOn = "2025-12-31",
                renewalStatus = "ended" }),
            HttpStatusCode.Created);
        var before = await factory.CountAsync("service_fundings");

        var problem = await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(Url, new
            { serviceId = service, funderActorId = funder, sharePercent = 31m, startsOn = "2025-12-31", renewalStatus = "open" }),
            HttpStatusCode.BadRequest, "sharePercent");
        Assert.Contains("101", problem.GetProperty("errors").GetProperty("sharePercent")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.CountAsync("service_fundings"));

        // the day after the first funding ends, or exactly 100 %, is fine
        await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(Url, new
            { serviceId = service, funderActorId = funder, sharePercent = 31m, startsOn = "2026-01-01", renewalStatus = "open" }),
            HttpStatusCode.Created);
        await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(Url, new
            { serviceId = service, funderActorId = funder, sharePercent = 30m, startsOn = "2024-01-01", endsOn = "2025-06-30",
                renewalStatus = "ended" }),
            HttpStatusCode.Created);
    }

    [Fact]
    public async Task Bad_input_is_400_naming_the_field_and_nothing_is_written()
    {
        var client = await factory.SignedInAsync();
        var service = await factory.ServiceAsync("Schuldnerberatung Nordstadt");
        var funder = await factory.ActorAsync("Stadt Dortmund");
        var archived = await factory.ActorAsync("Alte Stiftung", archivedAt: DateTimeOffset.UtcNow);
        var before = await factory.CountAsync("service_fundings");
        async Task Bad(object body, string field) =>
            await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(Url, body), HttpStatusCode.BadRequest, field);

        await Bad(new { serviceId = Guid.NewGuid(), funderActorId = funder, renewalStatus = "open" }, "serviceId");
        await Bad(new { serviceId = service, funderActorId = Guid.NewGuid(), renewalStatus = "open" }, "funderActorId");
        await Bad(new { serviceId = service, funderActorId = archived, renewalStatus = "open" }, "funderActorId");
        await Bad(new { serviceId = service, funderActorId = funder, renewalStatus = "open", sharePercent = 0 }, "sharePercent");
        await Bad(new { serviceId = service, funderActorId = funder, renewalStatus = "open", sharePercent = 100.5 }, "sharePercent");
        await Bad(new { serviceId = service, funderActorId = funder, renewalStatus = "open", amountPerYear = -1 }, "amountPerYear");
        await Bad(new { serviceId = service, funderActorId = funder, renewalStatus = "open", amountPerYear = 1.001 }, "amountPerYear");
        await Bad(new { serviceId = service, funderActorId = funder, renewalStatus = "open", startsOn = "2026-01-02",
            endsOn = "2026-01-01" },
            "endsOn");
        await Bad(new { serviceId = service, funderActorId = funder, renewalStatus = "Renewed" }, "renewalStatus");
        await Bad(new { serviceId = service, funderActorId = funder, renewalStatus = "open", programme = new string('x', 201) },
            "programme");
        await HttpAssert.ProblemAsync(await client.PostAsync(Url, TestData.RawJson(
            $$"""{"serviceId":"{{service}}","funderActorId":"{{funder}}","renewalStatus":"open","amountPerYear":"1000"}""")),
            HttpStatusCode.BadRequest, "amountPerYear");
        await HttpAssert.ProblemAsync(await client.PostAsync(Url, TestData.RawJson(
            $$"""{"serviceId":"{{service}}","funderActorId":"{{funder}}","renewalStatus":"open","source":"x"}""")),
            HttpStatusCode.BadRequest, "source");
        Assert.Equal(before, await factory.CountAsync("service_fundings"));
    }

    [Fact]
    public async Task A_retried_post_with_the_same_idempotency_key_records_one_funding()
    {
        var client = await factory.SignedInAsync();
        var service = await factory.ServiceAsync("Tafel Marzahn");
        var funder = await factory.ActorAsync("Bezirksamt Marzahn-Hellersdorf");
        var body = new { serviceId = service, funderActorId = funder, sharePercent = 50m, renewalStatus = "open" };
        var key = Guid.NewGuid().ToString();
        var first = await client.SendJsonAsync(HttpMethod.Post, Url, body, ("Idempotency-Key", key));
        var retry = await client.SendJsonAsync(HttpMethod.Post, Url, body, ("Idempotency-Key", key));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Single((await client.GetJsonAsync($"{Url}?serviceId={service}")).Items());
    }

    [Fact]
    public async Task Ten_parallel_fundings_of_60_percent_store_exactly_one()
    {
        var client = await factory.SignedInAsync();
        var service = await factory.ServiceAsync("Stadtteilzentrum Wettlauf");
        var funder = await factory.ActorAsync("Förderer Wettlauf");
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => client.PostAsJsonAsync(Url, new
            { serviceId = service, funderActorId = funder, programme = $"Programm {i}", sharePercent = 60m, renewalStatus = "open" })));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var r in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await HttpAssert.ProblemAsync(r, HttpStatusCode.BadRequest, "sharePercent");
        Assert.Single((await client.GetJsonAsync($"{Url}?serviceId={service}")).Items());
    }
}
