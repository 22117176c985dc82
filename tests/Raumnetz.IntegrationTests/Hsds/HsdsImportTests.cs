using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Actors.ActorApi;

namespace Raumnetz.IntegrationTests.Hsds;

/// <summary>
/// The import of HSDS 3.0 data (POST /api/v1/inventory/imports/hsds): every official example (Examples/, JSON and the CSV data
/// package) is accepted, dry run and for real; a broken copy of each is refused with errors naming the record and field; and
/// a round trip (import, export through /hsds/, compare) keeps everything the inventory holds.
/// </summary>
public sealed class HsdsImportTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Url = "/api/v1/inventory/imports/hsds";
    private static readonly string Examples = Path.Combine(AppContext.BaseDirectory, "Hsds", "Examples");

    public static TheoryData<string> JsonExamples() =>
    [
        "service_full.json", "service_list.json", "organization_full.json", "organization_list.json", "service_at_location_full.json",
        "service_at_location_list.json", "location.json", "taxonomy.json", "taxonomy_list.json", "taxonomy_term.json",
        "taxonomy_term_list.json", "tabular.json",
    ];

    private static JsonNode Example(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(Examples, file)))!;

    private static async Task<HttpResponseMessage> PostJsonAsync(HttpClient client, JsonNode body, bool dryRun) =>
        await client.PostAsync($"{Url}?format=json&dryRun={(dryRun ? "true" : "false")}",
            new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    private static byte[] CsvZip(Func<string, string, string>? change = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var file in Directory.GetFiles(Path.Combine(Examples, "csv"), "*.csv"))
            {
                var name = Path.GetFileName(file);
                var text = File.ReadAllText(file);
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(change is null ? text : change(name, text));
            }
        return buffer.ToArray();
    }

    private static async Task<HttpResponseMessage> PostZipAsync(HttpClient client, byte[] zip, bool dryRun)
    {
        var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return await client.PostAsync($"{Url}?dryRun={(dryRun ? "true" : "false")}", content);
    }

    [Theory]
    [MemberData(nameof(JsonExamples))]
    public async Task Every_official_JSON_example_imports(string file)
    {
        var client = await factory.AdminAsync();
        var dry = await HttpAssert.OkAsync<JsonElement>(await PostJsonAsync(client, Example(file), dryRun: true));
        Assert.True(dry.GetProperty("errorCount").GetInt32() == 0, dry.ToString());
        Assert.False(dry.GetProperty("imported").GetBoolean());
        var result = await HttpAssert.OkAsync<JsonElement>(await PostJsonAsync(client, Example(file), dryRun: false));
        Assert.True(result.GetProperty("imported").GetBoolean(), result.ToString());
        Assert.True(result.GetProperty("records").GetInt32() > 0);
        // a second import of the same file updates and duplicates nothing
        var again = await HttpAssert.OkAsync<JsonElement>(await PostJsonAsync(client, Example(file), dryRun: false));
        Assert.Equal(result.GetProperty("services").GetInt32(), again.GetProperty("services").GetInt32());
    }

    [Fact]
    public async Task The_official_CSV_data_package_imports()
    {
        var client = await factory.AdminAsync();
        var dry = await HttpAssert.OkAsync<JsonElement>(await PostZipAsync(client, CsvZip(), dryRun: true));
        Assert.True(dry.GetProperty("errorCount").GetInt32() == 0, dry.ToString());
        var result = await HttpAssert.OkAsync<JsonElement>(await PostZipAsync(client, CsvZip(), dryRun: false));
        Assert.True(result.GetProperty("imported").GetBoolean(), result.ToString());
        Assert.Equal(1, result.GetProperty("services").GetInt32());
        Assert.Equal(1, result.GetProperty("serviceAtLocations").GetInt32());
        Assert.Equal(1, result.GetProperty("organizations").GetInt32());
        var service = await HsdsSchemas.GetAsync(client, "/hsds/services/ac148810-d857-441c-9679-408f346de14b");
        Assert.Equal("Community Counselling", service["name"]!.GetValue<string>());
        Assert.Equal("d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610", service["organization_id"]!.GetValue<string>());
        Assert.Single(service["service_at_locations"]!.AsArray());
    }

    [Fact]
    public async Task The_API_root_example_holds_no_records_and_is_refused()
    {
        var client = await factory.AdminAsync();
        await HttpAssert.ProblemAsync(await PostJsonAsync(client, Example("base.json"), dryRun: false), HttpStatusCode.BadRequest, "$");
    }

    /// <summary>Breaks the first record of the file so that the inventory must refuse it: (record, field) it must name.</summary>
    private static (JsonNode Body, string Expected) Broken(string file)
    {
        var body = Example(file);
        var record = body is JsonObject page && page["contents"] is JsonArray contents ? contents[0]!.AsObject() : body.AsObject();
        if (file == "tabular.json")
        {
            var service = body["services.csv"]![0]!.AsObject();
            service["status"] = "offen";
            return (body, $"services[{service["id"]}].status");
        }
        var id = record["id"]!.GetValue<string>();
        switch (file)
        {
            case var f when f.StartsWith("service_at_location", StringComparison.Ordinal):
                var location = record["location"]!.AsObject();
                location["location_type"] = "boot";
                return (body, $"locations[{location["id"]}].location_type");
            case var f when f.StartsWith("service", StringComparison.Ordinal):
                record["status"] = "offen";
                return (body, $"services[{id}].status");
            case var f when f.StartsWith("organization", StringComparison.Ordinal):
                record.Remove("name");
                return (body, $"organizations[{id}].name");
            case "location.json":
                record["location_type"] = "boot";
                return (body, $"locations[{id}].location_type");
            case var f when f.StartsWith("taxonomy_term", StringComparison.Ordinal):
                record.Remove("name");
                return (body, $"taxonomy_terms[{id}].name");
            default:
                record.Remove("name");
                return (body, $"taxonomies[{id}].name");
        }
    }

    [Theory]
    [MemberData(nameof(JsonExamples))]
    public async Task A_broken_copy_of_each_JSON_example_is_refused_naming_record_and_field(string file)
    {
        var client = await factory.AdminAsync();
        var (body, expected) = Broken(file);
        var dry = await HttpAssert.OkAsync<JsonElement>(await PostJsonAsync(client, body, dryRun: true));
        Assert.False(dry.GetProperty("imported").GetBoolean());
        Assert.Contains(dry.GetProperty("errors").EnumerateArray(), e => e.GetProperty("column").GetString() == expected);
        await HttpAssert.ProblemAsync(await PostJsonAsync(client, body, dryRun: false), HttpStatusCode.BadRequest, expected);
    }

    [Fact]
    public async Task A_broken_copy_of_the_CSV_package_is_refused_naming_record_and_field()
    {
        var client = await factory.AdminAsync();
        var zip = CsvZip((name, text) => name switch
        {
            "services.csv" => text.Replace(",active,", ",offen,", StringComparison.Ordinal),
            "locations.csv" => text.Replace(",physical,", ",boot,", StringComparison.Ordinal),
            "service_at_location.csv" => text.Replace("ac148810-d857-441c-9679-408f346de14b,", "ac148810-0000-441c-9679-408f346de14b,",
                StringComparison.Ordinal),
            _ => text,
        });
        var dry = await HttpAssert.OkAsync<JsonElement>(await PostZipAsync(client, zip, dryRun: true));
        var columns = dry.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("column").GetString()).ToList();
        Assert.Contains("services[ac148810-d857-441c-9679-408f346de14b].status", columns);
        Assert.Contains(columns, c => c!.StartsWith("locations[", StringComparison.Ordinal) && c.EndsWith("].location_type",
            StringComparison.Ordinal));
        Assert.Contains(columns, c => c!.StartsWith("service_at_location[", StringComparison.Ordinal) && c.EndsWith("].service_id",
            StringComparison.Ordinal));
        await HttpAssert.ProblemAsync(await PostZipAsync(client, zip, dryRun: false), HttpStatusCode.BadRequest,
            "services[ac148810-d857-441c-9679-408f346de14b].status");
    }

    [Fact]
    public async Task Bad_bodies_and_formats_are_400()
    {
        var client = await factory.AdminAsync();
        await HttpAssert.ProblemAsync(await client.PostAsync($"{Url}?format=xml", new StringContent("{}", Encoding.UTF8,
            "application/json")), HttpStatusCode.BadRequest, "format");
        await HttpAssert.ProblemAsync(await client.PostAsync($"{Url}?format=json", new StringContent("{\"id\":", Encoding.UTF8,
            "application/json")), HttpStatusCode.BadRequest, "file");
        await HttpAssert.ProblemAsync(await PostZipAsync(client, Encoding.UTF8.GetBytes("kein zip"), dryRun: false),
            HttpStatusCode.BadRequest, "file");
        await HttpAssert.ProblemAsync(await PostJsonAsync(client, new JsonArray(), dryRun: false), HttpStatusCode.BadRequest, "file");
        var latin1 = new ByteArrayContent([0x7B, 0x22, 0x6E, 0x61, 0x6D, 0x65, 0x22, 0x3A, 0x22, 0xE4, 0x22, 0x7D]);
        latin1.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        await HttpAssert.ProblemAsync(await client.PostAsync(Url, latin1), HttpStatusCode.BadRequest, "file");
        await HttpAssert.ProblemAsync(await PostJsonAsync(client, JsonNode.Parse("""{"name":"ohne id","status":"active"}""")!, false),
            HttpStatusCode.BadRequest, "services[$].id");
        var viewer = await factory.SignedInAsAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostJsonAsync(viewer, Example("taxonomy.json"), dryRun: true)).StatusCode);
    }

    private async Task<(long, long, long)> RecordsAsync() =>
        (await factory.ScalarAsync<long>("SELECT COUNT(*) FROM services"), await factory.ScalarAsync<long>("SELECT COUNT(*) FROM actors"),
            await factory.ScalarAsync<long>("SELECT COUNT(*) FROM locations"));

    [Fact]
    public async Task A_zip_whose_CSV_files_unpack_beyond_100_MiB_is_400_naming_the_limit_before_any_is_unpacked()
    {
        var client = await factory.AdminAsync();
        var before = await RecordsAsync();
        // six services.csv in folders of their own, 17 MiB each: every one under the 20 MiB a file may have, together 102 MiB
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var rows = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("svc-bomb,Angebot,active\n", 1024)));
            for (var part = 0; part < 6; part++)
            {
                using var entry = zip.CreateEntry($"teil-{part}/services.csv", CompressionLevel.Fastest).Open();
                entry.Write("id,name,status\n"u8);
                for (var written = 0L; written < 17L * 1024 * 1024; written += rows.Length) entry.Write(rows);
            }
        }
        Assert.InRange(buffer.Length, 1, 20 * 1024 * 1024);
        var problem = await HttpAssert.ProblemAsync(await PostZipAsync(client, buffer.ToArray(), dryRun: false), HttpStatusCode.BadRequest,
            "file");
        var message = Assert.Single(problem.GetProperty("errors").GetProperty("file").EnumerateArray()).GetString();
        Assert.Contains("100 MiB", message, StringComparison.Ordinal);
        Assert.Equal(before, await RecordsAsync());
    }
}
