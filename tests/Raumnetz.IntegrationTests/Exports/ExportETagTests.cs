using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Exports.ExportApi;

namespace Raumnetz.IntegrationTests.Exports;

/// <summary>Changes data, so it has a factory (and data set) of its own: the other export tests count rows.</summary>
public sealed class ExportETagTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Unchanged_exports_are_not_sent_again_and_a_change_gives_a_new_etag()
    {
        var client = await factory.AdminAsync();
        var d = await factory.DataAsync();
        var url = Url(d, "format=csv&spaceIds=" + d.South);
        var (first, _) = await GetAsync(client, url);
        var etag = first.Headers.ETag!;
        var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        await Indicators.IndicatorApi.PutObservationOkAsync(client,
            new { indicatorId = d.Cases, spaceId = d.South, period = "2022", value = 11 });
        var (changed, body) = await GetAsync(client, url);
        Assert.NotEqual(etag.Tag, changed.Headers.ETag!.Tag);
        Assert.Contains(ExportCsvTests.Parse(body), r => r["period"] == "2022");
    }

    [Fact]
    public async Task A_change_outside_the_listed_spaces_that_can_change_what_is_withheld_gives_a_new_etag()
    {
        var client = await factory.AdminAsync();
        var d = await factory.DataAsync();
        var url = Url(d, "format=csv&from=2024&to=2024&spaceIds=" + d.South);
        var (first, _) = await GetAsync(client, url);

        // A value below the north (outside the listed spaces) takes part in deciding what is withheld in 2024.
        await Indicators.IndicatorApi.PutObservationOkAsync(client,
            new { indicatorId = d.Sgb2, spaceId = d.N1, period = "2024", numerator = 1, denominator = 4 });
        var (changed, _) = await GetAsync(client, url);
        Assert.NotEqual(first.Headers.ETag!.Tag, changed.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Only_values_the_export_depends_on_change_its_etag_and_a_delete_among_them_does()
    {
        var client = await factory.AdminAsync();
        var d = await factory.DataAsync();
        // An indicator outside the set, created before the first ETag (a new indicator changes every export's tag).
        var other = (await Indicators.IndicatorApi.CreateIndicatorAsync(client, Indicators.IndicatorApi.Count(d.Code("other"))))
            .GetProperty("id").GetGuid();
        var url = Url(d, "format=csv&from=2024-03&to=2024-05&spaceIds=" + d.South);
        var (first, _) = await GetAsync(client, url);
        var etag = first.Headers.ETag!.Tag;

        // Outside what the export depends on (its indicators in the whole years it covers, every space): another
        // indicator's value in 2024, and the set's own indicator in 2021 for the exported space.
        await Indicators.IndicatorApi.PutObservationOkAsync(client,
            new { indicatorId = other, spaceId = d.South, period = "2024", value = 7 });
        await Indicators.IndicatorApi.PutObservationOkAsync(client,
            new { indicatorId = d.Cases, spaceId = d.South, period = "2021", value = 9 });
        var (outside, _) = await GetAsync(client, url);
        Assert.Equal(etag, outside.Headers.ETag!.Tag);

        // Inside (the same year, a space the export does not list, a period other than the exported months): a new tag,
        // and deleting that value again gives another one.
        var inside = await Indicators.IndicatorApi.PutObservationOkAsync(client,
            new { indicatorId = d.Cases, spaceId = d.Centre, period = "2024-H2", value = 4 });
        var (added, _) = await GetAsync(client, url);
        Assert.NotEqual(etag, added.Headers.ETag!.Tag);

        var deleted = await client.DeleteIfMatchAsync($"/api/v1/observations/{inside.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var (afterDelete, _) = await GetAsync(client, url);
        Assert.NotEqual(added.Headers.ETag!.Tag, afterDelete.Headers.ETag!.Tag);
    }
}
