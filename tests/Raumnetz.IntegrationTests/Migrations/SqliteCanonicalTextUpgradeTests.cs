using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Migrations;

/// <summary>
/// Migration 0022 upgrades a SQLite database written before it (upper-case ids, instants as
/// <c>yyyy-MM-dd HH:mm:ss.FFFFFFF+00:00</c>) to lower-case ids and UTC <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>, and the API,
/// started on the old file, migrates it and reads and writes its rows.
/// </summary>
public sealed class SqliteCanonicalTextUpgradeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string D = "[0-9]";
    private const string CanonicalInstant = $"{D}{D}{D}{D}-{D}{D}-{D}{D}T{D}{D}:{D}{D}:{D}{D}.{D}{D}{D}{D}{D}{D}{D}Z";

    [Fact]
    public async Task A_database_written_before_0022_gets_lower_case_ids_and_UTC_instants_and_the_API_reads_and_writes_its_rows()
    {
        using var database = TestDatabase.Sqlite();
        var old = await LegacySqliteDatabase.WriteAsync(database.ConnectionString, Ct);

        // The premise: the old binding wrote upper-case ids and instants with a space and an offset.
        var columns = await ColumnsAsync(database.ConnectionString);
        await using (var c = new SqliteConnection(database.ConnectionString))
        {
            Assert.Equal(old.County.ToString().ToUpperInvariant(), await c.ExecuteScalarAsync<string>(CountySql("id")));
            Assert.Equal("2025-03-04 05:06:07.1234567+00:00", await c.ExecuteScalarAsync<string>(CountySql("created_at")));
            Assert.Equal("2025-06-01 20:00:00+02:00", await c.ExecuteScalarAsync<string>("SELECT ends_at FROM meetings"));
        }

        using var factory = ApiFactory.For(database); // starts the API, which applies 0022
        var admin = await factory.SignedInAsync();    // the old administrator: the session is checked against the migrated user id

        await using (var c = new SqliteConnection(database.ConnectionString))
        {
            await c.OpenAsync(Ct);
            Assert.Contains("0022_canonical_ids_and_instants", await c.QueryAsync<string>("SELECT id FROM schema_migrations"));
            foreach (var (table, column) in columns.Where(x => x.Column == "id" || x.Column.EndsWith("_id", StringComparison.Ordinal)))
            {
                var upper = await c.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE {column} <> lower({column})");
                Assert.True(upper == 0, $"{table}.{column} has upper-case ids");
            }
            // Columns a later migration dropped (users.locked_until, 0032) are not checked.
            var present = (await c.QueryAsync<(string, string)>(
                "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'")).ToHashSet();
            var instants = columns.Where(x => x.Column.EndsWith("_at", StringComparison.Ordinal) && present.Contains((x.Table, x.Column)));
            foreach (var (table, column) in instants)
            {
                var other = await c.QueryAsync<string>($"SELECT {column} FROM {table} WHERE {column} NOT GLOB '{CanonicalInstant}'");
                Assert.True(!other.Any(), $"{table}.{column} has instants in another form: {string.Join(", ", other)}");
            }
            Assert.Empty(await c.QueryAsync("PRAGMA foreign_key_check"));
            Assert.Equal(old.County.ToString(), await c.ExecuteScalarAsync<string>(CountySql("id")));
            Assert.Equal("2025-03-04T05:06:07.1234567Z", await c.ExecuteScalarAsync<string>(CountySql("created_at")));
            Assert.Equal("2025-06-01T18:00:00.0000000Z", await c.ExecuteScalarAsync<string>("SELECT ends_at FROM meetings"));
            Assert.Equal("2025-03-04T05:06:07.1234567Z",
                await c.ExecuteScalarAsync<string>("SELECT applied_at FROM schema_migrations WHERE id = '0001_initial'"));
        }

        // Reads that follow every kind of reference.
        Assert.Equal(old.User, (await admin.GetJsonAsync("/api/v1/auth/me")).Id());
        var district = await admin.GetJsonAsync($"/api/v1/spaces/{old.NewDistrict}");
        Assert.Equal(old.County, district.GetProperty("parentId").GetGuid());
        Assert.Equal([old.OldDistrict], Guids(district.GetProperty("predecessorIds")));
        Assert.Equal(old.Written, district.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal([old.NewDistrict], Guids((await admin.GetJsonAsync($"/api/v1/spaces/{old.OldDistrict}")).GetProperty("successorIds")));

        var actor = await admin.GetJsonAsync($"/api/v1/actors/{old.Member}");
        Assert.Equal(old.Umbrella, actor.GetProperty("parentId").GetGuid());
        Assert.Equal([old.County], Guids(actor.GetProperty("spaceIds")));
        Assert.Equal(["Jugend"], actor.GetProperty("tags").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([old.Relation], await IdsAsync(admin, $"/api/v1/actors/{old.Member}/relations"));

        var network = await admin.GetJsonAsync($"/api/v1/networks/{old.Steering}");
        Assert.Equal(old.Member, network.GetProperty("coordinatorActorId").GetGuid());
        Assert.Equal([old.County], network.GetProperty("spaces").EnumerateArray().Select(s => s.Id()));
        Assert.Equal([old.Focus], Guids(network.GetProperty("incomingLinks"), "networkId"));
        Assert.Equal(["coordination"], network.GetProperty("functions").EnumerateArray().Select(f => f.GetString()));
        var members = (await admin.GetJsonAsync($"/api/v1/networks/{old.Steering}/members")).Items();
        Assert.Equal(new[] { old.Coordinator, old.Delegate }.Order(), members.Select(m => m.Id()).Order());
        Assert.Equal(old.Focus, members.Single(m => m.Id() == old.Delegate).GetProperty("delegatedFromNetworkId").GetGuid());

        var meeting = await admin.GetJsonAsync($"/api/v1/meetings/{old.Meeting}");
        Assert.Equal(old.MeetingStarts, meeting.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(old.MeetingEnds, meeting.GetProperty("endsAt").GetDateTimeOffset());
        Assert.Equal([old.Coordinator], Guids(meeting.GetProperty("attendance"), "memberId"));
        // An instant compared in SQL: the meetings from a date on.
        Assert.Equal([old.Meeting], await IdsAsync(admin, $"/api/v1/networks/{old.Steering}/meetings?from=2025-06-01T15:00:00Z"));
        Assert.Empty(await IdsAsync(admin, $"/api/v1/networks/{old.Steering}/meetings?from=2025-06-01T17:00:00%2B00:00"));

        var task = await admin.GetJsonAsync($"/api/v1/tasks/{old.Agreement}");
        Assert.Equal(old.Meeting, task.GetProperty("meetingId").GetGuid());
        Assert.Equal([old.Member], Guids(task.GetProperty("responsibles"), "actorId"));

        var set = await admin.GetJsonAsync($"/api/v1/indicator-sets/{old.Set}");
        Assert.Equal(old.Steering, set.GetProperty("networkId").GetGuid());
        Assert.Equal([old.Indicator], Guids(set.GetProperty("indicators"), "indicatorId"));
        var goal = (await admin.GetJsonAsync($"/api/v1/indicator-sets/{old.Set}/goals?spaceId={old.County}")).Items().Single();
        var baseline = goal.GetProperty("baseline");
        Assert.Equal(("2015", 40.0), (baseline.Str("period"), baseline.GetProperty("value").GetDouble()));
        Assert.Equal([old.Observation], await IdsAsync(admin, $"/api/v1/observations?indicatorId={old.Indicator}&spaceId={old.County}"));
        Assert.Equal([old.Assessment], await IdsAsync(admin, $"/api/v1/assessments?indicatorId={old.Rating}&spaceId={old.County}"));

        // Writes that check old rows by id, one of them through an expanded list (IN @ids).
        var relation = await admin.PostAsJsonAsync("/api/v1/actor-relations",
            new { sourceActorId = old.Umbrella, targetActorId = old.Member, type = "partnership", isContractual = false }, Ct);
        Assert.Equal(HttpStatusCode.Created, relation.StatusCode);
        var child = await admin.CreateSpaceAsync("LEGACY-C", "Sozialraum neu", "neighbourhood", old.NewDistrict);
        Assert.Equal(old.NewDistrict, child.GetProperty("parentId").GetGuid());

        // The old API key signs in, and is refused at once when revoked.
        using var partner = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        partner.DefaultRequestHeaders.Add("X-Api-Key", old.ApiKeySecret);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/v1/spaces/{old.County}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/api-keys/{old.ApiKey}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await partner.GetAsync($"/api/v1/spaces/{old.County}", Ct)).StatusCode);
    }

    private static string CountySql(string column) => $"SELECT {column} FROM spaces WHERE code = 'LEGACY'";

    private static IEnumerable<Guid> Guids(JsonElement array, string? property = null) =>
        array.EnumerateArray().Select(e => (property is null ? e : e.GetProperty(property)).GetGuid());

    private static async Task<IEnumerable<Guid>> IdsAsync(HttpClient client, string url) =>
        (await client.GetJsonAsync(url)).Items().Select(i => i.Id());

    private static async Task<List<(string Table, string Column)>> ColumnsAsync(string connectionString)
    {
        await using var c = new SqliteConnection(connectionString);
        var tables = await c.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        var columns = new List<(string, string)>();
        foreach (var table in tables)
        {
            var names = await c.QueryAsync<string>($"SELECT name FROM pragma_table_info('{table}')");
            columns.AddRange(names.Select(column => (table, column)));
        }
        return columns;
    }
}
