using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Raumnetz.IntegrationTests.Infrastructure;

/// <summary>Small helpers to arrange data over the API.</summary>
public static partial class TestData
{
    /// <summary>Creates a space and returns its JSON (asserts 201).</summary>
    public static async Task<JsonElement> CreateSpaceAsync(this HttpClient client, string code, string name, string level, Guid? parentId = null,
        string? validFrom = null, string? validTo = null, IEnumerable<Guid>? predecessorIds = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/spaces",
            new { code, name, level, parentId, validFrom, validTo, predecessorIds = predecessorIds?.ToArray() }, TestContext.Current.CancellationToken);
        return await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created);
    }

    /// <summary>Reads a space and its ETag (asserts 200).</summary>
    public static async Task<(JsonElement Space, string ETag)> GetSpaceAsync(this HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/v1/spaces/{id}", TestContext.Current.CancellationToken);
        var space = await HttpAssert.OkAsync<JsonElement>(response);
        return (space, response.Headers.ETag!.Tag);
    }

    /// <summary>Every space (one page of up to 500).</summary>
    public static async Task<List<JsonElement>> AllSpacesAsync(this HttpClient client)
    {
        var page = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync("/api/v1/spaces?limit=500", TestContext.Current.CancellationToken));
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    /// <summary>A JSON body exactly as given (for malformed or hand-written JSON).</summary>
    public static StringContent RawJson(string json, string mediaType = "application/json") => new(json, Encoding.UTF8, mediaType);

    /// <summary>DELETE with If-Match (default "*": any version; changes need If-Match, 428 without).</summary>
    public static Task<HttpResponseMessage> DeleteIfMatchAsync(this HttpClient client, string url, string ifMatch = "*") =>
        client.SendJsonAsync(HttpMethod.Delete, url, null, ("If-Match", ifMatch));

    /// <summary>PUT of a JSON body with If-Match (default "*": any version; changes need If-Match, 428 without).</summary>
    public static Task<HttpResponseMessage> PutIfMatchAsync(this HttpClient client, string url, object body, string ifMatch = "*") =>
        client.SendJsonAsync(HttpMethod.Put, url, body, ("If-Match", ifMatch));

    /// <summary>Sends a request with a JSON body and optional headers.</summary>
    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object? body,
        params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = body as HttpContent ?? JsonContent.Create(body, body.GetType(), options: Json.Options);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
    public void Advance(TimeSpan by) => Now += by;
}
