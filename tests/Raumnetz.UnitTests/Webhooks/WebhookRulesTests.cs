using System.Net;
using Raumnetz.Application.Webhooks;
using Raumnetz.Domain.Common;
using Raumnetz.Infrastructure.Webhooks;

namespace Raumnetz.UnitTests.Webhooks;

public sealed class WebhookRulesTests
{
    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.0.10")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("255.255.255.255")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fc00::1")]
    [InlineData("::ffff:192.168.1.1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("ff02::1")]
    [InlineData("2001:db8::1")]
    public void Internal_addresses_are_refused_by_default(string address) =>
        Assert.False(WebhookAddresses.IsAllowed(IPAddress.Parse(address), new WebhookOptions()));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("193.175.1.1")]
    [InlineData("2a00:1450:4001::200e")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.True(WebhookAddresses.IsAllowed(IPAddress.Parse(address), new WebhookOptions()));

    [Fact]
    public void Configuration_opens_loopback_alone_or_every_private_range_but_never_unspecified_or_multicast()
    {
        var loopback = new WebhookOptions { AllowLoopbackTargets = true };
        Assert.True(WebhookAddresses.IsAllowed(IPAddress.Loopback, loopback));
        Assert.True(WebhookAddresses.IsAllowed(IPAddress.IPv6Loopback, loopback));
        Assert.False(WebhookAddresses.IsAllowed(IPAddress.Parse("10.0.0.1"), loopback));
        Assert.False(WebhookAddresses.IsAllowed(IPAddress.Parse("169.254.169.254"), loopback));
        var all = new WebhookOptions { AllowPrivateTargets = true };
        Assert.True(WebhookAddresses.IsAllowed(IPAddress.Parse("10.0.0.1"), all));
        Assert.True(WebhookAddresses.IsAllowed(IPAddress.Parse("fd00::1"), all));
        Assert.False(WebhookAddresses.IsAllowed(IPAddress.Any, all));
        Assert.False(WebhookAddresses.IsAllowed(IPAddress.Parse("224.0.0.1"), all));
    }

    [Theory]
    [InlineData("*", "actor.create", true)]
    [InlineData("actor.*", "actor.update", true)]
    [InlineData("actor.*", "actorRelation.create", false)]
    [InlineData("actor.create", "actor.create", true)]
    [InlineData("actor.create", "actor.update", false)]
    [InlineData("space.*", "actor.create", false)]
    public void Event_types_match_exactly_by_entity_or_everything(string pattern, string type, bool matches) =>
        Assert.Equal(matches, WebhookEvents.Matches([pattern], type));

    [Fact]
    public void Retry_delays_grow_to_the_cap_and_the_default_schedule_retries_for_more_than_a_day()
    {
        var options = new WebhookOptions();
        Assert.Equal(TimeSpan.FromSeconds(30), WebhookRetrySchedule.DelayAfter(1, options, 0));
        Assert.Equal(TimeSpan.FromSeconds(60), WebhookRetrySchedule.DelayAfter(2, options, 0));
        Assert.Equal(TimeSpan.FromSeconds(36), WebhookRetrySchedule.DelayAfter(1, options, 1));
        Assert.Equal(options.MaxRetryDelay, WebhookRetrySchedule.DelayAfter(40, options, 0));
        Assert.True(options.RetryWindow >= TimeSpan.FromHours(24));
        var start = DateTimeOffset.UnixEpoch;
        var now = start;
        var attempts = 1;
        while (!WebhookRetrySchedule.Exhausted(start, now, options)) now += WebhookRetrySchedule.DelayAfter(attempts++, options, 0);
        Assert.True(now - start >= TimeSpan.FromHours(24));
        Assert.InRange(attempts, 10, 40);
    }

    [Theory]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", true)]
    [InlineData("whsec_dG9vLXNob3J0", false)]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", false)]
    [InlineData("whsec_not base64!", false)]
    public void Secrets_are_whsec_and_enough_base64(string secret, bool valid) => Assert.Equal(valid, WebhookEvents.IsValidSecret(secret));

    [Fact]
    public void Generated_secrets_are_valid_and_different() =>
        Assert.True(WebhookEvents.IsValidSecret(WebhookEvents.NewSecret()) && WebhookEvents.NewSecret() != WebhookEvents.NewSecret());

    [Theory]
    [InlineData("http://8.8.8.8/hook")]
    [InlineData("https://10.0.0.1/hook")]
    [InlineData("https://[fd00::1]/hook")]
    [InlineData("https://user:secret@8.8.8.8/hook")]
    [InlineData("https://127.0.0.1/hook")]
    public async Task Targets_need_https_and_a_public_address_unless_configured(string url)
    {
        var refused = await Assert.ThrowsAsync<InvalidFieldException>(() =>
            new WebhookTargets(new WebhookOptions { AllowHttp = false }).CheckAsync(url, "url", TestContext.Current.CancellationToken));
        Assert.Equal("url", refused.Field);
    }

    [Fact]
    public async Task A_public_https_target_passes_and_configuration_opens_http_and_loopback()
    {
        var ct = TestContext.Current.CancellationToken;
        await new WebhookTargets(new WebhookOptions { AllowHttp = false }).CheckAsync("https://8.8.8.8/hook", "url", ct);
        await new WebhookTargets(new WebhookOptions { AllowHttp = true, AllowLoopbackTargets = true })
            .CheckAsync("http://127.0.0.1:5099/hook", "url", ct);
    }
}
