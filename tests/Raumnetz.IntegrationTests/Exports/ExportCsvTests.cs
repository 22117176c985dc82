using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Exports.ExportApi;

namespace Raumnetz.IntegrationTests.Exports;

public sealed class ExportCsvTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    public static List<Dictionary<string, string>> Parse(byte[] body, string delimiter = ",")
    {
        var text = new UTF8Encoding(false).GetString(body).TrimStart('\uFEFF');
        using var csv = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = delimiter });
        return csv.GetRecords<dynamic>().Select(r => ((IDictionary<string, object>)r).ToDictionary(kv => kv.Key, kv => (string)kv.Value))
            .ToList();
    }

    [Fact]
    public async Task Long_csv_has_one_row_per_value_with_small_numbers_and_what_reveals_them_withheld()
    {
        var client = await factory.AdminAsync();
        var d = await factory.DataAsync();
        var (response, body) = await GetAsync(client, Url(d, "format=csv"));
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^raumnetz-monitoring-nordstadt-\d{8}\.csv$", response.Content.Headers.ContentDisposition?.FileNameStar
            ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.StartsWith("indicator_code,space_code,space_name,period,value,numerator,denominator,unit,status,source,suppressed\r\n",
            Encoding.UTF8.GetString(body));

        var rows = Parse(body);
        Assert.Equal(11, rows.Count);
        Dictionary<string, string> Row(string indicator, string space, string period) =>
            rows.Single(r => r["indicator_code"] == d.Code(indicator) && r["space_code"] == d.Code(space) && r["period"] == period);

        var city = Row("cases", "city", "2024");
        Assert.Equal(("25", "false", "Fälle", "final", "Jugendamt", "Stadt"),
            (city["value"], city["suppressed"], city["unit"], city["status"], city["source"], city["space_name"]));
        var north = Row("cases", "north", "2024");
        Assert.Equal(("", "true"), (north["value"], north["suppressed"]));          // primary: 2 < 3
        Assert.Equal(("", "true"), (Row("cases", "centre", "2024")["value"], Row("cases", "centre", "2024")["suppressed"])); // secondary
        Assert.Equal(("13", "false"), (Row("cases", "south", "2024")["value"], Row("cases", "south", "2024")["suppressed"]));
        Assert.Equal("5", Row("cases", "north", "2023")["value"]);                  // no total in 2023: nothing to protect against
        var rate = Row("sgb2", "north", "2024");
        Assert.Equal(("15.0", "150", "1000", "%"), (rate["value"], rate["numerator"], rate["denominator"], rate["unit"]));
        var smallRate = Row("sgb2", "centre", "2024");
        Assert.Equal(("", "", "", "true"), (smallRate["value"], smallRate["numerator"], smallRate["denominator"], smallRate["suppressed"]));
        Assert.Equal(("3.5", "provisional"), (Row("safety", "north", "2024-Q2")["value"], Row("safety", "north", "2024-Q2")["status"]));
    }

    [Fact]
    public async Task German_excel_gets_semicolons_decimal_commas_and_a_bom()
    {
        var client = await factory.AdminAsync();
        var d = await factory.DataAsync();
        var (_, body) = await GetAsync(client, Url(d, "format=csv&decimal=comma"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, body[..3]);
        var rows = Parse(body, ";");
        Assert.Equal("15,0", rows.Single(r => r["indicator_code"] == d.Code("sgb2") && r["space_code"] == d.Code("north"))["value"]);
        Assert.Equal("3,5", rows.Single(r => r["indicator_code"] == d.Code("safety"))["value"]);
        var tab = Encoding.UTF8.GetString((await GetAsync(client, Url(d, "format=csv&delimiter=tab"))).Body);
        Assert.StartsWith("indicator_code\tspace_code\t", tab);
        await HttpAssert.ProblemAsync(await client.GetAsync(Url(d, "format=csv&decimal=comma&delimiter=comma")), HttpStatusCode.BadRequest,
            "decimal");
    }

    [Fact]
    public async Task Viewers_can_export_and_get_the_same_protection()
    {
        var viewer = await factory.AsAsync("viewer");
        var d = await factory.DataAsync();
        var rows = Parse((await GetAsync(viewer, Url(d, "format=csv&from=2024&to=2024"))).Body);
        Assert.All(rows, r => Assert.StartsWith("2024", r["period"]));
        // cases: north (small), centre (secondary); sgb2: centre (small), south (secondary against the computed city rate).
        Assert.Equal(4, rows.Count(r => r["suppressed"] == "true"));
    }
}
