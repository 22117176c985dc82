using Raumnetz.Domain.Spaces;

namespace Raumnetz.UnitTests.Domain;

public sealed class SpaceRulesTests
{
    [Theory]
    [InlineData(SpaceLevel.State, SpaceLevel.County, true)]
    [InlineData(SpaceLevel.County, SpaceLevel.Neighbourhood, true)]
    [InlineData(SpaceLevel.Municipality, SpaceLevel.District, true)]
    [InlineData(SpaceLevel.District, SpaceLevel.District, false)]
    [InlineData(SpaceLevel.Neighbourhood, SpaceLevel.District, false)]
    [InlineData(SpaceLevel.County, SpaceLevel.State, false)]
    public void Child_must_sit_on_a_lower_level(SpaceLevel parent, SpaceLevel child, bool valid)
    {
        Assert.Equal(valid, SpaceRules.IsValidChildLevel(parent, child));
    }

    [Fact]
    public void Levels_are_ordered_from_largest_to_smallest()
    {
        Assert.Equal(
            [SpaceLevel.State, SpaceLevel.County, SpaceLevel.PlanningRegion, SpaceLevel.Municipality, SpaceLevel.District,
                SpaceLevel.Neighbourhood],
            Enum.GetValues<SpaceLevel>().OrderBy(l => (int)l));
        Assert.All(Enum.GetValues<SpaceLevel>().Zip(Enum.GetValues<SpaceLevel>().Skip(1)), pair
            => Assert.True(SpaceRules.IsValidChildLevel(pair.First, pair.Second)));
    }

    [Theory]
    [InlineData("2024-01-01", null, "2024-01-01", true)]
    [InlineData("2024-01-01", null, "2099-12-31", true)]
    [InlineData("2024-01-01", null, "2023-12-31", false)]
    [InlineData("2024-01-01", "2024-06-30", "2024-06-30", true)] // validTo is inclusive
    [InlineData("2024-01-01", "2024-06-30", "2024-07-01", false)]
    [InlineData("2024-01-01", "2024-01-01", "2024-01-01", true)]
    [InlineData("2024-01-01", "2024-06-30", "2023-06-30", false)]
    public void Is_valid_from_its_first_to_its_last_day(string from, string? to, string day, bool valid)
    {
        Assert.Equal(valid, SpaceRules.IsValidOn(DateOnly.Parse(from), to is null ? null : DateOnly.Parse(to), DateOnly.Parse(day)));
    }

    [Theory]
    [InlineData("state", SpaceLevel.State)]
    [InlineData("County", SpaceLevel.County)]
    [InlineData("planningRegion", SpaceLevel.PlanningRegion)]
    [InlineData("PLANNINGREGION", SpaceLevel.PlanningRegion)]
    [InlineData("planning-region", SpaceLevel.PlanningRegion)]
    [InlineData("planning_region", SpaceLevel.PlanningRegion)]
    [InlineData("Planning Region", SpaceLevel.PlanningRegion)]
    [InlineData(" municipality ", SpaceLevel.Municipality)]
    [InlineData("neighbourhood", SpaceLevel.Neighbourhood)]
    [InlineData("Bundesland", SpaceLevel.State)]
    [InlineData("Land", SpaceLevel.State)]
    [InlineData("Landkreis", SpaceLevel.County)]
    [InlineData("Kreis", SpaceLevel.County)]
    [InlineData("Kreisfreie Stadt", SpaceLevel.County)]
    [InlineData("Planungsregion", SpaceLevel.PlanningRegion)]
    [InlineData("Gemeinde", SpaceLevel.Municipality)]
    [InlineData("Stadt", SpaceLevel.Municipality)]
    [InlineData("Kommune", SpaceLevel.Municipality)]
    [InlineData("Stadtteil", SpaceLevel.District)]
    [InlineData("Stadtbezirk", SpaceLevel.District)]
    [InlineData("Ortsteil", SpaceLevel.District)]
    [InlineData("Bezirk", SpaceLevel.District)]
    [InlineData("Quartier", SpaceLevel.Neighbourhood)]
    [InlineData("Kiez", SpaceLevel.Neighbourhood)]
    [InlineData("Sozialraum", SpaceLevel.Neighbourhood)]
    [InlineData("NACHBARSCHAFT", SpaceLevel.Neighbourhood)]
    public void Parses_api_and_german_level_names(string text, SpaceLevel expected)
    {
        Assert.True(SpaceRules.TryParseLevel(text, out var level));
        Assert.Equal(expected, level);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("galaxy")]
    [InlineData("1")]
    [InlineData("3")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("state,county")] // Enum.TryParse would combine these into PlanningRegion
    [InlineData("county, state")]
    [InlineData("Landkreise")]
    public void Refuses_unknown_levels_numbers_and_lists(string? text)
    {
        Assert.False(SpaceRules.TryParseLevel(text, out _));
    }
}
