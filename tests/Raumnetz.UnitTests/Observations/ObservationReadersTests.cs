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
    public async Task Malformed_json_is_reported_at_the_item_it_names_and_stops_the_reading()
    {
        // the serializer reads ahead, so the good item before may or may not have been read
        var (rows, report) = await JsonAsync("[{\"indicator\":\"cases\"},{\"indicator\":\"cases\",\"value\":x},{\"indicator\":\"y\"}]");
        var e = Assert.Single(report.Errors);
        Assert.Equal((1, "malformedJson"), (e.Item!.Value, e.Code));
        Assert.DoesNotContain(rows, r => r.Item == 2);
    }

    /// <summary>
    /// An item is held to the document's ObservationImportRow: each unknown property, property given twice (in any case)
    /// and value of another JSON type is a problem of that item named by the property; the item is not yielded, and the
    /// reading goes on. Names match in any case, null is read as absent, numbers are read as invariant text.
    /// </summary>
    [Fact]
    public async Task Json_items_that_do_not_fit_the_documented_row_are_reported_by_item_and_property()
    {
        var (rows, report) = await JsonAsync("""
            [{"indicator":"a","space":"N","period":"2024","value":"1","numerator":true,"denominator":{"x":[1]},"zzz":1},
             {"Indicator":"b","SPACE":"N","period":null,"value":-2.5E2,"numerator":null,"status":"final","source":"s","note":"n"},
             {"indicator":"c","indicator":"c","Space":1,"space":"N","period":["2024"],"status":false,"source":2,"note":null},
             {"\u0076alue":1e999,"numerator":1,"den\u006Fminator":2}]
            """);
        Assert.Equal([(0, "value", "notAJsonNumber"), (0, "numerator", "notAJsonNumber"), (0, "denominator", "notAJsonNumber"),
            (0, "zzz", "unknownProperty"), (2, "indicator", "duplicateProperty"), (2, "space", "notAJsonString"),
            (2, "space", "duplicateProperty"), (2, "period", "notAJsonString"), (2, "status", "notAJsonString"),
            (2, "source", "notAJsonString"), (3, "value", "tooLarge")],
            report.Errors.Select(e => (e.Item!.Value, e.Column, e.Code)));
        Assert.Equal("found=string", string.Join(";", report.Errors[0].Args!.Select(a => $"{a.Key}={a.Value}")));
        var row = Assert.Single(rows);
        Assert.Equal((1, "b", "N", null, "-250", null, null, "final", "s", "n"),
            (row.Item!.Value, row.Indicator, row.Space, row.Period, row.Value, row.Numerator, row.Denominator, row.Status, row.Source,
                row.Note));
    }

    /// <summary>The reader names exactly the properties of the documented row, numbers where the row has numbers.</summary>
    [Fact]
    public void The_json_reader_reads_the_properties_of_the_documented_row()
    {
        var names = ObservationJsonReader.ItemConverter.Names;
        var row = typeof(ObservationImportRow).GetProperties()
            .ToDictionary(p => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => p.PropertyType);
        Assert.Equal(row.Keys.Order(), names.Order());
        Assert.All(names.Select((name, i) => (name, i)), p =>
            Assert.Equal(p.i >= ObservationJsonReader.ItemConverter.FirstNumber ? typeof(double?) : typeof(string), row[p.name]));
    }

    /// <summary>A body that trickles in a byte at a time (names and values across buffer segments) reads the same.</summary>
    [Fact]
    public async Task Json_items_read_the_same_when_the_body_arrives_a_byte_at_a_time()
    {
        var json = """[{"indicator":"cases","space":"N-1","period":"2024","Value":0.1,"extra":[1,{"a":2}],"note":"long note"}, null,"""
            + """{"indicator":"cases","space":"N-1","period":"2025","value":2,"numerator":3}]""";
        var report = new ImportReport();
        var rows = new List<RawImportRow>();
        await foreach (var r in ObservationJsonReader.ReadAsync(new Trickle(Encoding.UTF8.GetBytes(json)), report, default)) rows.Add(r);
        Assert.Equal([(0, "extra", "unknownProperty"), (1, "item", "nullItem")],
            report.Errors.Select(e => (e.Item!.Value, e.Column, e.Code)));
        var row = Assert.Single(rows);
        Assert.Equal((2, "2025", "2", "3"), (row.Item!.Value, row.Period, row.Value, row.Numerator));
    }

    private sealed class Trickle(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 1)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, 1), cancellationToken);
    }

    /// <summary>
    /// A CSV line with more fields than the header is reported by its line and not yielded; one with fewer reads the
    /// missing fields as empty (as a JSON item may leave out properties).
    /// </summary>
    [Fact]
    public async Task A_csv_line_with_more_fields_than_the_header_is_reported_and_one_with_fewer_reads_them_as_empty()
    {
        var (rows, report) = await CsvAsync(
            "indicator,space,period,value,note\ncases,N-1,2023,1,a, b\ncases,N-1,2024\ncases,N-1,2025,3,c\n");
        var e = Assert.Single(report.Errors);
        Assert.Equal((2, "file", "fieldCount", "fields=6;columns=5"),
            (e.Line!.Value, e.Column, e.Code, string.Join(";", e.Args!.Select(a => $"{a.Key}={a.Value}"))));
        Assert.Equal([(3, "2024", null, null), (4, "2025", "3", "c")], rows.Select(r => (r.Line!.Value, r.Period, r.Value, r.Note)));
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
