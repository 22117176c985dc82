using System.Globalization;
using System.Net;
using System.Text.Json;
using Raumnetz.Application.Actors;
using Raumnetz.Application.Assessments;
using Raumnetz.Application.Audit;
using Raumnetz.Application.Common;
using Raumnetz.Application.Fundings;
using Raumnetz.Application.Indicators;
using Raumnetz.Application.IndicatorSets;
using Raumnetz.Application.InventoryRounds;
using Raumnetz.Application.Locations;
using Raumnetz.Application.Meetings;
using Raumnetz.Application.Networks;
using Raumnetz.Application.Observations;
using Raumnetz.Application.Services;
using Raumnetz.Application.Spaces;
using Raumnetz.Application.Tasks;
using Raumnetz.Application.Verification;
using Raumnetz.Domain.Common;
using Raumnetz.IntegrationTests.DemoData;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Lists;

/// <summary>
/// Every list of the API over the demo data, driven generically: under every sort it offers, paging in small pages yields
/// each row exactly once and in the order of the sort (checked on the row's own field where the row shows it), total is the
/// number of rows, modifiedAfter filters, and bad values are 400 naming the parameter.
/// </summary>
public sealed class ListKeysetTests(DemoDataApiFactory factory) : IClassFixture<DemoDataApiFactory>
{
    /// <summary>A list: its path (with the query it needs), its definition, and the JSON field of its rows' id.</summary>
    public sealed record ListCase(string Path, ListDefinition Definition, string Id = "id");

    private static readonly string[] Names =
    [
        "actors", "actorRelations", "assessments", "audit", "fundings", "fundingsEnding", "indicatorSets", "indicators",
        "inventoryRounds", "locations", "meetings", "members", "networks", "observations", "services", "spaces", "tasks",
        "verificationQueue",
    ];

    public static TheoryData<string> Lists => [.. Names];

