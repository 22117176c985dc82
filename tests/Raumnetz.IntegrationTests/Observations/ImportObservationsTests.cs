using System.Net;
using System.Text;
using System.Text.Json;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Changes;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Indicators.IndicatorApi;

namespace Raumnetz.IntegrationTests.Observations;

public sealed class ImportObservationsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<(string Count, string Rate, string Rating, string City, string North, string South, Guid CountId, Guid RateId)>
        SetupAsync(HttpClient client)
    {
        var (t, _, _, _) = await CityAsync(client);
        var count = ActorApi.Token();
        var countId = (await CreateIndicatorAsync(client, Count(count))).GetProperty("id").GetGuid();
        var rate = ActorApi.Token();
        var rateId = (await CreateIndicatorAsync(client, Rate(rate))).GetProperty("id").GetGuid();
        var rating = ActorApi.Token();
        await CreateIndicatorAsync(client, Rating(rating));
        return (count, rate, rating, $"{t}-city", $"{t}-north", $"{t}-south", countId, rateId);
    }

    /// <summary>
    /// More rows than one chunk of the PostgreSQL bulk path (PostgreSqlBulkUpsert.ChunkRows, 40,000: binary COPY into the
    /// staging table, one set-based upsert per chunk): every row is written once and counted once across the chunks, in a
    /// dry run, a first import, a second one changing every third value and a third one changing nothing; the changes feed
    /// records each created or changed row once (on PostgreSQL from the rows the upsert of each chunk kept) and nothing else.
    /// </summary>
    [Fact]
    public async Task An_import_of_more_rows_than_a_chunk_counts_and_writes_each_row_once()
    {
        var client = await factory.AdminAsync();
        var s = await SetupAsync(client);
        var codes = new List<string>();
        Guid last = default;
        for (var i = 0; i < 8; i++)
        {
            var code = ActorApi.Token();
            last = (await CreateIndicatorAsync(client, Count(code))).GetProperty("id").GetGuid();
            codes.Add(code);
        }
        const int months = (2200 - 1900 + 1) * 12;
        var rows = codes.Count * 3 * months; // 86,688: three chunks
        string Csv(Func<int, int> change) => ChunksCsv(codes, [s.City, s.North, s.South], months, change, _ => true);
        var changed = Enumerable.Range(0, rows).Count(n => n % 3 == 0);

        var dry = await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client, Csv(_ => 0), "?dryRun=true"));
        Assert.False(dry.GetProperty("imported").GetBoolean());
        Assert.Equal(rows, dry.GetProperty("created").GetInt32());
        var beforeFirst = await ChangesApi.LatestAsync(client);
        var first = await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client, Csv(_ => 0)));
        Assert.Equal((rows, 0, 0),
            (first.GetProperty("created").GetInt32(), first.GetProperty("updated").GetInt32(), first.GetProperty("unchanged").GetInt32()));
        var (created, beforeSecond) = await ChangesApi.AllAfterAsync(client, beforeFirst, "observation");
        Assert.Equal(rows, created.Select(c => c.Str("entityId")).Distinct().Count());
        Assert.Equal(rows, created.Count(c => c.Str("action") == "create" && c.GetProperty("version").GetInt64() == 1));
        var second = await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client, Csv(n => n % 3 == 0 ? 1 : 0)));
        Assert.Equal((0, changed, rows - changed),
            (second.GetProperty("created").GetInt32(), second.GetProperty("updated").GetInt32(),
                second.GetProperty("unchanged").GetInt32()));
        var (updates, beforeThird) = await ChangesApi.AllAfterAsync(client, beforeSecond, "observation");
        Assert.Equal(changed, updates.Select(c => c.Str("entityId")).Distinct().Count());
        Assert.Equal(changed, updates.Count(c => c.Str("action") == "update" && c.GetProperty("version").GetInt64() == 2));
        var third = await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client, Csv(n => n % 3 == 0 ? 1 : 0)));
        Assert.Equal((0, 0, rows),
            (third.GetProperty("created").GetInt32(), third.GetProperty("updated").GetInt32(), third.GetProperty("unchanged").GetInt32()));
        Assert.Empty((await ChangesApi.AllAfterAsync(client, beforeThird, "observation")).Items);
        // the last indicator's row for the south in 1900-01 is row 83,076 (changed: version 2, value 3 + 76 + 1),
        // in 1900-02 the next one (unchanged: version 1, value 3 + 77)
        var south = (await ObservationsAsync(client, $"indicatorId={last}&from=1900-01&to=1900-02"))
            .Where(o => o.GetProperty("spaceCode").GetString() == s.South).ToDictionary(o => o.GetProperty("period").GetString()!);
        Assert.Equal((2L, 80.0), (south["1900-01"].GetProperty("version").GetInt64(), south["1900-01"].GetProperty("value").GetDouble()));
        Assert.Equal((1L, 80.0), (south["1900-02"].GetProperty("version").GetInt64(), south["1900-02"].GetProperty("value").GetDouble()));
        // the changed row is in the second import's changes, the unchanged one is not
        var update = Assert.Single(updates, c => c.Str("entityId") == south["1900-01"].Str("id"));
        Assert.Equal(2L, update.GetProperty("version").GetInt64());
        Assert.DoesNotContain(updates, c => c.Str("entityId") == south["1900-02"].Str("id"));
        // each change names its space: a key scoped to the south sees exactly the south's changed rows
        var southOnly = await Grants.GrantsApi.ScopedKeyAsync(factory,
            Grants.GrantsApi.SpaceGrant(south["1900-01"].GetProperty("spaceId").GetGuid()));
        Assert.Equal(Enumerable.Range(0, rows).Count(n => n / months % 3 == 2 && n % 3 == 0),
            (await ChangesApi.AllAfterAsync(southOnly, beforeSecond, "observation")).Items.Count);
    }

    /// <summary>The rows of <paramref name="codes"/> × <paramref name="spaces"/> × months from 1900-01, numbered n in that order.</summary>
    private static string ChunksCsv(
        IReadOnlyList<string> codes, string[] spaces, int months, Func<int, int> change, Func<int, bool> include)
    {
        var csv = new StringBuilder("indicator,space,period,value\n");
        var n = 0;
        foreach (var code in codes)
            foreach (var space in spaces)
                for (var m = 0; m < months; m++, n++)
                    if (include(n))
                        csv.Append(code).Append(',').Append(space).Append(',').Append(1900 + m / 12).Append('-')
                            .Append((m % 12 + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture))
                            .Append(',').Append(3 + n % 500 + change(n)).Append('\n');
        return csv.ToString();
    }

    /// <summary>
    /// On PostgreSQL a chunk is first tried as a plain INSERT (rows expected new) and goes through the upsert when one of its
    /// rows is already stored: a file whose first chunk is all new and whose last chunk holds stored rows (half of them
    /// changed) writes the new rows once, changes the changed ones, leaves the rest, and the feed holds exactly those.
    /// </summary>
    [Fact]
    public async Task An_import_whose_later_chunk_meets_stored_rows_writes_new_changed_and_unchanged_rows_exactly()
    {
        var client = await factory.AdminAsync();
        var s = await SetupAsync(client);
        var codes = new List<string>();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            codes.Add(ActorApi.Token());
            ids.Add((await CreateIndicatorAsync(client, Count(codes[^1]))).GetProperty("id").GetGuid());
        }
        const int months = (2200 - 1900 + 1) * 12;
        var rows = codes.Count * 3 * months; // 54,180: two chunks, the stored rows in the second
        var stored = Enumerable.Range(0, rows).Where(n => n >= rows - 1000).ToHashSet();
        string[] spaces = [s.City, s.North, s.South];
        Assert.Equal((1000, 0, 0), Counts(await HttpAssert.OkAsync<JsonElement>(
            await ImportCsvAsync(client, ChunksCsv(codes, spaces, months, _ => 0, stored.Contains)))));
        var before = await ChangesApi.LatestAsync(client);

        var import = await HttpAssert.OkAsync<JsonElement>(
            await ImportCsvAsync(client, ChunksCsv(codes, spaces, months, n => n % 2 == 0 ? 7 : 0, _ => true)));
        var changed = stored.Count(n => n % 2 == 0);
        Assert.Equal((rows - 1000, changed, 1000 - changed), Counts(import));
        var (feed, _) = await ChangesApi.AllAfterAsync(client, before, "observation");
        Assert.Equal(rows - 1000, feed.Count(c => c.Str("action") == "create" && c.GetProperty("version").GetInt64() == 1));
        Assert.Equal(changed, feed.Count(c => c.Str("action") == "update" && c.GetProperty("version").GetInt64() == 2));
        Assert.Equal(rows - 1000 + changed, feed.Select(c => c.Str("entityId")).Distinct().Count());
        Assert.Equal(rows - 1000 + changed, feed.Count);
        // a new row of the first chunk (n = 0, city, 1900-01), a changed stored one (n = rows - 2, south, 2200-11) and an
        // unchanged stored one (n = rows - 1, 2200-12)
        var city = Assert.Single(await ObservationsAsync(client, $"indicatorId={ids[0]}&from=1900-01&to=1900-01"),
            o => o.GetProperty("spaceCode").GetString() == s.City);
        Assert.Equal((1L, 10.0), (city.GetProperty("version").GetInt64(), city.GetProperty("value").GetDouble()));
        var south = (await ObservationsAsync(client, $"indicatorId={ids[^1]}&from=2200-11&to=2200-12"))
            .Where(o => o.GetProperty("spaceCode").GetString() == s.South).ToDictionary(o => o.GetProperty("period").GetString()!);
        Assert.Equal((2L, 3.0 + (rows - 2) % 500 + 7),
            (south["2200-11"].GetProperty("version").GetInt64(), south["2200-11"].GetProperty("value").GetDouble()));
        Assert.Equal((1L, 3.0 + (rows - 1) % 500),
            (south["2200-12"].GetProperty("version").GetInt64(), south["2200-12"].GetProperty("value").GetDouble()));
    }

    private static (int Created, int Updated, int Unchanged) Counts(JsonElement report) =>
        (report.GetProperty("created").GetInt32(), report.GetProperty("updated").GetInt32(), report.GetProperty("unchanged").GetInt32());

    [Fact]
    public async Task Csv_imports_in_one_go_and_the_same_file_twice_changes_nothing()
    {
        var client = await factory.AdminAsync();
        var s = await SetupAsync(client);
        var csv = $"""
            indicator,space,period,value,numerator,denominator,status,source,note
            {s.Count},{s.North},2024,12,,,final,Jugendamt,
            {s.Count},{s.South},2024,30,,,provisional,,"mit, Komma"
            {s.Rate},{s.North},2024,,150,1000,,,
            {s.Rating},{s.North},2024-Q2,3.5,,,estimated,,
            """;
        var first = await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client, csv));
        Assert.True(first.GetProperty("imported").GetBoolean());
        Assert.Equal(4, first.GetProperty("rows").GetInt32());
        Assert.Equal(4, first.GetProperty("created").GetInt32());
        var stored = await ObservationsAsync(client, $"indicatorId={s.CountId}");
        Assert.True(stored.Count == 2, string.Join("\n", stored));
        Assert.Equal("mit, Komma", stored.Single(o => o.GetProperty("value").GetDouble() == 30).GetProperty("note").GetString());
        var versions = stored.Select(o
            => (o.GetProperty("id").GetGuid(), o.GetProperty("version").GetInt64(), o.GetProperty("updatedAt").GetString())).ToList();

        var second = await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client, csv));
        Assert.Equal(0, second.GetProperty("created").GetInt32());
        Assert.Equal(0, second.GetProperty("updated").GetInt32());
        Assert.Equal(4, second.GetProperty("unchanged").GetInt32());
        Assert.Equal(versions, (await ObservationsAsync(client, $"indicatorId={s.CountId}"))
            .Select(o => (o.GetProperty("id").GetGuid(), o.GetProperty("version").GetInt64(), o.GetProperty("updatedAt").GetString()))
                .ToList());

        var third = await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client, csv.Replace(",2024,12,", ",2024,13,")));
        Assert.Equal(1, third.GetProperty("updated").GetInt32());
        Assert.Equal(3, third.GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task Dry_run_reports_every_bad_row_by_line_and_column_and_writes_nothing()
    {
        var client = await factory.AdminAsync();
        var s = await SetupAsync(client);
        var csv = $"""
            indicator;space;period;value;numerator;denominator
            {s.Count};{s.North};2024;12;;
            nope;{s.North};2024;1;;
            {s.Count};nowhere;2024;1;;
            {s.Count};{s.South};2024-13;1;;
            {s.Rate};{s.South};2024;;20;10
            {s.Rating};{s.South};2024;9;;
            {s.Count};{s.North};2024;11;;
            {s.Count};{s.City};2024;zwölf;;
            """;
        var dry = await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client, csv, "?dryRun=true"));
        Assert.True(dry.GetProperty("dryRun").GetBoolean());
        Assert.False(dry.GetProperty("imported").GetBoolean());
        Assert.Equal(8, dry.GetProperty("rows").GetInt32());
        var errors = dry.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "indicator"), (4, "space"), (5, "period"), (6, "numerator"), (7, "value"), (8, "period"), (9, "value")], errors);
        Assert.Equal(7, dry.GetProperty("errorCount").GetInt32());
        // each error also has a stable code with the values it names, for clients that speak another language
        var coded = dry.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("code").GetString(),
            e.TryGetProperty("args", out var a) && a.ValueKind == JsonValueKind.Object
                ? string.Join(";", a.EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}")) : "")).ToList();
        Assert.Equal([("unknownIndicator", "value=nope"), ("unknownSpace", "value=nowhere"), ("notAPeriod", "value=2024-13"),
            ("numeratorAboveDenominator", "numerator=20;denominator=10"), ("outsideScale", "value=9;min=1;max=5"), ("duplicate", "first=2"),
            ("notANumber", "value=zwölf;decimalComma=False")], coded);
        Assert.Empty(await ObservationsAsync(client, $"indicatorId={s.CountId}"));

        var real = await ImportCsvAsync(client, csv);
        var problem = await HttpAssert.ProblemAsync(real, HttpStatusCode.BadRequest, "lines[3].indicator", "lines[6].numerator",
            "lines[9].value");
        Assert.Empty(await ObservationsAsync(client, $"indicatorId={s.CountId}"));
    }

    [Fact]
    public async Task A_clean_dry_run_counts_what_would_change_without_writing()
    {
        var client = await factory.AdminAsync();
        var s = await SetupAsync(client);
        var dry = await HttpAssert.OkAsync<JsonElement>(
            await ImportCsvAsync(client, $"indicator,space,period,value\n{s.Count},{s.North},2024,5\n", "?dryRun=true"));
        Assert.Equal(1, dry.GetProperty("created").GetInt32());
        Assert.Equal(0, dry.GetProperty("errorCount").GetInt32());
        Assert.Empty(await ObservationsAsync(client, $"indicatorId={s.CountId}"));
    }

    [Fact]
    public async Task Semicolons_and_decimal_commas_from_German_Excel_are_read()
    {
        var client = await factory.AdminAsync();
        var s = await SetupAsync(client);
        var csv = $"indicator;space;period;value\n{s.Rating};{s.North};2024-05;2,5\n";
        var result = await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client, csv, "?delimiter=semicolon&decimal=comma"));
        Assert.Equal(1, result.GetProperty("created").GetInt32());
    }

    [Fact]
    public async Task Json_array_imports_and_a_bad_item_is_reported_by_index()
    {
        var client = await factory.AdminAsync();
        var s = await SetupAsync(client);
        var good = $$"""[{"indicator":"{{s.Count}}","space":"{{s.North}}","period":"2024-H1","value":7,"status":"estimated"}]""";
        var ok = await HttpAssert.OkAsync<JsonElement>(await ImportJsonAsync(client, good));
        Assert.True(ok.GetProperty("created").GetInt32() == 1, ok.ToString());
        Assert.Equal(1, (await HttpAssert.OkAsync<JsonElement>(await ImportJsonAsync(client, good))).GetProperty("unchanged").GetInt32());

        var bad = $$"""[{"indicator":"{{s.Count}}","space":"{{s.South}}","period":"2024","value":7},"""
            + $$"""{"indicator":"{{s.Count}}","space":"{{s.South}}","period":"2024-Q9","value":7}]""";
        await HttpAssert.ProblemAsync(await ImportJsonAsync(client, bad), HttpStatusCode.BadRequest, "items[1].period");
        var malformed = await ImportJsonAsync(client, """[{"indicator":"x","value":"abc"}]""");
        await HttpAssert.ProblemAsync(malformed, HttpStatusCode.BadRequest);
        Assert.Single(await ObservationsAsync(client, $"indicatorId={s.CountId}"));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{\"indicator\":\"x\"}")]
    [InlineData("")]
    [InlineData("  \n ")]
    [InlineData("42")]
    public async Task A_json_body_that_is_not_an_array_is_refused(string body)
    {
        var client = await factory.AdminAsync();
        var s = await SetupAsync(client);
        await HttpAssert.ProblemAsync(await ImportJsonAsync(client, body), HttpStatusCode.BadRequest, "file");
        var dry = await HttpAssert.OkAsync<JsonElement>(await ImportJsonAsync(client, body, "?dryRun=true"));
        Assert.Equal(1, dry.GetProperty("errorCount").GetInt32());
        Assert.Empty(await ObservationsAsync(client, $"indicatorId={s.CountId}"));
    }

    [Fact]
    public async Task Json_items_read_the_german_status_words_as_the_csv_import_does()
    {
        var client = await factory.AdminAsync();
        var s = await SetupAsync(client);
        var json = $$"""
            [{"indicator":"{{s.Count}}","space":"{{s.North}}","period":"2021","value":1,"status":"vorläufig"},
             {"indicator":"{{s.Count}}","space":"{{s.North}}","period":"2022","value":2,"status":"Geschaetzt"},
             {"indicator":"{{s.Count}}","space":"{{s.North}}","period":"2023","value":3,"status":"endgültig"}]
            """;
        var ok = await HttpAssert.OkAsync<JsonElement>(await ImportJsonAsync(client, json));
        Assert.True(ok.GetProperty("created").GetInt32() == 3, ok.ToString());
        var stored = await ObservationsAsync(client, $"indicatorId={s.CountId}");
        Assert.Equal(["provisional", "estimated", "final"],
            stored.OrderBy(o => o.GetProperty("period").GetString(), StringComparer.Ordinal)
                .Select(o => o.GetProperty("status").GetString()));
    }

    [Theory]
    [InlineData("""[{"indicator":1,"space":"{S}","period":"2024","value":1}]""", "items[0].indicator")]
    [InlineData("""[{"indicator":"{I}","space":"{S}","period":"2024","value":"viele"}]""", "items[0].value")]
    [InlineData("""[{"indicator":"{I}","space":"{S}","period":"2024","value":1,"status":"geschätzt!"}]""", "items[0].status")]
    [InlineData("""[{"indicator":"{I}","space":"{S}","period":"2024","value":1,"source":"{LONG}"}]""", "items[0].source")]
    [InlineData("""[{"indicator":"{I}","space":"{S}","period":"2024","value":1},null]""", "items[1].item")]
    [InlineData("""[{"indicator":"{I}","space":"{S}","period":"2024","value":1},[1,2]]""", "items[1]")]
    [InlineData("""[{"indicator":"{I}","space":"{S}","period":"2024","value":1}""", "items[1]")]
    [InlineData("""[{"indicator":"{I}","space":"{S}","period":"2024","value":1e999}]""", "items[0]")]
    public async Task Bad_json_items_are_400_naming_the_item_and_nothing_is_written(string template, string field)
    {
        var client = await factory.AdminAsync();
        var s = await SetupAsync(client);
        var body = template.Replace("{I}", s.Count).Replace("{S}", s.North).Replace("{LONG}", new string('x', 201));
        var problem = await HttpAssert.ProblemAsync(await ImportJsonAsync(client, body), HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.True(fields.Any(f => f.StartsWith(field, StringComparison.Ordinal)), $"{field} not in {string.Join(", ", fields)}");
        Assert.Empty(await ObservationsAsync(client, $"indicatorId={s.CountId}"));
    }

    /// <summary>
    /// A JSON item is read exactly as the document's ObservationImportRow says (additionalProperties false; indicator,
    /// space, period, status, source and note strings, value, numerator and denominator numbers, each of them nullable):
    /// an unknown property, a value of another JSON type (a number in quotes too) and a property given twice (in any
    /// case) are row errors naming the item and the property. A real import is 400 keyed by them and writes nothing; a
    /// dry run lists the same with its code. {C} is a count, {R} a rate; each item would be good without its fault.
    /// </summary>
    [Theory]
    [InlineData("""{"indicator":"{C}","space":"{S}","period":"2039","value":600000,"zzz":true}""", "zzz", "unknownProperty")]
    [InlineData("""{"indicator":"{C}","space":"{S}","period":"2039","value":1,"Zzz":null}""", "Zzz", "unknownProperty")]
    [InlineData("""{"indicator":"{C}","space":"{S}","period":"2039","value":1,"spaceCode":"x"}""", "spaceCode", "unknownProperty")]
    [InlineData("""{"indicator":"{C}","space":"{S}","period":"2039","value":"600000"}""", "value", "notAJsonNumber")]
    [InlineData("""{"indicator":"{C}","space":"{S}","period":"2039","value":true}""", "value", "notAJsonNumber")]
    [InlineData("""{"indicator":"{C}","space":"{S}","period":"2039","value":{"n":1}}""", "value", "notAJsonNumber")]
    [InlineData("""{"indicator":"{C}","space":"{S}","period":"2039","value":[1]}""", "value", "notAJsonNumber")]
    [InlineData("""{"indicator":"{R}","space":"{S}","period":"2039","numerator":"150","denominator":1000}""", "numerator",
        "notAJsonNumber")]
    [InlineData("""{"indicator":"{R}","space":"{S}","period":"2039","numerator":150,"denominator":"1000"}""", "denominator",
        "notAJsonNumber")]
    [InlineData("""{"indicator":"{C}","space":"{S}","period":2039,"value":1}""", "period", "notAJsonString")]
    [InlineData("""{"indicator":"{C}","space":5913,"period":"2039","value":1}""", "space", "notAJsonString")]
    [InlineData("""{"indicator":"{C}","space":"{S}","period":"2039","value":1,"status":false}""", "status", "notAJsonString")]
    [InlineData("""{"indicator":"{C}","space":"{S}","period":"2039","value":1,"source":7}""", "source", "notAJsonString")]
    [InlineData("""{"indicator":"{C}","space":"{S}","period":"2039","value":1,"note":["a"]}""", "note", "notAJsonString")]
    [InlineData("""{"indicator":"{C}","space":"{S}","period":"2039","value":1,"value":2}""", "value", "duplicateProperty")]
    [InlineData("""{"indicator":"{C}","space":"{S}","period":"2039","value":1,"Value":1}""", "value", "duplicateProperty")]
    [InlineData("""{"indicator":"{C}","space":"{S}","period":"2039","period":null,"value":1}""", "period", "duplicateProperty")]
    [InlineData("""{"indicator":"{C}","space":"{S}","period":"2039","value":1e999}""", "value", "tooLarge")]
    public async Task A_json_item_that_does_not_fit_the_documented_row_is_a_row_error_and_nothing_is_written(
        string item, string property, string code)
    {
        var client = await factory.AdminAsync();
        var s = await SetupAsync(client);
        var good = $$"""{"indicator":"{{s.Count}}","space":"{{s.North}}","period":"2038","value":5}""";
        var body = $"[{good},{item.Replace("{C}", s.Count).Replace("{R}", s.Rate).Replace("{S}", s.North)}]";

        var dry = await HttpAssert.OkAsync<JsonElement>(await ImportJsonAsync(client, body, "?dryRun=true"));
        var error = Assert.Single(dry.GetProperty("errors").EnumerateArray());
        Assert.Equal((1, property, code), (error.GetProperty("item").GetInt32(), error.GetProperty("column").GetString(),
            error.GetProperty("code").GetString()));
        // the problem's keys are camelCase, as every field path in a problem
        var problem = await HttpAssert.ProblemAsync(await ImportJsonAsync(client, body), HttpStatusCode.BadRequest,
            $"items[1].{char.ToLowerInvariant(property[0])}{property[1..]}");
        Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Empty(await ObservationsAsync(client, $"indicatorId={s.CountId}"));
        Assert.Empty(await ObservationsAsync(client, $"indicatorId={s.RateId}"));
    }

    /// <summary>
    /// Every bad item of a file is reported (the reading goes on past one), each property is nullable as the document says,
    /// and property names match in any case, as every request body of the API does.
    /// </summary>
    [Fact]
    public async Task Every_bad_json_item_is_listed_and_null_properties_and_other_cases_are_read()
    {
        var client = await factory.AdminAsync();
        var s = await SetupAsync(client);
        var body = $$"""
            [{"indicator":"{{s.Count}}","space":"{{s.North}}","period":"2030","value":1,"numerator":null,"denominator":null,
              "status":null,"source":null,"note":null},
             {"indicator":"{{s.Count}}","space":"{{s.North}}","period":"2031","value":"2"},
             {"Indicator":"{{s.Count}}","SPACE":"{{s.North}}","Period":"2032","Value":3,"Status":"estimated"},
             {"indicator":"{{s.Count}}","space":"{{s.North}}","period":"2033","value":4,"extra":1,"value":5}]
            """;
        var dry = await HttpAssert.OkAsync<JsonElement>(await ImportJsonAsync(client, body, "?dryRun=true"));
        Assert.Equal([(1, "value", "notAJsonNumber"), (3, "extra", "unknownProperty"), (3, "value", "duplicateProperty")],
            dry.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("item").GetInt32(), e.GetProperty("column").GetString(),
                e.GetProperty("code").GetString())));
        await HttpAssert.ProblemAsync(await ImportJsonAsync(client, body), HttpStatusCode.BadRequest,
            "items[1].value", "items[3].extra", "items[3].value");
        Assert.Empty(await ObservationsAsync(client, $"indicatorId={s.CountId}"));

        var good = body.Replace("\"value\":\"2\"", "\"value\":2").Replace(",\"extra\":1,\"value\":5", "");
        var ok = await HttpAssert.OkAsync<JsonElement>(await ImportJsonAsync(client, good));
        Assert.Equal(4, ok.GetProperty("created").GetInt32());
        var stored = await ObservationsAsync(client, $"indicatorId={s.CountId}");
        Assert.Equal([(1.0, "final"), (2.0, "final"), (3.0, "estimated"), (4.0, "final")],
            stored.OrderBy(o => o.GetProperty("period").GetString(), StringComparer.Ordinal)
                .Select(o => (o.GetProperty("value").GetDouble(), o.GetProperty("status").GetString())));
    }

    /// <summary>The decimal separator is the CSV's (the document says so): a JSON number is a JSON number with decimal=comma too.</summary>
    [Fact]
    public async Task A_json_number_is_read_as_such_whatever_the_csv_decimal_separator()
    {
        var client = await factory.AdminAsync();
        var s = await SetupAsync(client);
        var body = $$"""[{"indicator":"{{s.Rating}}","space":"{{s.North}}","period":"2024","value":2.5}]""";
        var ok = await HttpAssert.OkAsync<JsonElement>(await ImportJsonAsync(client, body, "?decimal=comma"));
        Assert.True(ok.GetProperty("created").GetInt32() == 1, ok.ToString());
    }

    /// <summary>
    /// A CSV line with more fields than the header (an unquoted separator inside a note, a stray cell) is a row error naming
    /// the line, and nothing is written. A line with fewer fields reads the missing ones as empty, as a JSON item may leave
    /// out any property (every one is nullable in the document).
    /// </summary>
    [Fact]
    public async Task A_csv_line_with_more_fields_than_the_header_is_a_row_error_and_nothing_is_written()
    {
        var client = await factory.AdminAsync();
        var s = await SetupAsync(client);
        var csv = $"""
            indicator,space,period,value,status,note
            {s.Count},{s.North},2024,12,final,
            {s.Count},{s.South},2024,30,final,mit, Komma
            {s.Count},{s.City},2024,42,final,,
            """;
        var dry = await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client, csv, "?dryRun=true"));
        Assert.Equal([(3, "file", "fieldCount", "fields=7;columns=6"), (4, "file", "fieldCount", "fields=7;columns=6")],
            dry.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString(),
                e.GetProperty("code").GetString(),
                string.Join(";", e.GetProperty("args").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}")))));
        await HttpAssert.ProblemAsync(await ImportCsvAsync(client, csv), HttpStatusCode.BadRequest, "lines[3].file", "lines[4].file");
        Assert.Empty(await ObservationsAsync(client, $"indicatorId={s.CountId}"));

        var shorter = $"indicator,space,period,value,status,note\n{s.Count},{s.North},2024,12\n{s.Count},{s.South},2024,30,estimated\n";
        var ok = await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client, shorter));
        Assert.True(ok.GetProperty("created").GetInt32() == 2, ok.ToString());
        Assert.Equal(["final", "estimated"], (await ObservationsAsync(client, $"indicatorId={s.CountId}"))
            .OrderBy(o => o.GetProperty("value").GetDouble()).Select(o => o.GetProperty("status").GetString()));
    }

    /// <summary>
    /// On PostgreSQL new rows go by binary COPY straight into the table, their values converted to numeric by the API; a
    /// value it cannot carry exactly (here 1e-14, first in the south's file) sends the rows through the staging table and the
    /// server's own cast instead. Both must store the same numbers, and the stored ones must equal what the upsert compares
    /// them with: importing the same file again leaves every row unchanged.
    /// </summary>
    [Fact]
    public async Task Values_written_straight_into_the_table_are_stored_as_the_servers_cast_stores_them()
    {
        var client = await factory.AdminAsync();
        var s = await SetupAsync(client);
        var index = ActorApi.Token();
        var indexId = (await CreateIndicatorAsync(client, Count(index, new { kind = "index", decimals = 6, aggregation = "mean" })))
            .GetProperty("id").GetGuid();
        string[] values =
        [
            "0.30000000000000004", "123456789.123456789", "1.0000000000000002", "0.00000000000025", "7.25", "0",
            "123456789012345.6", "2.675", "0.1", "3.141592653589793", "1234567.0000001",
        ];
        string Csv(string space, bool tiny) => "indicator,space,period,value,status\n"
            + (tiny ? $"{index},{space},1999-12,0.00000000000001,final\n" : "")
            + string.Concat(values.Select((v, i) => $"{index},{space},2000-{i + 1:00},{v},final\n"));
        foreach (var (space, tiny) in new[] { (s.North, false), (s.South, true) })
        {
            var first = await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client, Csv(space, tiny)));
            Assert.Equal(values.Length + (tiny ? 1 : 0), first.GetProperty("created").GetInt32());
            var again = await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client, Csv(space, tiny)));
            Assert.Equal((0, values.Length + (tiny ? 1 : 0)),
                (again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        }
        var stored = await ObservationsAsync(client, $"indicatorId={indexId}&from=2000-01&to=2000-12");
        string Value(string space, int month) => stored
            .Single(o => o.GetProperty("spaceCode").GetString() == space && o.GetProperty("period").GetString() == $"2000-{month:00}")
            .GetProperty("value").GetRawText();
        Assert.All(Enumerable.Range(1, values.Length), m => Assert.Equal(Value(s.South, m), Value(s.North, m)));
    }

    [Fact]
    public async Task Thousands_of_rows_are_written_and_read_back_like_single_values()
    {
        var client = await factory.AdminAsync();
        var s = await SetupAsync(client);
        var csv = new StringBuilder("indicator,space,period,value,status,source\n");
        var rows = 0;
        foreach (var space in new[] { s.North, s.South })
            for (var year = 1950; year < 2050; year++)
                for (var month = 1; month <= 12; month++, rows++)
                    csv.Append($"{s.Count},{space},{year}-{month:00},{year * 100 + month + (space == s.North ? 0 : 1)},")
                        .Append($"{(month % 3 == 0 ? "provisional" : "final")},Statistikstelle\n");
        var result = await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client, csv.ToString()));
        Assert.Equal(rows, result.GetProperty("created").GetInt32());

        var stored = await ObservationsAsync(client, $"indicatorId={s.CountId}");
        Assert.Equal(rows, stored.Count);
        var one = stored.Single(o => o.GetProperty("period").GetString() == "2024-06" && o.GetProperty("value").GetDouble() == 202407);
        Assert.Equal("provisional", one.GetProperty("status").GetString());
        Assert.Equal("Statistikstelle", one.GetProperty("source").GetString());
        // the row written by the import is found by its id and read with the same instants as a single value
        var byId = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync($"{ObservationsUrl}/{one.GetProperty("id").GetGuid()}"));
        Assert.Equal(one.GetProperty("updatedAt").GetString(), byId.GetProperty("updatedAt").GetString());
        Assert.InRange(DateTimeOffset.Parse(byId.GetProperty("createdAt").GetString()!), DateTimeOffset.UtcNow.AddMinutes(-5),
            DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(rows, stored.Select(o => o.GetProperty("id").GetGuid()).Distinct().Count());
        Assert.All(stored.Take(50), o => Assert.Equal(7, o.GetProperty("id").GetGuid().ToByteArray(bigEndian: true)[6] >> 4));

        var again = await HttpAssert.OkAsync<JsonElement>(await ImportCsvAsync(client, csv.ToString()));
        Assert.Equal(rows, again.GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task Missing_header_columns_and_unknown_format_are_refused()
    {
        var client = await factory.AdminAsync();
        await HttpAssert.ProblemAsync(await ImportCsvAsync(client, "indicator,value\nx,1\n"), HttpStatusCode.BadRequest, "lines[1].space");
        var response = await client.PostAsync($"{ObservationsUrl}/import?format=xml", new StringContent("x", Encoding.UTF8, "text/plain"));
        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "format");
    }

    [Fact]
    public async Task A_50_MB_upload_is_refused_with_413_and_nothing_is_written()
    {
        var client = await factory.AdminAsync();
        var s = await SetupAsync(client);
        var line = $"{s.Count},{s.North},2024,1\n";
        var sb = new StringBuilder("indicator,space,period,value\n", 50 * 1024 * 1024 + 100);
        while (sb.Length < 50 * 1024 * 1024) sb.Append(line);
        var response = await ImportCsvAsync(client, sb.ToString());
        await HttpAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(await ObservationsAsync(client, $"indicatorId={s.CountId}"));
    }

    [Fact]
    public async Task Viewers_cannot_import()
    {
        var viewer = await factory.AsAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportCsvAsync(viewer, "indicator,space,period,value\n")).StatusCode);
    }
}
