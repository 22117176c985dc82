using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Webhooks;

/// <summary>
/// Webhooks end to end with a real receiver in the test process: subscriptions (administrators only, ETags, the secret shown
/// once), the target check, Standard Webhooks signatures, order, retries, redelivery and ping.
/// </summary>
public sealed class WebhooksTests(WebhookApiFactory factory) : IClassFixture<WebhookApiFactory>
{
    private const string Url = "/api/v1/webhooks";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Subscriptions_are_for_administrators_with_etags_and_the_secret_shown_once()
    {
        var admin = await factory.AdminAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var response = await admin.PostAsJsonAsync(Url,
            new { url = receiver.Url, eventTypes = new[] { "actor.*" }, description = "Jobcenter" }, Ct);
        var created = await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        Assert.StartsWith("whsec_", created.GetProperty("secret").GetString(), StringComparison.Ordinal);
        Assert.Equal($"/api/v1/webhooks/{id}", response.Headers.Location?.OriginalString);
        Assert.True(created.GetProperty("active").GetBoolean());

        var get = await admin.GetAsync($"{Url}/{id}", Ct);
        var read = await HttpAssert.OkAsync<JsonElement>(get);
        Assert.False(read.TryGetProperty("secret", out _));
        Assert.Equal("\"1\"", get.Headers.ETag?.Tag);
        var listed = await HttpAssert.OkAsync<JsonElement>(await admin.GetAsync(Url, Ct));
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain("whsec_", listed.GetRawText(), StringComparison.Ordinal);

        var body = new { url = receiver.Url, eventTypes = new[] { "actor.create", "space.*" }, description = "neu", active = false };
        await HttpAssert.ProblemAsync(await admin.PutAsJsonAsync($"{Url}/{id}", body, Ct), HttpStatusCode.PreconditionRequired);
        var updated = await HttpAssert.OkAsync<JsonElement>(await admin.SendAsync(
            new HttpRequestMessage(HttpMethod.Put, $"{Url}/{id}") { Content = JsonContent.Create(body) }.WithIfMatch("\"1\""), Ct));
        Assert.Equal(2, updated.GetProperty("version").GetInt64());
        Assert.False(updated.GetProperty("active").GetBoolean());
        Assert.False(string.IsNullOrEmpty(updated.GetProperty("disabledReason").GetString()));
        Assert.Equal(["actor.create", "space.*"], updated.GetProperty("eventTypes").EnumerateArray().Select(e => e.GetString()));
        await HttpAssert.ProblemAsync(await admin.SendAsync(
            new HttpRequestMessage(HttpMethod.Put, $"{Url}/{id}") { Content = JsonContent.Create(body) }.WithIfMatch("\"1\""), Ct),
            HttpStatusCode.PreconditionFailed);

        var editor = await factory.SignedInAsAsync("editor");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(Url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await editor.PostAsJsonAsync(Url, new { url = receiver.Url, eventTypes = new[] { "*" } }, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent,
            (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{Url}/{id}").WithIfMatch("\"2\""), Ct)).StatusCode);
        await HttpAssert.ProblemAsync(await admin.GetAsync($"{Url}/{id}", Ct), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://192.168.178.1/hook")]
    [InlineData("http://172.20.0.5/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://0.0.0.0/hook")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://[::ffff:10.0.0.1]/hook")]
    [InlineData("ftp://example.org/hook")]
    [InlineData("http://user:pass@127.0.0.1/hook")]
    public async Task Private_and_link_local_targets_are_refused_naming_url(string target)
    {
        var admin = await factory.AdminAsync();
        var before = await HttpAssert.OkAsync<JsonElement>(await admin.GetAsync(Url + "?limit=500", Ct));
        await HttpAssert.ProblemAsync(await admin.PostAsJsonAsync(Url, new { url = target, eventTypes = new[] { "*" } }, Ct),
            HttpStatusCode.BadRequest, "url");
        var after = await HttpAssert.OkAsync<JsonElement>(await admin.GetAsync(Url + "?limit=500", Ct));
        Assert.Equal(before.GetProperty("items").GetArrayLength(), after.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("actor", "eventTypes[0]")]
    [InlineData("actor.create; drop", "eventTypes[0]")]
    [InlineData("", "eventTypes[0]")]
    [InlineData("actors.create", "eventTypes[0]")]
    public async Task Malformed_event_types_are_refused(string type, string field)
    {
        var admin = await factory.AdminAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await HttpAssert.ProblemAsync(await admin.PostAsJsonAsync(Url, new { url = receiver.Url, eventTypes = new[] { type } }, Ct),
            HttpStatusCode.BadRequest, field);
        await HttpAssert.ProblemAsync(await admin.PostAsJsonAsync(Url, new { url = receiver.Url, eventTypes = Array.Empty<string>() }, Ct),
            HttpStatusCode.BadRequest, "eventTypes");
        await HttpAssert.ProblemAsync(await admin.PostAsJsonAsync(Url,
            new { url = receiver.Url, eventTypes = new[] { "*" }, secret = "not-a-secret" }, Ct), HttpStatusCode.BadRequest, "secret");
    }

    [Fact]
    public async Task Events_arrive_signed_by_the_standard_webhooks_algorithm_in_commit_order()
    {
        var admin = await factory.AdminAsync();
        await RemoveAllAsync(admin);
        await using var receiver = await WebhookReceiver.StartAsync();
        var secret = WebhookSecret.New();
        var subscription = await SubscribeAsync(admin, receiver.Url, ["actor.*"], secret);

        var first = await CreateActorAsync(admin, "Jobcenter Mitte");
        var second = await CreateActorAsync(admin, "Jugendamt Nord");
        var etag = (await admin.GetAsync($"/api/v1/actors/{first}", Ct)).Headers.ETag!.Tag;
        await HttpAssert.OkAsync<JsonElement>(await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/v1/actors/{first}")
        {
            Content = JsonContent.Create(
                new { kind = "organisation", name = "Jobcenter Mitte-Nord", type = "job-centre", sector = "public" }),
        }.WithIfMatch(etag), Ct));
        // a space is no actor: not delivered to this subscription
        await HttpAssert.OkAsync<JsonElement>(await admin.PostAsJsonAsync("/api/v1/spaces",
            new { code = "WH-" + Guid.NewGuid().ToString("N")[..6], name = "Sozialraum Mitte", level = "district" }, Ct),
            HttpStatusCode.Created);
        var third = await CreateActorAsync(admin, "Schulamt");

        await WaitUntilAsync(() => receiver.Received.Count >= 4, () => $"{receiver.Received.Count} of 4 events arrived");
        await WaitUntilAsync(async () => await PositionAsync(admin, subscription) >= await LastDeliveredSeqAsync(admin, subscription),
            () => "the position did not reach the last delivery");
        var received = receiver.Received.ToList();
        Assert.Equal(4, received.Count);
        foreach (var hook in received) Assert.True(WebhookSecret.Verify(secret, hook), $"signature of {hook.Id} does not verify");
        var events = received.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(["actor.create", "actor.create", "actor.update", "actor.create"],
            events.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal([first, second, first, third], events.Select(e => e.GetProperty("data").GetProperty("entityId").GetGuid()));
        Assert.Equal(2, events[2].GetProperty("data").GetProperty("version").GetInt64());
        Assert.Contains("name", events[2].GetProperty("data").GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        var seqs = received.Select(r => long.Parse(r.Id["evt_".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(seqs.Order(), seqs);
        Assert.Equal(4, seqs.Distinct().Count());
        Assert.All(events, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("data").GetProperty("cursor").GetString())));
    }

    [Fact]
    public async Task A_receiver_failing_three_times_gets_the_event_once_as_a_success_with_four_log_entries()
    {
        var admin = await factory.AdminAsync();
        await RemoveAllAsync(admin);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = n => n <= 3 ? 503 : 200;
        var subscription = await SubscribeAsync(admin, receiver.Url, ["actor.create"]);
        var actor = await CreateActorAsync(admin, "Caritas Ost");

        // the log entry is written after the receiver answered: wait for it, not for the receiver
        await WaitUntilAsync(async () => (await DeliveriesAsync(admin, subscription)).Any(d => d.GetProperty("succeeded").GetBoolean()),
            () => $"{receiver.Received.Count} attempts, none logged as succeeded");
        var log = await DeliveriesAsync(admin, subscription);
        Assert.Equal(4, log.Count);
        Assert.Equal([4, 3, 2, 1], log.Select(d => d.GetProperty("attempt").GetInt32()));
        Assert.Equal([200, 503, 503, 503], log.Select(d => d.GetProperty("statusCode").GetInt32()));
        Assert.Single(log, d => d.GetProperty("succeeded").GetBoolean());
        Assert.All(log, d => Assert.False(d.GetProperty("manual").GetBoolean()));
        Assert.Equal("receiver down", log[^1].GetProperty("responseExcerpt").GetString());
        Assert.Single(receiver.Received.Select(r => r.Id).Distinct());
        Assert.Single(receiver.Received, r => r.AnsweredWith == 200);
        Assert.Equal(actor,
            JsonDocument.Parse(receiver.Received.Last().Body).RootElement.GetProperty("data").GetProperty("entityId").GetGuid());

        var state = await HttpAssert.OkAsync<JsonElement>(await admin.GetAsync($"{Url}/{subscription}", Ct));
        Assert.Equal(0, state.GetProperty("attempts").GetInt32());
        Assert.Equal(JsonValueKind.Null, state.GetProperty("nextAttemptAt").ValueKind);
        Assert.True(state.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task A_delivery_can_be_redelivered_with_the_same_id_and_a_ping_is_signed()
    {
        var admin = await factory.AdminAsync();
        await RemoveAllAsync(admin);
        await using var receiver = await WebhookReceiver.StartAsync();
        var secret = WebhookSecret.New();
        var subscription = await SubscribeAsync(admin, receiver.Url, ["actor.create"], secret);
        await CreateActorAsync(admin, "Diakonie Süd");
        await WaitUntilAsync(async () => (await DeliveriesAsync(admin, subscription)).Count > 0, () => "the event was not delivered");
        var delivery = (await DeliveriesAsync(admin, subscription)).Single();

        var again = await HttpAssert.OkAsync<JsonElement>(await admin.PostAsync(
            $"{Url}/{subscription}/deliveries/{delivery.GetProperty("id").GetGuid()}/redeliver", null, Ct));
        Assert.True(again.GetProperty("manual").GetBoolean());
        Assert.Equal(2, again.GetProperty("attempt").GetInt32());
        Assert.Equal(delivery.GetProperty("eventId").GetString(), again.GetProperty("eventId").GetString());
        Assert.Equal(2, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.Id).Distinct());
        Assert.True(WebhookSecret.Verify(secret, receiver.Received.Last()));
        await HttpAssert.ProblemAsync(await admin.PostAsync($"{Url}/{subscription}/deliveries/{Guid.NewGuid()}/redeliver", null, Ct),
            HttpStatusCode.NotFound);

        var ping = await HttpAssert.OkAsync<JsonElement>(await admin.PostAsync($"{Url}/{subscription}/ping", null, Ct));
        Assert.True(ping.GetProperty("succeeded").GetBoolean());
        Assert.Equal("webhook.ping", ping.GetProperty("eventType").GetString());
        var received = receiver.Received.Last();
        Assert.True(WebhookSecret.Verify(secret, received));
        Assert.Equal("webhook.ping", JsonDocument.Parse(received.Body).RootElement.GetProperty("type").GetString());
        Assert.Equal(3, (await DeliveriesAsync(admin, subscription)).Count);
    }

    [Fact]
    public async Task A_disabled_subscription_is_resumed_from_its_position()
    {
        var admin = await factory.AdminAsync();
        await RemoveAllAsync(admin);
        await using var receiver = await WebhookReceiver.StartAsync();
        var subscription = await SubscribeAsync(admin, receiver.Url, ["actor.create"]);
        var paused = await HttpAssert.OkAsync<JsonElement>(await admin.SendAsync(
            new HttpRequestMessage(HttpMethod.Put, $"{Url}/{subscription}")
        {
            Content = JsonContent.Create(new { url = receiver.Url, eventTypes = new[] { "actor.create" }, active = false }),
        }.WithIfMatch("\"1\""), Ct));
        Assert.False(paused.GetProperty("active").GetBoolean());
        await using var control = await WebhookReceiver.StartAsync();
        await SubscribeAsync(admin, control.Url, ["actor.create"]);
        var actor = await CreateActorAsync(admin, "AWO West");
        // the dispatcher has passed the event (an active subscription got it), but the paused one was sent nothing
        await WaitUntilAsync(() => !control.Received.IsEmpty, () => "the control subscription got nothing");
        Assert.Empty(receiver.Received);
        Assert.Empty(await DeliveriesAsync(admin, subscription));
        await HttpAssert.OkAsync<JsonElement>(await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"{Url}/{subscription}")
        {
            Content = JsonContent.Create(new { url = receiver.Url, eventTypes = new[] { "actor.create" }, active = true }),
        }.WithIfMatch("\"2\""), Ct));
        await WaitUntilAsync(() => !receiver.Received.IsEmpty, () => "the waiting event did not arrive after resuming");
        Assert.Equal(actor,
            JsonDocument.Parse(receiver.Received.Single().Body).RootElement.GetProperty("data").GetProperty("entityId").GetGuid());
    }

    // --- helpers shared by the webhook tests ---

    /// <summary>Deletes every subscription, so that receivers of earlier tests (stopped by now) are not tried meanwhile.</summary>
    internal static async Task RemoveAllAsync(HttpClient admin)
    {
        var page = await HttpAssert.OkAsync<JsonElement>(await admin.GetAsync(Url + "?limit=500", Ct));
        foreach (var s in page.GetProperty("items").EnumerateArray())
        {
            var response = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{Url}/{s.GetProperty("id").GetGuid()}")
                .WithIfMatch($"\"{s.GetProperty("version").GetInt64()}\""), Ct);
            Assert.True(response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.PreconditionFailed, $"{response.StatusCode}");
        }
    }

    internal static async Task<Guid> SubscribeAsync(HttpClient admin, string url, string[] types, string? secret = null)
    {
        var created = await HttpAssert.OkAsync<JsonElement>(await admin.PostAsJsonAsync(Url, new { url, eventTypes = types, secret }, Ct),
            HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    internal static async Task<Guid> CreateActorAsync(HttpClient client, string name)
    {
        var actor = await HttpAssert.OkAsync<JsonElement>(await client.PostAsJsonAsync("/api/v1/actors",
            new { kind = "organisation", name, type = "job-centre", sector = "public" }, Ct), HttpStatusCode.Created);
        return actor.GetProperty("id").GetGuid();
    }

    internal static async Task<List<JsonElement>> DeliveriesAsync(HttpClient admin, Guid subscription)
    {
        var page = await HttpAssert.OkAsync<JsonElement>(await admin.GetAsync($"{Url}/{subscription}/deliveries?limit=500", Ct));
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    internal static async Task<long> PositionAsync(HttpClient admin, Guid subscription) =>
        (await HttpAssert.OkAsync<JsonElement>(await admin.GetAsync($"{Url}/{subscription}", Ct))).GetProperty("position").GetInt64();

    private static async Task<long> LastDeliveredSeqAsync(HttpClient admin, Guid subscription) =>
        (await DeliveriesAsync(admin, subscription)).Select(d => d.GetProperty("seq").GetInt64()).DefaultIfEmpty(0).Max();

    /// <summary>Polls until the condition holds (no fixed sleeps); fails after a generous limit with what was seen.</summary>
    internal static async Task WaitUntilAsync(Func<Task<bool>> condition, Func<string> message)
    {
        var limit = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < limit, message());
            await Task.Delay(20, Ct);
        }
    }

    internal static Task WaitUntilAsync(Func<bool> condition, Func<string> message) =>
        WaitUntilAsync(() => Task.FromResult(condition()), message);
}

/// <summary>
/// The Standard Webhooks verification written out here, independently of the product and of the StandardWebhooks package:
/// HMAC-SHA256 keyed with the base64-decoded part of whsec_..., over "{webhook-id}.{webhook-timestamp}.{body}", base64, and
/// compared with each "v1,..." entry of webhook-signature (space separated).
/// </summary>
internal static class WebhookSecret
{
    public static string New() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static bool Verify(string secret, ReceivedWebhook hook)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{hook.Id}.{hook.Timestamp}.{hook.Body}")));
        var timestamp = DateTimeOffset.FromUnixTimeSeconds(long.Parse(hook.Timestamp, System.Globalization.CultureInfo.InvariantCulture));
        if ((DateTimeOffset.UtcNow - timestamp).Duration() > TimeSpan.FromMinutes(5)) return false;
        return hook.Signature.Split(' ').Any(s => s.StartsWith("v1,", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s[3..]), Encoding.ASCII.GetBytes(expected)));
    }
}
