using Raumnetz.Application.Exports;
using Raumnetz.Infrastructure.Exports;

namespace Raumnetz.UnitTests.Exports;

public sealed class ExportIndicatorsValidatorTests
{
    private static readonly ExportIndicatorsValidator Validator = new();
    private static readonly IExportFormat Csv = new ExportFormats().Find("csv")!;

    [Fact]
    public void Periods_must_parse_and_be_in_order()
    {
        Assert.False(Validator.Validate(new ExportIndicatorsQuery { Format = Csv, From = "2024-Q5" }).IsValid);
        Assert.False(Validator.Validate(new ExportIndicatorsQuery { Format = Csv, From = "2024", To = "2023-12" }).IsValid);
        Assert.True(Validator.Validate(new ExportIndicatorsQuery { Format = Csv, From = "2024-Q2", To = "2024-06" }).IsValid);
    }

    [Fact]
    public void A_set_and_a_list_of_indicators_exclude_each_other() =>
        Assert.False(Validator.Validate(new ExportIndicatorsQuery { Format = Csv, IndicatorSetId = Guid.NewGuid(), IndicatorIds = [Guid.NewGuid()] }).IsValid);
}
