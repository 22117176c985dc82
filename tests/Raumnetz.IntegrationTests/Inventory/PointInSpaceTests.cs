using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Actors.ActorApi;
using static Raumnetz.IntegrationTests.Inventory.InventoryApi;

namespace Raumnetz.IntegrationTests.Inventory;

/// <summary>The space of a location is derived from its coordinates and the spaces' geometries, and can be set by hand.</summary>
public sealed class PointInSpaceTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_location_inside_a_space_gets_the_finest_space_containing_it()
    {
        var client = await factory.AdminAsync();
        var (lon, lat) = FreeRegion();
        var town = await CreateSpaceWithGeometryAsync(client, "Stadt", "municipality", Square(lon, lat, 0.1));
        var quarter = await CreateSpaceWithGeometryAsync(client, "Quartier", "neighbourhood", Square(lon, lat, 0.05), town);

        var inQuarter = await CreateLocationAsync(client, Location("Kita im Quartier", new { latitude = lat + 0.02, longitude = lon
            + 0.02 }));
        var inTown = await CreateLocationAsync(client, Location("Kita in der Stadt", new { latitude = lat + 0.08, longitude = lon
            + 0.08 }));

        Assert.Equal(quarter, inQuarter.GetProperty("spaceId").GetGuid());
        Assert.Equal("derived", inQuarter.GetProperty("spaceSource").GetString());
        Assert.Equal(town, inTown.GetProperty("spaceId").GetGuid());
        Assert.Single(await AllPagesAsync(client, $"{LocationsUrl}?spaceId={quarter}"));
        Assert.Equal(2, (await AllPagesAsync(client, $"{LocationsUrl}?spaceId={town}")).Count);
    }

    [Fact]
    public async Task A_location_outside_every_space_gets_none_and_one_on_the_edge_belongs_to_the_space()
    {
        var client = await factory.AdminAsync();
        var (lon, lat) = FreeRegion();
        var space = await CreateSpaceWithGeometryAsync(client, "Sozialraum", "district", Square(lon, lat, 0.05));

        var outside = await CreateLocationAsync(client, Location("Draußen", new { latitude = lat + 0.07, longitude = lon + 0.02 }));
        var onEdge = await CreateLocationAsync(client, Location("Am Rand", new { latitude = lat, longitude = lon + 0.025 }));
        var onCorner = await CreateLocationAsync(client, Location("An der Ecke", new { latitude = lat + 0.05, longitude = lon + 0.05 }));

        Assert.Equal(JsonValueKind.Null, outside.GetProperty("spaceId").ValueKind);
        Assert.Equal(JsonValueKind.Null, outside.GetProperty("spaceSource").ValueKind);
        Assert.Equal(space, onEdge.GetProperty("spaceId").GetGuid());
        Assert.Equal(space, onCorner.GetProperty("spaceId").GetGuid());
    }

    [Fact]
    public async Task A_space_set_by_hand_wins_and_moving_the_location_derives_the_space_again()
    {
        var client = await factory.AdminAsync();
        var (lon, lat) = FreeRegion();
        var west = await CreateSpaceWithGeometryAsync(client, "West", "district", Square(lon, lat, 0.04));
        var east = await CreateSpaceWithGeometryAsync(client, "Ost", "district", Square(lon + 0.05, lat, 0.04));
        var manual = await CreateSpaceAsync(client, "Ohne Fläche", "district");

        var byHand = await CreateLocationAsync(client, Location("Handgesetzt", new { latitude = lat + 0.01, longitude = lon + 0.01,
            spaceId = manual }));
        Assert.Equal(manual, byHand.GetProperty("spaceId").GetGuid());
        Assert.Equal("manual", byHand.GetProperty("spaceSource").GetString());

        var moved = await HttpAssert.OkAsync<JsonElement>(await SendAsync(client, HttpMethod.Put, $"{LocationsUrl}/{byHand.Id()}",
            Location("Handgesetzt", new { latitude = lat + 0.01, longitude = lon + 0.06 }), "\"1\""));
        Assert.Equal(east, moved.GetProperty("spaceId").GetGuid());
        Assert.Equal("derived", moved.GetProperty("spaceSource").GetString());
        Assert.NotEqual(west, moved.GetProperty("spaceId").GetGuid());
    }

    [Fact]
    public async Task Writing_back_a_derived_space_with_new_coordinates_derives_it_anew()
    {
        var client = await factory.AdminAsync();
        var (lon, lat) = FreeRegion();
        var north = await CreateSpaceWithGeometryAsync(client, "Nord", "district", Square(lon, lat + 0.05, 0.04));
        var south = await CreateSpaceWithGeometryAsync(client, "Süd", "district", Square(lon, lat, 0.04));
        var created = await CreateLocationAsync(client, Location("Umzug", new { latitude = lat + 0.01, longitude = lon + 0.01 }));
        Assert.Equal(south, created.GetProperty("spaceId").GetGuid());

        // the client sends back what it read (spaceId included) with the new address's coordinates
        var moved = await HttpAssert.OkAsync<JsonElement>(await SendAsync(client, HttpMethod.Put, $"{LocationsUrl}/{created.Id()}",
            Location("Umzug", new { latitude = lat + 0.06, longitude = lon + 0.01, spaceId = south }), "\"1\""));
        Assert.Equal(north, moved.GetProperty("spaceId").GetGuid());
        Assert.Equal("derived", moved.GetProperty("spaceSource").GetString());

        // a different space given by hand still wins
        var byHand = await HttpAssert.OkAsync<JsonElement>(await SendAsync(client, HttpMethod.Put, $"{LocationsUrl}/{created.Id()}",
            Location("Umzug", new { latitude = lat + 0.06, longitude = lon + 0.01, spaceId = south }), "\"2\""));
        Assert.Equal(south, byHand.GetProperty("spaceId").GetGuid());
        Assert.Equal("manual", byHand.GetProperty("spaceSource").GetString());
    }
}
