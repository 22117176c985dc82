using System.Net;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Networks;

public sealed class GetNetworkCompositionTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Members_by_sector_type_and_role()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("Lenkrunde Teltow", "steeringGroup");
        var city = await factory.ActorAsync("Stadt Teltow");
        var youth = await factory.ActorAsync("Jugendamt", typeCode: "youth-office");
        var jobs = await factory.ActorAsync("Jobcenter", typeCode: "job-centre");
        var awo = await factory.ActorAsync("AWO", "CivilSociety", "welfare-association");
        var housing = await factory.ActorAsync("Wohnungsgesellschaft", "PrivateEconomy", "housing-company");
        var former = await factory.ActorAsync("Früherer Träger", "CivilSociety", "association");
        await client.MemberAsync(network.Id(), city, "coordinator");
        await client.MemberAsync(network.Id(), city, "member");
        await client.MemberAsync(network.Id(), youth);
        await client.MemberAsync(network.Id(), jobs);
        await client.MemberAsync(network.Id(), awo);
        await client.MemberAsync(network.Id(), housing, "guest");
        await client.MemberAsync(network.Id(), former, extra: new { validFrom = "2010-01-01", validTo = "2011-01-01" });

        var c = await client.GetJsonAsync($"/api/v1/networks/{network.Id()}/composition");
        Assert.Equal(5, c.GetProperty("total").GetInt32());
        Assert.Equal(5, c.GetProperty("organisations").GetInt32());
        var sectors = c.GetProperty("sectors").EnumerateArray().ToDictionary(s => s.GetProperty("sector").GetString()!);
        Assert.Equal(["public", "civilSociety", "privateEconomy"], sectors.Keys);
        Assert.Equal(3, sectors["public"].GetProperty("count").GetInt32());
        Assert.Equal(0.6, sectors["public"].GetProperty("share").GetDouble(), 6);
        Assert.Equal(1, sectors["civilSociety"].GetProperty("count").GetInt32());
        Assert.Equal(1, sectors["privateEconomy"].GetProperty("count").GetInt32());
        var publicTypes = sectors["public"].GetProperty("types").EnumerateArray()
            .Select(t => (t.GetProperty("typeCode").GetString(), t.GetProperty("count").GetInt32())).ToList();
        Assert.Equal([("job-centre", 1), ("public-authority", 1), ("youth-office", 1)], publicTypes);
        Assert.Equal("Jugendamt", sectors["public"].GetProperty("types")[2].GetProperty("nameDe").GetString());
        var roles = c.GetProperty("roles").EnumerateArray()
            .ToDictionary(r => r.GetProperty("role").GetString()!, r => r.GetProperty("count").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["coordinator"] = 1, ["member"] = 4, ["guest"] = 1 }, roles);

        var back = await client.GetJsonAsync($"/api/v1/networks/{network.Id()}/composition?on=2010-06-01");
        Assert.Equal(1, back.GetProperty("total").GetInt32());
        Assert.Equal("2010-06-01", back.GetProperty("on").GetString());
        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/v1/networks/{Guid.NewGuid()}/composition"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/v1/networks/{network.Id()}/composition?on=someday"),
            HttpStatusCode.BadRequest, "on");
    }
}
