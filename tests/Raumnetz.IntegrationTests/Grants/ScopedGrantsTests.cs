using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Indicators;
using Raumnetz.IntegrationTests.Infrastructure;

using Raumnetz.IntegrationTests.Networks;
using static Raumnetz.IntegrationTests.Grants.GrantsApi;
using static Raumnetz.IntegrationTests.Users.AccountApi;

namespace Raumnetz.IntegrationTests.Grants;

/// <summary>
/// The authorization matrix of scoped grants: a coordinator of one network writes to it (the network, members, meetings,
/// agreements) and gets 403 on another network and on everything global; an editor of a space subtree writes spaces,
/// observations and inventory records inside it and gets 403 outside; an API key with a scope likewise. Reads stay open.
/// </summary>
public sealed class ScopedGrantsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Guid Teltow, Guid Other, Guid Actor)> TwoNetworksAsync()
    {
        var admin = await factory.AdminAsync();
        var teltow = (await admin.NetworkAsync($"Lenkrunde Teltow {Guid.NewGuid():N}", "steeringGroup")).Id();
        var other = (await admin.NetworkAsync($"Fokusgruppe Stahnsdorf {Guid.NewGuid():N}")).Id();
        var actor = await factory.ActorAsync($"Jugendamt {Guid.NewGuid():N}");
        return (teltow, other, actor);
    }

    [Fact]
    public async Task A_network_coordinator_writes_to_the_network_its_members_meetings_and_agreements_and_nothing_else()
    {
        var (teltow, other, actor) = await TwoNetworksAsync();
        var admin = await factory.AdminAsync();
        var (coordinator, _) = await ScopedUserAsync(factory, NetworkGrant(teltow));

        // the network itself
        var updated = await HttpAssert.OkAsync<JsonElement>(await coordinator.PutIfMatchAsync($"/api/v1/networks/{teltow}",
            new { name = "Lenkrunde Teltow", kind = "steeringGroup", mandate = "Neuer Auftrag", status = "active" }));
        Assert.Equal("Neuer Auftrag", updated.Str("mandate"));

        // members, meetings, agreements
        var member = await coordinator.MemberAsync(teltow, actor);
        var meeting = await coordinator.MeetingAsync(teltow, new DateTimeOffset(2026, 3, 4, 15, 0, 0, TimeSpan.Zero));
        var task = await coordinator.TaskAsync(teltow, [actor]);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteIfMatchAsync($"/api/v1/meetings/{meeting.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteIfMatchAsync($"/api/v1/tasks/{task.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent,
            (await coordinator.DeleteIfMatchAsync($"/api/v1/networks/{teltow}/members/{member.Id()}")).StatusCode);

        // another network: 403 for each kind of write, and nothing written
        await ForbiddenAsync(await coordinator.PostAsJsonAsync($"/api/v1/networks/{other}/members",
            new { actorId = actor, role = "member" }, Ct));
        await ForbiddenAsync(await coordinator.PostAsJsonAsync($"/api/v1/networks/{other}/meetings",
            new { startsAt = "2026-03-04T15:00:00Z", endsAt = "2026-03-04T17:00:00Z", cancelled = false }, Ct));
        await ForbiddenAsync(await coordinator.PostAsJsonAsync("/api/v1/tasks",
            new { networkId = other, title = "Einladung", responsibleActorIds = new[] { actor }, status = "open" }, Ct));
        var foreignMeeting = await admin.MeetingAsync(other, new DateTimeOffset(2026, 5, 6, 15, 0, 0, TimeSpan.Zero));
        await ForbiddenAsync(await coordinator.DeleteIfMatchAsync($"/api/v1/meetings/{foreignMeeting.Id()}"));
        var foreignTask = await admin.TaskAsync(other, [actor]);
        await ForbiddenAsync(await coordinator.DeleteIfMatchAsync($"/api/v1/tasks/{foreignTask.Id()}"));
        // moving an agreement of its network into another network is a write there too
        var ownTask = await coordinator.TaskAsync(teltow, [actor]);
        await ForbiddenAsync(await coordinator.PutIfMatchAsync($"/api/v1/tasks/{ownTask.Id()}",
            new { networkId = other, title = "Einladung", responsibleActorIds = new[] { actor }, status = "open" }));
        Assert.Empty((await admin.GetJsonAsync($"/api/v1/networks/{other}/members")).Items());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/meetings/{foreignMeeting.Id()}", Ct)).StatusCode);

        // global writes and spaces: 403; reads: open
        await ForbiddenAsync(await coordinator.PostAsJsonAsync("/api/v1/networks",
            new { name = "Neu", kind = "focusGroup", mandate = "Neu", status = "active" }, Ct));
        await ForbiddenAsync(await coordinator.PostAsJsonAsync("/api/v1/spaces", new { code = "X1", name = "X", level = "district" }, Ct));
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/api/v1/networks/{other}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_space_editor_writes_spaces_observations_and_inventory_inside_the_subtree_and_gets_403_outside()
    {
        var admin = await factory.AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var county = await admin.SpaceAsync($"PM{tag}", "Potsdam-Mittelmark", "county");
        var werder = await admin.SpaceAsync($"W{tag}", "Planungsregion Werder", "planningRegion", county);
        var teltow = await admin.SpaceAsync($"T{tag}", "Planungsregion Teltow", "planningRegion", county);
        var indicator = (await IndicatorApi.CreateIndicatorAsync(admin, IndicatorApi.Count($"SGB{tag}"))).Id();
        var (editor, _) = await ScopedUserAsync(factory, SpaceGrant(werder));

        // spaces inside the subtree: create, update, end
        var glindow = (await editor.CreateSpaceAsync($"G{tag}", "Glindow", "municipality", werder)).Id();
        var (space, etag) = await editor.GetSpaceAsync(glindow);
        Assert.Equal(HttpStatusCode.OK, (await editor.PutIfMatchAsync($"/api/v1/spaces/{glindow}",
            new { code = $"G{tag}", name = "Glindow (Werder)", level = "municipality", parentId = werder }, etag)).StatusCode);
        // the root of the subtree itself may be renamed, not moved
        Assert.Equal(HttpStatusCode.OK, (await editor.PutIfMatchAsync($"/api/v1/spaces/{werder}",
            new { code = $"W{tag}", name = "Planungsregion Werder (Havel)", level = "planningRegion", parentId = county })).StatusCode);
        await ForbiddenAsync(await editor.PutIfMatchAsync($"/api/v1/spaces/{werder}",
            new { code = $"W{tag}", name = "Planungsregion Werder", level = "planningRegion", parentId = teltow }));
        // moving a space out of the subtree, or creating one outside: 403
        await ForbiddenAsync(await editor.PutIfMatchAsync($"/api/v1/spaces/{glindow}",
            new { code = $"G{tag}", name = "Glindow", level = "municipality", parentId = teltow }));
        await ForbiddenAsync(await editor.PostAsJsonAsync("/api/v1/spaces",
            new { code = $"K{tag}", name = "Kleinmachnow", level = "municipality", parentId = teltow }, Ct));
        await ForbiddenAsync(await editor.PostAsJsonAsync("/api/v1/spaces", new { code = $"R{tag}", name = "Oben", level = "state" }, Ct));
        Assert.Equal(werder, (await editor.GetSpaceAsync(glindow)).Space.GetProperty("parentId").GetGuid());
        _ = space;

        // observations: inside yes, outside no
        var observation = await IndicatorApi.PutObservationOkAsync(editor,
            new { indicatorId = indicator, spaceId = glindow, period = "2024", value = 3 });
        await ForbiddenAsync(await IndicatorApi.PutObservationAsync(editor,
            new { indicatorId = indicator, spaceId = teltow, period = "2024", value = 3 }));
        var foreign = await IndicatorApi.PutObservationOkAsync(admin,
            new { indicatorId = indicator, spaceId = teltow, period = "2023", value = 5 });
        await ForbiddenAsync(await editor.DeleteIfMatchAsync($"{IndicatorApi.ObservationsUrl}/{foreign.Id()}"));
        Assert.Equal(HttpStatusCode.NoContent,
            (await editor.DeleteIfMatchAsync($"{IndicatorApi.ObservationsUrl}/{observation.Id()}")).StatusCode);

        // inventory: a location and a service in the subtree yes, outside no; a funding follows its service
        var location = await Inventory.InventoryApi.CreateLocationIdAsync(editor, "Jugendclub Glindow", new { spaceId = glindow });
        await ForbiddenAsync(await editor.PostAsJsonAsync(Inventory.InventoryApi.LocationsUrl,
            Inventory.InventoryApi.Location("Treff Teltow", new { spaceId = teltow }), Ct));
        await ForbiddenAsync(await editor.PostAsJsonAsync(Inventory.InventoryApi.LocationsUrl,
            Inventory.InventoryApi.Location("Nirgendwo"), Ct));
        var service = await Inventory.InventoryApi.CreateServiceIdAsync(editor, "Offene Jugendarbeit",
            new { locations = new[] { new { locationId = location } } });
        var foreignLocation = await Inventory.InventoryApi.CreateLocationIdAsync(admin, "Treff Teltow", new { spaceId = teltow });
        await ForbiddenAsync(await editor.PostAsJsonAsync(Inventory.InventoryApi.ServicesUrl,
            Inventory.InventoryApi.Service("Beratung", new { locations = new[] { new { locationId = foreignLocation } } }), Ct));
        var foreignService = await Inventory.InventoryApi.CreateServiceIdAsync(admin, "Beratung Teltow",
            new { locations = new[] { new { locationId = foreignLocation } } });
        await ForbiddenAsync(await editor.SendJsonAsync(HttpMethod.Post, $"{Inventory.InventoryApi.ServicesUrl}/{foreignService}/archive",
            null, ("If-Match", "*")));
        var funder = await factory.ActorAsync($"Landkreis {tag}");
        var funding = await HttpAssert.OkAsync<JsonElement>(await editor.PostAsJsonAsync("/api/v1/fundings",
            new { serviceId = service, funderActorId = funder, renewalStatus = "open" }, Ct), HttpStatusCode.Created);
        // moving its own funding to a service outside the subtree is a write there too
        await ForbiddenAsync(await editor.PutIfMatchAsync($"/api/v1/fundings/{funding.Id()}",
            new { serviceId = foreignService, funderActorId = funder, renewalStatus = "open" }));
        Assert.Equal(HttpStatusCode.OK, (await editor.PutIfMatchAsync($"/api/v1/fundings/{funding.Id()}",
            new { serviceId = service, funderActorId = funder, renewalStatus = "open", programme = "Jugendförderplan" })).StatusCode);
        await ForbiddenAsync(await editor.PostAsJsonAsync("/api/v1/fundings",
            new { serviceId = foreignService, funderActorId = funder, renewalStatus = "open" }, Ct));

        // global things stay with global writers
        await ForbiddenAsync(await editor.PostAsJsonAsync(IndicatorApi.IndicatorsUrl, IndicatorApi.Count($"X{tag}"), Ct));
    }

    [Fact]
    public async Task An_api_key_with_a_scope_writes_inside_it_and_gets_403_outside()
    {
        var admin = await factory.AdminAsync();
        var (teltow, other, actor) = await TwoNetworksAsync();
        var key = await ScopedKeyAsync(factory, NetworkGrant(teltow));

        var me = await HttpAssert.OkAsync<JsonElement>(await key.GetAsync("/api/v1/auth/me", Ct));
        var grant = Assert.Single(me.GetProperty("grants").EnumerateArray());
        Assert.Equal(("network", teltow), (grant.Str("scope"), grant.GetProperty("targetId").GetGuid()));

        await key.MemberAsync(teltow, actor);
        await ForbiddenAsync(await key.PostAsJsonAsync($"/api/v1/networks/{other}/members", new { actorId = actor, role = "member" }, Ct));
        Assert.Single((await admin.GetJsonAsync($"/api/v1/networks/{teltow}/members")).Items());
        Assert.Empty((await admin.GetJsonAsync($"/api/v1/networks/{other}/members")).Items());

        var keys = await HttpAssert.OkAsync<JsonElement>(await admin.GetAsync("/api/v1/api-keys", Ct));
        Assert.Contains(keys.EnumerateArray(),
            k => k.GetProperty("grants").EnumerateArray().Any(g => g.GetProperty("targetId").GetGuid() == teltow));
    }

    [Fact]
    public async Task A_viewer_without_grants_still_gets_403_and_a_global_editor_is_not_limited_by_grants()
    {
        var (teltow, other, actor) = await TwoNetworksAsync();
        var viewer = await factory.SignedInAsAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await viewer.PostAsJsonAsync($"/api/v1/networks/{teltow}/members", new { actorId = actor, role = "member" }, Ct)).StatusCode);

        var (id, email) = await CreateUserAsync(factory, "editor");
        await SetGrantsAsync(factory, id, "editor", NetworkGrant(teltow));
        var editor = await factory.SignedInAsync(email, Password);
        await editor.MemberAsync(other, actor);
    }

    [Fact]
    public async Task Grants_are_listed_on_the_account_and_by_auth_me_and_a_change_applies_at_the_next_write()
    {
        var (teltow, other, actor) = await TwoNetworksAsync();
        var (client, id) = await ScopedUserAsync(factory, NetworkGrant(teltow));

        var me = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync("/api/v1/auth/me", Ct));
        var grant = Assert.Single(me.GetProperty("grants").EnumerateArray());
        Assert.Equal(("coordinator", "network", teltow), (grant.Str("role"), grant.Str("scope"), grant.GetProperty("targetId").GetGuid()));
        Assert.StartsWith("Lenkrunde Teltow", grant.Str("targetName"), StringComparison.Ordinal);
        var admin = await factory.AdminAsync();
        var listed = (await HttpAssert.OkAsync<JsonElement>(await admin.GetAsync(UsersUrl, Ct))).EnumerateArray().Single(u => u.Id() == id);
        Assert.Single(listed.GetProperty("grants").EnumerateArray());

        // replaced by a grant on the other network: the same session now writes there and no longer to Teltow
        var account = await SetGrantsAsync(factory, id, "viewer", NetworkGrant(other));
        Assert.Equal(other, Assert.Single(account.GetProperty("grants").EnumerateArray()).GetProperty("targetId").GetGuid());
        await client.MemberAsync(other, actor);
        await ForbiddenAsync(await client.PostAsJsonAsync($"/api/v1/networks/{teltow}/members",
            new { actorId = actor, role = "member" }, Ct));

        // leaving grants out of the update keeps them; an empty list removes them
        await admin.PutIfMatchAsync($"{UsersUrl}/{id}", new { displayName = "Konto Test", role = "viewer" });
        Assert.Single((await HttpAssert.OkAsync<JsonElement>(await admin.GetAsync($"{UsersUrl}/{id}", Ct)))
            .GetProperty("grants").EnumerateArray());
        await SetGrantsAsync(factory, id, "viewer");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await client.PostAsJsonAsync($"/api/v1/networks/{other}/members", new { actorId = actor, role = "member" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Bad_grants_are_400_naming_the_field_and_nothing_is_written()
    {
        var admin = await factory.AdminAsync();
        var (id, _) = await CreateUserAsync(factory, "viewer");
        var (teltow, _, _) = await TwoNetworksAsync();
        await HttpAssert.ProblemAsync(await admin.PutIfMatchAsync($"{UsersUrl}/{id}",
            new
            {
                displayName = "Konto Test", role = "viewer",
                grants = new[] { new { role = "admin", scope = "network", targetId = teltow } },
            }),
            HttpStatusCode.BadRequest, "grants[0].role");
        await HttpAssert.ProblemAsync(await admin.PutIfMatchAsync($"{UsersUrl}/{id}",
            new
            {
                displayName = "Konto Test", role = "viewer",
                grants = new object[] { NetworkGrant(teltow), NetworkGrant(Guid.NewGuid()) },
            }),
            HttpStatusCode.BadRequest, "grants[1].targetId");
        await HttpAssert.ProblemAsync(await admin.PutIfMatchAsync($"{UsersUrl}/{id}",
            new
            {
                displayName = "Konto Test", role = "viewer",
                grants = new[] { new { role = "editor", scope = "space", targetId = teltow } },
            }),
            HttpStatusCode.BadRequest, "grants[0].targetId");
        var user = await HttpAssert.OkAsync<JsonElement>(await admin.GetAsync($"{UsersUrl}/{id}", Ct));
        Assert.Empty(user.GetProperty("grants").EnumerateArray());
    }
}
