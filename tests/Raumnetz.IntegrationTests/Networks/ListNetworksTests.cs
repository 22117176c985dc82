using System.Net;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Networks;

public sealed class ListNetworksTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Filters_and_keyset_pagination()
    {
        var client = await factory.SignedInAsync();
        var county = await client.SpaceAsync("L-12069", "Potsdam-Mittelmark", "county");
        var region = await client.SpaceAsync("L-PR1", "Planungsregion Nord", "planningRegion", county);
        var teltow = await client.SpaceAsync("L-Teltow", "Teltow", "municipality", region);
        var elsewhere = await client.SpaceAsync("L-05913", "Dortmund", "county");
        var member = await factory.ActorAsync("Jobcenter Potsdam-Mittelmark", typeCode: "job-centre");

        var lenkrunde = await client.NetworkAsync("Lenkrunde Teltow", "steeringGroup", new { spaceIds = new[] { teltow } });
        var regional = await client.NetworkAsync("Regionalkoordination", "committee", new { spaceIds = new[] { region } });
        var beirat = await client.NetworkAsync("Beirat Jobcenter Dortmund", "advisoryBoard",
            new { spaceIds = new[] { elsewhere }, status = "paused" });
        var fokus = await client.NetworkAsync("Fokusgruppe Bildung", "focusGroup", new { spaceIds = new[] { teltow } });
        await client.MemberAsync(fokus.Id(), member);
        await client.MemberAsync(beirat.Id(), member, extra: new { validFrom = "2010-01-01", validTo = "2012-12-31" });

        async Task<List<Guid>> Ids(string query) => (await client.GetJsonAsync($"/api/v1/networks{query}")).Items().Select(i => i.Id())
            .ToList();

        Assert.Equal([beirat.Id(), fokus.Id(), lenkrunde.Id(), regional.Id()], await Ids(""));
        Assert.Equal([fokus.Id(), lenkrunde.Id(), regional.Id()], await Ids($"?spaceId={county}"));
        Assert.Equal([fokus.Id(), lenkrunde.Id()], await Ids($"?spaceId={teltow}"));
        Assert.Equal([lenkrunde.Id()], await Ids("?kind=steeringGroup"));
        Assert.Equal([beirat.Id()], await Ids("?status=paused"));
        Assert.Equal([fokus.Id()], await Ids($"?memberActorId={member}")); // current memberships only
        Assert.Equal([lenkrunde.Id()], await Ids($"?q=TELTOW&spaceId={county}&kind=steeringGroup"));
        Assert.Equal([beirat.Id()], await Ids("?q=jobcenter"));
        Assert.Empty(await Ids($"?spaceId={Guid.NewGuid()}"));

        var page1 = await client.GetJsonAsync("/api/v1/networks?limit=3");
        Assert.Equal(3, page1.Items().Count);
        var cursor = page1.GetProperty("nextCursor").GetString();
        var page2 = await client.GetJsonAsync($"/api/v1/networks?limit=3&cursor={cursor}");
        Assert.Equal([regional.Id()], page2.Items().Select(i => i.Id()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, page2.GetProperty("nextCursor").ValueKind);
        Assert.Equal(1, page1.Items().Single(i => i.Id() == fokus.Id()).GetProperty("memberCount").GetInt32());
    }

    [Fact]
    public async Task Bad_filters_are_400()
    {
        var client = await factory.SignedInAsync();
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/networks?kind=club"), HttpStatusCode.BadRequest, "kind");
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/networks?status=sleeping"), HttpStatusCode.BadRequest, "status");
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/networks?limit=0"), HttpStatusCode.BadRequest, "limit");
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/networks?cursor=nonsense"), HttpStatusCode.BadRequest, "cursor");
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/networks?spaceId=nope"), HttpStatusCode.BadRequest, "spaceId");
    }
}
