using System.Net;
using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Raumnetz.Application.Idempotency;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Http;

/// <summary>The API over a clock the tests move, so the 24-hour memory of keys can be tested.</summary>
public sealed class ClockedApiFactory : ApiFactory
{
    public TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class IdempotencyTests(ClockedApiFactory factory) : IClassFixture<ClockedApiFactory>
{
    private const string Header = "Idempotency-Key";

    private static object Space(string code) => new { code, name = $"Raum {code}", level = "district" };

    private static (string, string) Key(string key) => (Header, key);

    [Fact]
    public async Task Retry_with_same_key_and_body_replays_the_first_response_without_creating_again()
    {
        var client = await factory.AdminAsync();
        var key = Guid.NewGuid().ToString();
        var first = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/spaces", Space("IDEM-1"), Key(key));
        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));

        var retry = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/spaces", Space("IDEM-1"), Key(key));

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal("application/json", retry.Content.Headers.ContentType?.MediaType);
        var a = JsonDocument.Parse(firstBody).RootElement;
        var b = JsonDocument.Parse(await retry.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(a.Id(), b.Id());
        Assert.Equal(a.GetRawText(), b.GetRawText());
        Assert.Single(await client.AllSpacesAsync(), s => s.Str("code") == "IDEM-1");
    }