    private async Task<ListCase> CaseAsync(HttpClient client, string name)
    {
        async Task<string> FirstIdAsync(string path, Func<JsonElement, bool>? where = null) =>
            (await AllAsync(client, path, null)).First(e => where?.Invoke(e) ?? true).GetProperty("id").GetString()!;
        return name switch
        {
            "actors" => new("/api/v1/actors?includeArchived=true", ListActorsQuery.Sorts),
            "actorRelations" => new($"/api/v1/actors/{await BusiestActorAsync(client)}/relations", ListActorRelationsQuery.Sorts),
            "assessments" => new("/api/v1/assessments", ListAssessmentsQuery.Sorts),
            "audit" => new("/api/v1/audit", ListAuditEntriesQuery.Sorts),
            "fundings" => new("/api/v1/fundings", ListFundingsQuery.Sorts),
            "fundingsEnding" => new("/api/v1/fundings/ending?horizon=P10Y", ListFundingsEndingQuery.Sorts, "funding.id"),
            "indicatorSets" => await WithMoreAsync(client, new("/api/v1/indicator-sets", ListIndicatorSetsQuery.Sorts), AddSetsAsync),
            "indicators" => new("/api/v1/indicators", ListIndicatorsQuery.Sorts),
            "inventoryRounds" =>
                await WithMoreAsync(client, new("/api/v1/inventory-rounds", ListInventoryRoundsQuery.Sorts), AddRoundsAsync),
            "locations" => new("/api/v1/locations?includeArchived=true", ListLocationsQuery.Sorts),
            "meetings" => new($"/api/v1/networks/{await BusiestNetworkAsync(client, "meetings")}/meetings", ListNetworkMeetingsQuery.Sorts),
            "members" => new($"/api/v1/networks/{await BusiestNetworkAsync(client, "members")}/members", ListNetworkMembersQuery.Sorts),
            "networks" => new("/api/v1/networks", ListNetworksQuery.Sorts),
            "observations" =>
                new($"/api/v1/observations?indicatorId={await FirstIdAsync("/api/v1/indicators")}", ListObservationsQuery.Sorts),
            "services" => new("/api/v1/services?includeArchived=true", ListServicesQuery.Sorts),
            "spaces" => new("/api/v1/spaces", ListSpacesQuery.Sorts),
            "tasks" => new("/api/v1/tasks", ListTasksQuery.Sorts),
            "verificationQueue" => new("/api/v1/services/verification-queue?includeDue=true&on=2100-01-01",
                ListVerificationQueueQuery.Sorts, "serviceId"),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    /// <summary>
    /// The demo data has one or two of some things: a few more (with equal names, so that ties occur) make paging prove something.
    /// </summary>
    private async Task<ListCase> WithMoreAsync(HttpClient client, ListCase list, Func<JsonElement, Task> add)
    {
        var rows = await AllAsync(client, list.Path, null);
        if (rows.Count < 5) await add(rows[0]);
        return list;
    }

    private async Task AddSetsAsync(JsonElement existing)
    {
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 6; i++)
            await factory.ExecuteAsync("""
                INSERT INTO indicator_sets (id, name, search_key, network_id, version, created_at, updated_at)
                VALUES (@id, @name, @key, @networkId, 1, @created, @updated)
                """, new
            {
                id = Guid.CreateVersion7(), name = $"Set {i % 3}", key = TextRules.SearchKey($"Set {i % 3}"),
                networkId = existing.GetProperty("networkId").ValueKind == JsonValueKind.Null ? (Guid?)null
                    : existing.GetProperty("networkId").GetGuid(),
                created = now.AddMinutes(-i), updated = now.AddMinutes(-(i % 2)),
            });
    }

    private async Task AddRoundsAsync(JsonElement existing)
    {
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 6; i++)
            await factory.ExecuteAsync("""
                INSERT INTO inventory_rounds (id, name, search_key, space_id, starts_on, ends_on, status, closed_at, version, created_at, updated_at)
                VALUES (@id, @name, @key, @spaceId, @startsOn, @endsOn, 'Closed', @now, 1, @now, @now)
                """, new
            {
                id = Guid.CreateVersion7(), name = $"Runde {i % 3}", key = TextRules.SearchKey($"Runde {i % 3}"),
                spaceId = existing.GetProperty("spaceId").GetGuid(),
                startsOn = new DateOnly(2020 + i % 2, 1, 1), endsOn = new DateOnly(2020 + i % 2, 6, 30), now = now.AddMinutes(-i),
            });
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Paging_through_every_sort_yields_each_row_once_in_order_and_total_counts_them(string name)
    {
        var client = await factory.AdminAsync();
        var list = await CaseAsync(client, name);
        Assert.True(list.Definition.SortNames.Count >= 4, $"{name} offers {list.Definition.SortNames.Count} sorts");
        var expectedIds = (await AllAsync(client, list.Path, null)).Select(e => IdOf(e, list.Id)).Order().ToList();
        Assert.True(expectedIds.Count >= 3, $"{name}: the demo data gives only {expectedIds.Count} rows");
        var pageSize = Math.Max(2, expectedIds.Count / 5);
        foreach (var sort in list.Definition.SortNames)
        {
            var rows = new List<JsonElement>();
            string? cursor = null;
            var pages = 0;
            do
            {
                var page = await PageAsync(client, list.Path, $"sort={Uri.EscapeDataString(sort)}&limit={pageSize}&includeTotal=true",
                    cursor);
                Assert.Equal(expectedIds.Count, page.GetProperty("total").GetInt32());
                rows.AddRange(page.GetProperty("items").EnumerateArray());
                cursor = page.GetProperty("nextCursor").GetString();
                Assert.True(++pages <= expectedIds.Count + 1, $"{name} {sort}: paging does not end");
            }
            while (cursor is not null);
            var ids = rows.Select(r => IdOf(r, list.Id)).ToList();
            Assert.True(ids.Count == ids.Distinct().Count(), $"{name} {sort}: a row came twice");
            Assert.True(expectedIds.SequenceEqual(ids.Order()),
                $"{name} sort={sort}: missing {string.Join(", ", expectedIds.Except(ids))}; "
                + $"extra {string.Join(", ", ids.Except(expectedIds))}");
            // The same rows in one page come in the same order (the keyset continues exactly where the page stopped) ...
            var whole = (await PageAsync(client, list.Path, $"sort={Uri.EscapeDataString(sort)}&limit=500", null))
                .GetProperty("items").EnumerateArray().Select(r => IdOf(r, list.Id)).ToList();
            if (whole.Count == ids.Count) Assert.Equal(whole, ids);
            // ... and in the order of the sort, where the row shows the sorted field.
            AssertSorted(name, sort, rows);
        }
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Unknown_sort_foreign_cursor_and_malformed_modifiedAfter_are_400_naming_them(string name)
    {
        var client = await factory.AdminAsync();
        var list = await CaseAsync(client, name);
        await HttpAssert.ProblemAsync(await client.GetAsync(With(list.Path, "sort=shoeSize")), HttpStatusCode.BadRequest, "sort");
        await HttpAssert.ProblemAsync(await client.GetAsync(With(list.Path, "sort=Name")), HttpStatusCode.BadRequest, "sort");
        await HttpAssert.ProblemAsync(await client.GetAsync(With(list.Path, "modifiedAfter=gestern")), HttpStatusCode.BadRequest,
            "modifiedAfter");
        await HttpAssert.ProblemAsync(await client.GetAsync(With(list.Path, "cursor=bm90LWEtY3Vyc29y")), HttpStatusCode.BadRequest,
            "cursor");
        // A cursor of one sort is refused under another (it would skip or repeat rows).
        var sorts = list.Definition.SortNames;
        var first = await PageAsync(client, list.Path, $"sort={Uri.EscapeDataString(sorts[0])}&limit=1", null);
        var cursor = first.GetProperty("nextCursor").GetString();
        Assert.NotNull(cursor);
        await HttpAssert.ProblemAsync(await client.GetAsync(With(list.Path,
            $"sort={Uri.EscapeDataString(sorts[1])}&limit=1&cursor={Uri.EscapeDataString(cursor)}")), HttpStatusCode.BadRequest, "cursor");
        // Without includeTotal nothing is counted.
        Assert.Equal(JsonValueKind.Null, first.GetProperty("total").ValueKind);
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task ModifiedAfter_keeps_the_rows_changed_after_the_instant(string name)
    {
        var client = await factory.AdminAsync();
        var list = await CaseAsync(client, name);
        var all = await AllAsync(client, list.Path, null);
        var total = (await PageAsync(client, list.Path, "includeTotal=true&limit=1", null)).GetProperty("total").GetInt32();
        Assert.Equal(all.Count, total);
        // Nothing changed after the future; everything after the distant past.
        var future = await PageAsync(client, list.Path, "includeTotal=true&modifiedAfter=2999-01-01T00:00:00Z", null);
        Assert.Equal(0, future.GetProperty("total").GetInt32());
        Assert.Empty(future.GetProperty("items").EnumerateArray());
        var past = await AllAsync(client, list.Path, "modifiedAfter=1970-01-01T00:00:00Z");
        Assert.Equal(all.Count, past.Count);
        // Rows changed after the instant of the middle row by updatedAt: exactly those after it, where the rows show it.
        var field = list.Definition.Modified.EndsWith("occurred_at", StringComparison.Ordinal) ? "occurredAt" : "updatedAt";
        var stamps = all.Where(r => r.TryGetProperty(field, out _)).Select(r => Instant(r.GetProperty(field))).Order().ToList();
        if (stamps.Count != all.Count || stamps.Distinct().Count() < 2) return;
        var middle = stamps[stamps.Count / 2];
        var after = await AllAsync(client, list.Path,
            "modifiedAfter=" + Uri.EscapeDataString(middle.ToString("O", CultureInfo.InvariantCulture)));
        Assert.Equal(stamps.Count(s => s > middle), after.Count);
        Assert.All(after, r => Assert.True(Instant(r.GetProperty(field)) > middle));
    }

    [Fact]
    public async Task ModifiedAfter_finds_a_changed_actor_and_not_the_others()
    {
        var client = await factory.AdminAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var actors = await AllAsync(client, "/api/v1/actors", null);
        var stale = actors.Count(a => Instant(a.GetProperty("updatedAt")) > before);
        var created = await factory.ActorAsync("Stadtteilladen Modified");
        var changed = await AllAsync(client, "/api/v1/actors",
            "modifiedAfter=" + Uri.EscapeDataString(before.ToString("O", CultureInfo.InvariantCulture)));
        Assert.Contains(changed, a => a.GetProperty("id").GetGuid() == created);
        Assert.Equal(stale + 1, changed.Count);
    }

    private static void AssertSorted(string name, string sort, List<JsonElement> rows)
    {
        var descending = sort.StartsWith('-');
        var column = sort.TrimStart('-');
        var field = column switch
        {
            "dueOn" when name == "tasks" => "dueDate",
            "verifiedOn" or "dueOn" or "name" or "operator" or "period" or "service" or "funder" or "topic" or "type" or "sector"
                or "rating" => null, // folded or composed keys, nullable columns and periods: the paging check above holds them
            _ => column,
        };
        if (field is null) return;
        var values = rows.Where(r => r.TryGetProperty(field, out var v) && v.ValueKind != JsonValueKind.Null)
            .Select(r => r.GetProperty(field)).ToList();
        if (values.Count < rows.Count) return; // a field the row does not show, or a nullable one
        for (var i = 1; i < values.Count; i++)
        {
            var c = Compare(values[i - 1], values[i]);
            Assert.True(descending ? c >= 0 : c <= 0, $"{name} sort={sort}: {values[i - 1]} before {values[i]}");
        }
    }

    private static int Compare(JsonElement a, JsonElement b)
    {
        if (a.ValueKind == JsonValueKind.Number) return a.GetDecimal().CompareTo(b.GetDecimal());
        var x = a.ToString();
        var y = b.ToString();
        if (x.Length > 10 && DateTimeOffset.TryParse(x, CultureInfo.InvariantCulture, out var tx)
            && DateTimeOffset.TryParse(y, CultureInfo.InvariantCulture, out var ty)) return tx.CompareTo(ty);
        return string.CompareOrdinal(x, y);
    }

    /// <summary>The id of a row by its path (<c>id</c>, <c>funding.id</c>).</summary>
    private static string IdOf(JsonElement row, string path) =>
        path.Split('.').Aggregate(row, (e, part) => e.GetProperty(part)).GetString()!;

    private static DateTimeOffset Instant(JsonElement e) => DateTimeOffset.Parse(e.GetString()!, CultureInfo.InvariantCulture);

    private static string With(string path, string query) => path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;

    private static async Task<JsonElement> PageAsync(HttpClient client, string path, string query, string? cursor) =>
        await HttpAssert.OkAsync<JsonElement>(
            await client.GetAsync(With(path, query + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)))));

    private static async Task<List<JsonElement>> AllAsync(HttpClient client, string path, string? query)
    {
        var all = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await PageAsync(client, path, "limit=500" + (query is null ? "" : "&" + query), cursor);
            all.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return all;
    }

    private static async Task<string> BusiestActorAsync(HttpClient client)
    {
        var best = ("", -1);
        foreach (var actor in (await AllAsync(client, "/api/v1/actors", null)).Take(40))
        {
            var id = actor.GetProperty("id").GetString()!;
            var count = (await PageAsync(client, $"/api/v1/actors/{id}/relations", "includeTotal=true&limit=1", null))
                .GetProperty("total").GetInt32();
            if (count > best.Item2) best = (id, count);
        }
        return best.Item1;
    }

    private static async Task<string> BusiestNetworkAsync(HttpClient client, string part)
    {
        var best = ("", -1);
        foreach (var network in await AllAsync(client, "/api/v1/networks", null))
        {
            var id = network.GetProperty("id").GetString()!;
            var count = (await PageAsync(client, $"/api/v1/networks/{id}/{part}", "includeTotal=true&limit=1", null))
                .GetProperty("total").GetInt32();
            if (count > best.Item2) best = (id, count);
        }
        return best.Item1;
    }
}
