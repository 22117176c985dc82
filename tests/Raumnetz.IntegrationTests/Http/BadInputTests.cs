using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Raumnetz.Api.Http;
using Raumnetz.Application.Common;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.Http;

/// <summary>Existing data to aim bad requests at, and the operations of the document.</summary>
public sealed class BadInputFixture : ApiFactory, IAsyncLifetime
{
    public JsonElement Document { get; private set; }
    public List<ApiOperation> Writes { get; private set; } = [];
    /// <summary>Every read with an id in its route.</summary>
    public List<ApiOperation> ReadsById { get; private set; } = [];
    public List<string> ListUrls { get; private set; } = [];
    public string RelationId { get; private set; } = "";
    public Guid[] ActorIds { get; private set; } = [];
    public Guid NetworkId { get; private set; }
    public Guid MemberId { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid SpaceId { get; private set; }
    public Guid IndicatorId { get; private set; }
    public Guid RatingId { get; private set; }
    public Guid LocationId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var admin = await AdminAsync();
        var parent = await admin.CreateSpaceAsync("BAD-P", "Bestehender Kreis", "county");
        await admin.CreateSpaceAsync("BAD-1", "Bestehend", "district");
        await admin.CreateSpaceAsync("BAD-2", "Bestehend mit Eltern", "municipality", parent.Id());
        var jobcenter = await HttpAssert.OkAsync<JsonElement>(await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/actors",
            new { kind = "organisation", name = "Jobcenter Bestand", type = "job-centre", sector = "public" }), HttpStatusCode.Created);
        var youth = await HttpAssert.OkAsync<JsonElement>(await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/actors",
            new { kind = "organisation", name = "Jugendamt Bestand", type = "youth-office", sector = "public" }), HttpStatusCode.Created);
        var relation = await HttpAssert.OkAsync<JsonElement>(await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/actor-relations",
            new { sourceActorId = jobcenter.Id(), targetActorId = youth.Id(), type = "cooperationAgreement", isContractual = true }), HttpStatusCode.Created);
        RelationId = relation.Str("id");
        ActorIds = [jobcenter.Id(), youth.Id()];
        var network = await admin.NetworkAsync("Lenkrunde Bestand", "steeringGroup");
        NetworkId = network.Id();
        MemberId = (await admin.MemberAsync(NetworkId, jobcenter.Id())).Id();
        MeetingId = (await admin.MeetingAsync(NetworkId, new DateTimeOffset(2030, 5, 2, 10, 0, 0, TimeSpan.Zero))).Id();
        await admin.TaskAsync(NetworkId, [jobcenter.Id()]);
        var spaceId = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/spaces?q=BAD-1", Json.Options)).GetProperty("items")[0].Id();
        SpaceId = spaceId;
        IndicatorId = (await Indicators.IndicatorApi.CreateIndicatorAsync(admin, Indicators.IndicatorApi.Count("BAD-IND"))).Id();
        RatingId = (await Indicators.IndicatorApi.CreateIndicatorAsync(admin, Indicators.IndicatorApi.Rating("BAD-RATING"))).Id();
        await HttpAssert.OkAsync<JsonElement>(await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/indicator-sets",
            new { name = "Bestandsset", indicatorIds = new[] { IndicatorId } }), HttpStatusCode.Created);
        await Indicators.IndicatorApi.PutObservationOkAsync(admin, new { indicatorId = IndicatorId, spaceId, period = "2024", value = 12 });
        await HttpAssert.OkAsync<JsonElement>(await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/assessments",
            new { indicatorId = RatingId, spaceId, period = "2024", rating = 4 }), HttpStatusCode.Created);
        LocationId = (await HttpAssert.OkAsync<JsonElement>(await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/locations",
            new { name = "Bestandsort", kind = "physical" }), HttpStatusCode.Created)).Id();
        await HttpAssert.OkAsync<JsonElement>(await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/services",
            new { name = "Bestandsangebot", status = "active", locations = new[] { new { locationId = LocationId } } }), HttpStatusCode.Created);
        await ApiKeyClientAsync("viewer");
        var (document, operations) = await ApiDocument.LoadAsync(this);
        Document = document;
        // ImportObservations takes CSV or a JSON array rather than a JSON object; ImportObservationsTests prove its bad input.
        // ImportInventory takes CSV or XLSX; ImportInventoryTests prove its bad input.
        // ImportHsds takes any HSDS JSON form or a zip; HsdsImportTests prove its bad input.
        Writes = operations.Where(o => !o.IsRead && o.Id is not "Logout" and not "LogoutEverywhere" and not "ImportObservations"
            and not "ImportInventory" and not "ImportHsds").ToList();
        ReadsById = operations.Where(o => o.IsRead && o.Path.Contains("{id}", StringComparison.Ordinal)).ToList();
        // Every list the API has: read before and after each test, to prove that nothing was written.
        // Reads that need parameters (summaries, exports) answer 400 without them and are left out.
        ListUrls = [];
        foreach (var url in operations.Where(o => o.IsRead && !o.HasRouteParameters && o.Id != "GetCurrentUser").Select(o => o.Path))
            if ((await admin.GetAsync(url)).IsSuccessStatusCode) ListUrls.Add(url);
    }
}

