using Raumnetz.Application.Indicators;
using Raumnetz.Application.Observations;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.UnitTests.Observations;

public sealed class ObservationRowCheckerTests
{
    private static readonly IndicatorRow Cases = new() { Id = Guid.NewGuid(), Code = "cases", Kind = IndicatorKind.Count, Aggregation = AggregationRule.Sum };
    private static readonly IndicatorRow Share = new()
    {
        Id = Guid.NewGuid(), Code = "share", Kind = IndicatorKind.Rate, Aggregation = AggregationRule.Rate, RateFactor = 100, IsProportion = true, Decimals = 1,
    };
    private static readonly Guid North = Guid.NewGuid();

    private static (ObservationRowChecker Checker, ImportReport Report) Checker(bool decimalComma = false)
    {
        var report = new ImportReport();
        return (new ObservationRowChecker([Cases, Share], new Dictionary<string, Guid> { ["N-1"] = North }, decimalComma, report), report);
    }

    private static RawImportRow Line(int line, string? indicator, string? space, string? period, string? value = null, string? numerator = null,
        string? denominator = null, string? status = null) => new(line, null, indicator, space, period, value, numerator, denominator, status, null, null);

    [Fact]
    public void A_good_row_gives_its_values_with_codes_in_any_case()
    {
        var (checker, report) = Checker();
        var v = checker.Check(Line(2, " CASES ", "n-1", "2024-Q2", "7", status: "provisional"));
        Assert.Equal(0, report.Count);
        Assert.Equal((Cases.Id, North, "2024-Q2", 7.0, ObservationStatus.Provisional), (v!.IndicatorId, v.SpaceId, v.Period.ToString(), v.Value, v.Status));
    }

    [Fact]
    public void A_rate_gets_its_value_from_numerator_and_denominator_with_a_decimal_comma()
    {
        var (checker, _) = Checker(decimalComma: true);
        Assert.Equal(12.5, checker.Check(Line(2, "share", "N-1", "2024", numerator: "2,5", denominator: "20"))!.Value);
    }

    [Fact]
    public void Every_bad_field_of_a_row_is_reported_by_column_and_code()
    {
        var (checker, report) = Checker();
        Assert.Null(checker.Check(Line(5, "nope", null, "2024-Q5", "x", status: "2")));
        Assert.Equal([("indicator", "unknownIndicator"), ("space", "required"), ("period", "notAPeriod"), ("value", "notANumber"), ("status", "notAStatus")],
            report.Errors.Select(e => (e.Column, e.Code)));
        Assert.All(report.Errors, e => Assert.Equal(5, e.Line));
    }

    [Fact]
    public void An_indicators_history_is_asked_for_once_when_a_row_first_names_it_and_then_flags_outliers()
    {
        var report = new ImportReport();
        var checker = new ObservationRowChecker([Cases, Share], new Dictionary<string, Guid> { ["N-1"] = North }, false, report,
            maxJumpFactor: 3);
        Assert.Null(checker.HistoryToLoad(Line(2, "nope", "N-1", "2024", "40")));
        Assert.Equal(Cases.Id, checker.HistoryToLoad(Line(2, " CASES ", "N-1", "2024", "400")));
        checker.AddHistory(Cases.Id, [new ObservationRowChecker.HistoryRow { SpaceId = North, Lowest = 40, Highest = 60 }]);
        Assert.Null(checker.HistoryToLoad(Line(2, "cases", "N-1", "2024", "400")));
        Assert.Equal(Share.Id, checker.HistoryToLoad(Line(3, "share", "N-1", "2024", "40")));
        Assert.NotNull(checker.Check(Line(2, "cases", "N-1", "2024", "400")));
        Assert.NotNull(checker.Check(Line(3, "cases", "N-1", "2025", "50")));
        Assert.Equal((1, 2, "outlier"), (report.WarningCount, Assert.Single(report.Warnings).Line, report.Warnings[0].Code));
        var off = new ObservationRowChecker([Cases], new Dictionary<string, Guid> { ["N-1"] = North }, false, new ImportReport());
        Assert.Null(off.HistoryToLoad(Line(2, "cases", "N-1", "2024", "400"))); // the warning is off: nothing to read
    }

    [Fact]
    public void The_value_rules_of_the_indicator_apply() =>
        Assert.Contains(Run(Line(3, "cases", "N-1", "2024", "1.5")), e => e.Code == "countNotWhole");

    [Fact]
    public void A_second_value_for_the_same_indicator_space_and_period_names_the_first()
    {
        var (checker, report) = Checker();
        Assert.NotNull(checker.Check(Line(2, "cases", "N-1", "2024-06", "3")));
        Assert.Null(checker.Check(Line(9, "cases", "n-1", "2024-06", "4")));
        var e = Assert.Single(report.Errors);
        Assert.Equal(("period", "duplicate", "2"), (e.Column, e.Code, e.Args!["first"]));
        Assert.StartsWith("Line 2 ", e.Message);

        var (json, items) = Checker();
        json.Check(new RawImportRow(null, 0, "cases", "N-1", "2024", "1", null, null, null, null, null));
        json.Check(new RawImportRow(null, 1, "cases", "N-1", "2024", "1", null, null, null, null, null));
        Assert.StartsWith("Item 0 ", Assert.Single(items.Errors).Message);
    }

    private static IReadOnlyList<ImportRowError> Run(RawImportRow row)
    {
        var (checker, report) = Checker();
        checker.Check(row);
        return report.Errors;
    }
}
