using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Actors;

/// <summary>Shared steps of the actor tests: valid bodies, creating actors, spaces and relations, counting what is stored.</summary>
public static class ActorApi
{
    public const string ActorsUrl = "/api/v1/actors";
    public const string RelationsUrl = "/api/v1/actor-relations";
    public const string TypesUrl = "/api/v1/actor-types";

    /// <summary>For <see cref="SendAsync"/>: send no If-Match header.</summary>
    public const string? NoIfMatch = null;

    private static readonly ConditionalWeakTable<ApiFactory, ConcurrentDictionary<string, Lazy<Task<HttpClient>>>> Clients = new();

    /// <summary>
    /// One signed-in administrator client per factory (test class): sign-in is rate-limited to 20 a minute per address,
    /// so tests reuse sessions instead of signing in each time. Do not change its default headers.
    /// </summary>
    public static Task<HttpClient> AdminAsync(this ApiFactory factory) => Cached(factory, "admin", () => factory.SignedInAsync());

    /// <summary>One signed-in client per factory for a user with the role (created on first use).</summary>
    public static Task<HttpClient> AsAsync(this ApiFactory factory, string role) => Cached(factory, role, () => factory.SignedInAsAsync(role));

    private static Task<HttpClient> Cached(ApiFactory factory, string key, Func<Task<HttpClient>> create) =>
        Clients.GetOrCreateValue(factory).GetOrAdd(key, _ => new Lazy<Task<HttpClient>>(create)).Value;

    /// <summary>A unique marker for names, so tests sharing a database can find their own actors with ?q=.</summary>
    public static string Token() => "t" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A valid organisation body; <paramref name="changes"/> replaces or adds fields (JSON null removes nothing, it sets null).</summary>
    public static JsonObject Organisation(string name, object? changes = null)
    {
        var body = new JsonObject
        {
            ["kind"] = "organisation",
            ["name"] = name,
            ["type"] = "association",
            ["sector"] = "civilSociety",
        };
        return Merge(body, changes);
    }

    public static JsonObject Person(string name, Guid? organisationId, object? changes = null)
    {
        var body = new JsonObject
        {
            ["kind"] = "person",
            ["name"] = name,
            ["type"] = "person",
            ["sector"] = "public",
            ["parentId"] = organisationId?.ToString(),
        };
        return Merge(body, changes);
    }

    public static JsonObject Merge(JsonObject body, object? changes)
    {
        if (changes is null) return body;
        var node = changes as JsonObject ?? JsonSerializer.SerializeToNode(changes, Json.Options)!.AsObject();
        foreach (var (key, value) in node) body[key] = value?.DeepClone();
        return body;
    }

    public static async Task<JsonElement> CreateActorAsync(HttpClient client, JsonObject body)
    {
        var response = await client.PostAsJsonAsync(ActorsUrl, body);
        return await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created);
    }

    public static async Task<Guid> CreateOrganisationAsync(HttpClient client, string name, object? changes = null) =>
        (await CreateActorAsync(client, Organisation(name, changes))).GetProperty("id").GetGuid();

    public static async Task<Guid> CreateSpaceAsync(HttpClient client, string name, string level, Guid? parentId = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/spaces", new { code = Token(), name, level, parentId });
        return (await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> CreateRelationAsync(HttpClient client, Guid source, Guid target, string type = "cooperationAgreement", object? changes = null)
    {
        var body = Merge(new JsonObject
        {
            ["sourceActorId"] = source.ToString(),
            ["targetActorId"] = target.ToString(),
            ["type"] = type,
            ["isContractual"] = false,
        }, changes);
        var response = await client.PostAsJsonAsync(RelationsUrl, body);
        return await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created);
    }

    /// <summary>Every item of a paged list, following nextCursor to the end.</summary>
    public static async Task<List<JsonElement>> AllPagesAsync(HttpClient client, string url, int limit = 500)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        var separator = url.Contains('?') ? '&' : '?';
        do
        {
            var page = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync(
                $"{url}{separator}limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")));
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);
        return items;
    }

    /// <summary>How many actors are stored, archived ones included.</summary>
    public static async Task<int> CountActorsAsync(HttpClient client) =>
        (await AllPagesAsync(client, $"{ActorsUrl}?includeArchived=true")).Count;

    /// <summary>How many relations an actor has, in both directions.</summary>
    public static async Task<int> CountRelationsAsync(HttpClient client, Guid actorId) =>
        (await AllPagesAsync(client, $"{ActorsUrl}/{actorId}/relations")).Count;

    public static async Task<(JsonElement Body, string ETag)> GetWithETagAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await HttpAssert.OkAsync<JsonElement>(response);
        return (body, response.Headers.ETag!.Tag);
    }

    /// <summary>
    /// Sends a request with If-Match "*" (any version) unless <paramref name="ifMatch"/> names an ETag; changes need
    /// If-Match (428 without), so pass <see cref="NoIfMatch"/> to send none.
    /// </summary>
    public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, JsonNode? body = null, string? ifMatch = "*")
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = JsonContent.Create(body);
        if (ifMatch is not null) request.WithIfMatch(ifMatch);
        return client.SendAsync(request);
    }

    public static IEnumerable<string> Strings(this JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!);
}
