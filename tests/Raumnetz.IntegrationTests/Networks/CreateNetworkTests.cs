using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Networks;

public sealed class CreateNetworkTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Created_network_has_all_fields_location_and_etag()
    {
        var client = await factory.SignedInAsync();
        var county = await client.SpaceAsync("12069", "Landkreis Potsdam-Mittelmark", "county");
        var teltow = await client.SpaceAsync("12069616", "Teltow", "municipality", county);
        var city = await factory.ActorAsync("Stadt Teltow");
        var response = await client.PostAsJsonAsync("/api/v1/networks", new
        {
            name = "Lenkrunde Teltow",
            kind = "steeringGroup",
            mandate = "Steuert die Sozialraumorientierung in Teltow und bündelt die Ergebnisse der Fokusgruppen.",
            mandatedBy = "Stadtverordnetenversammlung Teltow",
            mandatedOn = "2021-03-15",
            legitimationNote = "Beschluss 2021/045",
            functions = new[] { "negotiation", "coordination" },
            goals = new[] { "Ressortübergreifend planen", "Bürgerbeteiligung stärken" },
            status = "active",
            startedOn = "2021-04-01",
            cadenceInterval = 3,
            cadenceUnit = "months",
            coordinatorActorId = city,
            spaceIds = new[] { teltow },
        });
        var created = await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created);
        Assert.Equal($"/api/v1/networks/{created.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal("steeringGroup", created.GetProperty("kind").GetString());
        Assert.Equal("Stadtverordnetenversammlung Teltow", created.GetProperty("mandatedBy").GetString());
        Assert.Equal("2021-03-15", created.GetProperty("mandatedOn").GetString());
        Assert.Equal(["negotiation", "coordination"], created.GetProperty("functions").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["Ressortübergreifend planen", "Bürgerbeteiligung stärken"], created.GetProperty("goals").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(3, created.GetProperty("cadenceInterval").GetInt32());
        Assert.Equal("months", created.GetProperty("cadenceUnit").GetString());
        Assert.Equal("Stadt Teltow", created.GetProperty("coordinatorActorName").GetString());
        Assert.Equal(teltow, created.GetProperty("spaces")[0].Id());
        Assert.Equal("Teltow", created.GetProperty("spaces")[0].GetProperty("name").GetString());
        Assert.Equal(0, created.GetProperty("memberCount").GetInt32());
        Assert.Equal(1, created.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Status_is_required_and_lists_default_to_empty()
    {
        var client = await factory.SignedInAsync();
        // The document lists status as required: leaving it out is refused, not silently "active".
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/networks", new { name = "Ohne Status", kind = "workingGroup", mandate = "x" }), HttpStatusCode.BadRequest, "status");
        var created = await client.NetworkAsync("AG Soziales", "workingGroup");
        Assert.Equal("active", created.GetProperty("status").GetString());
        Assert.Empty(created.GetProperty("functions").EnumerateArray());
        Assert.Empty(created.GetProperty("links").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("cadenceUnit").ValueKind);
    }

    [Fact]
    public async Task A_mandate_is_required_and_limited()
    {
        var client = await factory.SignedInAsync();
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/networks", new { name = "Ohne Auftrag", kind = "focusGroup" }), HttpStatusCode.BadRequest, "mandate");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/networks", new { status = "active", name = "Leer", kind = "focusGroup", mandate = "   " }), HttpStatusCode.BadRequest, "mandate");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/networks", new { status = "active", name = "Lang", kind = "focusGroup", mandate = new string('x', 4001) }),
            HttpStatusCode.BadRequest, "mandate");
        var ok = await client.PostAsJsonAsync("/api/v1/networks", new { status = "active", name = "Genau 4000", kind = "focusGroup", mandate = new string('x', 4000) });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
    }

    [Fact]
    public async Task Invalid_fields_are_named()
    {
        var client = await factory.SignedInAsync();
        var problem = await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/networks", new
        {
            name = "",
            kind = "focusGroup",
            mandate = "x",
            status = "ended",
            cadenceInterval = 0,
            goals = new[] { "", new string('g', 501) },
            functions = new[] { "coordination", "coordination" },
        }), HttpStatusCode.BadRequest, "name", "endedOn", "cadenceInterval", "cadenceUnit", "goals[0]", "goals[1]", "functions");
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/networks", new { status = "active", name = "X", kind = "committeeOfDoom", mandate = "x" }),
            HttpStatusCode.BadRequest, "kind");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/networks", new { name = "X", kind = "focusGroup", mandate = "x", status = "active", endedOn = "2024-01-01" }),
            HttpStatusCode.BadRequest, "endedOn");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/networks", new { name = "X", kind = "focusGroup", mandate = "x", startedOn = "2024-02-01", status = "ended", endedOn = "2024-01-01" }),
            HttpStatusCode.BadRequest, "endedOn");
    }

    [Fact]
    public async Task Unknown_references_are_refused_naming_the_field_and_nothing_is_written()
    {
        var client = await factory.SignedInAsync();
        var before = (await client.GetJsonAsync("/api/v1/networks?limit=500")).Items().Count;
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/networks", new { status = "active", name = "X", kind = "focusGroup", mandate = "x", coordinatorActorId = Guid.NewGuid() }),
            HttpStatusCode.BadRequest, "coordinatorActorId");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/networks", new { status = "active", name = "X", kind = "focusGroup", mandate = "x", spaceIds = new[] { Guid.NewGuid() } }),
            HttpStatusCode.BadRequest, "spaceIds");
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/networks",
                new { status = "active", name = "X", kind = "focusGroup", mandate = "x", links = new[] { new { targetNetworkId = Guid.NewGuid(), type = "delegatesTo" } } }),
            HttpStatusCode.BadRequest, "links[0].targetNetworkId");
        Assert.Equal(before, (await client.GetJsonAsync("/api/v1/networks?limit=500")).Items().Count);
    }

    [Fact]
    public async Task A_focus_group_can_delegate_to_a_steering_group_on_creation()
    {
        var client = await factory.SignedInAsync();
        var steering = await client.NetworkAsync("Lenkrunde", "steeringGroup");
        var focus = await client.NetworkAsync("Fokusgruppe Bildung", extra: new { links = new[] { new { targetNetworkId = steering.Id(), type = "delegatesTo", note = "zwei Vertreter*innen" } } });
        var link = focus.GetProperty("links")[0];
        Assert.Equal(steering.Id(), link.GetProperty("networkId").GetGuid());
        Assert.Equal("Lenkrunde", link.GetProperty("networkName").GetString());
        Assert.Equal("delegatesTo", link.GetProperty("type").GetString());
        Assert.Equal("zwei Vertreter*innen", link.GetProperty("note").GetString());
    }

    [Fact]
    public async Task Only_writers_may_create()
    {
        var viewer = await factory.SignedInAsAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/networks", new { status = "active", name = "X", kind = "focusGroup", mandate = "x" })).StatusCode);
        var (analystKey, _) = await factory.ApiKeyClientAsync("analyst");
        Assert.Equal(HttpStatusCode.Forbidden, (await analystKey.PostAsJsonAsync("/api/v1/networks", new { status = "active", name = "X", kind = "focusGroup", mandate = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().PostAsJsonAsync("/api/v1/networks", new { status = "active", name = "X", kind = "focusGroup", mandate = "x" })).StatusCode);
        var (editorKey, _) = await factory.ApiKeyClientAsync("editor");
        Assert.Equal(HttpStatusCode.Created, (await editorKey.PostAsJsonAsync("/api/v1/networks", new { status = "active", name = "X", kind = "focusGroup", mandate = "x" })).StatusCode);
    }
}