/// <summary>
/// Bad requests to every write operation of the document: always a problem+json 4xx naming the field where there is one,
/// never a 500, and nothing written (every list reads the same before and after).
/// </summary>
public sealed class BadInputTests(BadInputFixture api) : IClassFixture<BadInputFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A valid body for each known operation, so that a test can break exactly one field. New operations fall back to {}.</summary>
    private static readonly Dictionary<string, string> ValidBodies = new()
    {
        ["CreateSpace"] = """{"code":"BAD-NEW","name":"Neu","level":"district"}""",
        ["UpdateSpace"] = """{"code":"BAD-1","name":"Bestehend","level":"district"}""",
        ["EndSpace"] = """{"validTo":"2999-12-31"}""",
        ["ImportSpaces"] = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"BAD-IMP","name":"Import","level":"county"}}]}""",
        ["CreateActor"] = """{"kind":"organisation","name":"Neuer Träger","type":"association","sector":"civilSociety"}""",
        ["UpdateActor"] = """{"kind":"organisation","name":"Jobcenter Bestand","type":"job-centre","sector":"public"}""",
        // {A} and {B} stand for the fixture's two actors.
        ["CreateActorRelation"] = """{"sourceActorId":"{B}","targetActorId":"{A}","type":"funding","isContractual":false}""",
        ["UpdateActorRelation"] = """{"sourceActorId":"{A}","targetActorId":"{B}","type":"cooperationAgreement","isContractual":true}""",
        // {N} stands for the fixture's network.
        ["CreateNetwork"] = """{"name":"Neues Netzwerk","kind":"workingGroup","mandate":"Austausch zur Jugendhilfe","status":"active"}""",
        ["UpdateNetwork"] = """{"name":"Lenkrunde Bestand","kind":"steeringGroup","mandate":"Steuerung im Sozialraum","status":"active"}""",
        ["EndNetwork"] = """{"endedOn":"2999-12-31"}""",
        ["AddNetworkMember"] = """{"actorId":"{B}","role":"guest"}""",
        ["UpdateNetworkMember"] = """{"actorId":"{A}","role":"member"}""",
        ["EndNetworkMember"] = """{"validTo":"2999-12-31"}""",
        ["CreateMeeting"] = """{"startsAt":"2031-05-02T10:00:00Z","endsAt":"2031-05-02T12:00:00Z","cancelled":false}""",
        ["UpdateMeeting"] = """{"startsAt":"2030-05-02T10:00:00Z","endsAt":"2030-05-02T12:00:00Z","cancelled":false}""",
        ["CreateTask"] = """{"networkId":"{N}","responsibleActorIds":["{A}"],"status":"open","title":"Einladung verschicken"}""",
        ["UpdateTask"] = """{"networkId":"{N}","responsibleActorIds":["{A}"],"status":"open","title":"Einladungsliste ergänzen"}""",
        // {I} an indicator (count), {R} a rating indicator, {S} a space.
        ["CreateIndicator"] = """{"code":"BAD-NEW-IND","name":"Neuer Indikator","kind":"count","unit":"Personen","decimals":0,"direction":"lowerIsBetter","aggregation":"sum","isProportion":false}""",
        ["UpdateIndicator"] = """{"code":"BAD-IND","name":"Bestandsindikator","kind":"count","unit":"Personen","decimals":0,"direction":"lowerIsBetter","aggregation":"sum","isProportion":false}""",
        ["CreateIndicatorSet"] = """{"name":"Neues Set","indicatorIds":["{I}"]}""",
        ["UpdateIndicatorSet"] = """{"name":"Bestandsset","indicatorIds":["{I}"]}""",
        ["SetIndicatorSetGoals"] = """{"goals":[{"indicatorId":"{I}","spaceId":"{S}","baseline":{"period":"2020","value":10},"targets":[{"period":"2026","value":8}]}]}""",
        ["UpsertObservation"] = """{"indicatorId":"{I}","spaceId":"{S}","period":"2025","value":3}""",
        ["CreateAssessment"] = """{"indicatorId":"{R}","spaceId":"{S}","period":"2025","rating":3}""",
        ["UpdateAssessment"] = """{"rating":2}""",
        ["CreateActorType"] = """{"code":"bad-new-type","nameDe":"Neue Art","nameEn":"New type"}""",
        ["UpdateActorType"] = """{"nameDe":"Verein","nameEn":"Association"}""",
        ["CreateTaxonomy"] = """{"code":"bad-new-taxonomy","kind":"targetGroup","name":"Neue Taxonomie"}""",
        ["CreateTaxonomyTerm"] = """{"code":"bad-new-term","nameDe":"Neuer Begriff","nameEn":"New term"}""",
        ["UpdateTaxonomyTerm"] = """{"code":"bad-term","nameDe":"Begriff","nameEn":"Term"}""",
        ["CreateLocation"] = """{"name":"Neuer Ort","kind":"physical"}""",
        ["UpdateLocation"] = """{"name":"Bestandsort","kind":"physical"}""",
        ["CreateService"] = """{"name":"Neues Angebot","status":"active"}""",
        ["UpdateService"] = """{"name":"Bestandsangebot","status":"active"}""",
        ["RecordCapacity"] = """{"locationId":"{L}","unit":"places","maximum":10,"asOf":"2026-01-01"}""",
        // Funding and rounds name a service or space the handler checks after the body: the bad input here fails before that.
        ["CreateFunding"] = """{"serviceId":"0197a0b1-c2d3-7e4f-8a9b-abcdefabcdef","funderActorId":"{A}","renewalStatus":"open","note":"x"}""",
        ["UpdateFunding"] = """{"serviceId":"0197a0b1-c2d3-7e4f-8a9b-abcdefabcdef","funderActorId":"{A}","renewalStatus":"open","note":"x"}""",
        ["VerifyService"] = """{"note":"geprüft"}""",
        ["StoreCoverageIndicators"] = """{"category":"kita","populationIndicatorId":"{I}","period":"2024","level":"district","measures":["perThousand"]}""",
        ["CreateInventoryRound"] = """{"name":"Runde","spaceId":"{S}","startsOn":"2026-01-01","endsOn":"2026-03-31","assignments":[{"actorId":"{A}","spaceId":"{S}"}]}""",
        ["UpdateInventoryRound"] = """{"name":"Runde","spaceId":"{S}","startsOn":"2026-01-01","endsOn":"2026-03-31","assignments":[{"actorId":"{A}","spaceId":"{S}"}]}""",
        ["CreateApiKey"] = """{"name":"Neuer Schlüssel","role":"viewer"}""",
        ["SetApiKeyRateLimit"] = """{"rateLimitPerMinute":600}""",
        ["CreateWebhookSubscription"] = """{"url":"https://93.184.216.34/hooks","eventTypes":["actor.*"]}""",
        ["UpdateWebhookSubscription"] = """{"url":"https://93.184.216.34/hooks","eventTypes":["actor.*"],"active":true}""",
        ["CreateUser"] = """{"email":"bad-new@test.local","displayName":"Neu","role":"viewer","password":"a-long-password-1"}""",
        ["UpdateUser"] = """{"displayName":"Neu","role":"viewer"}""",
        ["SetUserPassword"] = """{"password":"Einmal-Kennwort-2026"}""",
        ["SaveMyPreferences"] = """{"dashboard":{"indicatorSetIds":[]}}""",
        ["ChangePassword"] = """{"currentPassword":"falsch-aber-gueltig","newPassword":"Kastanienallee-im-Herbst-3"}""",
        // An unknown account: the baseline itself fails with 401, and no real account collects failed attempts.
        ["Login"] = """{"email":"nobody@test.local","password":"wrong-password"}""",
    };

    private string BaseBody(ApiOperation op) =>
        ValidBodies.GetValueOrDefault(op.Id, "{}").Replace("{A}", api.ActorIds[0].ToString()).Replace("{B}", api.ActorIds[1].ToString())
            .Replace("{N}", api.NetworkId.ToString()).Replace("{I}", api.IndicatorId.ToString())
            .Replace("{R}", api.RatingId.ToString()).Replace("{S}", api.SpaceId.ToString())
            .Replace("{L}", api.LocationId.ToString());

    private async Task<string> ExistingIdAsync(ApiOperation op)
    {
        if (op.Path.StartsWith("/api/v1/actor-types/", StringComparison.Ordinal)) return "association";
        if (op.Path.StartsWith("/api/v1/actor-relations/", StringComparison.Ordinal)) return api.RelationId;
        if (op.Path.StartsWith("/api/v1/meetings/", StringComparison.Ordinal)) return api.MeetingId.ToString();
        // The first item of the collection the route belongs to (/api/v1/spaces/{id}/end → /api/v1/spaces).
        var collection = op.Path[..op.Path.IndexOf("/{", StringComparison.Ordinal)];
        var list = await HttpAssert.OkAsync<JsonElement>(await (await api.AdminAsync()).GetAsync(collection, Ct));
        var items = list.ValueKind == JsonValueKind.Array ? list : list.GetProperty("items");
        return items.GetArrayLength() > 0 ? items[0].Str("id") : Guid.NewGuid().ToString();
    }

    private async Task<string> UrlAsync(ApiOperation op) =>
        op.Path.Contains("{memberId}", StringComparison.Ordinal) ? op.Path.Replace("{id}", api.NetworkId.ToString()).Replace("{memberId}", api.MemberId.ToString())
        : op.HasRouteParameters ? op.Url(await ExistingIdAsync(op)) : op.Path;

    private async Task<string> SnapshotAsync()
    {
        var admin = await api.AdminAsync();
        var text = new StringBuilder();
        foreach (var url in api.ListUrls)
            text.Append(url).Append(": ").AppendLine(await (await admin.GetAsync(url + (url.EndsWith("spaces", StringComparison.Ordinal) ? "?limit=500" : ""), Ct)).Content.ReadAsStringAsync(Ct));
        return text.ToString();
    }

    private async Task<HttpResponseMessage> SendAsync(ApiOperation op, string url, HttpContent? content)
    {
        var request = new HttpRequestMessage(new HttpMethod(op.Method), url) { Content = content };
        // The bad input is in the body or the route: the precondition is met (If-Match "*": any version), or 428 would come first.
        if (op.Operation.GetProperty("responses").TryGetProperty("412", out _)) request.Headers.TryAddWithoutValidation("If-Match", "*");
        return await (await api.AdminAsync()).SendAsync(request, Ct);
    }

    /// <summary>Checks one response (and that the operation documents its status); returns a failure description or null.</summary>
    private static async Task<string?> CheckAsync(string what, HttpResponseMessage response, int[] statuses, string? field, ApiOperation? op = null)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        var status = (int)response.StatusCode;
        if (!statuses.Contains(status)) return $"{what}: expected {string.Join('/', statuses)}, got {status} {body}";
        if (op is not null && !op.Operation.GetProperty("responses").TryGetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out _))
            return $"{what}: {status} is not among the documented responses of {op.Id}";
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return $"{what}: not problem+json ({response.Content.Headers.ContentType}) {body}";
        var problem = JsonDocument.Parse(body).RootElement;
        if (!problem.TryGetProperty("status", out var s) || s.GetInt32() != status) return $"{what}: problem without matching status {body}";
        if (field is not null && !(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _)))
            return $"{what}: no error for '{field}' in {body}";
        return null;
    }

    /// <summary>Runs the cases and asserts none failed and no list changed.</summary>
    private async Task RunAsync(Func<ApiOperation, Task<IEnumerable<string?>>> cases, Func<ApiOperation, bool>? applies = null)
    {
        var before = await SnapshotAsync();
        var failures = new List<string>();
        var ran = 0;
        foreach (var op in api.Writes.Where(applies ?? (_ => true)))
        {
            foreach (var failure in await cases(op))
            {
                ran++;
                if (failure is not null) failures.Add(failure);
            }
        }
        Assert.True(ran > 0, "no case ran");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await SnapshotAsync());
    }

    private static JsonElement BodySchema(JsonElement document, ApiOperation op) =>
        ApiDocument.Resolve(document, op.Operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));

    /// <summary>The baseline body with one property set to the given JSON.</summary>
    private StringContent With(ApiOperation op, string property, string json)
    {
        var body = JsonNode.Parse(BaseBody(op))!.AsObject();
        body[property] = JsonNode.Parse(json);
        return TestData.RawJson(body.ToJsonString());
    }

    private static string? Field(ApiOperation op, string name) => ValidBodies.ContainsKey(op.Id) ? name : null;

    [Fact]
    public async Task Every_known_write_operation_has_a_valid_baseline_that_is_accepted_by_binding()
    {
        // The baselines must be valid, or the field-level assertions below would prove nothing.
        Assert.All(api.Writes.Where(o => o.HasBody), op => Assert.True(ValidBodies.ContainsKey(op.Id), $"Add a valid body for {op.Id} to {nameof(ValidBodies)}."));
        var dryRun = await SendAsync(api.Writes.Single(o => o.Id == "ImportSpaces"), "/api/v1/spaces/import?dryRun=true", TestData.RawJson(ValidBodies["ImportSpaces"]));
        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
    }

    private static readonly (string Name, string Json)[] MalformedBodies =
    [
        ("truncated", """{"code":"X","name":"""),
        ("trailing comma", """{"code":"X",}"""),
        ("single quotes", """{'code':'X'}"""),
        ("comment", """{/* c */"code":"X"}"""),
        ("two documents", """{"code":"X"}{"code":"Y"}"""),
        ("deep nesting", "{\"geometry\":" + new string('[', 200) + new string(']', 200) + "}"),
        ("not json", "code=X&name=Y"),
        ("null", "null"),
        ("array", "[]"),
        ("string", "\"text\""),
        ("number", "42"),
        ("empty", ""),
        ("whitespace", "   "),
    ];

    [Fact]
    public async Task Malformed_json_is_400()
    {
        await RunAsync(async op =>
        {
            var results = new List<string?>();
            var url = await UrlAsync(op);
            foreach (var (name, json) in MalformedBodies)
                results.Add(await CheckAsync($"{op} {name}", await SendAsync(op, url, TestData.RawJson(json)), [400], null, op));
            var invalidUtf8 = new ByteArrayContent([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
            invalidUtf8.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            results.Add(await CheckAsync($"{op} invalid UTF-8", await SendAsync(op, url, invalidUtf8), [400], null, op));
            return results;
        }, op => op.HasBody);
    }

    [Fact]
    public async Task Missing_body_is_415_without_content_type_and_400_with_it()
    {
        await RunAsync(async op =>
        {
            var url = await UrlAsync(op);
            var empty = new ByteArrayContent([]);
            empty.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return
            [
                await CheckAsync($"{op} no body", await SendAsync(op, url, null), [415], "body", op),
                await CheckAsync($"{op} empty JSON body", await SendAsync(op, url, empty), [400], "body", op),
            ];
        }, op => op.HasBody);
    }

    [Fact]
    public async Task Wrong_content_type_is_415()
    {
        await RunAsync(async op =>
        {
            var url = await UrlAsync(op);
            var results = new List<string?>();
            foreach (var mediaType in new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data" })
                results.Add(await CheckAsync($"{op} {mediaType}", await SendAsync(op, url, TestData.RawJson(BaseBody(op), mediaType)), [415], "body", op));
            return results;
        }, op => op.HasBody);
    }

    [Fact]
    public async Task Wrong_types_are_400_naming_the_field()
    {
        await RunAsync(async op =>
        {
            var url = await UrlAsync(op);
            var results = new List<string?>();
            foreach (var property in BodySchema(api.Document, op).GetProperty("properties").EnumerateObject())
            {
                var schema = ApiDocument.Resolve(api.Document, property.Value);
                var type = schema.TryGetProperty("type", out var t) ? t.GetString() : null;
                string[] wrong = type switch
                {
                    "string" when schema.TryGetProperty("enum", out _) => ["5", "{}", "[\"viewer\"]", "true"],
                    "string" => ["{\"x\":1}", "[\"x\"]", "true", "12"],
                    "integer" => ["\"many\"", "1.5", "{}", "true", "99999999999999999999"],
                    "number" => ["\"many\"", "{}", "true"],
                    "boolean" => ["\"yes\"", "1", "{}"],
                    "array" => ["{}", "\"x\"", "5"],
                    "object" => ["[1]", "\"x\"", "5"],
                    _ => [],
                };
                foreach (var value in wrong)
                    results.Add(await CheckAsync($"{op} {property.Name}={value}", await SendAsync(op, url, With(op, property.Name, value)), [400], Field(op, property.Name), op));
                if (type == "string" && schema.TryGetProperty("format", out var format))
                {
                    var bad = format.GetString() switch { "uuid" => "\"not-a-guid\"", "date" => "\"2024-02-30\"", "date-time" => "\"yesterday\"", _ => null };
                    if (bad is not null) results.Add(await CheckAsync($"{op} {property.Name}={bad}", await SendAsync(op, url, With(op, property.Name, bad)), [400], Field(op, property.Name), op));
                }
                if (type == "array" && schema.TryGetProperty("items", out var items) && ApiDocument.Resolve(api.Document, items).TryGetProperty("format", out var itemFormat) && itemFormat.GetString() == "uuid")
                    results.Add(await CheckAsync($"{op} {property.Name}[0]", await SendAsync(op, url, With(op, property.Name, "[\"nope\"]")), [400], Field(op, property.Name + "[0]"), op));
            }
            return results;
        }, op => op.HasBody);
    }

    [Fact]
    public async Task Unknown_enum_values_are_400_naming_the_field()
    {
        await RunAsync(async op =>
        {
            var url = await UrlAsync(op);
            var results = new List<string?>();
            foreach (var property in BodySchema(api.Document, op).GetProperty("properties").EnumerateObject())
            {
                var schema = ApiDocument.Resolve(api.Document, property.Value);
                if (!schema.TryGetProperty("enum", out var values)) continue;
                var first = values[0].GetString()!;
                foreach (var value in new[] { "no-such-value", "", first + "X", "0", "1", first + "," + first, " " + first, first + "s" })
                    results.Add(await CheckAsync($"{op} {property.Name}=\"{value}\"", await SendAsync(op, url, With(op, property.Name, JsonSerializer.Serialize(value))), [400], Field(op, property.Name), op));
            }
            return results;
        }, op => op.HasBody && BodySchema(api.Document, op).GetProperty("properties").EnumerateObject().Any(p => ApiDocument.Resolve(api.Document, p.Value).TryGetProperty("enum", out _)));
    }

    /// <summary>A property's schema with references followed, also through the { "allOf": [ref], "nullable": true } of nullable references.</summary>
    private JsonElement PropertySchema(JsonElement schema)
    {
        schema = ApiDocument.Resolve(api.Document, schema);
        return schema.TryGetProperty("allOf", out var all) && all.GetArrayLength() == 1 ? ApiDocument.Resolve(api.Document, all[0]) : schema;
    }

    private static IEnumerable<string> Required(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(r => r.GetString()!) : [];

    /// <summary>The baseline body with one property removed.</summary>
    private StringContent Without(ApiOperation op, string property)
    {
        var body = JsonNode.Parse(BaseBody(op))!.AsObject();
        body.Remove(property);
        return TestData.RawJson(body.ToJsonString());
    }

    [Fact]
    public async Task Unknown_properties_are_400_naming_them()
    {
        await RunAsync(async op =>
        {
            var url = await UrlAsync(op);
            var results = new List<string?>();
            foreach (var name in new[] { "unknownField", "Name", "id", "version" })
                if (!BodySchema(api.Document, op).GetProperty("properties").TryGetProperty(name, out _))
                    results.Add(await CheckAsync($"{op} +{name}", await SendAsync(op, url, With(op, name, "1")), [400], name, op));
            return results;
        }, op => op.HasBody && BodySchema(api.Document, op).TryGetProperty("additionalProperties", out var a) && a.ValueKind == JsonValueKind.False);
    }

    [Fact]
    public async Task Unknown_properties_in_nested_objects_are_400_naming_the_path()
    {
        var op = api.Writes.Single(o => o.Id == "SetIndicatorSetGoals");
        await RunAsync(async o =>
        {
            var body = JsonNode.Parse(BaseBody(o))!.AsObject();
            body["goals"]![0]!["baseline"]!["extra"] = 1;
            return [await CheckAsync($"{o} goals[0].baseline.extra", await SendAsync(o, await UrlAsync(o), TestData.RawJson(body.ToJsonString())), [400], "goals[0].baseline.extra", o)];
        }, o => o == op);
    }

    /// <summary>Every property the document lists as required is refused when missing, named by its field; nothing is defaulted.</summary>
    [Fact]
    public async Task Missing_required_properties_are_400_naming_them()
    {
        await RunAsync(async op =>
        {
            var url = await UrlAsync(op);
            var results = new List<string?>();
            var baseline = JsonNode.Parse(BaseBody(op))!.AsObject();
            foreach (var name in Required(BodySchema(api.Document, op)))
            {
                if (!baseline.ContainsKey(name)) results.Add($"{op}: the baseline body lacks the required '{name}'");
                else results.Add(await CheckAsync($"{op} without {name}", await SendAsync(op, url, Without(op, name)), [400], name, op));
            }
            return results;
        }, op => op.HasBody && ValidBodies.ContainsKey(op.Id) && Required(BodySchema(api.Document, op)).Any());
    }

    [Fact]
    public async Task Duplicate_properties_are_400_naming_them()
    {
        await RunAsync(async op =>
        {
            var baseline = JsonNode.Parse(BaseBody(op))!.AsObject();
            var (name, value) = baseline.First();
            // {"name":"a", ..., "name":"a"}: the same value twice, so only the repetition can be the reason.
            var json = baseline.ToJsonString()[..^1] + "," + JsonSerializer.Serialize(name) + ":" + value!.ToJsonString() + "}";
            return [await CheckAsync($"{op} {name} twice", await SendAsync(op, await UrlAsync(op), TestData.RawJson(json)), [400], name, op)];
        }, op => op.HasBody && ValidBodies.ContainsKey(op.Id));
    }

    [Fact]
    public async Task Numbers_in_strings_and_enum_names_in_another_case_are_400_naming_the_field()
    {
        await RunAsync(async op =>
        {
            var url = await UrlAsync(op);
            var results = new List<string?>();
            var baseline = JsonNode.Parse(BaseBody(op))!.AsObject();
            foreach (var property in BodySchema(api.Document, op).GetProperty("properties").EnumerateObject())
            {
                var schema = PropertySchema(property.Value);
                var type = schema.TryGetProperty("type", out var t) ? t.GetString() : null;
                if (type is "integer" or "number")
                    results.Add(await CheckAsync($"{op} {property.Name}=\"1\"", await SendAsync(op, url, With(op, property.Name, "\"1\"")), [400], property.Name, op));
                if (schema.TryGetProperty("enum", out var values))
                {
                    var value = baseline[property.Name]?.GetValue<string>() ?? values[0].GetString()!;
                    foreach (var spelling in new[] { value.ToUpperInvariant(), char.ToUpperInvariant(value[0]) + value[1..] })
                        if (spelling != value)
                            results.Add(await CheckAsync($"{op} {property.Name}={spelling}", await SendAsync(op, url, With(op, property.Name, JsonSerializer.Serialize(spelling))), [400], property.Name, op));
                }
            }
            return results;
        }, op => op.HasBody && ValidBodies.ContainsKey(op.Id));
    }

    /// <summary>A null entry in any list of a body is refused naming the entry ("goals[0]"), never a 500 in a validator.</summary>
    [Fact]
    public async Task Null_entries_in_lists_are_400_naming_the_entry()
    {
        await RunAsync(async op =>
        {
            var url = await UrlAsync(op);
            var results = new List<string?>();
            foreach (var property in BodySchema(api.Document, op).GetProperty("properties").EnumerateObject())
            {
                var schema = PropertySchema(property.Value);
                if (!schema.TryGetProperty("type", out var t) || t.GetString() != "array") continue;
                var items = ApiDocument.Resolve(api.Document, schema.GetProperty("items"));
                if (items.TryGetProperty("nullable", out var n) && n.GetBoolean()) continue;
                results.Add(await CheckAsync($"{op} {property.Name}=[null]", await SendAsync(op, url, With(op, property.Name, "[null]")), [400], property.Name + "[0]", op));
            }
            return results;
        }, op => op.HasBody && ValidBodies.ContainsKey(op.Id));
    }

    [Fact]
    public async Task Null_entries_in_nested_lists_are_400_naming_the_entry()
    {
        var op = api.Writes.Single(o => o.Id == "SetIndicatorSetGoals");
        await RunAsync(async o =>
        {
            var body = JsonNode.Parse(BaseBody(o))!.AsObject();
            body["goals"]![0]!["targets"] = new JsonArray(JsonNode.Parse("""{"period":"2026","value":8}"""), null);
            return [await CheckAsync($"{o} goals[0].targets[1]=null", await SendAsync(o, await UrlAsync(o), TestData.RawJson(body.ToJsonString())), [400], "goals[0].targets[1]", o)];
        }, o => o == op);
    }

    [Fact]
    public async Task Overlong_strings_and_lists_are_400_naming_the_field()
    {
        await RunAsync(async op =>
        {
            var url = await UrlAsync(op);
            var results = new List<string?>();
            foreach (var property in BodySchema(api.Document, op).GetProperty("properties").EnumerateObject())
            {
                var schema = ApiDocument.Resolve(api.Document, property.Value);
                if (schema.TryGetProperty("maxLength", out var maxLength))
                {
                    var value = JsonSerializer.Serialize(new string('a', maxLength.GetInt32() + 1));
                    results.Add(await CheckAsync($"{op} {property.Name} too long", await SendAsync(op, url, With(op, property.Name, value)), [400], Field(op, property.Name), op));
                }
                if (schema.TryGetProperty("maxItems", out var maxItems) && maxItems.GetInt32() <= 1000
                    && schema.TryGetProperty("items", out var items) && ApiDocument.Resolve(api.Document, items).TryGetProperty("format", out var f) && f.GetString() == "uuid")
                {
                    var value = JsonSerializer.Serialize(Enumerable.Range(0, maxItems.GetInt32() + 1).Select(_ => Guid.NewGuid()));
                    results.Add(await CheckAsync($"{op} {property.Name} too many", await SendAsync(op, url, With(op, property.Name, value)), [400], Field(op, property.Name), op));
                }
            }
            return results;
        }, op => op.HasBody);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("123")]
    [InlineData("00000000-0000-0000-0000-00000000000G")]
    [InlineData("%20")]
    public async Task Invalid_ids_in_routes_are_400_naming_the_parameter(string id)
    {
        await RunAsync(async op =>
        {
            var parameter = System.Text.RegularExpressions.Regex.Match(op.Path, "\\{([^}:?]+)").Groups[1].Value;
            var content = op.HasBody ? TestData.RawJson(BaseBody(op)) : null;
            return [await CheckAsync($"{op} {parameter}={id}", await SendAsync(op, op.Url(id), content), [400], parameter, op)];
        }, op => op.Path.Contains("{id}", StringComparison.Ordinal)); // codes (actor types) are free text keys: unknown ones are 404
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-00000000000G")]
    public async Task Invalid_ids_in_read_routes_are_400_naming_the_parameter_and_documented(string id)
    {
        var failures = new List<string>();
        foreach (var op in api.ReadsById)
        {
            var response = await (await api.AdminAsync()).GetAsync(op.Url(id), Ct);
            if (await CheckAsync($"{op} id={id}", response, [400], "id", op) is { } failure) failures.Add(failure);
        }
        Assert.True(api.ReadsById.Count > 20, $"only {api.ReadsById.Count} reads by id found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Unknown_ids_in_routes_are_404()
    {
        await RunAsync(async op =>
        {
            var content = op.HasBody ? TestData.RawJson(BaseBody(op)) : null;
            return [await CheckAsync($"{op} unknown id", await SendAsync(op, op.Url(Guid.NewGuid().ToString()), content), [404], null, op)];
        }, op => op.HasRouteParameters && ValidBodies.ContainsKey(op.Id) | !op.HasBody);
    }

    [Fact]
    public async Task Bodies_above_the_route_limit_are_413()
    {
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        long LimitOf(ApiOperation op) => endpoints.FirstOrDefault(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == op.Id)
            ?.Metadata.GetMetadata<BodySizeLimitAttribute>()?.Bytes ?? Limits.Body;

        await RunAsync(async op =>
        {
            var limit = LimitOf(op);
            // Valid JSON, so only the size can be the reason: {"name":"aaaa…"}, 1 MB above the limit (2 MB on normal routes).
            var size = (int)(limit + Limits.Body);
            var json = "{\"name\":\"" + new string('a', size) + "\"}";
            var result = await CheckAsync($"{op} {size} bytes", await SendAsync(op, await UrlAsync(op), TestData.RawJson(json)), [413], null, op);
            return [result];
        }, op => op.HasBody);
        Assert.Equal(Limits.Body, LimitOf(api.Writes.Single(o => o.Id == "CreateSpace")));
    }

    [Fact]
    public async Task Methods_a_route_does_not_have_are_405_with_allow()
    {
        var before = await SnapshotAsync();
        var admin = await api.AdminAsync();
        // Methods and routes outside the document, on purpose.
        var patch = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Patch, "/api/v1/spaces") { Content = TestData.RawJson("{}") }.OutsideTheDocument(), Ct);
        Assert.Null(await CheckAsync("PATCH /spaces", patch, [405], null));
        Assert.Equal(["GET", "POST"], patch.Content.Headers.Allow.Order());
        var delete = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/users").OutsideTheDocument(), Ct);
        Assert.Null(await CheckAsync("DELETE /users", delete, [405], null));
        Assert.Null(await CheckAsync("unknown route", await admin.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/nowhere/1").OutsideTheDocument(), Ct), [404], null));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Unknown_query_values_on_writes_are_400()
    {
        var import = api.Writes.Single(o => o.Id == "ImportSpaces");
        var before = await SnapshotAsync();
        var response = await SendAsync(import, "/api/v1/spaces/import?dryRun=vielleicht", TestData.RawJson(BaseBody(import)));
        Assert.Null(await CheckAsync("import dryRun=vielleicht", response, [400], "dryRun"));
        Assert.Equal(before, await SnapshotAsync());
    }
}
