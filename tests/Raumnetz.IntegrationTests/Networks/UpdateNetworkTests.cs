using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Networks;

public sealed class UpdateNetworkTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static object Body(string name, object? links = null, string mandate = "Neuer Auftrag") =>
        new { name, kind = "focusGroup", mandate, status = "active", links };

    [Fact]
    public async Task Update_with_if_match_replaces_fields_and_bumps_the_version()
    {
        var client = await factory.SignedInAsync();
        var created = await client.NetworkAsync("Fokusgruppe Bildung", extra: new { goals = new[] { "Übergänge begleiten" }, functions = new[] { "implementation" } });
        var response = await client.SendAsync(HttpMethod.Put, $"/api/v1/networks/{created.Id()}",
            new { name = "Fokusgruppe Bildung und Schule", kind = "focusGroup", mandate = "Neuer Auftrag", status = "paused", cadenceInterval = 6, cadenceUnit = "weeks" }, "\"1\"");
        var updated = await HttpAssert.OkAsync<JsonElement>(response);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal("Fokusgruppe Bildung und Schule", updated.GetProperty("name").GetString());
        Assert.Equal("paused", updated.GetProperty("status").GetString());
        Assert.Equal("weeks", updated.GetProperty("cadenceUnit").GetString());
        // Lists left out stay as they were.
        Assert.Equal("Übergänge begleiten", updated.GetProperty("goals")[0].GetString());
        Assert.Equal("implementation", updated.GetProperty("functions")[0].GetString());

        var cleared = await HttpAssert.OkAsync<JsonElement>(await client.SendAsync(HttpMethod.Put, $"/api/v1/networks/{created.Id()}",
            new { status = "active", name = "Fokusgruppe Bildung und Schule", kind = "focusGroup", mandate = "Neuer Auftrag", goals = Array.Empty<string>() }, "\"2\""));
        Assert.Empty(cleared.GetProperty("goals").EnumerateArray());
    }

    [Fact]
    public async Task Stale_if_match_is_412_and_unknown_network_404()
    {
        var client = await factory.SignedInAsync();
        var created = await client.NetworkAsync("Sozialraumkonferenz", "socialSpaceConference");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Put, $"/api/v1/networks/{created.Id()}", Body("Sozialraumkonferenz 2024"), "\"1\"")).StatusCode);
        await HttpAssert.ProblemAsync(await client.SendAsync(HttpMethod.Put, $"/api/v1/networks/{created.Id()}", Body("Zu spät"), "\"1\""), HttpStatusCode.PreconditionFailed);
        await HttpAssert.ProblemAsync(await client.SendAsync(HttpMethod.Put, $"/api/v1/networks/{Guid.NewGuid()}", Body("X"), "\"1\""), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await client.SendAsync(HttpMethod.Put, $"/api/v1/networks/{created.Id()}", Body("X"), "\"abc\""), HttpStatusCode.PreconditionFailed);
        await HttpAssert.ProblemAsync(await client.SendAsync(HttpMethod.Put, $"/api/v1/networks/{created.Id()}", Body("X"), "abc"), HttpStatusCode.BadRequest, "If-Match");
        await HttpAssert.ProblemAsync(await client.SendAsync(HttpMethod.Put, $"/api/v1/networks/{created.Id()}", Body("X", mandate: ""), "\"2\""), HttpStatusCode.BadRequest, "mandate");
    }

    [Fact]
    public async Task A_network_cannot_delegate_to_itself_directly()
    {
        var client = await factory.SignedInAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en"); // the assertion reads the English message
        var network = await client.NetworkAsync("Lenkrunde", "steeringGroup");
        var problem = await HttpAssert.ProblemAsync(await client.SendAsync(HttpMethod.Put, $"/api/v1/networks/{network.Id()}",
            Body("Lenkrunde", new[] { new { targetNetworkId = network.Id(), type = "delegatesTo" } }), "\"1\""), HttpStatusCode.BadRequest, "links[0].targetNetworkId");
        Assert.Contains("itself", problem.GetProperty("errors").GetProperty("links[0].targetNetworkId")[0].GetString());
        var after = await client.GetAsync($"/api/v1/networks/{network.Id()}");
        Assert.Equal("\"1\"", after.Headers.ETag?.Tag);
        Assert.Empty((await HttpAssert.OkAsync<JsonElement>(after)).GetProperty("links").EnumerateArray());
    }

    [Fact]
    public async Task Links_closing_a_cycle_are_refused_and_nothing_is_written()
    {
        var client = await factory.SignedInAsync();
        var steering = await client.NetworkAsync("Lenkrunde", "steeringGroup");
        var focus = await client.NetworkAsync("Fokusgruppe", extra: new { links = new[] { new { targetNetworkId = steering.Id(), type = "delegatesTo" } } });
        var working = await client.NetworkAsync("AG", "workingGroup", new { links = new[] { new { targetNetworkId = focus.Id(), type = "reportsTo" } } });
        var other = await client.NetworkAsync("Bündnis", "alliance");

        // Lenkrunde → AG would close Lenkrunde → AG → Fokusgruppe → Lenkrunde (the first link is fine, the second closes it).
        var problem = await HttpAssert.ProblemAsync(await client.SendAsync(HttpMethod.Put, $"/api/v1/networks/{steering.Id()}",
            Body("Lenkrunde", new[] { new { targetNetworkId = other.Id(), type = "reportsTo" }, new { targetNetworkId = working.Id(), type = "delegatesTo" } }), "\"1\""),
            HttpStatusCode.BadRequest, "links[1].targetNetworkId");
        Assert.Contains("Lenkrunde → AG → Fokusgruppe → Lenkrunde", problem.GetProperty("errors").GetProperty("links[1].targetNetworkId")[0].GetString());

        var after = await client.GetAsync($"/api/v1/networks/{steering.Id()}");
        Assert.Equal("\"1\"", after.Headers.ETag?.Tag);
        var s = await HttpAssert.OkAsync<JsonElement>(after);
        Assert.Empty(s.GetProperty("links").EnumerateArray());
        Assert.Equal("Lenkrunde", s.GetProperty("name").GetString());
        Assert.Empty((await client.GetJsonAsync($"/api/v1/networks/{other.Id()}")).GetProperty("incomingLinks").EnumerateArray());

        // Replacing a network's own links is judged without its old ones: Fokusgruppe may turn its link around.
        var turned = await HttpAssert.OkAsync<JsonElement>(await client.SendAsync(HttpMethod.Put, $"/api/v1/networks/{focus.Id()}",
            Body("Fokusgruppe", new[] { new { targetNetworkId = other.Id(), type = "reportsTo" } }), "\"1\""));
        Assert.Equal(other.Id(), turned.GetProperty("links")[0].GetProperty("networkId").GetGuid());
    }

    [Fact]
    public async Task Viewers_may_not_update()
    {
        var client = await factory.SignedInAsync();
        var network = await client.NetworkAsync("AG Soziales", "workingGroup");
        var viewer = await factory.SignedInAsAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.SendAsync(HttpMethod.Put, $"/api/v1/networks/{network.Id()}", Body("X"), "\"1\"")).StatusCode);
    }
}
