using Raumnetz.Domain.Inventory;

namespace Raumnetz.UnitTests.Inventory;

public sealed class FundingRulesTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static FundingShare F(string? start, string? end, decimal? share) =>
        new(Guid.NewGuid(), start is null ? null : D(start), end is null ? null : D(end), share);

    [Fact]
    public void Shares_up_to_100_percent_on_every_day_are_fine()
    {
        var existing = new[] { F("2025-01-01", "2025-12-31", 60), F("2024-01-01", "2024-12-31", 80) };
        Assert.Null(FundingRules.Excess(F("2025-01-01", "2026-12-31", 40), existing));
        Assert.Null(FundingRules.Excess(F(null, null, null), existing));
    }

    [Fact]
    public void Overlapping_shares_above_100_percent_name_the_first_day()
    {
        var existing = new[] { F("2025-01-01", "2025-06-30", 60), F("2025-07-01", "2025-12-31", 50) };
        var excess = FundingRules.Excess(F("2025-03-01", null, 50), existing);
        Assert.Equal((D("2025-03-01"), 110m), excess);
        // Only the second half-year exceeds: 50 + 60 from July.
        Assert.Equal((D("2025-07-01"), 110m), FundingRules.Excess(F("2025-06-01", "2025-09-30", 60), [F("2025-07-01", null, 50)]));
    }

    [Fact]
    public void Periods_that_only_touch_do_not_add_up_and_open_ends_do()
    {
        Assert.Null(FundingRules.Excess(F("2026-01-01", null, 70), [F("2025-01-01", "2025-12-31", 70)]));
        Assert.NotNull(FundingRules.Excess(F("2025-12-31", null, 70), [F("2025-01-01", "2025-12-31", 70)]));
        Assert.NotNull(FundingRules.Excess(F(null, "2020-01-01", 70), [F(null, null, 40)]));
        Assert.Equal((null, 101m), FundingRules.Excess(F(null, null, 1), [F(null, null, 100)]));
    }

    [Fact]
    public void The_funding_itself_is_not_counted_twice()
    {
        var self = F("2025-01-01", null, 100);
        Assert.Null(FundingRules.Excess(self, [self]));
    }

    [Theory]
    [InlineData("P6M", 0, 6, 0, 0)]
    [InlineData("p90d", 0, 0, 0, 90)]
    [InlineData("P1Y6M", 1, 6, 0, 0)]
    [InlineData("P2W", 0, 0, 2, 0)]
    public void Horizons_are_iso_durations_of_dates(string text, int y, int m, int w, int d)
    {
        Assert.True(Horizon.TryParse(text, out var h));
        Assert.Equal(new Horizon(y, m, w, d), h);
    }

    [Theory]
    [InlineData("")]
    [InlineData("6")]
    [InlineData("P")]
    [InlineData("P6")]
    [InlineData("P6MY")]
    [InlineData("PT6H")]
    [InlineData("P11Y")]
    [InlineData("P4000D")]
    [InlineData("P-1M")]
    public void Other_texts_are_no_horizon(string text) => Assert.False(Horizon.TryParse(text, out _));

    [Fact]
    public void The_horizon_ends_on_a_calendar_day()
    {
        Assert.Equal(D("2026-12-15"), FundingRules.HorizonEnd(D("2026-06-15"), Horizon.SixMonths));
        Assert.Equal(D("2026-02-28"), FundingRules.HorizonEnd(D("2026-01-31"), new Horizon(0, 1, 0, 0)));
        Assert.Equal("P1Y6M", new Horizon(1, 6, 0, 0).ToString());
    }
}
