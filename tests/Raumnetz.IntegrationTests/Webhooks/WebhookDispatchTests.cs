using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Webhooks.WebhooksTests;

namespace Raumnetz.IntegrationTests.Webhooks;

/// <summary>
/// The dispatcher across instances and restarts: an event committed by an instance that stops before delivering is delivered
/// by the next one on the database; two instances on one database deliver every event exactly once; a receiver that keeps
/// failing past the retry window gets its subscription disabled with the reason.
/// </summary>
public sealed class WebhookDispatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_event_committed_before_the_api_stopped_is_delivered_after_the_restart()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var database = TestDatabase.Create(TestDatabase.CurrentProvider);
        Guid actor;
        Guid subscription;
        // the first instance commits the change and stops before its dispatcher ever runs (it has none)
        using (var first = WebhookApiFactory.Instance(database, dispatcher: false))
        {
            var admin = await first.AdminAsync();
            subscription = await SubscribeAsync(admin, receiver.Url, ["actor.*"]);
            actor = await CreateActorAsync(admin, "Jobcenter vor dem Neustart");
            Assert.Empty(await DeliveriesAsync(admin, subscription));
        }
        Assert.Empty(receiver.Received);

        using var second = WebhookApiFactory.Instance(database);
        var again = await second.AdminAsync();
        await WaitUntilAsync(async () => (await DeliveriesAsync(again, subscription)).Count > 0,
            () => "the committed event was not delivered after the restart");
        var hook = Assert.Single(receiver.Received);
        Assert.Equal(actor, JsonDocument.Parse(hook.Body).RootElement.GetProperty("data").GetProperty("entityId").GetGuid());
        var log = await DeliveriesAsync(again, subscription);
        Assert.True(Assert.Single(log).GetProperty("succeeded").GetBoolean());
    }

    [Fact]
    public async Task Two_instances_on_one_database_deliver_every_event_once_and_in_order()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var database = TestDatabase.Create(TestDatabase.CurrentProvider);
        using var first = WebhookApiFactory.Instance(database);
        var admin = await first.AdminAsync();
        var subscription = await SubscribeAsync(admin, receiver.Url, ["actor.create"]);
        // the second instance starts after the first created the data-protection key, as a second server would
        using var second = WebhookApiFactory.Instance(database);
        var other = await second.AdminAsync();

        var created = new List<Guid>();
        for (var i = 0; i < 12; i++) created.Add(await CreateActorAsync(i % 2 == 0 ? admin : other, $"Träger {i}"));
        await WaitUntilAsync(() => receiver.Received.Count >= created.Count, () => $"{receiver.Received.Count} of {created.Count} arrived");
        var last = receiver.Received.Max(r => long.Parse(r.Id["evt_".Length..], System.Globalization.CultureInfo.InvariantCulture));
        await WaitUntilAsync(async () => await PositionAsync(admin, subscription) >= last,
            () => "the position did not reach the last event");

        var received = receiver.Received.ToList();
        Assert.Equal(created.Count, received.Count);
        Assert.Equal(created,
            received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("data").GetProperty("entityId").GetGuid()));
        Assert.Equal(created.Count, received.Select(r => r.Id).Distinct().Count());
        var log = await DeliveriesAsync(other, subscription);
        Assert.Equal(created.Count, log.Count);
        Assert.All(log, d => Assert.True(d.GetProperty("succeeded").GetBoolean()));
    }

    [Fact]
    public async Task A_subscription_failing_past_the_retry_window_is_disabled_with_the_reason_and_can_be_resumed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = _ => 500;
        using var factory = new ShortRetryWindowFactory();
        var admin = await factory.AdminAsync();
        var subscription = await SubscribeAsync(admin, receiver.Url, ["actor.create"]);
        var actor = await CreateActorAsync(admin, "Quartiersmanagement");

        JsonElement state = default;
        await WaitUntilAsync(async () =>
        {
            state = await HttpAssert.OkAsync<JsonElement>(await admin.GetAsync($"/api/v1/webhooks/{subscription}", Ct));
            return !state.GetProperty("active").GetBoolean();
        }, () => $"still active after {receiver.Received.Count} attempts");
        Assert.Contains("evt_", state.GetProperty("disabledReason").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(JsonValueKind.Null, state.GetProperty("disabledAt").ValueKind);
        var attempts = receiver.Received.Count;
        Assert.True(attempts >= 2, $"only {attempts} attempt(s) before disabling");
        Assert.Equal(attempts, (await DeliveriesAsync(admin, subscription)).Count);
        Assert.Single(receiver.Received.Select(r => r.Id).Distinct());

        // the receiver is fixed; resuming delivers the same event
        receiver.Answer = _ => 200;
        var etag = (await admin.GetAsync($"/api/v1/webhooks/{subscription}", Ct)).Headers.ETag!.Tag;
        var resumed = await HttpAssert.OkAsync<JsonElement>(await admin.SendAsync(
            new HttpRequestMessage(HttpMethod.Put, $"/api/v1/webhooks/{subscription}")
        {
            Content = JsonContent.Create(new { url = receiver.Url, eventTypes = new[] { "actor.create" }, active = true }),
        }.WithIfMatch(etag), Ct));
        Assert.Equal(JsonValueKind.Null, resumed.GetProperty("disabledReason").ValueKind);
        await WaitUntilAsync(async () => (await DeliveriesAsync(admin, subscription)).Any(d => d.GetProperty("succeeded").GetBoolean()),
            () => "not delivered after resuming");
        var success = receiver.Received.Single(r => r.AnsweredWith == 200);
        Assert.Equal(actor, JsonDocument.Parse(success.Body).RootElement.GetProperty("data").GetProperty("entityId").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/webhooks/{subscription}", Ct)).StatusCode);
    }
}
