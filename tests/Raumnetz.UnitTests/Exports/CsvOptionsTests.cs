using FluentValidation;
using Raumnetz.Application.Exports;

namespace Raumnetz.UnitTests.Exports;

public sealed class CsvOptionsTests
{
    [Theory]
    [InlineData(null, null, ',', false)]
    [InlineData("semicolon", "comma", ';', true)]
    [InlineData(null, "comma", ';', true)]
    [InlineData(null, " Comma ", ';', true)]
    [InlineData("tab", "point", '\t', false)]
    [InlineData(";", "", ';', false)]
    [InlineData(" SEMICOLON ", null, ';', false)]
    public void Parses_the_separator_and_the_decimal_comma(string? delimiter, string? @decimal, char separator, bool decimalComma) =>
        Assert.Equal(new CsvOptions(separator, decimalComma), CsvOptions.Parse(delimiter, @decimal));

    [Theory]
    [InlineData("comma", "comma", "decimal")]
    [InlineData("", "comma", "decimal")]
    [InlineData("pipe", null, "delimiter")]
    [InlineData(null, "dot", "decimal")]
    [InlineData(null, ".", "decimal")]
    public void Refuses_bad_options_by_name(string? delimiter, string? @decimal, string field)
    {
        var e = Assert.Throws<ValidationException>(() => CsvOptions.Parse(delimiter, @decimal));
        Assert.Equal([field], e.Errors.Select(f => f.PropertyName));
    }

    [Fact]
    public void Names_every_bad_option_at_once()
    {
        var e = Assert.Throws<ValidationException>(() => CsvOptions.Parse("pipe", "dot"));
        Assert.Equal(["delimiter", "decimal"], e.Errors.Select(f => f.PropertyName));
    }
}
