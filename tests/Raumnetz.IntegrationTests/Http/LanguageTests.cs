using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Indicators;
using Raumnetz.IntegrationTests.Infrastructure;
using InventoryApi = Raumnetz.IntegrationTests.Inventory.InventoryApi;

namespace Raumnetz.IntegrationTests.Http;

/// <summary>
/// Problem details and field messages speak the caller's language: German by default (no Accept-Language, or one
/// the API does not have), English with Accept-Language: en (also en-GB, and en behind another language with a
/// lower quality). Every response names its language (Content-Language) and says Vary: Accept-Language.
/// </summary>
public sealed class LanguageTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly object EmptyCode = new { code = "", name = "Raum", level = "district" };

    private static async Task<(JsonElement Problem, HttpResponseMessage Response)> SendAsync(HttpClient client, HttpMethod method,
        string url, object? body, string? language, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json.Options);
        if (language is not null) request.Headers.TryAddWithoutValidation("Accept-Language", language);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (JsonDocument.Parse(text).RootElement, response);
    }

    private static void AssertLanguage(HttpResponseMessage response, string language)
    {
        Assert.Equal([language], response.Content.Headers.ContentLanguage);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    private static string Errors(JsonElement problem, string field) =>
        string.Join(" | ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));

    [Fact]
    public async Task A_validation_error_is_German_by_default_in_title_detail_and_field_messages()
    {
        var client = await factory.AdminAsync();

        var (problem, response) = await SendAsync(client, HttpMethod.Post, "/api/v1/spaces", EmptyCode, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertLanguage(response, "de");
        Assert.Equal("Die Anfrage ist ungültig", problem.Str("title"));
        Assert.Equal("Korrigieren Sie die unter 'errors' genannten Felder und senden Sie die Anfrage erneut.", problem.Str("detail"));
        // FluentValidation's own German message for NotEmpty, with the API's field name
        Assert.Contains("'code' darf nicht leer sein.", Errors(problem, "code"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-GB,en;q=0.9")]
    [InlineData("fr-FR, en;q=0.5")]
    [InlineData("EN-us")]
    public async Task A_validation_error_is_English_when_the_caller_asks_for_English(string acceptLanguage)
    {
        var client = await factory.AdminAsync();

        var (problem, response) = await SendAsync(client, HttpMethod.Post, "/api/v1/spaces", EmptyCode, acceptLanguage);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertLanguage(response, "en");
        Assert.Equal("The request is invalid", problem.Str("title"));
        Assert.Equal("Correct the fields named in 'errors' and send the request again.", problem.Str("detail"));
        Assert.Contains("'code' must not be empty.", Errors(problem, "code"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("de-AT,de;q=0.9")]
    [InlineData("*")]
    [InlineData("de;q=0.9, en;q=0.8")]
    [InlineData("not a language")]
    public async Task Languages_the_API_does_not_have_and_German_variants_get_German(string acceptLanguage)
    {
        var client = await factory.AdminAsync();

        var (problem, response) = await SendAsync(client, HttpMethod.Get, $"/api/v1/spaces/{Guid.NewGuid()}", null, acceptLanguage);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertLanguage(response, "de");
        Assert.Equal("Nicht gefunden", problem.Str("title"));
    }

    [Fact]
    public async Task Not_found_names_the_resource_in_the_callers_language()
    {
        var client = await factory.AdminAsync();
        var id = Guid.NewGuid();

        var (german, _) = await SendAsync(client, HttpMethod.Get, $"/api/v1/spaces/{id}", null, null);
        var (english, response) = await SendAsync(client, HttpMethod.Get, $"/api/v1/spaces/{id}", null, "en");

        Assert.Equal($"Sozialraum '{id}' wurde nicht gefunden.", german.Str("detail"));
        Assert.Equal("Not found", english.Str("title"));
        Assert.Equal($"Space '{id}' was not found.", english.Str("detail"));
        AssertLanguage(response, "en");
    }

    [Fact]
    public async Task A_conflict_from_a_handler_speaks_the_callers_language()
    {
        var client = await factory.AdminAsync();
        var code = $"sgb2-quote-{ActorApi.Token()}";
        await IndicatorApi.CreateIndicatorAsync(client, IndicatorApi.Rate(code));

        var (german, response) = await SendAsync(client, HttpMethod.Post, IndicatorApi.IndicatorsUrl, IndicatorApi.Rate(code), null);
        var (english, _) = await SendAsync(client, HttpMethod.Post, IndicatorApi.IndicatorsUrl, IndicatorApi.Rate(code), "en");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Konflikt", german.Str("title"));
        Assert.Equal($"Einen Indikator mit dem Code '{code}' gibt es schon.", german.Str("detail"));
        Assert.Equal($"Einen Indikator mit dem Code '{code}' gibt es schon.", Errors(german, "code"));
        Assert.Equal("Conflict", english.Str("title"));
        Assert.Equal($"An indicator with code '{code}' already exists.", english.Str("detail"));
    }

    [Fact]
    public async Task A_change_without_If_Match_gets_428_in_the_callers_language()
    {
        var client = await factory.AdminAsync();
        var space = await client.CreateSpaceAsync($"LANG-{ActorApi.Token()}", "Sprachraum", "district");
        var url = $"/api/v1/spaces/{space.Id()}";
        var body = new { code = space.Str("code"), name = "Sprachraum neu", level = "district" };

        var (german, response) = await SendAsync(client, HttpMethod.Put, url, body, null);
        var (english, _) = await SendAsync(client, HttpMethod.Put, url, body, "en");

        Assert.Equal(HttpStatusCode.PreconditionRequired, response.StatusCode);
        Assert.Equal("Vorbedingung erforderlich", german.Str("title"));
        Assert.StartsWith("Diese Anfrage ändert eine bestehende Ressource", german.Str("detail"), StringComparison.Ordinal);
        Assert.Equal("Precondition required", english.Str("title"));
        Assert.StartsWith("This request changes an existing resource", english.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_If_Match_gets_412_in_the_callers_language()
    {
        var client = await factory.AdminAsync();
        var space = await client.CreateSpaceAsync($"LANG-{ActorApi.Token()}", "Sprachraum", "district");
        var url = $"/api/v1/spaces/{space.Id()}";
        var body = new { code = space.Str("code"), name = "Sprachraum neu", level = "district" };

        var (german, response) = await SendAsync(client, HttpMethod.Put, url, body, null, ("If-Match", "\"99\""));
        var (english, _) = await SendAsync(client, HttpMethod.Put, url, body, "en", ("If-Match", "\"99\""));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("Vorbedingung nicht erfüllt", german.Str("title"));
        Assert.Contains("Laden Sie neu", german.Str("detail"), StringComparison.Ordinal);
        Assert.Equal("Precondition failed", english.Str("title"));
        Assert.Contains("Reload it", english.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strict_JSON_errors_and_unknown_routes_speak_German_by_default()
    {
        var client = await factory.AdminAsync();

        var (unknown, _) = await SendAsync(client, HttpMethod.Post, "/api/v1/spaces",
            new { code = "X1", name = "Raum", level = "district", colour = "red" }, null);
        var routeResponse = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/nowhere/1").OutsideTheDocument(), Ct);
        var route = JsonDocument.Parse(await routeResponse.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal("'colour' ist keine Eigenschaft dieses Objekts; entfernen Sie es.", Errors(unknown, "colour"));
        Assert.Equal("Diese API-Route gibt es nicht.", route.Str("detail"));
    }

    [Fact]
    public async Task Framework_problems_and_sign_in_failures_speak_the_callers_language()
    {
        var anonymous = factory.Anonymous();

        var (unauthorized, response) = await SendAsync(anonymous, HttpMethod.Get, "/api/v1/spaces", null, null);
        var wrong = new { email = "nobody@test.local", password = "wrong-password" };
        var (login, _) = await SendAsync(anonymous, HttpMethod.Post, "/api/v1/auth/login", wrong, null);
        var (loginEn, _) = await SendAsync(anonymous, HttpMethod.Post, "/api/v1/auth/login", wrong, "en");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Nicht angemeldet", unauthorized.Str("title"));
        Assert.Equal("Anmeldung fehlgeschlagen", login.Str("title"));
        Assert.Equal("E-Mail-Adresse oder Passwort ist falsch.", login.Str("detail"));
        Assert.Equal("E-mail address or password is wrong.", loginEn.Str("detail"));
    }

    [Fact]
    public async Task Import_row_errors_speak_the_callers_language()
    {
        var client = await factory.AdminAsync();
        var code = $"lang-{ActorApi.Token()}";
        await IndicatorApi.CreateIndicatorAsync(client, IndicatorApi.Count(code));
        var csv = $"indicator,space,period,value\nnope,nowhere,2024,1\n{code},nowhere,2024-13,zwölf\n";

        async Task<List<string>> MessagesAsync(string? language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{IndicatorApi.ObservationsUrl}/import?dryRun=true")
            {
                Content = new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"),
            };
            if (language is not null) request.Headers.TryAddWithoutValidation("Accept-Language", language);
            var report = await HttpAssert.OkAsync<JsonElement>(await client.SendAsync(request, Ct));
            return [.. report.GetProperty("errors").EnumerateArray().Select(e => e.Str("message"))];
        }

        var german = await MessagesAsync(null);
        var english = await MessagesAsync("en");

        Assert.Contains("Kein Indikator hat den Code 'nope'.", german);
        Assert.Contains("'2024-13' ist kein Zeitraum (2024, 2024-H1, 2024-Q2 oder 2024-05).", german);
        Assert.Contains("'zwölf' ist keine Zahl.", german);
        Assert.Contains("No indicator has the code 'nope'.", english);
        Assert.Contains("'zwölf' is not a number.", english);
    }

    [Fact]
    public async Task Plausibility_messages_speak_the_callers_language_with_their_numbers()
    {
        var client = await factory.AdminAsync();
        var (_, _, north, _) = await IndicatorApi.CityAsync(client);
        var rate = await IndicatorApi.CreateIndicatorAsync(client, IndicatorApi.Rate($"lang-{ActorApi.Token()}"));
        var body = new { indicatorId = rate.Id(), spaceId = north, period = "2023", value = 340.5, status = "final" };

        var (german, response) = await SendAsync(client, HttpMethod.Put, IndicatorApi.ObservationsUrl, body, null);
        var (english, _) = await SendAsync(client, HttpMethod.Put, IndicatorApi.ObservationsUrl, body, "en");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Der Wert 340,5 ist für einen Anteil unmöglich: Er liegt zwischen 0 und 100.", Errors(german, "value"));
        Assert.Equal("The value 340.5 is impossible for a proportion: it lies between 0 and 100.", Errors(english, "value"));
        Assert.Equal("proportionOutOfRange", german.GetProperty("codes").GetProperty("value")[0].GetString());
    }

    [Fact]
    public async Task Inventory_messages_and_resource_names_speak_the_callers_language()
    {
        var client = await factory.AdminAsync();
        var id = Guid.NewGuid();
        var location = InventoryApi.Location($"Sprachort {ActorApi.Token()}", new { latitude = 95.0, longitude = 13.0 });
        var service = InventoryApi.Service($"Sprachangebot {ActorApi.Token()}", new { categories = new[] { "keine-kategorie" } });

        var (missingDe, _) = await SendAsync(client, HttpMethod.Get, $"{InventoryApi.LocationsUrl}/{id}", null, null);
        var (missingEn, _) = await SendAsync(client, HttpMethod.Get, $"{InventoryApi.ServicesUrl}/{id}", null, "en");
        var (latitudeDe, response) = await SendAsync(client, HttpMethod.Post, InventoryApi.LocationsUrl, location, null);
        var (latitudeEn, _) = await SendAsync(client, HttpMethod.Post, InventoryApi.LocationsUrl, location, "en");
        var (categoryDe, _) = await SendAsync(client, HttpMethod.Post, InventoryApi.ServicesUrl, service, null);
        var (categoryEn, _) = await SendAsync(client, HttpMethod.Post, InventoryApi.ServicesUrl, service, "en");

        Assert.Equal($"Standort '{id}' wurde nicht gefunden.", missingDe.Str("detail"));
        Assert.Equal($"Service '{id}' was not found.", missingEn.Str("detail"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("'latitude' muss eine geografische Breite nach WGS 84 zwischen -90 und 90 Grad sein.", Errors(latitudeDe, "latitude"));
        Assert.Equal("'latitude' must be a WGS 84 latitude between -90 and 90 degrees.", Errors(latitudeEn, "latitude"));
        Assert.Equal("'keine-kategorie' ist kein bekannter Code einer Kategorie (siehe GET /api/v1/taxonomies).",
            Errors(categoryDe, "categories[0]"));
        Assert.Equal("'keine-kategorie' is not a known category code (see GET /api/v1/taxonomies).", Errors(categoryEn, "categories[0]"));
    }

    [Fact]
    public async Task Funding_and_inventory_import_messages_speak_the_callers_language()
    {
        var client = await factory.AdminAsync();
        var id = Guid.NewGuid();
        var csv = $"external_id;location_name;service_name;category;latitude;longitude\nLANG-{ActorApi.Token()};Ort;Angebot;nix;95,5;13\n";

        async Task<List<string>> MessagesAsync(string? language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/inventory/imports?dryRun=true")
            {
                Content = new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"),
            };
            if (language is not null) request.Headers.TryAddWithoutValidation("Accept-Language", language);
            var report = await HttpAssert.OkAsync<JsonElement>(await client.SendAsync(request, Ct));
            return [.. report.GetProperty("errors").EnumerateArray().Select(e => e.Str("message"))];
        }

        var (missingDe, _) = await SendAsync(client, HttpMethod.Get, $"/api/v1/fundings/{id}", null, null);
        var (missingEn, _) = await SendAsync(client, HttpMethod.Get, $"/api/v1/fundings/{id}", null, "en");
        var german = await MessagesAsync(null);
        var english = await MessagesAsync("en");

        Assert.Equal($"Förderung '{id}' wurde nicht gefunden.", missingDe.Str("detail"));
        Assert.Equal($"Funding '{id}' was not found.", missingEn.Str("detail"));
        Assert.Contains("Keine Kategorie hat den Code 'nix'.", german);
        Assert.Contains("Die geografische Breite 95,5 liegt außerhalb von WGS 84 (-90 bis 90).", german);
        Assert.Contains("No category has the code 'nix'.", english);
        Assert.Contains("Latitude 95.5 lies outside WGS 84 (-90 to 90).", english);
    }

    [Fact]
    public async Task A_successful_response_names_its_language_too()
    {
        var client = await factory.AdminAsync();

        var response = await client.GetAsync("/api/v1/spaces?limit=1", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertLanguage(response, "de");
    }
}
