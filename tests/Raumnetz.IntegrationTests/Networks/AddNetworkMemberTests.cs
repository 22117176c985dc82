using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Networks;

public sealed class AddNetworkMemberTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Adds_an_actor_in_a_role_with_location_and_etag()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("Lenkrunde Teltow", "steeringGroup");
        var mayor = await factory.ActorAsync("Bürgermeister Teltow", kind: "Person", typeCode: "person");
        var response = await client.PostAsJsonAsync($"/api/v1/networks/{network.Id()}/members",
            new { actorId = mayor, role = "coordinator", validFrom = "2021-04-01", note = "Vorsitz" });
        var member = await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created);
        Assert.Equal($"/api/v1/networks/{network.Id()}/members/{member.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal("Bürgermeister Teltow", member.GetProperty("actorName").GetString());
        Assert.Equal("person", member.GetProperty("actorKind").GetString());
        Assert.Equal("public", member.GetProperty("sector").GetString());
        Assert.Equal("coordinator", member.GetProperty("role").GetString());
        Assert.Equal("current", member.GetProperty("state").GetString());
        Assert.Equal("Vorsitz", member.GetProperty("note").GetString());

        var defaulted = await client.MemberAsync(network.Id(), await factory.ActorAsync("Stadtplanung"));
        Assert.Equal("member", defaulted.GetProperty("role").GetString());
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), defaulted.GetProperty("validFrom").GetString());
    }

    [Fact]
    public async Task Delegates_name_the_network_they_come_from()
    {
        var client = await factory.SignedInAsync();
        var steering = await client.NetworkAsync("Lenkrunde", "steeringGroup");
        var focus = await client.NetworkAsync("Fokusgruppe Bildung");
        var person = await factory.ActorAsync("Schulleiterin", "Public", "person", "Person");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync($"/api/v1/networks/{steering.Id()}/members", new { actorId = person, role = "delegate" }),
            HttpStatusCode.BadRequest, "delegatedFromNetworkId");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync($"/api/v1/networks/{steering.Id()}/members",
            new { actorId = person, role = "member", delegatedFromNetworkId = focus.Id() }), HttpStatusCode.BadRequest, "delegatedFromNetworkId");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync($"/api/v1/networks/{steering.Id()}/members",
            new { actorId = person, role = "delegate", delegatedFromNetworkId = steering.Id() }), HttpStatusCode.BadRequest, "delegatedFromNetworkId");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync($"/api/v1/networks/{steering.Id()}/members",
            new { actorId = person, role = "delegate", delegatedFromNetworkId = Guid.NewGuid() }), HttpStatusCode.BadRequest, "delegatedFromNetworkId");
        var delegate_ = await client.MemberAsync(steering.Id(), person, "delegate", new { delegatedFromNetworkId = focus.Id() });
        Assert.Equal(focus.Id(), delegate_.GetProperty("delegatedFromNetworkId").GetGuid());
        Assert.Equal("Fokusgruppe Bildung", delegate_.GetProperty("delegatedFromNetworkName").GetString());
    }

    [Fact]
    public async Task The_same_role_twice_at_the_same_time_is_409_and_nothing_is_written()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("AG Soziales", "workingGroup");
        var actor = await factory.ActorAsync("Diakonisches Werk", "CivilSociety", "welfare-association");
        await client.MemberAsync(network.Id(), actor, extra: new { validFrom = "2012-05-02", validTo = "2014-12-31" });
        var before = (await client.GetJsonAsync($"/api/v1/networks/{network.Id()}/members")).Items().Count;

        // Overlapping periods in the same role: 409 naming validFrom.
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync($"/api/v1/networks/{network.Id()}/members", new { actorId = actor, role = "member", validFrom = "2014-12-31" }),
            HttpStatusCode.Conflict, "validFrom");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync($"/api/v1/networks/{network.Id()}/members",
            new { actorId = actor, role = "member", validFrom = "2010-01-01", validTo = "2012-05-02" }), HttpStatusCode.Conflict, "validFrom");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync($"/api/v1/networks/{network.Id()}/members", new { actorId = actor, role = "member", validFrom = "2012-05-02" }),
            HttpStatusCode.Conflict, "validFrom");
        Assert.Equal(before, (await client.GetJsonAsync($"/api/v1/networks/{network.Id()}/members")).Items().Count);

        // Another role at the same time, or the same role after the first period, is fine.
        await client.MemberAsync(network.Id(), actor, "advisor", new { validFrom = "2013-01-01" });
        await client.MemberAsync(network.Id(), actor, "member", new { validFrom = "2015-01-01" });
        Assert.Equal(before + 2, (await client.GetJsonAsync($"/api/v1/networks/{network.Id()}/members")).Items().Count);
    }

    [Fact]
    public async Task Unknown_or_archived_actors_are_400_naming_the_field_and_nothing_is_written()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("Bündnis", "alliance");
        var archived = await factory.ActorAsync("Aufgelöster Verein", "CivilSociety", "association", archivedAt: DateTimeOffset.UtcNow.AddDays(-3));
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync($"/api/v1/networks/{network.Id()}/members", new { role = "member", actorId = Guid.NewGuid() }), HttpStatusCode.BadRequest, "actorId");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync($"/api/v1/networks/{network.Id()}/members", new { role = "member", actorId = archived }), HttpStatusCode.BadRequest, "actorId");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync($"/api/v1/networks/{network.Id()}/members", new { role = "member", actorId = Guid.Empty }), HttpStatusCode.BadRequest, "actorId");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync($"/api/v1/networks/{network.Id()}/members", new { actorId = archived, role = "boss" }), HttpStatusCode.BadRequest, "role");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync($"/api/v1/networks/{network.Id()}/members",
            new { role = "member", actorId = archived, validFrom = "2024-02-01", validTo = "2024-01-01" }), HttpStatusCode.BadRequest, "validTo");
        Assert.Empty((await client.GetJsonAsync($"/api/v1/networks/{network.Id()}/members")).Items());
    }

    [Fact]
    public async Task Unknown_network_is_404_and_viewers_may_not_add()
    {
        var client = await factory.SignedInAsync();
        var actor = await factory.ActorAsync("Schulamt", typeCode: "school-office");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync($"/api/v1/networks/{Guid.NewGuid()}/members", new { role = "member", actorId = actor }), HttpStatusCode.NotFound);
        var network = await client.NetworkAsync("Beirat", "advisoryBoard");
        var viewer = await factory.SignedInAsAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/v1/networks/{network.Id()}/members", new { role = "member", actorId = actor })).StatusCode);
    }
}
