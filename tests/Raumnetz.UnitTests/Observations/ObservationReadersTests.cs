using System.Text;
using Raumnetz.Application.Observations;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.UnitTests.Observations;

public sealed class ObservationReadersTests
{
    private static MemoryStream Body(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<(List<RawImportRow> Rows, ImportReport Report)> CsvAsync(string text, string? delimiter = null)
    {
        var report = new ImportReport();
        var rows = new List<RawImportRow>();
        await foreach (var r in ObservationCsvReader.ReadAsync(Body(text), delimiter, report, default)) rows.Add(r);
        return (rows, report);
    }

    private static async Task<(List<RawImportRow> Rows, ImportReport Report)> JsonAsync(string text)
    {
        var report = new ImportReport();
        var rows = new List<RawImportRow>();
        await foreach (var r in ObservationJsonReader.ReadAsync(Body(text), report, default)) rows.Add(r);
        return (rows, report);
    }

    [Fact]
    public async Task Csv_columns_are_found_by_name_and_the_separator_is_detected()
    {
        var (rows, report) = await CsvAsync("Period;Indicator_Code;space-code;VALUE\n2024;cases;N-1;4,5\n");
        Assert.Equal(0, report.Count);
        var row = Assert.Single(rows);
        Assert.Equal((2, "cases", "N-1", "2024", "4,5"), (row.Line!.Value, row.Indicator, row.Space, row.Period, row.Value));
    }

    [Fact]
    public async Task A_row_is_numbered_by_its_first_line()
    {
        var (rows, _) = await CsvAsync("indicator,space,period,source\ncases,N-1,2023,\"two\nlines\"\ncases,N-1,2024,x\n", ",");
        Assert.Equal([2, 4], rows.Select(r => r.Line!.Value));
    }

    [Fact]
    public async Task A_bad_header_stops_the_csv()
    {
        var (rows, report) = await CsvAsync("indicator,indicator_code,period,wat\ncases,cases,2024,1\n");
        Assert.Empty(rows);
        Assert.Equal(["duplicateColumn", "unknownColumn", "missingColumn"], report.Errors.Select(e => e.Code));
        Assert.All(report.Errors, e => Assert.Equal(1, e.Line));
    }

    [Fact]
    public async Task Json_items_are_numbered_from_zero_and_a_null_item_is_reported()
    {
        var (rows, report) = await JsonAsync("\uFEFF \n[{\"indicator\":\"cases\",\"space\":\"N-1\",\"period\":\"2024\",\"value\":0.1}, null, {\"indicator\":\"x\"}]");
        Assert.Equal([0, 2], rows.Select(r => r.Item!.Value));
        Assert.Equal("0.1", rows[0].Value);
        Assert.Equal((1, "nullItem"), (Assert.Single(report.Errors).Item!.Value, report.Errors[0].Code));
    }

    [Theory]
    [InlineData("  ", "emptyBody")]
    [InlineData("{\"indicator\":\"cases\"}", "notAnArray")]
    [InlineData("null", "notAnArray")]
    public async Task Json_must_be_an_array(string body, string code) => Assert.Equal(code, Assert.Single((await JsonAsync(body)).Report.Errors).Code);

    [Fact]
    public async Task Malformed_json_is_reported_at_the_item_and_field_it_names()
    {
        // the serializer reads ahead, so the good item before may or may not have been read
        var (_, report) = await JsonAsync("[{\"indicator\":\"cases\"},{\"indicator\":\"cases\",\"value\":\"x\"}]");
        var e = Assert.Single(report.Errors);
        Assert.Equal((1, "value", "malformedJson"), (e.Item!.Value, e.Column, e.Code));
    }

    [Fact]
    public void The_report_keys_failures_by_line_or_item_and_column()
    {
        var report = new ImportReport();
        report.Add(3, null, "value", "notANumber", "bad");
        report.Add(null, 4, "period", "required", "missing");
        report.Add(null, null, "file", "emptyBody", "empty");
        Assert.Equal(["lines[3].value", "items[4].period", "file"], report.ToException().Errors.Select(f => f.PropertyName));
    }

    [Theory]
    [InlineData("vorläufig", ObservationStatus.Provisional)]
    [InlineData(" Vorlaeufig ", ObservationStatus.Provisional)]
    [InlineData("endgültig", ObservationStatus.Final)]
    [InlineData("GESCHÄTZT", ObservationStatus.Estimated)]
    [InlineData("geschaetzt", ObservationStatus.Estimated)]
    [InlineData("Provisional", ObservationStatus.Provisional)]
    [InlineData("final", ObservationStatus.Final)]
    [InlineData("estimated", ObservationStatus.Estimated)]
    public void Status_words_are_read_in_english_and_in_german(string text, ObservationStatus expected)
    {
        Assert.True(ObservationRowChecker.TryParseStatus(text, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("0")]
    [InlineData("fertig")]
    [InlineData("final,estimated")]
    [InlineData("vorläufig,geschätzt")]
    public void Other_words_and_numbers_are_no_status(string text) =>
        Assert.False(ObservationRowChecker.TryParseStatus(text, out _));
}
