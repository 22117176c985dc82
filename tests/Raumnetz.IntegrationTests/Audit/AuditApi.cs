using System.Net;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Audit;

/// <summary>Reads the audit trail in tests.</summary>
public static class AuditApi
{
    public const string Url = "/api/v1/audit";

    /// <summary>Every entry matching the query (all pages), newest first.</summary>
    public static async Task<List<JsonElement>> EntriesAsync(HttpClient admin, string query)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var url = $"{Url}?{query}&limit=200" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await HttpAssert.OkAsync<JsonElement>(await admin.GetAsync(url, TestContext.Current.CancellationToken));
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return items;
    }

    public static Task<List<JsonElement>> AboutAsync(HttpClient admin, Guid entityId) => EntriesAsync(admin, $"entityId={entityId}");

    /// <summary>The single entry of this action about the entity.</summary>
    public static async Task<JsonElement> EntryAsync(HttpClient admin, Guid entityId, string action) =>
        Assert.Single(await AboutAsync(admin, entityId), e => e.Str("action") == action);

    /// <summary>The old and new value of a changed field (fails when the field did not change).</summary>
    public static (string? Old, string? New) Change(this JsonElement entry, string field)
    {
        var change = entry.GetProperty("changes").EnumerateArray().SingleOrDefault(c => c.Str("field") == field);
        Assert.True(change.ValueKind == JsonValueKind.Object, $"'{field}' is not among the changes of {entry.Str("action")}: {entry}");
        return (change.GetProperty("old").GetString(), change.GetProperty("new").GetString());
    }

    public static IEnumerable<string> Fields(this JsonElement entry) =>
        entry.GetProperty("changes").EnumerateArray().Select(c => c.Str("field"));

    public static async Task<HttpStatusCode> StatusAsync(Task<HttpResponseMessage> response) => (await response).StatusCode;
}
