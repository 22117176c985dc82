using Raumnetz.Domain.Inventory;

namespace Raumnetz.UnitTests.Inventory;

public sealed class SpaceLocatorTests
{
    private static string Square(double lon, double lat, double side) =>
        FormattableString.Invariant($$"""
            {"type":"Polygon","coordinates":[[[{{lon}},{{lat}}],[{{lon + side}},{{lat}}],[{{lon + side}},{{lat + side}}],
                [{{lon}},{{lat + side}}],[{{lon}},{{lat}}]]]}
            """);

    private static readonly Guid West = Guid.NewGuid();
    private static readonly Guid East = Guid.NewGuid();
    private static readonly Guid Town = Guid.NewGuid();

    private static readonly LocatableSpace[] Spaces =
    [
        new(Town, "town", 4, Square(13.0, 52.0, 0.2)),
        new(West, "b-west", 6, Square(13.0, 52.0, 0.1)),
        new(East, "a-east", 6, Square(13.1, 52.0, 0.1)),
    ];

    [Fact]
    public void Inside_gives_the_finest_space_containing_the_point() =>
        Assert.Equal(West, SpaceLocator.Locate(52.05, 13.05, Spaces));

    [Fact]
    public void Inside_only_the_coarse_space_gives_that_one() =>
        Assert.Equal(Town, SpaceLocator.Locate(52.15, 13.05, Spaces));

    [Fact]
    public void Outside_every_space_gives_none() => Assert.Null(SpaceLocator.Locate(52.5, 13.05, Spaces));

    [Fact]
    public void On_the_shared_edge_of_two_neighbours_the_smaller_code_wins_every_time()
    {
        Assert.Equal(East, SpaceLocator.Locate(52.05, 13.1, Spaces));
        Assert.Equal(East, SpaceLocator.Locate(52.05, 13.1, Spaces.Reverse()));
    }

    [Fact]
    public void On_the_outer_edge_the_point_lies_in_the_space() =>
        Assert.Equal(West, SpaceLocator.Locate(52.0, 13.05, Spaces));

    [Fact]
    public void Multipolygons_count_and_unreadable_geometries_are_skipped()
    {
        var id = Guid.NewGuid();
        var multi = """
            {"type":"MultiPolygon","coordinates":[[[[10,50],[10.1,50],[10.1,50.1],[10,50.1],[10,50]]],
                [[[11,50],[11.1,50],[11.1,50.1],[11,50.1],[11,50]]]]}
            """;
        var point = """{"type":"Point","coordinates":[11.05,50.05]}""";
        LocatableSpace[] spaces =
            [new(Guid.NewGuid(), "broken", 6, "{not json"), new(Guid.NewGuid(), "point", 6, point), new(id, "multi", 5, multi)];
        Assert.Equal(id, SpaceLocator.Locate(50.05, 11.05, spaces));
        Assert.Null(SpaceLocator.Locate(50.05, 10.5, spaces));
    }
}
