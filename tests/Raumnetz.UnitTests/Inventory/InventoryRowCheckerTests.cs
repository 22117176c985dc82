using Raumnetz.Application.InventoryImport;
using Raumnetz.Application.Observations;

namespace Raumnetz.UnitTests.Inventory;

public sealed class InventoryRowCheckerTests
{
    private static readonly Guid Kita = Guid.NewGuid(), Kinder = Guid.NewGuid(), Awo = Guid.NewGuid(), Land = Guid.NewGuid(),
        Twin1 = Guid.NewGuid(),
        Twin2 = Guid.NewGuid(), Space = Guid.NewGuid(), Located = Guid.NewGuid();

    private static (InventoryRowChecker Checker, ImportReport Report) Checker()
    {
        var report = new ImportReport();
        var checker = new InventoryRowChecker(
            [("kita", Kita, "ServiceCategory"), ("zg-kinder", Kinder, "TargetGroup")],
            [(Awo, "AWO Teltow"), (Land, "Landkreis"), (Twin1, "Förderverein"), (Twin2, "förderverein")],
            [("12069-T", Space)], (lat, lon) => lat > 52 ? Located : null, report);
        return (checker, report);
    }

    private static Dictionary<string, string?> Row(params (string Column, string? Value)[] cells)
    {
        var row = new Dictionary<string, string?>
        {
            ["external_id"] = "K-1", ["location_name"] = "Kita Sonnenschein", ["service_name"] = "Kita Sonnenschein",
        };
        foreach (var (c, v) in cells) row[c] = v;
        return row;
    }

    [Theory]
    [InlineData("Externe ID", "external_id")]
    [InlineData("  Straße ", "street")]
    [InlineData("PLZ", "postal_code")]
    [InlineData("Förderende", "funding_end")]
    [InlineData("Träger", "operator")]
    [InlineData("Sozialraum-Code", "space")]
    [InlineData("Angebot", "service_name")]
    [InlineData("Farbe", null)]
    public void Headers_are_matched_in_english_or_german(string header, string? column) =>
        Assert.Equal(column, InventoryImportColumns.Canonical(header));

    [Theory]
    [InlineData("3-6", 3, 6)]
    [InlineData("3 bis 6 Jahre", 3, 6)]
    [InlineData("ab 60", 60, null)]
    [InlineData("60+", 60, null)]
    [InlineData("bis 27", null, 27)]
    [InlineData("-27", null, 27)]
    [InlineData("12", 12, 12)]
    public void Age_ranges_are_read_as_counties_write_them(string text, int? min, int? max)
    {
        var (checker, report) = Checker();
        var row = checker.Check(2, Row(("ages", text)));
        Assert.Equal(0, report.Count);
        Assert.Equal((min, max), (row!.MinimumAge, row.MaximumAge));
    }

    [Theory]
    [InlineData("funding_end", "31.12.2026")]
    [InlineData("funding_end", "2026-12-31")]
    [InlineData("funding_end", "46387")]
    public void Dates_come_as_iso_german_or_excel_serial(string column, string text)
    {
        var (checker, report) = Checker();
        var row = checker.Check(2, Row((column, text), ("funders", "Landkreis")));
        Assert.Equal(0, report.Count);
        Assert.Equal(new DateOnly(2026, 12, 31), row!.FundingEnd);
    }

    [Fact]
    public void References_resolve_and_coordinates_place_the_location()
    {
        var (checker, report) = Checker();
        var row = checker.Check(2, Row(("category", "KITA"), ("target_group", "zg-kinder"), ("operator", "awo teltow"),
            ("funders", $"Landkreis; {Awo}"), ("latitude", "52,41"), ("longitude", "13,27"), ("capacity", "120")))!;
        Assert.Equal(0, report.Count);
        Assert.Equal([Kita], row.CategoryIds);
        Assert.Equal([Kinder], row.TargetGroupIds);
        Assert.Equal(Awo, row.OperatorId);
        Assert.Equal([Land, Awo], row.FunderIds);
        Assert.Equal((52.41, 13.27), (row.Latitude!.Value, row.Longitude!.Value));
        Assert.Equal(Located, row.SpaceId);
        Assert.True(row.SpaceDerived);
        Assert.Equal("Places", row.CapacityUnit);
        Assert.Equal(Space, checker.Check(3, Row(("external_id", "K-2"), ("space", "12069-t")))!.SpaceId);
    }

    [Fact]
    public void Every_problem_of_a_row_is_reported_with_its_column_and_code()
    {
        var (checker, report) = Checker();
        Assert.NotNull(checker.Check(2, Row()));
        Assert.Null(checker.Check(3, Row(("category", "zg-kinder"), ("operator", "Förderverein"), ("latitude", "91"), ("longitude", "200"),
            ("ages", "9-3"), ("capacity_unit", "Tassen"), ("status", "vielleicht"), ("space", "X"), ("service_name", null))));
        Assert.Null(checker.Check(4, Row(("latitude", "52.4"))));
        Assert.Null(checker.Check(5, Row(("external_id", "K-1"), ("funding_end", "2026-12-31"))));
        var errors = report.Errors.Select(e => (e.Line, e.Column, e.Code)).ToList();
        Assert.Contains((3, "category", "unknownCategory"), errors); // a target-group code is no category
        Assert.Contains((3, "operator", "ambiguousActor"), errors);
        Assert.Contains((3, "latitude", "outsideWgs84"), errors);
        Assert.Contains((3, "longitude", "outsideWgs84"), errors);
        Assert.Contains((3, "ages", "notAnAgeRange"), errors);
        Assert.Contains((3, "capacity_unit", "notAUnit"), errors);
        Assert.Contains((3, "status", "notAStatus"), errors);
        Assert.Contains((3, "space", "unknownSpace"), errors);
        Assert.Contains((3, "service_name", "required"), errors);
        Assert.Contains((4, "longitude", "required"), errors);
        Assert.Contains((5, "external_id", "duplicate"), errors);
        Assert.Contains((5, "funding_end", "required"), errors);
    }
}
