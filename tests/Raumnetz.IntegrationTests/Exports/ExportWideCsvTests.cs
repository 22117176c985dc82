using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Exports.ExportApi;

namespace Raumnetz.IntegrationTests.Exports;

public sealed class ExportWideCsvTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Wide_csv_has_spaces_as_rows_and_periods_as_columns()
    {
        var client = await factory.AdminAsync();
        var d = await factory.DataAsync();
        var (response, body) = await GetAsync(client, Url(d, "format=csv-wide"));
        Assert.EndsWith("-wide.csv", response.Content.Headers.ContentDisposition?.FileNameStar
            ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var rows = ExportCsvTests.Parse(body);
        Assert.Equal(["indicator_code", "space_code", "space_name", "unit", "2023", "2024", "2024-Q2"], rows[0].Keys);
        var cases = rows.Where(r => r["indicator_code"] == d.Code("cases")).ToDictionary(r => r["space_code"]);
        Assert.Equal(4, cases.Count);
        Assert.Equal(("", "25"), (cases[d.Code("city")]["2023"], cases[d.Code("city")]["2024"]));
        Assert.Equal(("5", "suppressed"), (cases[d.Code("north")]["2023"], cases[d.Code("north")]["2024"]));
        Assert.Equal(("10", "suppressed"), (cases[d.Code("centre")]["2023"], cases[d.Code("centre")]["2024"]));
        Assert.Equal("13", cases[d.Code("south")]["2024"]);
        var safety = rows.Single(r => r["indicator_code"] == d.Code("safety"));
        Assert.Equal(("3.5", "points"), (safety["2024-Q2"], safety["unit"]));
    }
}
