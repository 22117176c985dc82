using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Networks;

/// <summary>Small helpers that create spaces, networks, members and meetings through the API.</summary>
public static class NetworkApi
{
    public static async Task<Guid> SpaceAsync(this HttpClient client, string code, string name, string level, Guid? parentId = null)
        => (await client.CreateSpaceAsync(code, name, level, parentId)).Id();

    /// <summary>Creates a network; <paramref name="extra"/> adds or overrides fields of the minimal body.</summary>
    public static async Task<JsonElement> NetworkAsync(this HttpClient client, string name, string kind = "focusGroup", object? extra = null)
    {
        var body = Body(new Dictionary<string, object?> { ["name"] = name, ["kind"] = kind, ["mandate"] = $"Mandate of {name}", ["status"] = "active" }, extra);
        var response = await client.PostAsJsonAsync("/api/v1/networks", body);
        return await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created);
    }

    public static async Task<JsonElement> MemberAsync(this HttpClient client, Guid networkId, Guid actorId, string role = "member", object? extra = null)
    {
        var body = Body(new Dictionary<string, object?> { ["actorId"] = actorId, ["role"] = role }, extra);
        var response = await client.PostAsJsonAsync($"/api/v1/networks/{networkId}/members", body);
        return await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created);
    }

    public static async Task<JsonElement> MeetingAsync(this HttpClient client, Guid networkId, DateTimeOffset startsAt, object? extra = null)
    {
        var body = Body(new Dictionary<string, object?> { ["startsAt"] = startsAt, ["endsAt"] = startsAt.AddHours(2), ["cancelled"] = false }, extra);
        var response = await client.PostAsJsonAsync($"/api/v1/networks/{networkId}/meetings", body);
        return await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created);
    }

    public static async Task<JsonElement> TaskAsync(this HttpClient client, Guid networkId, Guid[] responsibleActorIds, object? extra = null)
    {
        var body = Body(new Dictionary<string, object?> { ["networkId"] = networkId, ["title"] = "Einladungsliste ergänzen", ["responsibleActorIds"] = responsibleActorIds, ["status"] = "open" }, extra);
        var response = await client.PostAsJsonAsync("/api/v1/tasks", body);
        return await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created);
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
        => await HttpAssert.OkAsync<JsonElement>(await client.GetAsync(url));

    /// <summary>The items of a page as a list.</summary>
    public static List<JsonElement> Items(this JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    /// <summary>PUT, POST or DELETE with If-Match.</summary>
    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string url, object? body, string etag)
        => client.SendJsonAsync(method, url, body, ("If-Match", etag));

    /// <summary>A JSON object as a dictionary (to change fields and send it back).</summary>
    public static Dictionary<string, object?> ToBody(this JsonElement e, params string[] without)
    {
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(e.GetRawText(), Json.Options)!;
        foreach (var w in without) body.Remove(w);
        return body;
    }

    private static Dictionary<string, object?> Body(Dictionary<string, object?> body, object? extra)
    {
        if (extra is not null)
            foreach (var (k, v) in JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(extra, Json.Options), Json.Options)!)
                body[k] = v;
        return body;
    }
}
