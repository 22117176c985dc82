using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Indicators.IndicatorApi;

namespace Raumnetz.IntegrationTests.Exports;

/// <summary>
/// A hand-computed table for the export tests (one per factory):
/// city ─ north, centre, south (districts); north ─ n1 (neighbourhood).
/// cases (count, sum):  2024: city 25, north 2 (small), centre 10, south 13  → north withheld, centre too (else 25 − 10 − 13 = 2)
///                      2023: north 5, centre 10, south 13 (no city value)    → aggregated: city 28
/// sgb2 (rate ×100):    2024: north 150/1000, south 30/200, centre 1/8 (denominator below 10: withheld)
/// safety (rating 1–5): 2024-Q2: north 3.5 provisional
/// </summary>
public sealed record ExportData(string Prefix, Guid SetId, Guid Cases, Guid Sgb2, Guid Safety, Guid City, Guid North, Guid Centre,
    Guid South, Guid N1)
{
    public string Code(string suffix) => $"{Prefix}-{suffix}";
}

public static class ExportApi
{
    private static readonly ConditionalWeakTable<ApiFactory, Lazy<Task<ExportData>>> Data = new();

    public static Task<ExportData> DataAsync(this ApiFactory factory)
        => Data.GetValue(factory, f => new Lazy<Task<ExportData>>(() => SeedAsync(f))).Value;

    private static async Task<ExportData> SeedAsync(ApiFactory factory)
    {
        var client = await factory.AdminAsync();
        var t = ActorApi.Token();
        var square = new { type = "Polygon",
            coordinates = new[] { new[] { new[] { 7.0, 51.0 }, new[] { 7.1, 51.0 }, new[] { 7.1, 51.1 }, new[] { 7.0, 51.0 } } } };
        var city = await CreateSpaceAsync(client, $"{t}-city", "Stadt", "municipality");
        var north = await CreateSpaceAsync(client, $"{t}-north", "Nordstadt", "district", city, geometry: square);
        var centre = await CreateSpaceAsync(client, $"{t}-centre", "Innenstadt", "district", city);
        var south = await CreateSpaceAsync(client, $"{t}-south", "Südstadt", "district", city);
        var n1 = await CreateSpaceAsync(client, $"{t}-n1", "Nordstadt-Ost", "neighbourhood", north);
        var cases = (await CreateIndicatorAsync(client, Count($"{t}-cases", new { name = "Hilfen zur Erziehung", unit = "Fälle" })))
            .GetProperty("id").GetGuid();
        var sgb2 = (await CreateIndicatorAsync(client, Rate($"{t}-sgb2", 100, new { name = "SGB-II-Quote", unit = "%" }))).GetProperty("id")
            .GetGuid();
        var safety = (await CreateIndicatorAsync(client, Rating($"{t}-safety", new { name = "Sicherheitsgefühl" }))).GetProperty("id")
            .GetGuid();
        var csv = $"""
            indicator,space,period,value,numerator,denominator,status,source
            {t}-cases,{t}-city,2024,25,,,final,Jugendamt
            {t}-cases,{t}-north,2024,2,,,final,Jugendamt
            {t}-cases,{t}-centre,2024,10,,,final,Jugendamt
            {t}-cases,{t}-south,2024,13,,,final,Jugendamt
            {t}-cases,{t}-north,2023,5,,,final,Jugendamt
            {t}-cases,{t}-centre,2023,10,,,final,Jugendamt
            {t}-cases,{t}-south,2023,13,,,final,Jugendamt
            {t}-sgb2,{t}-north,2024,,150,1000,final,BA
            {t}-sgb2,{t}-south,2024,,30,200,final,BA
            {t}-sgb2,{t}-centre,2024,,1,8,final,BA
            {t}-safety,{t}-north,2024-Q2,3.5,,,provisional,Befragung
            """;
        var imported = await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client, csv));
        Assert.Equal(11, imported.GetProperty("created").GetInt32());
        var set = await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync(SetsUrl,
            new { name = "Monitoring Nordstadt", indicatorIds = new[] { cases, sgb2, safety } }), HttpStatusCode.Created);
        return new ExportData(t, set.GetProperty("id").GetGuid(), cases, sgb2, safety, city, north, centre, south, n1);
    }

    public static string Url(ExportData d, string query) => $"{ExportsUrl}?indicatorSetId={d.SetId}&{query}";

    public static async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"Expected 200, got {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        return (response, body);
    }
}
