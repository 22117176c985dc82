using System.Net;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Spaces;

public sealed class DeleteSpaceTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static Task<HttpResponseMessage> DeleteAsync(HttpClient c, Guid id, string? ifMatch = "*") =>
        ifMatch is null ? c.SendJsonAsync(HttpMethod.Delete, $"/api/v1/spaces/{id}", null)
            : c.SendJsonAsync(HttpMethod.Delete, $"/api/v1/spaces/{id}", null, ("If-Match", ifMatch));

    [Fact]
    public async Task Unreferenced_space_is_deleted_with_204_and_then_gone()
    {
        var c = await factory.AdminAsync();
        var space = await c.CreateSpaceAsync("D-1", "Versehen", "district");

        var response = await DeleteAsync(c, space.Id(), "\"1\"");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength ?? 0);
        await HttpAssert.ProblemAsync(await c.GetAsync($"/api/v1/spaces/{space.Id()}", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await DeleteAsync(c, space.Id()), HttpStatusCode.NotFound);
        Assert.DoesNotContain(await c.AllSpacesAsync(), s => s.Str("code") == "D-1");
    }

    [Fact]
    public async Task Space_with_children_is_409_and_stays()
    {
        var c = await factory.AdminAsync();
        var parent = await c.CreateSpaceAsync("D-P", "Eltern", "municipality");
        await c.CreateSpaceAsync("D-C", "Kind", "district", parent.Id());
        await HttpAssert.ProblemAsync(await DeleteAsync(c, parent.Id()), HttpStatusCode.Conflict);
        await c.GetSpaceAsync(parent.Id());
    }

    [Fact]
    public async Task Space_that_is_a_predecessor_or_has_one_is_409()
    {
        var c = await factory.AdminAsync();
        var old = await c.CreateSpaceAsync("D-OLD", "Vorher", "district");
        var successor = await c.CreateSpaceAsync("D-NEW", "Nachher", "district", predecessorIds: [old.Id()]);
        await HttpAssert.ProblemAsync(await DeleteAsync(c, old.Id()), HttpStatusCode.Conflict);
        await HttpAssert.ProblemAsync(await DeleteAsync(c, successor.Id()), HttpStatusCode.Conflict);
        Assert.Equal(2, (await c.AllSpacesAsync()).Count(s => s.Str("code") is "D-OLD" or "D-NEW"));
    }

    [Fact]
    public async Task Child_can_be_deleted_and_then_its_parent()
    {
        var c = await factory.AdminAsync();
        var parent = await c.CreateSpaceAsync("D-P2", "Eltern", "municipality");
        var child = await c.CreateSpaceAsync("D-C2", "Kind", "district", parent.Id());
        Assert.Equal(HttpStatusCode.NoContent, (await DeleteAsync(c, child.Id())).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await DeleteAsync(c, parent.Id())).StatusCode);
    }

    [Fact]
    public async Task Stale_if_match_is_412_and_the_space_stays()
    {
        var c = await factory.AdminAsync();
        var space = await c.CreateSpaceAsync("D-2", "Bleibt", "district");
        await HttpAssert.ProblemAsync(await DeleteAsync(c, space.Id(), "\"2\""), HttpStatusCode.PreconditionFailed);
        await c.GetSpaceAsync(space.Id());
    }

    [Fact]
    public async Task Malformed_if_match_is_400()
    {
        var c = await factory.AdminAsync();
        var space = await c.CreateSpaceAsync("D-3", "Bleibt auch", "district");
        await HttpAssert.ProblemAsync(await DeleteAsync(c, space.Id(), "eins"), HttpStatusCode.BadRequest, "If-Match");
        await c.GetSpaceAsync(space.Id());
    }

    [Fact]
    public async Task Unknown_space_is_404()
    {
        await HttpAssert.ProblemAsync(await DeleteAsync(await factory.AdminAsync(), Guid.NewGuid()), HttpStatusCode.NotFound);
    }
}
