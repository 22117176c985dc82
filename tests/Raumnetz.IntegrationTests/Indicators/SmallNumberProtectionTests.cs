using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Indicators.IndicatorApi;

namespace Raumnetz.IntegrationTests.Indicators;

/// <summary>
/// Small-number protection as a property of what viewers and analysts may see (issue 11): the three ways around it, and
/// every response a viewer can request for the same data put together, so that no withheld cell can be recovered by
/// subtracting visible parts from a visible total.
/// </summary>
public sealed class SmallNumberProtectionTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Individual_ratings_are_not_listed_for_viewers_and_analysts_while_editors_see_them()
    {
        var admin = await factory.AdminAsync();
        var (_, _, north, _) = await CityAsync(admin);
        var cooperation = (await CreateIndicatorAsync(admin, Rating(ActorApi.Token()))).GetProperty("id").GetGuid();
        var ids = new List<Guid>();
        foreach (var rating in new[] { 4, 5 })
            ids.Add((await HttpAssert.OkAsync<JsonElement>(await admin.PostAsJsonAsync(AssessmentsUrl,
                new { indicatorId = cooperation, spaceId = north, period = "2024", rating }, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid());

        foreach (var role in new[] { "viewer", "analyst" })
        {
            var client = await factory.AsAsync(role);
            var summary = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync(
                $"{AssessmentsUrl}/summary?indicatorId={cooperation}&spaceId={north}&period=2024", Ct));
            Assert.True(summary.GetProperty("suppressed").GetBoolean());
            // Today the list gave [4, 5] while the summary was withheld.
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{AssessmentsUrl}?indicatorId={cooperation}", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{AssessmentsUrl}/{ids[0]}", Ct)).StatusCode);
        }
        var editor = await factory.AsAsync("editor");
        var listed = await ActorApi.AllPagesAsync(editor, $"{AssessmentsUrl}?indicatorId={cooperation}");
        Assert.Equal(new[] { 4, 5 }, listed.Select(a => a.GetProperty("rating").GetInt32()).Order());
    }

    [Fact]
    public async Task A_parent_rating_computed_from_one_small_rating_is_withheld_in_the_evaluation_the_series_and_the_export()
    {
        var admin = await factory.AdminAsync();
        var (_, city, north, _) = await CityAsync(admin);
        var code = ActorApi.Token();
        var cooperation = (await CreateIndicatorAsync(admin, Rating(code))).GetProperty("id").GetGuid();
        foreach (var rating in new[] { 4, 5 })
            await HttpAssert.OkAsync<JsonElement>(await admin.PostAsJsonAsync(AssessmentsUrl,
                new { indicatorId = cooperation, spaceId = north, period = "2024", rating }, Ct), HttpStatusCode.Created);
        var set = await SetAsync(admin, cooperation);

        var viewer = await factory.AsAsync("viewer");
        var item = (await EvaluationAsync(viewer, set, city)).Single();
        // Today: "aggregated, count 1", 4.5, unsuppressed, while the export withheld it.
        Assert.True(item.GetProperty("value").GetProperty("aggregated").GetBoolean());
        Assert.True(item.GetProperty("value").GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("value").GetProperty("value").ValueKind);
        var series = (await SeriesAsync(viewer, cooperation, city)).Single();
        Assert.True(series.GetProperty("suppressed").GetBoolean());
        var exported = (await ExportAsync(viewer, cooperation, aggregated: true)).Single(v => v.Str("space").EndsWith("-city", StringComparison.Ordinal));
        Assert.True(exported.GetProperty("suppressed").GetBoolean());

        var editor = await factory.AsAsync("editor");
        Assert.Equal(4.5, (await EvaluationAsync(editor, set, city)).Single().GetProperty("value").GetProperty("value").GetDouble(), 9);
    }

    [Fact]
    public async Task No_withheld_cell_can_be_recovered_by_subtraction_across_list_evaluation_series_map_and_export()
    {
        var data = await SubtractionDataAsync();
        var viewer = await factory.AsAsync("viewer");
        var views = await ViewsAsync(viewer, data, streamedExport: true);
        AssertNothingRecoverable(data, views);
    }

    [Fact]
    public async Task Editors_see_every_value_in_every_response_but_the_export()
    {
        var data = await SubtractionDataAsync();
        var editor = await factory.AsAsync("editor");
        var views = await ViewsAsync(editor, data, streamedExport: true);
        // Exports withhold small numbers for everyone (they leave the system); every other response shows editors everything.
        Assert.Empty(views.Where(v => v.Value is null && !v.Response.StartsWith("export", StringComparison.Ordinal)).Select(v => $"{v.Response} {v.Space}"));
        Assert.Contains(views, v => v.Indicator == data.Count && v.Space == data.North && v.Value == 2);
        Assert.Contains(views, v => v.Indicator == data.Rate && v.Space == data.North && v.Value is { } r && Math.Abs(r - 20) < 1e-9);
    }

    /// <summary>
    /// The data of the subtraction bypass: counts city 52 (measured) = north 2 + south 50; rates north 1/5 and south 30/100,
    /// the city's 31/105 computed from them.
    /// </summary>
    private sealed record SubtractionData(Guid Count, Guid Rate, string CountCode, string RateCode, Guid City, Guid North, Guid South,
        string Prefix, Guid Set);

    private async Task<SubtractionData> SubtractionDataAsync()
    {
        var admin = await factory.AdminAsync();
        var (prefix, city, north, south) = await CityAsync(admin);
        var countCode = ActorApi.Token();
        var rateCode = ActorApi.Token();
        var count = (await CreateIndicatorAsync(admin, Count(countCode))).GetProperty("id").GetGuid();
        var rate = (await CreateIndicatorAsync(admin, Rate(rateCode))).GetProperty("id").GetGuid();
        await PutObservationOkAsync(admin, new { indicatorId = count, spaceId = city, period = "2024", value = 52 });
        await PutObservationOkAsync(admin, new { indicatorId = count, spaceId = north, period = "2024", value = 2 });
        await PutObservationOkAsync(admin, new { indicatorId = count, spaceId = south, period = "2024", value = 50 });
        await PutObservationOkAsync(admin, new { indicatorId = rate, spaceId = north, period = "2024", numerator = 1, denominator = 5 });
        await PutObservationOkAsync(admin, new { indicatorId = rate, spaceId = south, period = "2024", numerator = 30, denominator = 100 });
        return new SubtractionData(count, rate, countCode, rateCode, city, north, south, prefix, await SetAsync(admin, count, rate));
    }

    /// <summary>One value of one response: which indicator, space and period, and the value (null when withheld).</summary>
    private sealed record Seen(string Response, Guid Indicator, Guid Space, string Period, double? Value, double? Numerator, double? Denominator);

    /// <summary>Every 2024 value the client can read for the data, from every response that shows values.</summary>
    private static async Task<List<Seen>> ViewsAsync(HttpClient client, SubtractionData d, bool streamedExport)
    {
        var seen = new List<Seen>();
        var spaces = new[] { d.City, d.North, d.South };
        var byCode = new Dictionary<string, Guid> { [$"{d.Prefix}-city"] = d.City, [$"{d.Prefix}-north"] = d.North, [$"{d.Prefix}-south"] = d.South };
        var indicators = new Dictionary<string, Guid> { [d.CountCode] = d.Count, [d.RateCode] = d.Rate };
        static double? N(JsonElement e, string p) => e.TryGetProperty(p, out var x) && x.ValueKind == JsonValueKind.Number ? x.GetDouble() : null;
        Seen Of(string response, Guid indicator, Guid space, string period, JsonElement e) =>
            new(response, indicator, space, period, N(e, "value"), N(e, "numerator"), N(e, "denominator"));

        foreach (var indicator in new[] { d.Count, d.Rate })
        {
            foreach (var o in await ObservationsAsync(client, $"indicatorId={indicator}"))
                seen.Add(Of("observations", indicator, o.GetProperty("spaceId").GetGuid(), o.Str("period"), o));
            foreach (var o in await ObservationsAsync(client, $"indicatorId={indicator}"))
            {
                var one = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync($"{ObservationsUrl}/{o.GetProperty("id").GetGuid()}", Ct));
                seen.Add(Of("observation", indicator, one.GetProperty("spaceId").GetGuid(), one.Str("period"), one));
            }
            foreach (var space in spaces)
                foreach (var v in await SeriesAsync(client, indicator, space))
                    seen.Add(Of("series", indicator, space, v.Str("period"), v));
            foreach (var aggregated in new[] { true, false })
            {
                var map = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync(
                    $"{IndicatorsUrl}/{indicator}/map?periods=2024&under={d.City}&aggregated={(aggregated ? "true" : "false")}", Ct));
                foreach (var s in map.GetProperty("spaces").EnumerateArray())
                    foreach (var v in s.GetProperty("values").EnumerateArray())
                        seen.Add(Of($"map aggregated={aggregated}", indicator, s.GetProperty("id").GetGuid(), v.Str("period"), v));
            }
            foreach (var aggregated in streamedExport ? new[] { true, false } : [true])
                foreach (var v in await ExportAsync(client, indicator, aggregated))
                    if (byCode.TryGetValue(v.Str("space"), out var space))
                        seen.Add(Of($"export aggregated={aggregated}", indicators[v.Str("indicator")], space, v.Str("period"), v));
        }
        foreach (var space in spaces)
            foreach (var item in await EvaluationAsync(client, d.Set, space))
            {
                var indicator = item.GetProperty("indicatorId").GetGuid();
                seen.Add(Of("evaluation", indicator, space, "2024", item.GetProperty("value")));
                if (item.GetProperty("reference").ValueKind == JsonValueKind.Object)
                    seen.Add(Of("evaluation reference", indicator, d.City, "2024", item.GetProperty("reference")));
            }
        return seen.Where(s => s.Period == "2024").ToList();
    }

    private static void AssertNothingRecoverable(SubtractionData d, List<Seen> views)
    {
        foreach (var indicator in new[] { d.Count, d.Rate })
        {
            var cells = views.Where(v => v.Indicator == indicator).GroupBy(v => v.Space).ToDictionary(g => g.Key, g => g.ToList());
            // Every response withholds the same cells: a cell is either visible everywhere it appears or nowhere.
            foreach (var (space, shown) in cells)
                Assert.True(shown.All(v => v.Value is null) || shown.All(v => v.Value is not null),
                    $"{space}: withheld in {string.Join(", ", shown.Where(v => v.Value is null).Select(v => v.Response))} but shown in "
                    + string.Join(", ", shown.Where(v => v.Value is not null).Select(v => v.Response)));
            bool Visible(Guid space) => cells.TryGetValue(space, out var shown) && shown.Any(v => v.Value is not null);
            // The small part is withheld everywhere, and with the total visible its sibling is withheld too.
            Assert.False(Visible(d.North));
            Assert.True(Visible(d.City));
            Assert.False(Visible(d.South));
        }
        Assert.Contains(views, v => v.Indicator == d.Rate && v.Space == d.City && v.Numerator == 31 && v.Denominator == 105);
        Assert.Contains(views, v => v.Indicator == d.Count && v.Space == d.City && v.Value == 52);
    }

    private static async Task<Guid> SetAsync(HttpClient admin, params Guid[] indicatorIds) =>
        (await HttpAssert.OkAsync<JsonElement>(await admin.PostAsJsonAsync(SetsUrl, new { name = $"Monitoring {ActorApi.Token()}", indicatorIds }, Ct),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static async Task<List<JsonElement>> EvaluationAsync(HttpClient client, Guid set, Guid space) =>
        (await HttpAssert.OkAsync<JsonElement>(await client.GetAsync($"{SetsUrl}/{set}/evaluation?spaceId={space}&period=2024", Ct)))
            .GetProperty("items").EnumerateArray().ToList();

    private static async Task<List<JsonElement>> SeriesAsync(HttpClient client, Guid indicator, Guid space) =>
        (await HttpAssert.OkAsync<JsonElement>(await client.GetAsync($"{IndicatorsUrl}/{indicator}/series?spaceId={space}", Ct)))
            .GetProperty("items").EnumerateArray().ToList();

    private static async Task<List<JsonElement>> ExportAsync(HttpClient client, Guid indicator, bool aggregated)
    {
        var response = await client.GetAsync($"{ExportsUrl}?format=json&indicatorIds={indicator}&aggregated={(aggregated ? "true" : "false")}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("values").EnumerateArray().ToList();
    }
}
