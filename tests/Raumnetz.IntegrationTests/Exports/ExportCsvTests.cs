using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Exports.ExportApi;
using static Raumnetz.IntegrationTests.Indicators.IndicatorApi;

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

    /// <summary>
    /// The whole file, byte for byte (header, order, quoting, withheld cells, number forms, line ends), read through both of
    /// the streamed export's read paths: with the set (a list parameter: Dapper's reader) and with all indicators and a
    /// period range (single-value parameters: on SQLite the engine's rows straight, <c>SqliteForwardReader</c>).
    /// </summary>
    [Fact]
    public async Task Long_csv_is_byte_for_byte_the_expected_file_on_every_read_path()
    {
        var client = await factory.AdminAsync();
        var d = await factory.DataAsync();
        var names = new Dictionary<Guid, string> { [d.City] = "city,Stadt", [d.North] = "north,Nordstadt", [d.Centre] = "centre,Innenstadt",
            [d.South] = "south,Südstadt" };
        // indicator, space, first month, the rest of the row (small numbers and what reveals them withheld, see ExportData)
        var rows = new List<(Guid Indicator, Guid Space, int Month, string Cells)>
        {
            (d.Cases, d.City, 202401, "2024,25,,,Fälle,final,Jugendamt,false"),
            (d.Cases, d.North, 202301, "2023,5,,,Fälle,final,Jugendamt,false"),
            (d.Cases, d.North, 202401, "2024,,,,Fälle,final,Jugendamt,true"),
            (d.Cases, d.Centre, 202301, "2023,10,,,Fälle,final,Jugendamt,false"),
            (d.Cases, d.Centre, 202401, "2024,,,,Fälle,final,Jugendamt,true"),
            (d.Cases, d.South, 202301, "2023,13,,,Fälle,final,Jugendamt,false"),
            (d.Cases, d.South, 202401, "2024,13,,,Fälle,final,Jugendamt,false"),
            (d.Sgb2, d.North, 202401, "2024,15.0,150,1000,%,final,BA,false"),
            (d.Sgb2, d.Centre, 202401, "2024,,,,%,final,BA,true"),
            (d.Sgb2, d.South, 202401, "2024,,,,%,final,BA,true"),
            (d.Safety, d.North, 202404, "2024-Q2,3.5,,,points,provisional,Befragung,false"),
        };
        var code = new Dictionary<Guid, string> { [d.Cases] = "cases", [d.Sgb2] = "sgb2", [d.Safety] = "safety" };
        // the export's order: indicator id, space id, first month (ids compare as their lower-case text on every provider)
        const string Header = "indicator_code,space_code,space_name,period,value,numerator,denominator,unit,status,source,suppressed\r\n";
        var expected = Header + string.Concat(rows
            .OrderBy(r => r.Indicator.ToString("D"), StringComparer.Ordinal).ThenBy(r => r.Space.ToString("D"), StringComparer.Ordinal)
            .ThenBy(r => r.Month)
            .Select(r => $"{d.Prefix}-{code[r.Indicator]},{d.Prefix}-{names[r.Space]},{r.Cells}\r\n"));

        var bySet = Encoding.UTF8.GetString((await GetAsync(client, Url(d, "format=csv"))).Body);
        Assert.Equal(expected, bySet);
        var all = Encoding.UTF8.GetString((await GetAsync(client, $"{ExportsUrl}?format=csv&from=2023&to=2024")).Body);
        Assert.Equal(expected, all);
    }

    /// <summary>
    /// The texts of each row (period, status, source) are read into one buffer and shared between rows with the same text:
    /// texts that share a prefix, an empty one, one of the longest allowed with letters that take two bytes in UTF-8, in
    /// turn, each exported as stored, through both read paths (a list parameter; all indicators and single-value months).
    /// </summary>
    [Fact]
    public async Task Long_csv_texts_shared_between_rows_are_each_row_own()
    {
        var client = await factory.AdminAsync();
        var t = ActorApi.Token();
        var space = await CreateSpaceAsync(client, $"{t}-space", "Südstadt", "municipality");
        var indicator = (await CreateIndicatorAsync(client, Count($"{t}-texts", new { name = "Texte", unit = "Fälle" })))
            .GetProperty("id").GetGuid();
        var longest = string.Concat(Enumerable.Repeat("Bestandsaufnahme ä ", 20))[..200];
        string[] sources = ["Jugendamt", "Jugendamt Nord", "Jug", "", longest, "Jugendamt", longest[..199] + "ö", "Jug", longest];
        string[] statuses = ["final", "provisional", "final", "estimated", "final", "final", "provisional", "estimated", "final"];
        var years = Enumerable.Range(2010, sources.Length).ToList();
        var import = "indicator,space,period,value,numerator,denominator,status,source\n" + string.Concat(years.Select((y, i) =>
            $"{t}-texts,{t}-space,{y},{10 + i},,,{statuses[i]},{sources[i]}\n"));
        Assert.Equal(sources.Length,
            (await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client, import))).GetProperty("created").GetInt32());

        var expected = string.Concat(years.Select((y, i) =>
            $"{t}-texts,{t}-space,Südstadt,{y},{10 + i},,,Fälle,{statuses[i]},{sources[i]},false\r\n"));
        var byList = Encoding.UTF8.GetString((await GetAsync(client, $"{ExportsUrl}?format=csv&indicatorIds={indicator}")).Body);
        Assert.Equal(expected, byList[byList.IndexOf('\n', StringComparison.Ordinal)..][1..]);
        var all = Encoding.UTF8.GetString((await GetAsync(client, $"{ExportsUrl}?format=csv&from=2010&to=2018")).Body);
        Assert.Equal(expected, string.Concat(all.Split("\r\n").Where(l => l.StartsWith($"{t}-texts,", StringComparison.Ordinal))
            .Select(l => l + "\r\n")));
    }

    /// <summary>
    /// Indicators of more values than the export first holds at once (1,200 each, so the held batch grows), in indicator order
    /// (the batches used in turn, reused by the next export): the whole file exactly as expected, the same on the next export
    /// and the same as through the other read path (listed spaces, decided on a second connection). Each year's January of
    /// space a is small (1 &lt; 3), and b's January goes too, as the computed city total would reveal a's.
    /// </summary>
    [Fact]
    public async Task Long_csv_of_indicators_with_many_values_is_exact_on_every_export_and_read_path()
    {
        var client = await factory.AdminAsync();
        var t = ActorApi.Token();
        var city = await CreateSpaceAsync(client, $"{t}-city", "Stadt", "municipality");
        var spaces = new[] { await CreateSpaceAsync(client, $"{t}-a", "Nord", "district", city),
            await CreateSpaceAsync(client, $"{t}-b", "Süd", "district", city) };
        var code = new Dictionary<Guid, string> { [spaces[0]] = "a", [spaces[1]] = "b" };
        var name = new Dictionary<Guid, string> { [spaces[0]] = "Nord", [spaces[1]] = "Süd" };
        var indicators = new List<(Guid Id, string Code)>();
        foreach (var i in Enumerable.Range(1, 3))
            indicators.Add(((await CreateIndicatorAsync(client, Count($"{t}-many{i}", new { name = $"Viele {i}", unit = "Fälle" })))
                .GetProperty("id").GetGuid(), $"many{i}"));
        // years that no other test of the class exports (they export all indicators over 2010-2018 and 2023-2024)
        var months = Enumerable.Range(1950, 50).SelectMany(y => Enumerable.Range(1, 12).Select(m => (Year: y, Month: m))).ToList();
        int Value(Guid space, int month, int i) => space == spaces[0] ? (month == 1 ? 1 : 10 + month + i) : 20 + month + i;
        var cells = (from i in indicators.Select((x, n) => (x.Id, x.Code, N: n)) from s in spaces from m in months select (i, s, m))
            .ToList();
        Assert.Equal(3600, (await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client,
            "indicator,space,period,value,numerator,denominator,status,source\n" + string.Concat(cells.Select(c =>
                $"{t}-{c.i.Code},{t}-{code[c.s]},{c.m.Year}-{c.m.Month:00},{Value(c.s, c.m.Month, c.i.N)},,,final,Amt\n")))))
            .GetProperty("created").GetInt32());

        var expected = "indicator_code,space_code,space_name,period,value,numerator,denominator,unit,status,source,suppressed\r\n"
            + string.Concat(cells
                .OrderBy(c => c.i.Id.ToString("D"), StringComparer.Ordinal).ThenBy(c => c.s.ToString("D"), StringComparer.Ordinal)
                .ThenBy(c => c.m.Year).ThenBy(c => c.m.Month)
                .Select(c => $"{t}-{c.i.Code},{t}-{code[c.s]},{name[c.s]},{c.m.Year}-{c.m.Month:00},"
                    + (c.m.Month == 1 ? ",,,Fälle,final,Amt,true" : $"{Value(c.s, c.m.Month, c.i.N)},,,Fälle,final,Amt,false") + "\r\n"));
        var url = $"{ExportsUrl}?format=csv&" + string.Join('&', indicators.Select(i => $"indicatorIds={i.Id}"));
        var first = Encoding.UTF8.GetString((await GetAsync(client, url)).Body);
        Assert.Equal(expected, first);
        Assert.Equal(expected, Encoding.UTF8.GetString((await GetAsync(client, url)).Body));
        var listed = Encoding.UTF8.GetString((await GetAsync(client, $"{url}&spaceIds={spaces[0]}&spaceIds={spaces[1]}")).Body);
        Assert.Equal(expected, listed);
        Assert.Equal(2 * 50 * 3, first.Split("\r\n").Count(l => l.EndsWith(",true", StringComparison.Ordinal)));
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
