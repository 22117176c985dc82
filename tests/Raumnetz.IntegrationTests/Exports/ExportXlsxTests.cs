using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Exports.ExportApi;

namespace Raumnetz.IntegrationTests.Exports;

public sealed class ExportXlsxTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Xlsx_opens_as_a_workbook_with_the_long_table()
    {
        var client = await factory.AdminAsync();
        var d = await factory.DataAsync();
        var (response, body) = await GetAsync(client, Url(d, "format=xlsx"));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var package = SpreadsheetDocument.Open(new MemoryStream(body), false);
        var sheet = package.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single();
        Assert.Equal("Daten", sheet.Name?.Value);
        var part = (WorksheetPart)package.WorkbookPart.GetPartById(sheet.Id!.Value!);
        var rows = part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(Text).ToList()).ToList();
        Assert.Equal(
            ["indicator_code", "space_code", "space_name", "period", "value", "numerator", "denominator", "unit", "status", "source",
                "suppressed"], rows[0]);
        Assert.Equal(12, rows.Count);
        var rate = rows.Single(r => r[0] == d.Code("sgb2") && r[1] == d.Code("north"));
        Assert.Equal(("15", "150", "1000", "0"), (rate[4], rate[5], rate[6], rate[10]));
        var small = rows.Single(r => r[0] == d.Code("cases") && r[1] == d.Code("north") && r[3] == "2024");
        Assert.Equal(("", "1"), (small[4], small[10]));
        Assert.Equal("Südstadt", rows.First(r => r[1] == d.Code("south"))[2]);
    }

    private static string Text(Cell c) => c.DataType?.Value == CellValues.InlineString ? c.InlineString?.InnerText ?? "" : c.CellValue?.Text
        ?? "";
}
