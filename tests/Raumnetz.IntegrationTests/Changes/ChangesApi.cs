using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Changes;

/// <summary>Shared steps of the changes feed tests.</summary>
public static class ChangesApi
{
    public const string Url = "/api/v1/changes";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The feed's current end.</summary>
    public static async Task<string> LatestAsync(HttpClient client) =>
        (await HttpAssert.OkAsync<JsonElement>(await client.GetAsync($"{Url}/latest", Ct))).Str("cursor");

    /// <summary>One page after the cursor.</summary>
    public static async Task<JsonElement> PageAsync(HttpClient client, string? after, string? types = null, int? limit = null)
    {
        var query = new List<string>();
        if (after is not null) query.Add($"after={Uri.EscapeDataString(after)}");
        if (types is not null) query.Add($"types={Uri.EscapeDataString(types)}");
        if (limit is not null) query.Add($"limit={limit}");
        return await HttpAssert.OkAsync<JsonElement>(await client.GetAsync($"{Url}?{string.Join('&', query)}", Ct));
    }

    /// <summary>Every change after the cursor, page by page, and the position after the last one.</summary>
    public static async Task<(List<JsonElement> Items, string Next)> AllAfterAsync(HttpClient client, string? after, string? types = null,
        int limit = 500)
    {
        var items = new List<JsonElement>();
        var cursor = after;
        while (true)
        {
            var page = await PageAsync(client, cursor, types, limit);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.Str("next");
            if (!page.GetProperty("hasMore").GetBoolean()) return (items, cursor);
        }
    }

    /// <summary>A change as (type, id, action), for comparing sequences.</summary>
    public static (string Type, string Id, string Action) Key(this JsonElement change) =>
        (change.Str("entityType"), change.Str("entityId"), change.Str("action"));
}
