using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Exports;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Indicators.IndicatorApi;

namespace Raumnetz.IntegrationTests.Indicators;

/// <summary>
/// Guards small-number protection as one decision (<c>Disclosure.Withheld</c>): for a tree with small counts and rates,
/// every response a viewer or analyst can request that shows values (observation list and single values, series,
/// evaluation, map, and every export format, streamed and computed) withholds exactly the same cells, and nowhere across
/// them is a total visible together with all but one of its parts.
/// </summary>
public sealed class DisclosureConsistencyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Formats = ["json", "csv", "csv-wide", "xlsx", "jsonstat", "geojson"];
    private static readonly string[] Quarters = ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"];

    /// <summary>
    /// county ─ west (m1, m2, m3), east (m4, m5). Counts 2024: m1 2 (small), m2 40, m3 7, west 49 (stored), m4 30 with its
    /// quarters 10, 1 (small), 9, 10, m5 25; east and county computed. Rates 2024: m1 1/5 (small), m2 30/100, m3 12/60,
    /// m4 20/80, m5 9/45; every total computed.
    /// </summary>
    private sealed record Tree(string Prefix, Guid Count, Guid Rate, Guid Set, Dictionary<string, Guid> Spaces,
        Dictionary<Guid, Guid?> Parents)
    {
        public Dictionary<string, Guid> Indicators => new() { [$"{Prefix}-count"] = Count, [$"{Prefix}-rate"] = Rate };
    }

    private sealed record Seen(string Response, Guid Indicator, Guid Space, string Period, double? Value);

    [Theory]
    [InlineData("viewer")]
    [InlineData("analyst")]
    public async Task Every_view_withholds_the_same_cells_and_no_total_reveals_a_part(string role)
    {
        var tree = await SeedAsync();
        var client = await factory.AsAsync(role);
        var seen = await ViewsAsync(client, tree);

        var cells = seen.GroupBy(s => (s.Indicator, s.Space, s.Period)).ToDictionary(g => g.Key, g => g.ToList());
        var differing = cells.Where(c => c.Value.Any(v => v.Value is null) && c.Value.Any(v => v.Value is not null))
            .Select(c => $"{Name(tree, c.Key.Space)} {c.Key.Period}: withheld in "
                + string.Join(", ", c.Value.Where(v => v.Value is null).Select(v => v.Response).Distinct())
                + "; shown in " + string.Join(", ", c.Value.Where(v => v.Value is not null).Select(v => v.Response).Distinct()))
            .ToList();
        Assert.True(differing.Count == 0, string.Join("\n", differing));

        bool Visible(Guid indicator, string space, string period) =>
            cells.TryGetValue((indicator, tree.Spaces[space], period), out var shown) && shown.Any(v => v.Value is not null);
        bool Exists(Guid indicator, Guid space, string period) => cells.ContainsKey((indicator, space, period));
        // The small values are withheld (so the checks below have something to protect) and the large totals are not.
        Assert.False(Visible(tree.Count, "m1", "2024"));
        Assert.False(Visible(tree.Rate, "m1", "2024"));
        Assert.False(Visible(tree.Count, "m4", "2024-Q2"));
        Assert.True(Visible(tree.Count, "county", "2024"));
        Assert.True(Visible(tree.Rate, "county", "2024"));

        // No total visible with exactly one of its parts hidden: spaces and their children, years and their quarters.
        var leaks = new List<string>();
        foreach (var indicator in new[] { tree.Count, tree.Rate })
        {
            foreach (var total in tree.Parents.Keys)
            {
                var children = tree.Parents.Where(p => p.Value == total).Select(p => p.Key).ToList();
                foreach (var period in Quarters.Append("2024"))
                {
                    var parts = children.Where(c => Exists(indicator, c, period)).ToList();
                    if (parts.Count == 0 || !Visible(indicator, Name(tree, total), period)) continue;
                    var hidden = parts.Where(c => !Visible(indicator, Name(tree, c), period)).ToList();
                    if (hidden.Count == 1) leaks.Add($"{Name(tree, total)} {period} reveals {Name(tree, hidden[0])}");
                }
                var quarters = Quarters.Where(q => Exists(indicator, total, q)).ToList();
                if (quarters.Count > 0 && Visible(indicator, Name(tree, total), "2024")
                    && quarters.Count(q => !Visible(indicator, Name(tree, total), q)) == 1)
                    leaks.Add($"{Name(tree, total)} 2024 reveals one of its quarters");
            }
        }
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
        // Every view took part (the streamed exports above all: they used to decide over their own table).
        foreach (var format in Formats)
            foreach (var aggregated in new[] { false, true })
                Assert.Contains(seen, s => s.Response == $"export {format} aggregated={aggregated}");
        Assert.Contains(seen, s => s.Response == "export csv under east from Q2" && s.Value is null);
        Assert.Contains(seen, s => s.Response == "export csv listed spaces" && s.Value is null);
        Assert.DoesNotContain(seen, s => s.Response == "export csv under east from Q2" && s.Period is "2024" or "2024-Q1");
    }

    private static string Name(Tree tree, Guid space) => tree.Spaces.Single(s => s.Value == space).Key;

    private async Task<Tree> SeedAsync()
    {
        var admin = await factory.AdminAsync();
        var t = ActorApi.Token();
        var spaces = new Dictionary<string, Guid>();
        var parents = new Dictionary<Guid, Guid?>();
        async Task Space(string name, string level, string? parent)
        {
            Guid? parentId = parent is null ? null : spaces[parent];
            spaces[name] = await CreateSpaceAsync(admin, $"{t}-{name}", $"{name} {t}", level, parentId);
            parents[spaces[name]] = parentId;
        }
        await Space("county", "municipality", null);
        await Space("west", "district", "county");
        await Space("east", "district", "county");
        foreach (var m in new[] { "m1", "m2", "m3" }) await Space(m, "neighbourhood", "west");
        foreach (var m in new[] { "m4", "m5" }) await Space(m, "neighbourhood", "east");
        var count = (await CreateIndicatorAsync(admin, Count($"{t}-count", new { isProportion = false }))).GetProperty("id").GetGuid();
        var rate = (await CreateIndicatorAsync(admin, Rate($"{t}-rate"))).GetProperty("id").GetGuid();
        var csv = $"""
            indicator,space,period,value,numerator,denominator,status,source
            {t}-count,{t}-m1,2024,2,,,final,Amt
            {t}-count,{t}-m2,2024,40,,,final,Amt
            {t}-count,{t}-m3,2024,7,,,final,Amt
            {t}-count,{t}-west,2024,49,,,final,Amt
            {t}-count,{t}-m4,2024,30,,,final,Amt
            {t}-count,{t}-m4,2024-Q1,10,,,final,Amt
            {t}-count,{t}-m4,2024-Q2,1,,,final,Amt
            {t}-count,{t}-m4,2024-Q3,9,,,final,Amt
            {t}-count,{t}-m4,2024-Q4,10,,,final,Amt
            {t}-count,{t}-m5,2024,25,,,final,Amt
            {t}-rate,{t}-m1,2024,,1,5,final,BA
            {t}-rate,{t}-m2,2024,,30,100,final,BA
            {t}-rate,{t}-m3,2024,,12,60,final,BA
            {t}-rate,{t}-m4,2024,,20,80,final,BA
            {t}-rate,{t}-m5,2024,,9,45,final,BA
            """;
        var imported = await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(admin, csv));
        Assert.Equal(15, imported.GetProperty("created").GetInt32());
        var set = (await HttpAssert.OkAsync<JsonElement>(await admin.PostAsJsonAsync(SetsUrl,
            new { name = $"Monitoring {t}", indicatorIds = new[] { count, rate } }, Ct), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        return new Tree(t, count, rate, set, spaces, parents);
    }

    private static double? N(JsonElement e, string p) =>
        e.TryGetProperty(p, out var x) && x.ValueKind == JsonValueKind.Number ? x.GetDouble() : null;

    /// <summary>Every value the client can read of the tree, from every response that shows values.</summary>
    private static async Task<List<Seen>> ViewsAsync(HttpClient client, Tree tree)
    {
        var seen = new List<Seen>();
        var byCode = tree.Spaces.ToDictionary(s => $"{tree.Prefix}-{s.Key}", s => s.Value);
        var indicators = tree.Indicators;
        var mine = tree.Spaces.Values.ToHashSet();
        foreach (var indicator in new[] { tree.Count, tree.Rate })
        {
            foreach (var o in await ObservationsAsync(client, $"indicatorId={indicator}"))
            {
                seen.Add(new("observations", indicator, o.GetProperty("spaceId").GetGuid(), o.Str("period"), N(o, "value")));
                var one = await HttpAssert.OkAsync<JsonElement>(
                    await client.GetAsync($"{ObservationsUrl}/{o.GetProperty("id").GetGuid()}", Ct));
                seen.Add(new("observation", indicator, one.GetProperty("spaceId").GetGuid(), one.Str("period"), N(one, "value")));
            }
            foreach (var space in tree.Spaces.Values)
                foreach (var v in (await HttpAssert.OkAsync<JsonElement>(
                        await client.GetAsync($"{IndicatorsUrl}/{indicator}/series?spaceId={space}", Ct)))
                    .GetProperty("items").EnumerateArray())
                    seen.Add(new("series", indicator, space, v.Str("period"), N(v, "value")));
            foreach (var aggregated in new[] { "true", "false" })
            {
                var periods = string.Join('&', Quarters.Append("2024").Select(p => $"periods={p}"));
                var map = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync(
                    $"{IndicatorsUrl}/{indicator}/map?{periods}&under={tree.Spaces["county"]}&aggregated={aggregated}", Ct));
                foreach (var s in map.GetProperty("spaces").EnumerateArray())
                    foreach (var v in s.GetProperty("values").EnumerateArray())
                        seen.Add(new($"map aggregated={aggregated}", indicator, s.GetProperty("id").GetGuid(), v.Str("period"),
                            N(v, "value")));
            }
        }
        foreach (var space in tree.Spaces.Values)
            foreach (var period in Quarters.Append("2024"))
            {
                var evaluation = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync(
                    $"{SetsUrl}/{tree.Set}/evaluation?spaceId={space}&period={period}", Ct));
                foreach (var item in evaluation.GetProperty("items").EnumerateArray())
                {
                    var indicator = item.GetProperty("indicatorId").GetGuid();
                    if (item.GetProperty("value").ValueKind == JsonValueKind.Object)
                        seen.Add(new("evaluation", indicator, space, period, N(item.GetProperty("value"), "value")));
                    if (item.GetProperty("reference").ValueKind == JsonValueKind.Object
                        && evaluation.TryGetProperty("referenceSpaceId", out var reference) && reference.ValueKind == JsonValueKind.String)
                        seen.Add(new("evaluation reference", indicator, reference.GetGuid(), period,
                            N(item.GetProperty("reference"), "value")));
                }
            }
        foreach (var format in Formats)
            foreach (var aggregated in new[] { false, true })
            {
                var response = await client.GetAsync(
                    $"{ExportsUrl}?format={format}&indicatorIds={tree.Count}&indicatorIds={tree.Rate}"
                    + $"&aggregated={(aggregated ? "true" : "false")}", Ct);
                var body = await response.Content.ReadAsByteArrayAsync(Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var name = $"export {format} aggregated={aggregated}";
                foreach (var (code, space, period, value) in Exported(format, body, indicators.Keys))
                    if (byCode.TryGetValue(space, out var id) && indicators.TryGetValue(code, out var indicator))
                        seen.Add(new(name, indicator, id, period, value));
            }
        // Parts of the table: listed spaces (decided on a second connection), and a subtree from the second quarter on (the
        // stream decides from the whole years of every space it reads and writes only these).
        var parts = new[]
        {
            ("listed spaces", string.Concat(new[] { "m1", "m2", "west", "m4" }.Select(s => $"&spaceIds={tree.Spaces[s]}"))),
            ("under east from Q2", $"&under={tree.Spaces["east"]}&from=2024-Q2"),
            ("under west, 2024", $"&under={tree.Spaces["west"]}&from=2024&to=2024"),
        };
        foreach (var format in new[] { "csv", "json", "geojson" })
            foreach (var (part, query) in parts)
            {
                var response = await client.GetAsync(
                    $"{ExportsUrl}?format={format}&indicatorIds={tree.Count}&indicatorIds={tree.Rate}{query}", Ct);
                var body = await response.Content.ReadAsByteArrayAsync(Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                foreach (var (code, space, period, value) in Exported(format, body, indicators.Keys))
                    if (byCode.TryGetValue(space, out var id) && indicators.TryGetValue(code, out var indicator))
                        seen.Add(new($"export {format} {part}", indicator, id, period, value));
            }
        return seen.Where(s => mine.Contains(s.Space) && s.Period.StartsWith("2024", StringComparison.Ordinal)).ToList();
    }

    /// <summary>The cells of an export body: indicator code, space code, period, and the value (null when withheld).</summary>
    private static IEnumerable<(string Indicator, string Space, string Period, double? Value)> Exported(string format, byte[] body,
        IEnumerable<string> indicatorCodes)
    {
        static double? Number(string s) => s.Length == 0 ? null : double.Parse(s, CultureInfo.InvariantCulture);
        switch (format)
        {
            case "json":
                foreach (var v in JsonDocument.Parse(body).RootElement.GetProperty("values").EnumerateArray())
                    yield return (v.Str("indicator"), v.Str("space"), v.Str("period"),
                        v.GetProperty("suppressed").GetBoolean() ? null : N(v, "value"));
                break;
            case "csv":
                foreach (var r in ExportCsvTests.Parse(body))
                    yield return (r["indicator_code"], r["space_code"], r["period"], r["suppressed"] == "true" ? null : Number(r["value"]));
                break;
            case "csv-wide":
                foreach (var r in ExportCsvTests.Parse(body))
                    foreach (var (column, text) in r.Where(c => c.Key.StartsWith("20", StringComparison.Ordinal) && c.Value.Length > 0))
                        yield return (r["indicator_code"], r["space_code"], column, text == "suppressed" ? null : Number(text));
                break;
            case "xlsx":
            {
                using var package = SpreadsheetDocument.Open(new MemoryStream(body), false);
                var sheet = package.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().First();
                var part = (WorksheetPart)package.WorkbookPart.GetPartById(sheet.Id!.Value!);
                var rows = part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(Text).ToList()).ToList();
                foreach (var r in rows.Skip(1))
                    yield return (r[0], r[1], r[3], r[10] == "1" ? null : Number(r[4]));
                break;
            }
            case "jsonstat":
            {
                var ds = JsonDocument.Parse(body).RootElement;
                var size = ds.GetProperty("size").EnumerateArray().Select(s => s.GetInt64()).ToList();
                List<string> Codes(string dim) => ds.GetProperty("dimension").GetProperty(dim).GetProperty("category").GetProperty("index")
                    .EnumerateObject().OrderBy(p => p.Value.GetInt32()).Select(p => p.Name).ToList();
                var (ind, sp, pe) = (Codes("indicator"), Codes("space"), Codes("period"));
                (string, string, string) At(long i) =>
                    (ind[(int)(i / (size[1] * size[2]))], sp[(int)(i / size[2] % size[1])], pe[(int)(i % size[2])]);
                var status = !ds.TryGetProperty("status", out var st) ? []
                    : st.ValueKind == JsonValueKind.Object
                        ? st.EnumerateObject().ToDictionary(s => long.Parse(s.Name, CultureInfo.InvariantCulture), s => s.Value.GetString())
                        : st.ValueKind == JsonValueKind.Array
                            ? st.EnumerateArray().Select((s, i) => ((long)i, s.GetString())).ToDictionary(x => x.Item1, x => x.Item2)
                            : new Dictionary<long, string?>();
                foreach (var i in status.Where(s => s.Value == "s").Select(s => s.Key))
                {
                    var (a, b, c) = At(i);
                    yield return (a, b, c, null);
                }
                var value = ds.GetProperty("value");
                var values = value.ValueKind == JsonValueKind.Array
                    ? value.EnumerateArray().Select((v, i) => ((long)i, v)).ToList()
                    : value.EnumerateObject().Select(v => (long.Parse(v.Name, CultureInfo.InvariantCulture), v.Value)).ToList();
                foreach (var (i, v) in values.Where(v => v.Item2.ValueKind == JsonValueKind.Number))
                {
                    var (a, b, c) = At(i);
                    yield return (a, b, c, v.GetDouble());
                }
                break;
            }
            case "geojson":
                foreach (var f in JsonDocument.Parse(body).RootElement.GetProperty("features").EnumerateArray())
                {
                    var p = f.GetProperty("properties");
                    var withheld = p.TryGetProperty("suppressed", out var s)
                        ? s.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : [];
                    foreach (var code in indicatorCodes)
                        foreach (var property in p.EnumerateObject().Where(x => x.Name.StartsWith(code + "_", StringComparison.Ordinal)))
                        {
                            var period = property.Name[(code.Length + 1)..];
                            if (withheld.Contains(property.Name)) yield return (code, f.Str("id"), period, null);
                            else if (property.Value.ValueKind == JsonValueKind.Number)
                                yield return (code, f.Str("id"), period, property.Value.GetDouble());
                        }
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }

    private static string Text(Cell c) =>
        c.DataType?.Value == CellValues.InlineString ? c.InlineString?.InnerText ?? "" : c.CellValue?.Text ?? "";
}
