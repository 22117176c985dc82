using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Raumnetz.Application.Common;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;
using static Raumnetz.IntegrationTests.Actors.ActorApi;

namespace Raumnetz.IntegrationTests.Privacy;

/// <summary>GDPR Art. 15 (export) and Art. 17 (erasure by anonymisation) for persons and user accounts.</summary>
public sealed class PrivacyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Url = "/api/v1/privacy";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Seeded(Guid Person, string Name, string Email, Guid Network, Guid Member, Guid Meeting, Guid MentioningMeeting,
        Guid Task, Guid Relation, Guid Organisation);

    /// <summary>A person with master data, a membership, attendance, a task, a relation, a network they coordinate, a minute
    /// mentioning them and a change in the audit trail; created with an Idempotency-Key so an answer with the name is stored.</summary>
    private async Task<Seeded> SeedPersonAsync(HttpClient admin)
    {
        var t = Token();
        var name = $"Zorbaxine Quellhüber {t}";
        var email = $"quellhueber.{t}@kreis.example";
        var organisation = await CreateOrganisationAsync(admin, $"Jugendamt {t}");
        var request = new HttpRequestMessage(HttpMethod.Post, ActorsUrl)
        {
            Content = JsonContent.Create(Person(name, organisation, new { email, phone = "+49 3328 4711" + t[^3..],
                street = $"Lindenweg {t}" })),
        };
        request.Headers.Add("Idempotency-Key", "person-" + t);
        var person = (await HttpAssert.OkAsync<JsonElement>(await admin.SendAsync(request, Ct), HttpStatusCode.Created)).Id();
        await HttpAssert.OkAsync<JsonElement>(await SendAsync(admin, HttpMethod.Put, $"{ActorsUrl}/{person}",
            Person(name, organisation, new { email, notes = $"Ansprechpartnerin für {name}", tags = new[] { "Schulsozialarbeit" } }),
                "\"1\""));
        var network = (await admin.NetworkAsync($"Lenkrunde {t}", "steeringGroup", new { coordinatorActorId = person })).Id();
        var member = (await admin.MemberAsync(network, person)).Id();
        var other = (await admin.MemberAsync(network, organisation)).Id();
        var meeting = (await admin.MeetingAsync(network, DateTimeOffset.UtcNow.AddDays(-10), new
        {
            title = "Sitzung 1",
            attendance = new object[] { new { memberId = member, attendance = "present" }, new { memberId = other,
                attendance = "absent" } },
        })).Id();
        var mentioning = (await admin.MeetingAsync(network, DateTimeOffset.UtcNow.AddDays(-5), new
        {
            title = "Sitzung 2", minutes = $"Frau {name} berichtet aus der Schulsozialarbeit.",
            attendance = new object[] { new { memberId = member, attendance = "excused" } },
        })).Id();
        var task = (await admin.TaskAsync(network, [person])).Id();
        var relation = (await CreateRelationAsync(admin, person, organisation)).Id();
        return new Seeded(person, name, email, network, member, meeting, mentioning, task, relation, organisation);
    }

    [Fact]
    public async Task The_export_of_a_person_holds_everything_about_them()
    {
        var admin = await factory.AdminAsync();
        var s = await SeedPersonAsync(admin);

        var export = await HttpAssert.OkAsync<JsonElement>(await admin.GetAsync($"{Url}/actors/{s.Person}/export", Ct));

        var actor = export.GetProperty("actor");
        Assert.Equal(s.Name, actor.Str("name"));
        Assert.Equal(s.Email, actor.Str("email"));
        Assert.Equal(["Schulsozialarbeit"], actor.GetProperty("tags").Strings());
        var membership = Assert.Single(export.GetProperty("memberships").EnumerateArray());
        Assert.Equal(s.Member, membership.Id());
        Assert.Equal(s.Network, membership.GetProperty("networkId").GetGuid());
        Assert.Equal(
            [(s.Meeting, "present"), (s.MentioningMeeting, "excused")],
            export.GetProperty("attendance").EnumerateArray().Select(a => (a.GetProperty("meetingId").GetGuid(), a.Str("attendance"))));
        Assert.Equal([s.Task], export.GetProperty("responsibilities").EnumerateArray().Select(r => r.GetProperty("taskId").GetGuid()));
        Assert.Equal([s.Relation], export.GetProperty("relations").EnumerateArray().Select(r => r.Id()));
        Assert.Contains(export.GetProperty("references").EnumerateArray(),
            r => r.Str("entityType") == "network" && r.Str("entityId") == s.Network.ToString() && r.Str("field") == "coordinatorActorId");
        Assert.Contains(export.GetProperty("mentions").EnumerateArray(),
            m => m.Str("entityType") == "meeting" && m.Str("entityId") == s.MentioningMeeting.ToString() && m.Str("field") == "minutes");
        var audit = export.GetProperty("auditEntries").EnumerateArray().ToList();
        Assert.Equal(["create", "update"], audit.Where(e => e.Str("entityId") == s.Person.ToString()).Select(e => e.Str("action")));
        Assert.Contains(audit, e => e.Str("entityId") == s.Member.ToString() && e.Str("action") == "create");
    }

    [Fact]
    public async Task Erasure_keeps_network_history_and_leaves_the_name_in_no_table_but_the_minutes_it_returns_for_review()
    {
        var admin = await factory.AdminAsync();
        var s = await SeedPersonAsync(admin);
        var networkBefore = await admin.GetJsonAsync($"/api/v1/networks/{s.Network}");
        var healthBefore = await admin.GetJsonAsync($"/api/v1/networks/{s.Network}/health");
        var membersBefore = await admin.GetJsonAsync($"/api/v1/networks/{s.Network}/members?limit=500");
        Assert.NotEmpty(await HitsAsync(s.Name));

        await HttpAssert.ProblemAsync(await admin.PostAsync($"{Url}/actors/{s.Person}/erase", null, Ct),
            HttpStatusCode.PreconditionRequired);
        var (_, etag) = await GetWithETagAsync(admin, $"{ActorsUrl}/{s.Person}");
        var result = await HttpAssert.OkAsync<JsonElement>(await admin.SendJsonAsync(HttpMethod.Post, $"{Url}/actors/{s.Person}/erase",
            null,
            ("If-Match", etag)));

        Assert.DoesNotContain(s.Name, result.GetRawText(), StringComparison.Ordinal);
        Assert.True(result.GetProperty("auditEntriesScrubbed").GetInt32() >= 2);
        var review = Assert.Single(result.GetProperty("forReview").EnumerateArray());
        Assert.Equal(("meeting", s.MentioningMeeting.ToString(), "minutes"), (review.Str("entityType"), review.Str("entityId"),
            review.Str("field")));

        // Links kept: the same members, counts and attendance.
        var networkAfter = await admin.GetJsonAsync($"/api/v1/networks/{s.Network}");
        Assert.Equal(networkBefore.GetProperty("memberCount").GetInt32(), networkAfter.GetProperty("memberCount").GetInt32());
        Assert.Equal(healthBefore.GetRawText(), (await admin.GetJsonAsync($"/api/v1/networks/{s.Network}/health")).GetRawText());
        var membersAfter = await admin.GetJsonAsync($"/api/v1/networks/{s.Network}/members?limit=500");
        Assert.Equal(membersBefore.Items().Select(m => m.Id()).Order(), membersAfter.Items().Select(m => m.Id()).Order());
        var erased = (await GetWithETagAsync(admin, $"{ActorsUrl}/{s.Person}")).Body;
        Assert.Equal(result.Str("name"), erased.Str("name"));
        Assert.Equal(JsonValueKind.Null, erased.GetProperty("email").ValueKind);
        Assert.Empty(erased.GetProperty("tags").EnumerateArray());
        Assert.Equal(s.Task, Assert.Single((await HttpAssert.OkAsync<JsonElement>(await admin.GetAsync($"{Url}/actors/{s.Person}/export",
            Ct)))
            .GetProperty("responsibilities").EnumerateArray()).GetProperty("taskId").GetGuid());

        // No table holds the name, the e-mail address or the street any more, except the minutes flagged for review.
        Assert.Equal([("meetings", "minutes")], await HitsAsync(s.Name));
        Assert.Empty(await HitsAsync(s.Email));
        Assert.Empty(await HitsAsync(s.Name.Split(' ')[^1] is var t ? "Lindenweg " + t : ""));

        // The erasure is audited, without the erased data.
        var entry = Assert.Single(await Audit.AuditApi.AboutAsync(admin, s.Person), e => e.Str("action") == "erase");
        Assert.Empty(entry.GetProperty("changes").EnumerateArray());

        var (_, again) = await GetWithETagAsync(admin, $"{ActorsUrl}/{s.Person}");
        await HttpAssert.ProblemAsync(await admin.SendJsonAsync(HttpMethod.Post, $"{Url}/actors/{s.Person}/erase", null, ("If-Match",
            again)),
            HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Only_persons_can_be_erased_and_only_by_administrators()
    {
        var admin = await factory.AdminAsync();
        var organisation = await CreateOrganisationAsync(admin, "Kirchengemeinde " + Token());
        await HttpAssert.ProblemAsync(await admin.SendJsonAsync(HttpMethod.Post, $"{Url}/actors/{organisation}/erase", null, ("If-Match",
            "\"1\"")),
            HttpStatusCode.Conflict);
        Assert.Equal("Kirchengemeinde", (await GetWithETagAsync(admin, $"{ActorsUrl}/{organisation}")).Body.Str("name").Split(' ')[0]);
        var editor = await factory.AsAsync("editor");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync($"{Url}/actors/{organisation}/export", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await editor.SendJsonAsync(HttpMethod.Post, $"{Url}/actors/{organisation}/erase", null, ("If-Match", "\"1\""))).StatusCode);
        await HttpAssert.ProblemAsync(await admin.GetAsync($"{Url}/actors/{Guid.NewGuid()}/export", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_user_account_is_exported_and_erased()
    {
        var admin = await factory.AdminAsync();
        var (id, email) = await Users.AccountApi.CreateUserAsync(factory);
        using (var client = await factory.SignedInAsync(email, Users.AccountApi.Password))
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me", Ct)).StatusCode);

        var export = await HttpAssert.OkAsync<JsonElement>(await admin.GetAsync($"{Url}/users/{id}/export", Ct));
        Assert.Equal(email, export.GetProperty("user").Str("email"));
        Assert.Single(export.GetProperty("sessions").EnumerateArray());
        Assert.Equal(["create", "signIn"], export.GetProperty("auditEntriesAbout").EnumerateArray().Select(e => e.Str("action")));
        Assert.DoesNotContain("hash", export.GetRawText(), StringComparison.OrdinalIgnoreCase);

        var etag = (await admin.GetAsync($"/api/v1/users/{id}", Ct)).Headers.ETag!.Tag;
        var result = await HttpAssert.OkAsync<JsonElement>(await admin.SendJsonAsync(HttpMethod.Post, $"{Url}/users/{id}/erase", null,
            ("If-Match", etag)));
        Assert.DoesNotContain(email, result.GetRawText(), StringComparison.Ordinal);
        Assert.Empty(await HitsAsync(email));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Users.AccountApi.TryLoginAsync(factory, email, Users.AccountApi.Password)).Status);
        var me = await HttpAssert.OkAsync<JsonElement>(await admin.GetAsync("/api/v1/auth/me", Ct));
        var ownTag = (await admin.GetAsync($"/api/v1/users/{me.Id()}", Ct)).Headers.ETag!.Tag;
        await HttpAssert.ProblemAsync(await admin.SendJsonAsync(HttpMethod.Post, $"{Url}/users/{me.Id()}/erase", null, ("If-Match",
            ownTag)),
            HttpStatusCode.Conflict);
    }

    /// <summary>Every (table, column) of the database whose text holds <paramref name="text"/>, as it is or JSON-escaped.</summary>
    private async Task<List<(string Table, string Column)>> HitsAsync(string text)
    {
        var db = factory.Services.GetRequiredService<IDbConnectionFactory>();
        await using var connection = await db.OpenAsync(Ct);
        var columns = factory.Database.Provider == "Sqlite"
            ? (await connection.QueryAsync<(string, string)>(
                "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'")).ToList()
            : (await connection.QueryAsync<(string, string)>("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'nvarchar', 'varchar')
                """)).ToList();
        Assert.True(columns.Count > 100, $"only {columns.Count} columns found");
        var forms = new[] { text, JsonSerializer.Serialize(text)[1..^1] }.Distinct().ToList();
        var hits = new List<(string, string)>();
        foreach (var (table, column) in columns)
        {
            var cast = factory.Database.Provider == "Sqlite" ? $"CAST(\"{column}\" AS TEXT)" : $"CAST(\"{column}\" AS TEXT)";
            foreach (var form in forms)
                if (await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM \"{table}\" WHERE {cast} LIKE @p", new { p = "%"
                    + form + "%" }) > 0)
                {
                    hits.Add((table, column));
                    break;
                }
        }
        return hits;
    }
}
