using System.Text.Json;
using Raumnetz.Application.Spaces;

namespace Raumnetz.UnitTests.Application;

/// <summary>The right-hand rule of RFC 7946 (3.1.6) as the API winds every space geometry.</summary>
public sealed class GeoJsonWindingTests
{
    private const string ClockwiseSquare = "[[0,0],[0,1],[1,1],[1,0],[0,0]]";
    private const string CounterclockwiseSquare = "[[0,0],[1,0],[1,1],[0,1],[0,0]]";
    private const string CounterclockwiseHole = "[[0.2,0.2],[0.4,0.2],[0.4,0.4],[0.2,0.4],[0.2,0.2]]";
    private const string ClockwiseHole = "[[0.2,0.2],[0.2,0.4],[0.4,0.4],[0.4,0.2],[0.2,0.2]]";

    private static string Polygon(params string[] rings) => $$"""{"type":"Polygon","coordinates":[{{string.Join(",", rings)}}]}""";

    [Fact]
    public void The_shoelace_sign_tells_the_orientation()
    {
        Assert.True(GeoJsonWinding.SignedArea(JsonDocument.Parse(CounterclockwiseSquare).RootElement) > 0);
        Assert.True(GeoJsonWinding.SignedArea(JsonDocument.Parse(ClockwiseSquare).RootElement) < 0);
        Assert.Equal(2.0, GeoJsonWinding.SignedArea(JsonDocument.Parse(CounterclockwiseSquare).RootElement), 12);
        // far from the origin (Berlin) the sign holds as well
        Assert.True(GeoJsonWinding.SignedArea(JsonDocument.Parse(
            "[[13.5,52.5],[13.5000001,52.5],[13.5000001,52.5000001],[13.5,52.5]]").RootElement) > 0);
    }

    [Fact]
    public void A_clockwise_exterior_and_a_counterclockwise_hole_are_reversed_from_their_first_point()
    {
        var wound = GeoJsonWinding.Rewind(Polygon(ClockwiseSquare, CounterclockwiseHole));
        Assert.Equal(Polygon(CounterclockwiseSquare, ClockwiseHole), wound);
        Assert.True(GeoJsonWinding.FollowsRightHandRule(JsonDocument.Parse(wound).RootElement));
    }

    [Fact]
    public void A_geometry_that_follows_the_rule_is_returned_as_it_is()
    {
        var text = """
            { "type": "Polygon", "coordinates": [ [[0,0],[1,0],[1,1],[0,1],[0,0]], [[0.2,0.2],[0.2,0.4],[0.4,0.4],[0.2,0.2]] ] }
            """;
        Assert.Same(text, GeoJsonWinding.Rewind(text));
        var element = JsonDocument.Parse(text).RootElement;
        Assert.Equal(element.GetRawText(), GeoJsonWinding.Rewind(element).GetRawText());
    }

    [Fact]
    public void Every_polygon_of_a_multipolygon_is_wound_and_numbers_and_foreign_members_stay_as_written()
    {
        var text = """
            {"type":"MultiPolygon","bbox":[0,0,3.50,1],"coordinates":[[[[0,0],[0,1],[1,1],[1,0],[0,0]]],
             [[[2.50,0],[3.50,0],[3.50,1.0],[2.50,0]]]]}
            """;
        var wound = JsonDocument.Parse(GeoJsonWinding.Rewind(text)).RootElement;
        Assert.Equal("[0,0,3.50,1]", wound.GetProperty("bbox").GetRawText());
        Assert.Equal("[[[0,0],[1,0],[1,1],[0,1],[0,0]]]", wound.GetProperty("coordinates")[0].GetRawText());
        Assert.Equal("[[[2.50,0],[3.50,0],[3.50,1.0],[2.50,0]]]", wound.GetProperty("coordinates")[1].GetRawText());
        Assert.True(GeoJsonWinding.FollowsRightHandRule(wound));
    }

    [Theory]
    [InlineData("""{"type":"Point","coordinates":[13.4,52.5]}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,1],[2,2],[0,0]]]}""")] // no area: no orientation
    [InlineData("""{"type":"Polygon","coordinates":[]}""")]
    public void Geometries_without_orientation_are_left_alone(string text) => Assert.Same(text, GeoJsonWinding.Rewind(text));
}