    [Fact]
    public async Task Same_key_with_a_different_body_is_refused_with_422_and_creates_nothing()
    {
        var client = await factory.AdminAsync();
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await client.SendJsonAsync(HttpMethod.Post, "/api/v1/spaces", Space("IDEM-2"), Key(key))).StatusCode);

        var other = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/spaces", Space("IDEM-2B"), Key(key), ("Accept-Language", "en"));

        var problem = await HttpAssert.ProblemAsync(other, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Idempotency-Key reused with a different request", problem.Str("title"));
        Assert.True(problem.TryGetProperty("traceId", out _));
        Assert.DoesNotContain(await client.AllSpacesAsync(), s => s.Str("code") == "IDEM-2B");
    }

    [Fact]
    public async Task Same_key_on_another_route_is_a_different_request()
    {
        var client = await factory.AdminAsync();
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await client.SendJsonAsync(HttpMethod.Post, "/api/v1/spaces", Space("IDEM-3"), Key(key))).StatusCode);

        var import = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/spaces/import", new { type = "FeatureCollection", features = Array.Empty<object>() }, Key(key));

        await HttpAssert.ProblemAsync(import, HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("long", 101)]
    [InlineData("blank", 0)]
    public async Task Key_outside_1_to_100_characters_is_400_naming_the_header(string name, int length)
    {
        var client = await factory.AdminAsync();
        var value = length == 0 ? "   " : new string('k', length); // an empty header does not travel; blanks trim to empty
        var response = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/spaces", Space($"IDEM-{name}"), Key(value));
        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, Header);
        Assert.DoesNotContain(await client.AllSpacesAsync(), s => s.Str("code") == $"IDEM-{name}");
    }

    [Fact]
    public async Task Two_key_values_are_400()
    {
        var client = await factory.AdminAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/spaces") { Content = System.Net.Http.Json.JsonContent.Create(Space("IDEM-TWO")) };
        request.Headers.Add(Header, ["a", "b"]);
        await HttpAssert.ProblemAsync(await client.SendAsync(request, TestContext.Current.CancellationToken), HttpStatusCode.BadRequest, Header);
    }

    [Fact]
    public async Task Key_of_100_characters_is_accepted()
    {
        var client = await factory.AdminAsync();
        var response = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/spaces", Space("IDEM-100"), Key(new string('k', 99) + "!"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Failed_request_is_not_remembered_so_the_corrected_request_can_use_the_same_key()
    {
        var client = await factory.AdminAsync();
        var key = Guid.NewGuid().ToString();
        var invalid = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/spaces", new { code = "IDEM 4", name = "Leerzeichen", level = "district" }, Key(key));
        await HttpAssert.ProblemAsync(invalid, HttpStatusCode.BadRequest, "code");

        var corrected = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/spaces", Space("IDEM-4"), Key(key));

        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.False(corrected.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task Keys_are_per_principal()
    {
        var admin = await factory.AdminAsync();
        var (partner, _) = await factory.ApiKeyClientAsync("editor");
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/spaces", Space("IDEM-5"), Key(key))).StatusCode);

        // Another principal with the same key and body is a new request: the handler runs (and finds the code taken).
        var response = await partner.SendJsonAsync(HttpMethod.Post, "/api/v1/spaces", Space("IDEM-5"), Key(key));

        await HttpAssert.ProblemAsync(response, HttpStatusCode.Conflict, "code");
    }

    [Fact]
    public async Task Replayed_import_does_not_import_again()
    {
        var client = await factory.AdminAsync();
        var key = Guid.NewGuid().ToString();
        var file = new
        {
            type = "FeatureCollection",
            features = new[] { new { type = "Feature", properties = new { code = "IDEM-IMP", name = "Importiert", level = "Landkreis" }, geometry = (object?)null } },
        };
        var first = await HttpAssert.OkAsync<JsonElement>(await client.SendJsonAsync(HttpMethod.Post, "/api/v1/spaces/import", file, Key(key)));
        var retry = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/spaces/import", file, Key(key));
        var replayed = await HttpAssert.OkAsync<JsonElement>(retry);

        Assert.Equal(1, first.GetProperty("created").GetInt32());
        Assert.Equal(first.GetRawText(), replayed.GetRawText());
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        var space = (await client.AllSpacesAsync()).Single(s => s.Str("code") == "IDEM-IMP");
        Assert.Equal(1, space.GetProperty("version").GetInt64()); // a second import would have made it version 2
    }

    [Fact]
    public async Task Dry_run_and_real_import_with_the_same_key_are_different_requests()
    {
        var client = await factory.AdminAsync();
        var key = Guid.NewGuid().ToString();
        var file = new { type = "FeatureCollection", features = new[] { new { type = "Feature", properties = new { code = "IDEM-DRY", name = "Probe", level = "county" } } } };
        await HttpAssert.OkAsync<JsonElement>(await client.SendJsonAsync(HttpMethod.Post, "/api/v1/spaces/import?dryRun=true", file, Key(key)));
        var real = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/spaces/import", file, Key(key));
        await HttpAssert.ProblemAsync(real, HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Keys_older_than_24_hours_are_forgotten()
    {
        // An API key client: a session cookie would expire when the clock jumps.
        var (client, _) = await factory.ApiKeyClientAsync("editor");
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await client.SendJsonAsync(HttpMethod.Post, "/api/v1/spaces", Space("IDEM-OLD-1"), Key(key))).StatusCode);
        factory.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        try
        {
            var reused = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/spaces", Space("IDEM-OLD-2"), Key(key));
            Assert.Equal(HttpStatusCode.Created, reused.StatusCode);
            var replay = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/spaces", Space("IDEM-OLD-2"), Key(key));
            Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
            Assert.Equal(reused.Headers.Location, replay.Headers.Location);
            Assert.True(replay.Headers.Contains("Idempotent-Replayed"));
        }
        finally
        {
            factory.Clock.Now = DateTimeOffset.UtcNow;
        }
    }

    [Fact]
    public async Task A_key_is_reserved_once_and_keeps_the_response_of_the_request_that_reserved_it()
    {
        using var scope = factory.Services.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var key = Guid.NewGuid().ToString();
        var ct = TestContext.Current.CancellationToken;

        Assert.True(await mediator.Send(new ReserveIdempotencyKeyCommand(key, "user:test", "hash-1"), ct));
        Assert.False(await mediator.Send(new ReserveIdempotencyKeyCommand(key, "user:test", "hash-2"), ct));
        Assert.True((await mediator.Send(new FindIdempotentResponseQuery(key, "user:test"), ct))?.Pending);
        Assert.True(await mediator.Send(new SaveIdempotentResponseCommand(key, "user:test", "hash-1", 201, "/first", "application/json", "{\"n\":1}"), ct));
        Assert.False(await mediator.Send(new SaveIdempotentResponseCommand(key, "user:test", "hash-1", 201, "/second", "application/json", "{\"n\":2}"), ct));
        var stored = await mediator.Send(new FindIdempotentResponseQuery(key, "user:test"), ct);

        Assert.False(stored?.Pending);
        Assert.Equal("hash-1", stored?.RequestHash);
        Assert.Equal("/first", stored?.Location);
        Assert.Null(await mediator.Send(new FindIdempotentResponseQuery(key, "user:other"), ct));
    }

    [Fact]
    public async Task A_released_reservation_frees_the_key()
    {
        using var scope = factory.Services.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var key = Guid.NewGuid().ToString();
        var ct = TestContext.Current.CancellationToken;

        Assert.True(await mediator.Send(new ReserveIdempotencyKeyCommand(key, "user:test", "hash-1"), ct));
        await mediator.Send(new ReleaseIdempotencyKeyCommand(key, "user:test"), ct);

        Assert.Null(await mediator.Send(new FindIdempotentResponseQuery(key, "user:test"), ct));
        Assert.True(await mediator.Send(new ReserveIdempotencyKeyCommand(key, "user:test", "hash-2"), ct));
    }

    [Fact]
    public async Task Twenty_parallel_identical_requests_with_one_key_create_exactly_one_resource()
    {
        var client = await factory.AdminAsync();
        for (var trial = 0; trial < 3; trial++)
        {
            var key = Guid.NewGuid().ToString();
            var code = $"IDEM-RACE-{trial}";
            var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
                client.SendJsonAsync(HttpMethod.Post, "/api/v1/spaces", Space(code), Key(key))));

            var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
            Assert.NotEmpty(created);
            var bodies = await Task.WhenAll(created.Select(r => r.Content.ReadAsStringAsync()));
            Assert.Single(bodies.Distinct());
            Assert.Single(created.Select(r => r.Headers.Location).Distinct());
            Assert.Single(created, r => !r.Headers.Contains("Idempotent-Replayed"));
            foreach (var other in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            {
                await HttpAssert.ProblemAsync(other, HttpStatusCode.Conflict);
                Assert.NotNull(other.Headers.RetryAfter);
            }
            Assert.Single(await client.AllSpacesAsync(), s => s.Str("code") == code);
        }
    }

    [Fact]
    public async Task Document_shows_the_optional_header_and_the_422_on_creating_posts()
    {
        var doc = await HttpAssert.OkAsync<JsonElement>(await factory.UncheckedClient().GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken));
        var post = doc.GetProperty("paths").GetProperty("/api/v1/spaces").GetProperty("post");
        var parameter = post.GetProperty("parameters").EnumerateArray().Single(p => p.Str("name") == Header);
        Assert.Equal("header", parameter.Str("in"));
        Assert.False(parameter.TryGetProperty("required", out var required) && required.GetBoolean());
        Assert.Equal(100, parameter.GetProperty("schema").GetProperty("maxLength").GetInt32());
        Assert.True(post.GetProperty("responses").TryGetProperty("422", out _));
        var get = doc.GetProperty("paths").GetProperty("/api/v1/spaces").GetProperty("get");
        Assert.DoesNotContain(get.GetProperty("parameters").EnumerateArray(), p => p.Str("name") == Header);
    }
}
