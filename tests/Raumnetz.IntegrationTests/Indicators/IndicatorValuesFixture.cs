using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Indicators.IndicatorApi;

namespace Raumnetz.IntegrationTests.Indicators;

/// <summary>
/// A hand-computed table for the series and map tests, on the provider this run is for (RAUMNETZ_TEST_PROVIDER):
/// city ─ north (with geometry), centre, south, old (ended 2020), late (from 2030, yet with a value); north ─ n1, n2.
/// cases (count, sum):  2024: city 32, north 2 (small), centre 10, south 13, late 7 → north withheld, late too
///                            (else 32 − 10 − 13 − 7 = 2)
///                      2023: n1 4, n2 2 (small), centre 10, south 13           → computed: north 6 (from 2), city 29 (from 3)
///                      south 2022 20 = Q1 5 + Q2 2 (small) + Q3 6 + Q4 7      → Q2 withheld, Q1 too (the year would reveal it)
/// sgb2 (rate ×100):    2024: north 160/1000 provisional, south 100/900, centre 4/8 (denominator below 10: withheld)
///                      2023: north 180/1000, south 90/900                     → computed city 2024: 264/1908, 2023: 270/1900
/// </summary>
public sealed class IndicatorValuesFixture() : ApiFactory(TestDatabase.Create(TestDatabase.CurrentProvider)), IAsyncLifetime
{
    public string Prefix { get; private set; } = "";
    public Guid Cases { get; private set; }
    public Guid Sgb2 { get; private set; }
    public Guid City { get; private set; }
    public Guid North { get; private set; }
    public Guid Centre { get; private set; }
    public Guid South { get; private set; }
    public Guid N1 { get; private set; }
    public Guid N2 { get; private set; }
    public Guid Old { get; private set; }
    public Guid Late { get; private set; }

    public string Code(string suffix) => $"{Prefix}-{suffix}";

    public async ValueTask InitializeAsync()
    {
        var client = await AdminAsync();
        var t = Prefix = ActorApi.Token();
        var ring = new[] { new[] { 7.0, 51.0 }, new[] { 7.1, 51.0 }, new[] { 7.1, 51.1 }, new[] { 7.0, 51.0 } };
        var square = new { type = "Polygon", coordinates = new[] { ring } };
        async Task<Guid> Space(string code, string name, string level, Guid? parentId, object? geometry = null,
            string validFrom = "2000-01-01", string? validTo = null)
        {
            var body = new { code = $"{t}-{code}", name, level, parentId, geometry, validFrom, validTo };
            var response = await client.PostAsJsonAsync("/api/v1/spaces", body);
            return (await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created)).Id();
        }
        City = await Space("city", "Stadt", "municipality", null);
        North = await Space("north", "Nordstadt", "district", City, square);
        Centre = await Space("centre", "Innenstadt", "district", City);
        South = await Space("south", "Südstadt", "district", City);
        Old = await Space("old", "Altstadt (bis 2020)", "district", City, validTo: "2020-12-31");
        Late = await Space("late", "Neustadt (ab 2030)", "district", City, validFrom: "2030-01-01");
        N1 = await Space("n1", "Nordstadt-Ost", "neighbourhood", North);
        N2 = await Space("n2", "Nordstadt-West", "neighbourhood", North);
        Cases = (await CreateIndicatorAsync(client, Count($"{t}-cases", new { name = "Hilfen zur Erziehung", unit = "Fälle" }))).Id();
        Sgb2 = (await CreateIndicatorAsync(client, Rate($"{t}-sgb2", 100, new { name = "SGB-II-Quote", unit = "%" }))).Id();
        var csv = $"""
            indicator,space,period,value,numerator,denominator,status,source
            {t}-cases,{t}-city,2024,32,,,final,Jugendamt
            {t}-cases,{t}-north,2024,2,,,final,Jugendamt
            {t}-cases,{t}-centre,2024,10,,,final,Jugendamt
            {t}-cases,{t}-south,2024,13,,,final,Jugendamt
            {t}-cases,{t}-late,2024,7,,,final,Jugendamt
            {t}-cases,{t}-n1,2023,4,,,final,Jugendamt
            {t}-cases,{t}-n2,2023,2,,,final,Jugendamt
            {t}-cases,{t}-centre,2023,10,,,final,Jugendamt
            {t}-cases,{t}-south,2023,13,,,final,Jugendamt
            {t}-cases,{t}-south,2022,20,,,final,Jugendamt
            {t}-cases,{t}-south,2022-Q1,5,,,final,Jugendamt
            {t}-cases,{t}-south,2022-Q2,2,,,final,Jugendamt
            {t}-cases,{t}-south,2022-Q3,6,,,final,Jugendamt
            {t}-cases,{t}-south,2022-Q4,7,,,final,Jugendamt
            {t}-sgb2,{t}-north,2024,,160,1000,provisional,BA
            {t}-sgb2,{t}-south,2024,,100,900,final,BA
            {t}-sgb2,{t}-centre,2024,,4,8,final,BA
            {t}-sgb2,{t}-north,2023,,180,1000,final,BA
            {t}-sgb2,{t}-south,2023,,90,900,final,BA
            """;
        var imported = await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client, csv));
        Assert.Equal(19, imported.GetProperty("created").GetInt32());
    }
}
