using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Actors.ActorApi;

namespace Raumnetz.IntegrationTests.Inventory;

/// <summary>Shared steps of the inventory tests: valid bodies, creating spaces with geometries, locations and services.</summary>
public static class InventoryApi
{
    public const string LocationsUrl = "/api/v1/locations";
    public const string ServicesUrl = "/api/v1/services";
    public const string TaxonomiesUrl = "/api/v1/taxonomies";

    /// <summary>A valid physical location body; <paramref name="changes"/> replaces or adds fields.</summary>
    public static JsonObject Location(string name, object? changes = null) => Merge(new JsonObject
    {
        ["name"] = name,
        ["kind"] = "physical",
    }, changes);

    /// <summary>A valid active service body; <paramref name="changes"/> replaces or adds fields.</summary>
    public static JsonObject Service(string name, object? changes = null) => Merge(new JsonObject
    {
        ["name"] = name,
        ["status"] = "active",
    }, changes);

    public static async Task<JsonElement> CreateLocationAsync(HttpClient client, JsonObject body) =>
        await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(LocationsUrl, body), HttpStatusCode.Created);

    public static async Task<Guid> CreateLocationIdAsync(HttpClient client, string name, object? changes = null) =>
        (await CreateLocationAsync(client, Location(name, changes))).GetProperty("id").GetGuid();

    public static async Task<JsonElement> CreateServiceAsync(HttpClient client, JsonObject body) =>
        await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(ServicesUrl, body), HttpStatusCode.Created);

    public static async Task<Guid> CreateServiceIdAsync(HttpClient client, string name, object? changes = null) =>
        (await CreateServiceAsync(client, Service(name, changes))).GetProperty("id").GetGuid();

    /// <summary>A square polygon from (lon, lat) with the side in degrees, as GeoJSON.</summary>
    public static object Square(double lon, double lat, double side) => new
    {
        type = "Polygon",
        coordinates = new[] { new[] { new[] { lon, lat }, new[] { lon + side, lat }, new[] { lon + side, lat + side }, new[] { lon, lat
            + side },
            new[] { lon, lat } } },
    };

    public static async Task<Guid> CreateSpaceWithGeometryAsync(HttpClient client, string name, string level, object geometry,
        Guid? parentId = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/spaces", new { code = Token(), name, level, parentId, geometry });
        return (await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    /// <summary>A region of the map no other test of the class uses (a random square of a tenth of a degree in Germany).</summary>
    public static (double Lon, double Lat) FreeRegion()
    {
        var r = Random.Shared;
        return (6 + (r.Next(0, 80) * 0.11), 48 + (r.Next(0, 40) * 0.11));
    }

    /// <summary>How many locations / services whose names contain <paramref name="token"/> exist, archived ones included.</summary>
    public static async Task<int> CountAsync(HttpClient client, string url, string token) =>
        (await AllPagesAsync(client, $"{url}?includeArchived=true&q={token}")).Count;

    public static Guid Id(this JsonElement e) => e.GetProperty("id").GetGuid();

    public static List<string> Codes(this JsonElement terms) => terms.EnumerateArray().Select(t => t.GetProperty("code").GetString(
        )!).ToList();
}
