using Raumnetz.Application.InventoryImport;

namespace Raumnetz.UnitTests.Inventory;

public sealed class ImportNumbersTests
{
    [Theory]
    [InlineData("2500", 2500.0)]
    [InlineData("2.500", 2500.0)]
    [InlineData("1.200", 1200.0)]
    [InlineData("1.000.000", 1_000_000.0)]
    [InlineData("2,5", 2.5)]
    [InlineData("2,500", 2.5)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("-3,25", -3.25)]
    [InlineData("12.5", 12.5)] // a '.' before other than three digits groups nothing: it is the decimal point
    [InlineData("25.00", 25.0)]
    [InlineData("0.500", 0.5)] // no number starts with a group "0"
    [InlineData("1,5E-05", 1.5e-5)]
    public void A_german_file_reads_a_decimal_comma_and_points_between_thousands(string text, double value) =>
        Assert.Equal(new NumberReading(value), ImportNumbers.Read(text, NumberNotation.German, thousands: true));

    [Theory]
    [InlineData("2500", 2500.0)]
    [InlineData("2.5", 2.5)]
    [InlineData("2,5", 2.5)]
    [InlineData("52.5200", 52.52)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("1,234,567", 1_234_567.0)]
    [InlineData("1E-05", 1e-5)]
    [InlineData(" 7 ", 7.0)]
    public void A_file_of_unknown_notation_takes_what_only_one_reading_allows(string text, double value) =>
        Assert.Equal(new NumberReading(value), ImportNumbers.Read(text, NumberNotation.Unknown, thousands: true));

    [Theory]
    [InlineData("2.500", 2500.0, 2.5)]
    [InlineData("1.200", 1200.0, 1.2)]
    [InlineData("1,250", 1.25, 1250.0)]
    [InlineData("-1.000", -1000.0, -1.0)]
    public void A_file_of_unknown_notation_does_not_guess_between_two_readings(string text, double german, double point) =>
        Assert.Equal(new NumberReading(german, point), ImportNumbers.Read(text, NumberNotation.Unknown, thousands: true));

    [Theory]
    [InlineData("13.405", NumberNotation.Unknown, 13.405)]
    [InlineData("13,405", NumberNotation.Unknown, 13.405)]
    [InlineData("13.405", NumberNotation.German, 13.405)]
    [InlineData("52,520008", NumberNotation.German, 52.520008)]
    public void Coordinates_have_no_thousands(string text, NumberNotation notation, double value) =>
        Assert.Equal(new NumberReading(value), ImportNumbers.Read(text, notation, thousands: false));

    [Theory]
    [InlineData("2.50.0", NumberNotation.German, true)]
    [InlineData("1.052,4", NumberNotation.German, false)]
    [InlineData("12.34.567", NumberNotation.Unknown, true)]
    [InlineData("2 500", NumberNotation.Unknown, true)]
    [InlineData("2.", NumberNotation.Unknown, true)]
    [InlineData("abc", NumberNotation.Unknown, true)]
    [InlineData("1e999", NumberNotation.Unknown, true)]
    public void Other_texts_are_no_numbers(string text, NumberNotation notation, bool thousands) =>
        Assert.Null(ImportNumbers.Read(text, notation, thousands).Value);

    [Theory]
    [InlineData("1.125", 1.125)]
    [InlineData("2500", 2500.0)]
    [InlineData("1E-05", 1e-5)]
    public void A_number_cell_is_read_as_it_is_stored(string text, double value) =>
        Assert.Equal(new NumberReading(value), ImportNumbers.Read(text, NumberNotation.Invariant, thousands: true));
}
