using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Http;

/// <summary>
/// A property given twice in one object of an import's body is refused with a 400 naming where, as every other request
/// body of the API refuses it (StrictJson), and nothing is written: in the bodies the imports parse themselves (HSDS JSON;
/// a column given twice in an HSDS CSV file, which would be one field of each row) and in those read by the serializer
/// (the spaces import's GeoJSON, down to its geometries). Before, HSDS JSON with a doubled property was a 500
/// (ArgumentException from the JsonObject) and a doubled CSV column kept its later cell without a word.
/// </summary>
public sealed class ImportDuplicatePropertiesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string HsdsUrl = "/api/v1/inventory/imports/hsds";

    private async Task<long[]> RecordsAsync() =>
    [
        await factory.ScalarAsync<long>("SELECT COUNT(*) FROM services"), await factory.ScalarAsync<long>("SELECT COUNT(*) FROM actors"),
        await factory.ScalarAsync<long>("SELECT COUNT(*) FROM locations"), await factory.ScalarAsync<long>("SELECT COUNT(*) FROM spaces"),
    ];

    public static TheoryData<string, string[]> HsdsBodies() => new()
    {
        // the tester's two bodies
        { """[{"id":"svc-1","name":"S","name":"T","status":"active"}]""", ["$[0].name"] },
        { """{"name":"a","name":"b"}""", ["$.name"] },
        // deep in a record, in the tabular form, in a page, and every one of several
        {
            """
            {"id":"org-dup","name":"Träger","website":"https://example.org","services":[{"id":"svc-dup","name":"Beratung",
             "status":"active","phones":[{"id":"ph-1","number":"030 1","number":"030 2"}]}]}
            """,
            ["$.services[0].phones[0].number"]
        },
        { """{"services.csv":[{"id":"svc-tab","name":"A","status":"active","status":"inactive"}]}""", ["$['services.csv'][0].status"] },
        { """{"total_items":1,"contents":[{"id":"svc-page","id":"svc-page","name":"A","status":"active"}]}""", ["$.contents[0].id"] },
        {
            """[{"id":"a","name":"A","status":"active"},{"id":"b","id":"c","name":"B","name":"B","status":"active"}]""",
            ["$[1].id", "$[1].name"]
        },
    };

    [Theory]
    [MemberData(nameof(HsdsBodies))]
    public async Task A_property_given_twice_in_HSDS_JSON_is_400_naming_its_path_and_nothing_is_written(string json, string[] paths)
    {
        var client = await factory.AdminAsync();
        var before = await RecordsAsync();
        var problem = await HttpAssert.ProblemAsync(await client.PostAsync($"{HsdsUrl}?format=json",
            new StringContent(json, Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, paths);
        Assert.Equal(paths.Order(StringComparer.Ordinal), problem.GetProperty("errors").EnumerateObject().Select(e => e.Name)
            .Order(StringComparer.Ordinal));
        // a dry run lists the same in its result, as it lists every other problem of the file
        var dry = await HttpAssert.OkAsync<JsonElement>(await client.PostAsync($"{HsdsUrl}?format=json&dryRun=true",
            new StringContent(json, Encoding.UTF8, "application/json")));
        Assert.False(dry.GetProperty("imported").GetBoolean());
        Assert.Equal(paths.Order(StringComparer.Ordinal), dry.GetProperty("errors").EnumerateArray().Select(e => e.Str("column"))
            .Order(StringComparer.Ordinal));
        Assert.Equal(before, await RecordsAsync());
    }

    [Fact]
    public async Task A_column_given_twice_in_an_HSDS_CSV_file_is_400_naming_file_and_line_and_nothing_is_written()
    {
        var client = await factory.AdminAsync();
        var before = await RecordsAsync();
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("services.csv").Open();
            entry.Write("id,name,status,name\nsvc-csv-dup,Beratung,active,Treff\n"u8);
        }
        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        var problem = await HttpAssert.ProblemAsync(await client.PostAsync(HsdsUrl, content), HttpStatusCode.BadRequest, "services.csv:1");
        Assert.Contains("'name'", problem.GetProperty("errors").GetProperty("services.csv:1")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await RecordsAsync());
    }

    public static TheoryData<string, string> SpacesBodies() => new()
    {
        { """{"type":"Feature","properties":{"code":"DUP-1","code":"DUP-2","name":"A","level":"district"},"geometry":null}""",
            "features[0].properties.code" },
        {
            """
            {"type":"Feature","properties":{"code":"DUP-3","name":"A","level":"district"},
             "geometry":{"type":"Point","type":"Point","coordinates":[13.1,52.1]}}
            """,
            "features[0].geometry"
        },
        { """{"type":"Feature","type":"Feature","properties":{"code":"DUP-4","name":"A","level":"district"},"geometry":null}""",
            "features[0].type" },
    };

    [Theory]
    [MemberData(nameof(SpacesBodies))]
    public async Task A_property_given_twice_in_a_spaces_import_is_400_naming_it_and_nothing_is_written(string feature, string field)
    {
        var client = await factory.AdminAsync();
        var before = await RecordsAsync();
        var body = TestData.RawJson($$"""{"type":"FeatureCollection","features":[{{feature}}]}""");
        await HttpAssert.ProblemAsync(await client.PostAsync("/api/v1/spaces/import", body), HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await RecordsAsync());
    }
}
