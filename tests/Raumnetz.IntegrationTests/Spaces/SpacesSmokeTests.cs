using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Spaces;

public sealed class SpacesSmokeTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Created_space_can_be_read_back_with_its_etag()
    {
        var client = await factory.SignedInAsync();
        var created = await client.PostAsJsonAsync("/api/v1/spaces", new { code = "12069", name = "Landkreis Potsdam-Mittelmark", level = "county" });
        var body = await HttpAssert.OkAsync<JsonElement>(created, HttpStatusCode.Created);
        var get = await client.GetAsync(created.Headers.Location);
        Assert.Equal("\"1\"", get.Headers.ETag?.Tag);
        var read = await HttpAssert.OkAsync<JsonElement>(get);
        Assert.Equal(body.GetProperty("id").GetGuid(), read.GetProperty("id").GetGuid());
        Assert.Equal("county", read.GetProperty("level").GetString());
    }
}
