using Raumnetz.Application.Exports;
using Raumnetz.Infrastructure.Exports;

namespace Raumnetz.UnitTests.Exports;

public sealed class ExportFormatsTests
{
    private static readonly ExportFormats Formats = new();

    [Theory]
    [InlineData(null, "csv")]
    [InlineData("", "csv")]
    [InlineData(" CSV ", "csv")]
    [InlineData("csvwide", "csv-wide")]
    [InlineData("json-stat", "jsonstat")]
    [InlineData("GeoJSON", "geojson")]
    public void Finds_a_format_by_name_or_alias(string? name, string expected) => Assert.Equal(expected, Formats.Find(name)?.Name);

    [Theory]
    [InlineData("pdf")]
    [InlineData("csv wide")]
    public void Knows_no_other_format(string name) => Assert.Null(Formats.Find(name));

    [Fact]
    public void Lists_the_names_in_the_documented_order() =>
        Assert.Equal(["csv", "csv-wide", "xlsx", "json", "jsonstat", "geojson"], Formats.Names);

    [Fact]
    public void Each_format_states_what_it_needs()
    {
        var needs = Formats.Names.Select(n => Formats.Find(n)!).ToDictionary(f => f.Name, f => (f.RowOrder, f.NeedsPeriods, f.NeedsGeometry));
        Assert.Equal((ExportRowOrder.ByIndicator, false, false), needs["csv"]);
        Assert.Equal((ExportRowOrder.ByIndicator, true, false), needs["csv-wide"]);
        Assert.Equal((ExportRowOrder.ByIndicator, false, false), needs["xlsx"]);
        Assert.Equal((ExportRowOrder.ByIndicator, false, false), needs["json"]);
        Assert.Equal((ExportRowOrder.ByIndicator, true, false), needs["jsonstat"]);
        Assert.Equal((ExportRowOrder.BySpace, false, true), needs["geojson"]);
    }

    [Fact]
    public void File_names_tell_formats_with_one_extension_apart()
    {
        var files = Formats.Names.Select(n => Formats.Find(n)!).Select(f => f.FileNameSuffix + "." + f.FileExtension).ToList();
        Assert.Equal([".csv", "-wide.csv", ".xlsx", ".json", "-jsonstat.json", ".geojson"], files);
        Assert.Equal("application/geo+json", Formats.Find("geojson")!.ContentType);
        Assert.Equal("text/csv; charset=utf-8", Formats.Find("csv-wide")!.ContentType);
    }
}
