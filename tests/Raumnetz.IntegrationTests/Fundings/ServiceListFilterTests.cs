using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Fundings;

/// <summary>The services list's filters by funder, verification state and funding end, on a held clock (15 June 2026).</summary>
public sealed class ServiceListFilterTests(InventoryClockFactory factory) : IClassFixture<InventoryClockFactory>
{
    [Fact]
    public async Task Services_filter_by_funder_verification_state_and_funding_end()
    {
        var client = await factory.SignedInAsync();
        var t = Guid.NewGuid().ToString("N")[..8];
        var funder = await factory.ActorAsync($"Land {t}");
        var other = await factory.ActorAsync($"Stadt {t}");
        var current = await factory.ServiceAsync($"F {t} aktuell", verifiedOn: new DateOnly(2026, 1, 1));
        var due = await factory.ServiceAsync($"F {t} fällig", verifiedOn: new DateOnly(2025, 6, 15));
        var overdue = await factory.ServiceAsync($"F {t} überfällig", verifiedOn: new DateOnly(2025, 6, 14));
        var never = await factory.ServiceAsync($"F {t} nie");
        foreach (var (service, by, ends) in new[] { (current, funder, "2026-12-31"), (due, funder, "2027-01-01"), (overdue, other,
            "2026-07-01") })
            await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync("/api/v1/fundings",
                new { serviceId = service, funderActorId = by, endsOn = ends, renewalStatus = "open" }), HttpStatusCode.Created);

        async Task<Guid[]> Ids(string query) =>
            (await client.GetJsonAsync($"/api/v1/services?q=F {t}&{query}")).Items().Select(s => s.Id()).Order().ToArray();
        Guid[] Of(params Guid[] ids) => ids.Order().ToArray();

        Assert.Equal(Of(current, due), await Ids($"funderActorId={funder}"));
        Assert.Equal(Of(current), await Ids("verification=current"));
        Assert.Equal(Of(due), await Ids("verification=due"));
        Assert.Equal(Of(overdue, never), await Ids("verification=overdue"));
        Assert.Equal(Of(current, overdue), await Ids("fundingEndsTo=2026-12-31"));
        Assert.Equal(Of(current), await Ids("fundingEndsFrom=2026-12-31&fundingEndsTo=2026-12-31"));
        Assert.Equal(Of(due), await Ids("fundingEndsFrom=2027-01-01"));
        Assert.Equal(Of(due), await Ids($"funderActorId={funder}&verification=due"));

        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/services?verification=Overdue"), HttpStatusCode.BadRequest,
            "verification");
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/services?fundingEndsFrom=2027-01-01&fundingEndsTo=2026-01-01"),
            HttpStatusCode.BadRequest, "fundingEndsTo");
    }
}
