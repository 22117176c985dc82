using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Indicators;

/// <summary>Shared steps of the indicator, observation, assessment and export tests.</summary>
public static class IndicatorApi
{
    public const string IndicatorsUrl = "/api/v1/indicators";
    public const string SetsUrl = "/api/v1/indicator-sets";
    public const string ObservationsUrl = "/api/v1/observations";
    public const string AssessmentsUrl = "/api/v1/assessments";
    public const string ExportsUrl = "/api/v1/exports/indicators";

    public static JsonObject Count(string code, object? changes = null) => ActorApi.Merge(new JsonObject
    {
        ["code"] = code, ["name"] = $"Count {code}", ["kind"] = "count", ["unit"] = "persons", ["decimals"] = 0,
        ["direction"] = "lowerIsBetter", ["aggregation"] = "sum", ["isProportion"] = true,
    }, changes);

    public static JsonObject Rate(string code, double factor = 100, object? changes = null) => ActorApi.Merge(new JsonObject
    {
        ["code"] = code, ["name"] = $"Rate {code}", ["kind"] = "rate", ["unit"] = "%", ["decimals"] = 1,
        ["direction"] = "lowerIsBetter", ["aggregation"] = "rate", ["rateFactor"] = factor, ["isProportion"] = true,
    }, changes);

    public static JsonObject Rating(string code, object? changes = null) => ActorApi.Merge(new JsonObject
    {
        ["code"] = code, ["name"] = $"Rating {code}", ["kind"] = "rating", ["unit"] = "points", ["decimals"] = 1,
        ["direction"] = "higherIsBetter", ["aggregation"] = "mean", ["isProportion"] = true, ["scaleMin"] = 1, ["scaleMax"] = 5,
        ["scaleLabels"] = new JsonArray("sehr schlecht", "schlecht", "mittel", "gut", "sehr gut"),
    }, changes);

    public static async Task<JsonElement> CreateIndicatorAsync(HttpClient client, JsonObject body)
    {
        var response = await client.PostAsJsonAsync(IndicatorsUrl, body);
        return await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created);
    }

    public static async Task<Guid> CreateSpaceAsync(HttpClient client, string code, string name, string level, Guid? parentId = null, int? population = null, object? geometry = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/spaces", new { code, name, level, parentId, population, geometry });
        return (await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    /// <summary>A small hierarchy with unique codes: a city with two districts.</summary>
    public static async Task<(string Prefix, Guid City, Guid North, Guid South)> CityAsync(HttpClient client)
    {
        var t = ActorApi.Token();
        var city = await CreateSpaceAsync(client, $"{t}-city", $"Stadt {t}", "municipality", population: 100000);
        var north = await CreateSpaceAsync(client, $"{t}-north", $"Nord {t}", "district", city, 40000,
            new { type = "Polygon", coordinates = new[] { new[] { new[] { 7.0, 51.0 }, new[] { 7.1, 51.0 }, new[] { 7.1, 51.1 }, new[] { 7.0, 51.0 } } } });
        var south = await CreateSpaceAsync(client, $"{t}-south", $"Süd {t}", "district", city, 60000);
        return (t, city, north, south);
    }

    public static Task<HttpResponseMessage> PutObservationAsync(HttpClient client, object body) => client.PutAsJsonAsync(ObservationsUrl, body);

    public static async Task<JsonElement> PutObservationOkAsync(HttpClient client, object body, HttpStatusCode status = HttpStatusCode.Created) =>
        await HttpAssert.OkAsync<JsonElement>(await PutObservationAsync(client, body), status);

    public static Task<HttpResponseMessage> ImportCsvAsync(HttpClient client, string csv, string query = "") =>
        client.PostAsync($"{ObservationsUrl}/import{query}", new StringContent(csv, Encoding.UTF8, "text/csv"));

    public static Task<HttpResponseMessage> ImportJsonAsync(HttpClient client, string json, string query = "") =>
        client.PostAsync($"{ObservationsUrl}/import{query}", new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<List<JsonElement>> ObservationsAsync(HttpClient client, string query) =>
        await ActorApi.AllPagesAsync(client, $"{ObservationsUrl}?{query}");
}
