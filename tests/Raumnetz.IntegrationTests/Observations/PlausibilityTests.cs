using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Indicators.IndicatorApi;

namespace Raumnetz.IntegrationTests.Observations;

/// <summary>
/// Values that cannot be true are refused (a 340 % share, values outside the indicator's minimum and maximum, values for
/// a period in which the space does not exist); values far outside the space's own history need a confirmation in
/// entry and are flagged in import.
/// </summary>
public sealed class PlausibilityTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static string[] Codes(JsonElement problem, string field) =>
        problem.GetProperty("codes").GetProperty(field).EnumerateArray().Select(c => c.GetString()!).ToArray();

    [Fact]
    public async Task A_share_above_100_percent_is_refused_in_entry_and_import()
    {
        var client = await factory.AdminAsync();
        var (t, city, _, _) = await CityAsync(client);
        var code = ActorApi.Token();
        var rate = (await CreateIndicatorAsync(client, Rate(code, 100))).GetProperty("id").GetGuid();
        var problem = await HttpAssert.ProblemAsync(await PutObservationAsync(client, new { indicatorId = rate, spaceId = city, period = "2024", value = 340 }),
            HttpStatusCode.BadRequest, "value");
        Assert.Contains("proportionOutOfRange", Codes(problem, "value"));
        await HttpAssert.ProblemAsync(await ImportCsvAsync(client, $"indicator,space,period,value\n{code},{t}-city,2024,340\n"), HttpStatusCode.BadRequest, "lines[2].value");
        Assert.Empty(await ObservationsAsync(client, $"indicatorId={rate}"));
        await PutObservationOkAsync(client, new { indicatorId = rate, spaceId = city, period = "2024", value = 34 });
    }

    [Fact]
    public async Task An_indicator_keeps_its_minimum_and_maximum_and_values_outside_are_refused()
    {
        var client = await factory.AdminAsync();
        var (_, city, _, _) = await CityAsync(client);
        var created = await CreateIndicatorAsync(client, Count(ActorApi.Token(), new { minimum = 0, maximum = 50 }));
        Assert.Equal((0.0, 50.0), (created.GetProperty("minimum").GetDouble(), created.GetProperty("maximum").GetDouble()));
        var id = created.GetProperty("id").GetGuid();
        var read = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync($"{IndicatorsUrl}/{id}"));
        Assert.Equal(50.0, read.GetProperty("maximum").GetDouble());
        var problem = await HttpAssert.ProblemAsync(await PutObservationAsync(client, new { indicatorId = id, spaceId = city, period = "2024", value = 51 }),
            HttpStatusCode.BadRequest, "value");
        Assert.Equal(["aboveMaximum"], Codes(problem, "value"));
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(IndicatorsUrl, Count(ActorApi.Token(), new { minimum = 10, maximum = 5 })),
            HttpStatusCode.BadRequest, "maximum");
    }

    [Fact]
    public async Task A_value_far_outside_the_space_s_history_needs_a_confirmation_in_entry_and_is_flagged_in_import()
    {
        var client = await factory.AdminAsync();
        var (t, city, _, _) = await CityAsync(client);
        var code = ActorApi.Token();
        var id = (await CreateIndicatorAsync(client, Count(code))).GetProperty("id").GetGuid();
        foreach (var (period, value) in new[] { ("2021", 40), ("2022", 50), ("2023", 60) })
            await PutObservationOkAsync(client, new { indicatorId = id, spaceId = city, period, value });

        var problem = await HttpAssert.ProblemAsync(await PutObservationAsync(client, new { indicatorId = id, spaceId = city, period = "2024", value = 340 }),
            HttpStatusCode.BadRequest, "value");
        Assert.Equal(["outlier"], Codes(problem, "value"));
        Assert.Contains("confirmOutlier", problem.GetProperty("errors").GetProperty("value")[0].GetString());
        var plausible = await PutObservationAsync(client, new { indicatorId = id, spaceId = city, period = "2024", value = 70 });
        var etag = plausible.Headers.ETag!.ToString();
        await HttpAssert.OkAsync<JsonElement>(plausible, HttpStatusCode.Created);
        // replacing the stored value needs its ETag (If-Match), as every change of an existing value
        var confirmed = await HttpAssert.OkAsync<JsonElement>(await client.SendJsonAsync(HttpMethod.Put, ObservationsUrl,
            new { indicatorId = id, spaceId = city, period = "2024", value = 340, confirmOutlier = true }, ("If-Match", etag)), HttpStatusCode.OK);
        Assert.Equal(340, confirmed.GetProperty("value").GetDouble());

        var imported = await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client, $"indicator,space,period,value\n{code},{t}-city,2020,45\n{code},{t}-city,2025,5000\n"));
        Assert.True(imported.GetProperty("imported").GetBoolean());
        Assert.Equal(1, imported.GetProperty("warningCount").GetInt32());
        var warning = Assert.Single(imported.GetProperty("warnings").EnumerateArray());
        Assert.Equal((3, "value", "outlier"), (warning.GetProperty("line").GetInt32(), warning.GetProperty("column").GetString(), warning.GetProperty("code").GetString()));
        Assert.Equal(6, (await ObservationsAsync(client, $"indicatorId={id}")).Count);
    }

    /// <summary>
    /// The import reads an indicator's stored values when a row first names it (not the whole table up front), before any of
    /// its rows is written: both far-off values are flagged against the history stored before the import (had the first been
    /// written before the history was read, the second would be inside it), in a dry run and in the import; the rows of the
    /// other indicator around that read (PostgreSQL: the COPY paused for it) are all written.
    /// </summary>
    [Fact]
    public async Task An_import_flags_outliers_against_each_indicators_history_from_before_the_import()
    {
        var client = await factory.AdminAsync();
        var (t, city, _, _) = await CityAsync(client);
        var fresh = ActorApi.Token();
        var freshId = (await CreateIndicatorAsync(client, Count(fresh))).GetProperty("id").GetGuid();
        var known = ActorApi.Token();
        var knownId = (await CreateIndicatorAsync(client, Count(known))).GetProperty("id").GetGuid();
        foreach (var (period, value) in new[] { ("2021", 40), ("2022", 50), ("2023", 60) })
            await PutObservationOkAsync(client, new { indicatorId = knownId, spaceId = city, period, value });
        var csv = $"""
            indicator,space,period,value
            {fresh},{t}-city,2021,1
            {fresh},{t}-city,2022,2
            {known},{t}-city,2025,5000
            {known},{t}-city,2026,5100
            {known},{t}-city,2027,55
            {fresh},{t}-city,2023,3
            """;
        foreach (var query in new[] { "?dryRun=true", "" })
        {
            var result = await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client, csv, query));
            Assert.Equal(2, result.GetProperty("warningCount").GetInt32());
            Assert.Equal([(4, "outlier"), (5, "outlier")], result.GetProperty("warnings").EnumerateArray()
                .Select(w => (w.GetProperty("line").GetInt32(), w.GetProperty("code").GetString()!)));
        }
        Assert.Equal([1.0, 2.0, 3.0],
            (await ObservationsAsync(client, $"indicatorId={freshId}")).Select(o => o.GetProperty("value").GetDouble()).Order());
        Assert.Equal(6, (await ObservationsAsync(client, $"indicatorId={knownId}")).Count);
    }

    [Fact]
    public async Task Values_for_a_period_in_which_the_space_does_not_exist_are_refused()
    {
        var client = await factory.AdminAsync();
        var t = ActorApi.Token();
        var response = await client.PostAsJsonAsync("/api/v1/spaces", new { code = $"{t}-nordmarkt", name = "Sozialraum Nordmarkt", level = "district", validFrom = "2010-01-01", validTo = "2018-12-31" });
        var nordmarkt = (await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var code = ActorApi.Token();
        var id = (await CreateIndicatorAsync(client, Count(code))).GetProperty("id").GetGuid();

        var problem = await HttpAssert.ProblemAsync(await PutObservationAsync(client, new { indicatorId = id, spaceId = nordmarkt, period = "2024", value = 12 }),
            HttpStatusCode.BadRequest, "period");
        Assert.Equal(["outsideSpaceValidity"], Codes(problem, "period"));
        await HttpAssert.ProblemAsync(await ImportCsvAsync(client, $"indicator,space,period,value\n{code},{t}-nordmarkt,2018,12\n{code},{t}-nordmarkt,2024,12\n"),
            HttpStatusCode.BadRequest, "lines[3].period");
        Assert.Empty(await ObservationsAsync(client, $"indicatorId={id}"));
        await PutObservationOkAsync(client, new { indicatorId = id, spaceId = nordmarkt, period = "2018", value = 12 });
    }
}
