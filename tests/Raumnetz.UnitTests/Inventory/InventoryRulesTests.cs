using Raumnetz.Domain.Inventory;

namespace Raumnetz.UnitTests.Inventory;

public sealed class InventoryRulesTests
{
    [Theory]
    [InlineData(-90.0, true)]
    [InlineData(90.0, true)]
    [InlineData(90.000001, false)]
    [InlineData(double.NaN, false)]
    public void Latitudes_lie_between_minus_90_and_90(double value, bool valid) => Assert.Equal(valid, InventoryRules.IsLatitude(value));

    [Theory]
    [InlineData(180.0, true)]
    [InlineData(-180.0, true)]
    [InlineData(-180.5, false)]
    [InlineData(double.PositiveInfinity, false)]
    public void Longitudes_lie_between_minus_180_and_180(double value, bool valid) => Assert.Equal(valid, InventoryRules.IsLongitude(
        value));

    [Theory]
    [InlineData("de", true)]
    [InlineData("tr", true)]
    [InlineData("ara", true)]
    [InlineData("xx", false)]
    [InlineData("DE", false)]
    [InlineData("deu1", false)]
    [InlineData("", false)]
    public void Language_codes_are_iso_639(string code, bool valid) => Assert.Equal(valid, InventoryRules.IsLanguageCode(code));

    [Theory]
    [InlineData("09:00", "12:00", true)]
    [InlineData("14:00", "13:59", false)]
    [InlineData("10:00", "10:00", false)]
    [InlineData("22:00", "24:00", true)]
    public void An_interval_must_end_after_it_starts(string opens, string closes, bool valid) =>
        Assert.Equal(valid, InventoryRules.EndsAfterStart(opens, closes));

    [Theory]
    [InlineData("24:00", false, false)]
    [InlineData("24:00", true, true)]
    [InlineData("9:00", false, false)]
    [InlineData("23:60", false, false)]
    [InlineData("00:00", false, true)]
    public void Times_are_hh_mm(string text, bool closing, bool valid) => Assert.Equal(valid, InventoryRules.TryParseTime(text, closing,
        out _));

    [Fact]
    public void Weekdays_round_trip_through_rfc5545_codes()
    {
        Assert.Equal("TH", InventoryRules.DayCode(Weekday.Thursday));
        Assert.Equal([Weekday.Thursday, Weekday.Friday], InventoryRules.ParseDays("TH,FR,XX"));
    }
}
